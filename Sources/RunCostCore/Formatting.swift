import Foundation

/// Number formats shared by line-item formulas and every renderer.
public enum Format {
    /// The sign written before amounts in `currency`: `$`, `€`, `£`, else the code and a space.
    public static func symbol(for currency: String) -> String {
        switch currency {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        default: currency + " "
        }
    }

    /// `1234567.891` → `1,234,567.89`; whole numbers lose the fraction.
    public static func grouped(_ value: Double, maxFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        let negative = value < 0
        let text = trimmed(abs(value), maxFractionDigits: maxFractionDigits)
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var out = ""
        while whole.count > 3 {
            out = "," + whole.suffix(3) + out
            whole.removeLast(3)
        }
        out = whole + out
        if parts.count == 2 { out += "." + parts[1] }
        return (negative && out != "0" ? "-" : "") + out
    }

    /// Money rounded to cents: `$1,234.50`.
    public static func money(_ value: Double, symbol: String = "$") -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? symbol + "∞" : "-" + symbol + "∞") }
        guard abs(value) < 1e15 else { return (value < 0 ? "-" : "") + symbol + String(format: "%.3g", abs(value)) }
        let cents = (abs(value) * 100).rounded() / 100
        let body = fixed(cents, digits: 2)
        let parts = body.split(separator: ".")
        let whole = grouped(Double(parts[0]) ?? 0, maxFractionDigits: 0)
        return (value < 0 && cents > 0 ? "-" : "") + symbol + whole + "." + parts[1]
    }

    /// Money short enough for a tick: `$0.01`, `$1`, `$1.5k`, `$10k`, `$2M`.
    /// `money` always prints cents and full digits, too wide for an axis or a narrow column.
    public static func compactMoney(_ v: Double, symbol: String = "$") -> String {
        let a = abs(v)
        let sign = v < 0 ? "-" : ""
        let body: String
        if a >= 1e9 { body = Format.grouped(a / 1e9, maxFractionDigits: 2) + "B" }
        else if a >= 1e6 { body = Format.grouped(a / 1e6, maxFractionDigits: 2) + "M" }
        else if a >= 1e3 { body = Format.grouped(a / 1e3, maxFractionDigits: 2) + "k" }
        else if a >= 1 || a == 0 { body = Format.grouped(a, maxFractionDigits: 2) }
        else { body = Format.grouped(a, maxFractionDigits: Swift.min(12, Int((-log10(a)).rounded(.up)) + 2)) }
        return sign + symbol + body
    }

    /// A unit price with enough significant digits to show what the table says: `$0.0000166667`.
    public static func price(_ value: Double, symbol: String = "$") -> String {
        guard value != 0 else { return symbol + "0" }
        if value >= 0.01 && (value * 100).rounded() == value * 100 { return money(value, symbol: symbol) }
        return symbol + trimmed(value, maxFractionDigits: 10)
    }

    /// A per-unit price quoted per million (requests), as providers do: `$0.20/1M`.
    public static func perMillion(_ perUnit: Double, symbol: String = "$") -> String {
        price(perUnit * 1e6, symbol: symbol) + "/1M"
    }

    /// Seconds in the largest unit that keeps the number readable: `120ms`, `2s`, `15min`, `3h`.
    public static func duration(_ seconds: Double) -> String {
        // Thresholds forgive binary noise, so 0.9999999 s reads "1s", not "1,000ms".
        let s = seconds * (1 + 1e-9)
        if s >= 3600 { return grouped(seconds / 3600, maxFractionDigits: 2) + "h" }
        if s >= 60 { return grouped(seconds / 60, maxFractionDigits: 2) + "min" }
        if s >= 1 { return grouped(seconds, maxFractionDigits: 3) + "s" }
        return grouped(seconds * 1000, maxFractionDigits: 3) + "ms"
    }

    /// MiB as `512MB` or `1.5GB` (binary units, as the providers bill).
    public static func memory(_ mib: Double) -> String {
        // KB below one MB: a response size of 8KB must not read "0.01MB".
        mib * (1 + 1e-9) >= 1024 ? grouped(mib / 1024, maxFractionDigits: 3) + "GB"
            : mib > 0 && mib < 1 ? grouped(mib * 1024, maxFractionDigits: 2) + "KB" : grouped(mib, maxFractionDigits: 2) + "MB"
    }

    /// `value` rounded to `digits` significant digits, landing on the double nearest that decimal
    /// (one exact power-of-ten product or quotient), so `2.499999999999999` becomes `2.5` and
    /// `9999999.999999998` becomes `10000000`.
    public static func significant(_ value: Double, digits: Int) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let shift = digits - 1 - Int(log10(abs(value)).rounded(.down))
        guard shift > -300, shift < 300 else { return value }
        if shift >= 0 {
            let scale = pow(10, Double(shift))
            guard scale.isFinite, abs(value) * scale < 9e15 else { return value }
            return (value * scale).rounded() / scale
        }
        let scale = pow(10, Double(-shift))
        return (value / scale).rounded() * scale
    }

    /// Counts with a metric suffix: `3M`, `1.5B`, `250k`.
    public static func count(_ value: Double) -> String {
        let a = abs(value) * (1 + 1e-9)
        if a >= 1e9 { return grouped(value / 1e9, maxFractionDigits: 3) + "B" }
        if a >= 1e6 { return grouped(value / 1e6, maxFractionDigits: 3) + "M" }
        if a >= 1e3 { return grouped(value / 1e3, maxFractionDigits: 3) + "k" }
        return grouped(value, maxFractionDigits: 3)
    }
}
