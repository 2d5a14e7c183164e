/// Offerings priced in another currency are compared only through an exchange rate the user
/// gives: runcost ships no rates, because a stale rate would be an invented price.
public enum Currency {
    /// Converts offerings to `currency` with `rates` (units of `currency` per unit of the other);
    /// those with no rate are returned separately so the caller can say they were left out.
    public static func convert(_ offerings: [Offering], to currency: String, rates: [String: Double]) -> (kept: [Offering], leftOut: [Offering]) {
        var kept: [Offering] = [], leftOut: [Offering] = []
        for o in offerings {
            if o.currency == currency { kept.append(o) }
            else if let rate = rates[o.currency] {
                var converted = o.scalingPrices(by: rate)
                converted.currency = currency
                converted.notes += (converted.notes.isEmpty ? "" : " ") + "Converted from \(o.currency) at \(rate) \(currency)/\(o.currency)."
                kept.append(converted)
            } else { leftOut.append(o) }
        }
        return (kept, leftOut)
    }
}
