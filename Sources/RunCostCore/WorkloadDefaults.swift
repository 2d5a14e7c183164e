/// The documented inputs used when a workload leaves one out (docs/workloads.md, "Defaults"):
/// the CLI, the TUI and budget checks all start from these, and every report lists what was
/// defaulted, so a default never passes for a measurement.
public enum WorkloadDefaults {
    /// 1M requests a month (about 0.38 per second).
    public static let requestsPerMonth = 1_000_000.0
    /// 100 ms of wall time per request.
    public static let duration = 0.1
    /// 512 MiB for a function or an instance.
    public static let memoryMiB = 512.0

    /// An input a report names when it was defaulted.
    public enum Input: String, Sendable, CaseIterable { case requests, duration, memory }

    /// "requests 1M/month, duration 100ms, memory 512MB" for the given inputs.
    public static func describe(_ inputs: [Input]) -> String {
        inputs.map { input in
            switch input {
            case .requests: "requests \(Format.count(requestsPerMonth))/month"
            case .duration: "duration \(Format.duration(duration))"
            case .memory: "memory \(Format.memory(memoryMiB))"
            }
        }.joined(separator: ", ")
    }
}
