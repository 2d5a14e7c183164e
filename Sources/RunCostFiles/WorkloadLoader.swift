import Foundation
import RunCostCore

/// The fields of a workload, as written in YAML (`cpu_time`) and as flags (`--cpu-time`).
public enum WorkloadField: String, CaseIterable, Sendable {
    case name, description
    case requests, rps, duration, cpuTime = "cpu_time", memory, vcpu, concurrency, arch
    case ephemeralStorage = "ephemeral_storage", payload, hours, instances
    case minInstances = "min_instances", targetUtilization = "target_utilization"
    case traffic, peakToAverage = "peak_to_average", trace, fixedFleet = "fixed_fleet", freeTier = "free_tier"
    case commitment, commitmentPlan = "commitment_plan", commitAmount = "commit_amount", spot
    case runtime, snapStart = "snapstart", maxColdStartRate = "max_cold_start_rate"
    case run, disk, publicIP = "public_ip"

    public var flag: String { "--" + rawValue.replacingOccurrences(of: "_", with: "-") }
}

/// Raw workload values with where each came from, before validation. A file fills it first, then
/// flags override field by field; `build()` validates everything the same way for both.
public struct WorkloadSpec: Sendable {
    public struct Value: Sendable {
        public var text: String
        public var origin: Origin
        public init(_ text: String, _ origin: Origin) { self.text = text; self.origin = origin }
    }
    public private(set) var values: [WorkloadField: Value] = [:]
    /// The file this spec was read from, for relative paths (a trace) and for status lines.
    public private(set) var path: String?

    public init() {}

    /// Reads a workload YAML file.
    public init(file path: String) throws {
        self.path = path
        let yaml = try YAMLFile(path: path)
        var fields = try yaml.mapping(yaml.root, "a workload")
        for field in WorkloadField.allCases {
            if let node = fields.optional(field.rawValue) {
                values[field] = Value(try yaml.scalar(node, field.rawValue), yaml.origin(of: node))
            }
        }
        try fields.rejectUnknown(known: WorkloadField.allCases.map(\.rawValue))
    }

    /// Sets a field from a flag; `requests` and `rps` replace each other, as do shape fields.
    public mutating func override(_ field: WorkloadField, _ text: String) {
        switch field {
        case .requests: values[.rps] = nil
        case .rps: values[.requests] = nil
        case .trace: values[.traffic] = nil
        case .traffic: values[.trace] = nil
        default: break
        }
        values[field] = Value(text, .flag(field.flag))
    }

    /// Sets a field as a file gives it: nothing is replaced, so `requests` beside `rps`, or
    /// `traffic` beside `trace`, is refused by `build()` at the second one's place.
    public mutating func set(_ field: WorkloadField, _ value: Value) {
        values[field] = value
    }

    public func value(_ field: WorkloadField) -> Value? { values[field] }

    public var name: String? { values[.name]?.text }

    /// The essentials this spec leaves out, which `build()` takes from `WorkloadDefaults`.
    public var missingInputs: [WorkloadDefaults.Input] {
        (values[.requests] == nil && values[.rps] == nil && values[.trace] == nil ? [.requests] : [])
            + (values[.duration] == nil ? [.duration] : []) + (values[.memory] == nil ? [.memory] : [])
    }

    /// Validates every value and returns the workload. Missing essentials take the documented
    /// defaults, listed in `defaultedInputs`.
    public func build() throws -> Workload {
        func number(_ field: WorkloadField, _ kind: Quantity.Kind, _ range: ClosedRange<Double>) throws -> Double? {
            guard let v = values[field] else { return nil }
            return try Fields.check(v.text, field.rawValue, kind, range, v.origin)
        }
        func whole(_ field: WorkloadField, _ range: ClosedRange<Double>) throws -> Double? {
            guard let n = try number(field, .count, range) else { return nil }
            guard n == n.rounded() else { throw InputError(values[field]!.origin, "\(field.rawValue): expected a whole number, got '\(values[field]!.text)'") }
            return n
        }
        func flag(_ field: WorkloadField) throws -> Bool? {
            guard let v = values[field] else { return nil }
            return try Fields.bool(v.text, field.rawValue, v.origin)
        }

        // Flags replace their counterpart (override), so both can only come from one file.
        for (a, b) in [(WorkloadField.requests, WorkloadField.rps), (.trace, .traffic)] where values[a] != nil && values[b] != nil {
            throw InputError(values[b]!.origin, "give \(a.rawValue) or \(b.rawValue), not both")
        }

        let hours = try number(.hours, .number, Ranges.hours) ?? 730
        var traffic = TrafficShape.constant
        var traceRequests: Double?
        if let v = values[.trace] {
            let trace = try TraceFile.load(tracePath ?? v.text, origin: v.origin)
            traffic = .trace(trace.load)
            traceRequests = trace.requestsPerMonth(hours: hours)
        } else if let v = values[.traffic] {
            traffic = try Fields.choice(v.text, "traffic", TrafficName.self, v.origin).shape
        }
        let peakToAverage = try number(.peakToAverage, .number, Ranges.peakToAverage)
        if traffic == .diurnal, let p = peakToAverage, p >= 24 {
            throw InputError(values[.peakToAverage]!.origin, "peak_to_average: a diurnal day peaks at most 24 × its average (one busy hour); got \(Format.grouped(p))")
        }

        let requests: Double
        if let r = try number(.requests, .count, Ranges.requests) { requests = r }
        else if let rps = try number(.rps, .number, Ranges.rps) { requests = rps * hours * 3600 }
        else { requests = traceRequests ?? WorkloadDefaults.requestsPerMonth }
        guard requests <= Ranges.requests.upperBound else {
            throw InputError(values[.rps]?.origin, "rps: \(Format.count(requests)) requests a month is out of range")
        }

        var w = Workload(requestsPerMonth: requests,
                         duration: try number(.duration, .duration, Ranges.positiveDuration) ?? WorkloadDefaults.duration,
                         memoryMiB: try number(.memory, .memory, Ranges.positiveMemory) ?? WorkloadDefaults.memoryMiB,
                         cpuTime: try number(.cpuTime, .duration, Ranges.duration),
                         concurrency: try whole(.concurrency, Ranges.concurrency) ?? 1,
                         traffic: traffic, peakToAverage: peakToAverage)
        w.hoursPerMonth = hours
        w.vcpu = try number(.vcpu, .number, Ranges.vcpu)
        w.arch = try values[.arch].map { try Fields.choice($0.text, "arch", Arch.self, $0.origin) }
        w.ephemeralStorageMiB = try number(.ephemeralStorage, .memory, Ranges.memory)
        w.payloadKiB = try number(.payload, .memory, Ranges.memory).map { $0 * 1024 }
        w.instances = try whole(.instances, 1...1e6)
        w.minInstances = try whole(.minInstances, Ranges.instanceCount)
        w.targetUtilization = try number(.targetUtilization, .fraction, Ranges.utilization) ?? 0.7
        w.fixedFleet = try flag(.fixedFleet) ?? false
        w.freeTier = try flag(.freeTier) ?? false
        try readCommitment(into: &w)
        w.defaultedInputs = missingInputs
        w.runtime = try values[.runtime].map { try RuntimeName.parse($0.text, origin: $0.origin) }
        w.snapStart = try flag(.snapStart) ?? false
        w.maxColdStartShare = try number(.maxColdStartRate, .fraction, 0...1)
        w.run = try values[.run].map { try Fields.choice($0.text, "run", RunMode.self, $0.origin) } ?? .service
        w.diskMiB = try number(.disk, .memory, Ranges.positiveMemory)
        w.publicIP = try flag(.publicIP) ?? true
        return w
    }

    /// The trace file as an absolute path: relative to the workload file when the file names it,
    /// else to the current folder. A saved workload then finds it from anywhere.
    public var tracePath: String? {
        guard let value = values[.trace] else { return nil }
        var trace = value.text
        if !trace.hasPrefix("/"), case .file = value.origin, let base = path {
            trace = FilePath.join(base == "-" ? "" : FilePath.folder(of: base), trace)
        }
        if !trace.hasPrefix("/") {
            trace = FilePath.join(FileManager.default.currentDirectoryPath, trace)
        }
        return (trace as NSString).standardizingPath
    }
}

/// Traffic shape names as users type them.
enum TrafficName: String, CaseIterable {
    case constant, diurnal, businessHours = "business-hours", bursty
    var shape: TrafficShape {
        switch self {
        case .constant: .constant
        case .diurnal: .diurnal
        case .businessHours: .businessHours
        case .bursty: .bursty
        }
    }
}
