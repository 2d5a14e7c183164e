import RunCostCore

extension SweepParameter {
    /// Reads a value of this parameter in its human unit (`--from 100ms` for duration), with the
    /// same bounds a workload field has.
    public func parse(_ text: String, origin: Origin) throws -> Double {
        try Fields.check(text, rawValue, quantityKind, limits, origin)
    }

    /// The range `--vary` covers without `--from/--to`: two decades either side of `value`
    /// (0.01× to 100×), within the parameter's limits. A zero value starts from 1.
    public func defaultRange(around value: Double) -> (from: Double, to: Double) {
        let centre = value > 0 ? value : 1
        var from = Swift.max(limits.lowerBound, centre / 100), to = Swift.min(limits.upperBound, centre * 100)
        if isWhole { from = from.rounded(.up); to = to.rounded(.down) }
        if from >= to { from = limits.lowerBound; to = Swift.min(limits.upperBound, Swift.max(from * 100, 1)) }
        return (from, to)
    }

    var quantityKind: Quantity.Kind {
        switch self {
        case .requests, .concurrency, .instances, .monthlyActiveUsers: .count
        case .duration, .cpuTime: .duration
        case .memory, .responseSize, .storage: .memory
        case .rps, .peakToAverage, .hours, .readsPerRequest: .number
        case .commitmentUtilisation: .fraction
        }
    }

    /// The bounds a workload field of this parameter has.
    public var limits: ClosedRange<Double> {
        switch self {
        case .requests: Ranges.requests
        case .rps: Ranges.rps
        case .duration: Ranges.positiveDuration
        case .cpuTime: Ranges.duration
        case .memory: Ranges.positiveMemory
        case .concurrency: Ranges.concurrency
        case .peakToAverage: Ranges.peakToAverage
        case .hours: Ranges.hours
        case .instances: 1...1e6
        case .commitmentUtilisation: 0.01...1
        case .readsPerRequest: 0...1e6
        case .monthlyActiveUsers: Ranges.count
        case .responseSize: Ranges.memory
        case .storage: ServiceLoader.sizes
        }
    }
}
