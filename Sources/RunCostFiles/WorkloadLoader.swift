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
    // The application section (docs/workloads.md, "Application"); dotted names live in a section.
    case scope
    case frontDoor = "front_door", responseSize = "response_size", egress
    case dataService = "data.service", readsPerRequest = "data.reads_per_request"
    case writesPerRequest = "data.writes_per_request", itemSize = "data.item_size", storage = "data.storage"
    case eventService = "events.service", eventsPerRequest = "events.per_request", eventSize = "events.size"
    case identityService = "users.service", monthlyActiveUsers = "users.monthly_active"
    case hostingService = "hosting.service", hostingStorage = "hosting.storage", hostingTransfer = "hosting.transfer"

    public var flag: String {
        switch self {
        case .dataService: "--data-service"
        case .eventService: "--event-service"
        case .eventsPerRequest: "--events-per-request"
        case .identityService: "--identity-service"
        case .monthlyActiveUsers: "--monthly-active-users"
        case .hostingService: "--hosting-service"
        case .eventSize: "--event-size"
        case .hostingStorage: "--hosting-storage"
        case .hostingTransfer: "--hosting-transfer"
        default: "--" + key.replacingOccurrences(of: "_", with: "-")
        }
    }

    /// The mapping a dotted field lives in (`data`, `events`, `users`, `hosting`), or nil.
    public var section: String? {
        guard let dot = rawValue.firstIndex(of: ".") else { return nil }
        return String(rawValue[..<dot])
    }

    /// The key inside its section, or the top-level key.
    public var key: String { section.map { String(rawValue.dropFirst($0.count + 1)) } ?? rawValue }

    public static let sections = ["data", "events", "users", "hosting"]

    /// The fields of the application section.
    public var isApplication: Bool {
        section != nil || self == .frontDoor || self == .responseSize || self == .egress
    }
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
        try WorkloadSpec.read(yaml, &fields) { field, value in values[field] = value }
    }

    /// Reads a workload's fields (top-level and the application's sections) from a mapping,
    /// giving each located value to `set`; unknown keys are refused with a suggestion.
    public static func read(_ yaml: YAMLFile, _ fields: inout Fields, _ set: (WorkloadField, Value) throws -> Void) throws {
        for field in WorkloadField.allCases where field.section == nil {
            if let node = fields.optional(field.rawValue) {
                try set(field, Value(try yaml.scalar(node, field.rawValue), yaml.origin(of: node)))
            }
        }
        for section in WorkloadField.sections {
            guard let node = fields.optional(section) else { continue }
            var inner = try yaml.mapping(node, section)
            let members = WorkloadField.allCases.filter { $0.section == section }
            for field in members {
                if let value = inner.optional(field.key) {
                    try set(field, Value(try yaml.scalar(value, field.rawValue), yaml.origin(of: value)))
                }
            }
            try inner.rejectUnknown(known: members.map(\.key))
        }
        try fields.rejectUnknown(known: WorkloadField.allCases.filter { $0.section == nil }.map(\.rawValue) + WorkloadField.sections)
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
        w.application = try application()
        w.scope = try values[.scope].map { try Fields.choice($0.text, "scope", CostScope.self, $0.origin) } ?? .application
        if w.scope == .data, w.application?.data == nil {
            throw InputError(values[.scope]!.origin, "scope: data prices the data service alone; describe the data (data: { reads_per_request, writes_per_request, storage } or --data-service)")
        }
        if dataServiceIDs.count > 1, w.scope != .data {
            throw InputError(values[.dataService]!.origin, "data.service: several services ('\(values[.dataService]!.text)') are compared with --scope data")
        }
        return w
    }

    /// The ids `data.service` lists (`a,b` compares several with `--scope data`); empty for auto/none.
    public var dataServiceIDs: [String] {
        guard let text = values[.dataService]?.text, text != "auto", text != "none" else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The application section, or nil when no field of it is given.
    func application() throws -> Application? {
        guard values.keys.contains(where: \.isApplication) else { return nil }
        func size(_ field: WorkloadField) throws -> Double? {
            guard let v = values[field] else { return nil }
            return try Fields.check(v.text, field.rawValue, .memory, ServiceLoader.sizes, v.origin) / 1024
        }
        func count(_ field: WorkloadField) throws -> Double? {
            guard let v = values[field] else { return nil }
            return try Fields.check(v.text, field.rawValue, .count, Ranges.count, v.origin)
        }
        func choice(_ field: WorkloadField) -> ServiceChoice {
            guard let v = values[field] else { return .auto }
            switch v.text {
            case "auto": return .auto
            case "none": return .none
            case "function-url" where field == .frontDoor: return .functionURL
            default: return .id(v.text.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? v.text)
            }
        }
        func given(_ section: String) -> [WorkloadField] { WorkloadField.allCases.filter { $0.section == section && values[$0] != nil } }
        var app = Application()
        app.frontDoor = choice(.frontDoor)
        app.responseSizeGB = try size(.responseSize) ?? 0
        app.egressGB = try size(.egress) ?? 0
        if let first = given("data").first {
            var data = Application.DataUse()
            data.service = choice(.dataService)
            data.readsPerRequest = try Fields.check(values[.readsPerRequest]?.text ?? "0", "reads_per_request", .number, 0...1e6, values[.readsPerRequest]?.origin ?? .flag("--reads-per-request"))
            data.writesPerRequest = try Fields.check(values[.writesPerRequest]?.text ?? "0", "writes_per_request", .number, 0...1e6, values[.writesPerRequest]?.origin ?? .flag("--writes-per-request"))
            if let item = values[.itemSize] {
                data.itemSizeGB = try Fields.check(item.text, "item_size", .memory, Ranges.positiveMemory, item.origin) / 1024
            }
            data.storageGB = try size(.storage) ?? 0
            // A data section must say what the database does, else it would price an empty database.
            if data.readsPerRequest == 0, data.writesPerRequest == 0, data.storageGB == 0, data.service != .none {
                throw InputError(values[first]!.origin, "data: expected volumes: reads_per_request, writes_per_request or storage (--reads-per-request, --writes-per-request, --storage); all are absent or zero")
            }
            app.data = data
        }
        if !given("events").isEmpty {
            var events = Application.EventUse()
            events.service = choice(.eventService)
            events.perRequest = try Fields.check(values[.eventsPerRequest]?.text ?? "0", "events.per_request", .number, 0...1e6, values[.eventsPerRequest]?.origin ?? .flag("--events-per-request"))
            if let v = values[.eventSize] { events.sizeGB = try Fields.check(v.text, "events.size", .memory, Ranges.positiveMemory, v.origin) / 1024 }
            app.events = events
        }
        if !given("users").isEmpty {
            var users = Application.UserUse()
            users.service = choice(.identityService)
            users.monthlyActive = try count(.monthlyActiveUsers) ?? 0
            app.users = users
        }
        if !given("hosting").isEmpty {
            var hosting = Application.HostingUse()
            hosting.service = choice(.hostingService)
            hosting.storageGB = try size(.hostingStorage) ?? 0
            hosting.transferGB = try size(.hostingTransfer) ?? 0
            app.hosting = hosting
        }
        return app
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
