/// What-if prices: prices a person changed (in `runcost tui`), not prices read from a provider.
/// Saved tables say so in their own fields, so every report that loads them can say so too.
extension Offering {
    /// How the `source` of a what-if offering starts; the original source (a URL) follows.
    public static let whatIfSourcePrefix = "runcost tui what-if of "

    /// True when the prices are a what-if, not the provider's.
    public var isWhatIf: Bool { source.hasPrefix(Self.whatIfSourcePrefix) }

    /// The offering at what-if prices as it is saved: every price times `factor`, `verified:
    /// false`, `as_of` the day of the edit, and a source naming the what-if and the original.
    public func whatIf(pricesScaledBy factor: Double, on date: CalendarDate) -> Offering {
        var copy = scalingPrices(by: factor)
        copy.verified = false
        copy.asOf = date
        copy.source = isWhatIf ? source : Self.whatIfSourcePrefix + source
        return copy
    }
}
