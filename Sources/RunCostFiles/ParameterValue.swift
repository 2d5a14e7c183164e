import RunCostCore

extension SweepParameter {
    /// Reads a value of this parameter in its human unit (`--from 100ms` for duration), with the
    /// same bounds a workload field has.
    public func parse(_ text: String, origin: Origin) throws -> Double {
        let (kind, range): (Quantity.Kind, ClosedRange<Double>) = switch self {
        case .requests: (.count, Ranges.requests)
        case .rps: (.number, Ranges.rps)
        case .duration: (.duration, Ranges.positiveDuration)
        case .cpuTime: (.duration, Ranges.duration)
        case .memory: (.memory, Ranges.positiveMemory)
        case .concurrency: (.count, Ranges.concurrency)
        case .peakToAverage: (.number, Ranges.peakToAverage)
        case .hours: (.number, Ranges.hours)
        case .instances: (.count, 1...1e6)
        case .commitmentUtilisation: (.fraction, 0.01...1)
        }
        return try Fields.check(text, rawValue, kind, range, origin)
    }
}
