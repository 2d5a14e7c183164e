import Foundation
import RunCostCore
import Yams

/// One pricing file or folder that contributed offerings, for status lines and staleness checks.
public struct PricingLayer: Sendable, Equatable {
    public var path: String
    public var offeringIDs: [String]
    public var oldestAsOf: CalendarDate?
    /// Services the layer's service tables gave (docs/pricing-format.md, "Service tables").
    public var serviceIDs: [String] = []
}

/// All offerings from layered tables: later layers replace earlier offerings with the same id.
public struct Catalog: Sendable {
    public private(set) var offerings: [Offering] = []
    public private(set) var layers: [PricingLayer] = []
    /// Rows of the cold-start tables, in layer order (every row, also those naming no offering).
    public private(set) var coldStarts: [ColdStartProfile] = []
    /// Application services from the service tables, by layer (a later layer replaces an id).
    public private(set) var services: [Service] = []

    public init() {}

    public init(offerings: [Offering]) { self.offerings = offerings }

    /// Loads each path (a YAML file, or a folder of them) in order over `base`, later overriding earlier.
    public static func load(_ paths: [String], over base: Catalog = Catalog()) throws -> Catalog {
        var catalog = base
        for path in paths {
            var layerOfferings: [Offering] = [], layerServices: [Service] = []
            for file in try PricingLoader.yamlFiles(at: path) {
                // Read once: a stream (`<(…)`, a FIFO) has nothing left for a second read.
                let yaml = try YAMLFile(path: file)
                if ColdStartLoader.isColdStartTable(yaml) {
                    catalog.coldStarts += try ColdStartLoader.load(yaml)
                    continue
                }
                if ServiceLoader.isServiceTable(yaml) {
                    layerServices += try ServiceLoader.load(yaml, seen: layerServices)
                    continue
                }
                layerOfferings += try PricingLoader.load(yaml, seen: layerOfferings)
            }
            catalog.add(layer: path, layerOfferings)
            catalog.add(services: layerServices)
        }
        catalog.offerings = attaching(catalog.coldStarts, to: catalog.offerings)
        return catalog
    }

    /// One layer already decoded (the tables compiled into the binary), cold-start rows attached.
    public init(layer path: String, offerings: [Offering], coldStarts: [ColdStartProfile] = [], services: [Service] = []) {
        self.coldStarts = coldStarts
        add(layer: path, offerings)
        add(services: services)
        self.offerings = Catalog.attaching(coldStarts, to: self.offerings)
    }

    /// Decodes tables held in memory as one layer; each error names `folder/name:line:column`.
    public static func decode(_ tables: [EmbeddedTable], folder: String) throws -> Catalog {
        var offerings: [Offering] = [], coldStarts: [ColdStartProfile] = [], services: [Service] = []
        for table in tables {
            let yaml = try YAMLFile(text: table.text, path: folder + "/" + table.name)
            if ColdStartLoader.isColdStartTable(yaml) { coldStarts += try ColdStartLoader.load(yaml); continue }
            if ServiceLoader.isServiceTable(yaml) { services += try ServiceLoader.load(yaml, seen: services); continue }
            offerings += try PricingLoader.load(yaml, seen: offerings)
        }
        return Catalog(layer: folder, offerings: offerings, coldStarts: coldStarts, services: services)
    }

    mutating func add(layer path: String, _ new: [Offering]) {
        // By id through a dictionary: a layer of 10,000 offerings must not compare every pair.
        var index = Dictionary(offerings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for offering in new {
            if let i = index[offering.id] { offerings[i] = offering } else { index[offering.id] = offerings.count; offerings.append(offering) }
        }
        layers.append(PricingLayer(path: path, offeringIDs: new.map(\.id), oldestAsOf: new.map(\.asOf).min()))
    }

    mutating func add(services new: [Service]) {
        guard !new.isEmpty else { return }
        var index = Dictionary(services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for service in new {
            if let i = index[service.id] { services[i] = service } else { index[service.id] = services.count; services.append(service) }
        }
        layers[layers.count - 1].serviceIDs = new.map(\.id)
    }

    public func offering(_ id: String) -> Offering? { offerings.first { $0.id == id } }

    /// The offering with this id, or an error that suggests the nearest id.
    public func require(_ id: String, origin: Origin? = nil) throws -> Offering {
        if let found = offering(id) { return found }
        throw InputError(origin, "unknown offering '\(id)'" + Suggestion.hint(id, in: offerings.map(\.id))
                                 + "; `runcost pricing list` shows them all")
    }
}

/// Decodes pricing tables (format: docs/pricing-format.md).
enum PricingLoader {
    static func yamlFiles(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.wholeFile(path), "no such pricing file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            let reason = access(path, R_OK | X_OK) == 0 ? "\(error.localizedDescription)" : SystemIO.explain(errno)
            throw InputError(.wholeFile(path), "the pricing folder cannot be read: \(reason)")
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else { throw InputError(.wholeFile(path), "the folder holds no .yaml pricing tables") }
        return files.map { FilePath.join(path, $0) }
    }

    static let tableFields = ["provider", "currency", "stack", "offerings"]
    static let offeringFields = ["id", "name", "kind", "region", "as_of", "source", "verified", "notes", "arch", "limits", "billing",
                                 "commitments", "spot", "stack"]

    /// The `provider:` and `currency:` every table (offerings or services) begins with.
    static func header(_ yaml: YAMLFile, _ table: inout Fields) throws -> (provider: String, currency: String, providerNode: Node) {
        let providerNode = try table.required("provider")
        let provider = try yaml.string(providerNode, "provider")
        let currencyNode = try table.required("currency")
        let currency = try yaml.string(currencyNode, "currency")
        guard currency.count == 3, currency.allSatisfy({ $0.isUppercase && $0.isLetter }) else {
            throw InputError(yaml.origin(of: currencyNode), "currency: expected an ISO 4217 code like USD or EUR, got '\(currency)'")
        }
        return (provider, currency, providerNode)
    }

    static func load(_ yaml: YAMLFile, seen: [Offering]) throws -> [Offering] {
        var table = try yaml.mapping(yaml.root, "a pricing table")
        let (provider, currency, providerNode) = try header(yaml, &table)
        let items = try yaml.sequence(table.required("offerings"), "offerings")
        // The provider-wide stack; an offering's own `stack:` overrides it key by key.
        let stack = try table.optional("stack").map { try ServiceLoader.loadStack(yaml, $0) } ?? Stack()
        try table.rejectUnknown(known: tableFields)
        var offerings: [Offering] = []
        var ids = Set(seen.map(\.id))
        for item in items {
            var offering = try loadOffering(yaml, item, provider: provider, currency: currency, providerOrigin: yaml.origin(of: providerNode))
            offering.stack = stack.overridden(by: offering.stack)
            guard ids.insert(offering.id).inserted else {
                throw InputError(yaml.origin(of: item), "duplicate offering id '\(offering.id)'")
            }
            offerings.append(offering)
        }
        return offerings
    }

    static func loadOffering(_ yaml: YAMLFile, _ node: Node, provider: String, currency: String, providerOrigin: Origin) throws -> Offering {
        var f = try yaml.mapping(node, "an offering")
        let idNode = try f.required("id")
        let id = try yaml.string(idNode, "id")
        let wellFormed = id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }) && id.contains("-")
        if wellFormed, !id.hasPrefix(provider + "-") {
            // A sound id under the wrong provider: the slip is usually `provider:` (one line, not every id).
            let at = yaml.origin(of: idNode)
            let line = if case .file(_, let l, _) = at { " on line \(l)" } else { "" }
            throw InputError(providerOrigin, "provider: '\(provider)' does not match offering id '\(id)'\(line); every id starts with the provider and '-' ('\(id.prefix { $0 != "-" })-…' needs provider: \(id.prefix { $0 != "-" }))")
        }
        guard wellFormed else {
            throw InputError(yaml.origin(of: idNode), "id: expected lower-case '\(provider)-product[-variant]' (letters, digits, '-', '.'), got '\(id)'")
        }
        let name = try yaml.string(f.required("name"), "name")
        let kind = try yaml.choice(f.required("kind"), "kind", OfferingKind.self)
        let region = try yaml.string(f.required("region"), "region")
        // A what-if table saved by the TUI names the original URL after the what-if prefix.
        let dated = try DatedSource(yaml, &f, allowingWhatIf: true)
        let verified = try f.optional("verified").map { try yaml.bool($0, "verified") } ?? true
        let notes = try f.optional("notes").map { try yaml.scalar($0, "notes") } ?? ""
        let arch = try f.optional("arch").map { try yaml.choice($0, "arch", Arch.self) }
        let limits = try f.optional("limits").map { try loadLimits(yaml, $0) } ?? Limits()
        let billing = try loadBilling(yaml, f.required("billing"))
        // Commitments and spot: CommitmentLoader.swift.
        let commitments = try f.optional("commitments").map { try CommitmentLoader.plans(yaml, $0) } ?? []
        let spot = try f.optional("spot").map { try CommitmentLoader.spot(yaml, $0) }
        let stack = try f.optional("stack").map { try ServiceLoader.loadStack(yaml, $0) } ?? Stack()
        try f.rejectUnknown(known: offeringFields)
        var offering = Offering(id: id, name: name, provider: provider, kind: kind, region: region, currency: currency,
                                asOf: dated.asOf, source: dated.source, verified: verified, notes: notes, arch: arch,
                                billing: billing, limits: limits)
        offering.commitments = commitments
        offering.spot = spot
        offering.stack = stack
        return offering
    }

    static func loadLimits(_ yaml: YAMLFile, _ node: Node) throws -> Limits {
        var f = try yaml.mapping(node, "limits")
        var limits = Limits()
        limits.maxDuration = try f.optional("max_duration").map { try yaml.quantity($0, "max_duration", .duration, Ranges.positiveDuration) }
        limits.maxCPUTime = try f.optional("max_cpu_time").map { try yaml.quantity($0, "max_cpu_time", .duration, Ranges.positiveDuration) }
        limits.maxMemoryMiB = try f.optional("max_memory").map { try yaml.quantity($0, "max_memory", .memory, Ranges.positiveMemory) }
        limits.maxVCPU = try f.optional("max_vcpu").map { try yaml.quantity($0, "max_vcpu", .number, Ranges.vcpu) }
        limits.maxConcurrency = try f.optional("max_concurrency").map { try yaml.quantity($0, "max_concurrency", .count, Ranges.concurrency) }
        limits.maxPayloadKiB = try f.optional("max_payload").map { try yaml.quantity($0, "max_payload", .memory, Ranges.positiveMemory) * 1024 }
        try f.rejectUnknown()
        return limits
    }

    static let models = ["per-request", "shared-instance", "cpu-time", "provisioned"]

    static func loadBilling(_ yaml: YAMLFile, _ node: Node) throws -> BillingModel {
        var f = try yaml.mapping(node, "billing")
        let modelNode = try f.required("model")
        let model = try yaml.string(modelNode, "model")
        func price(_ key: String) throws -> Double? {
            try f.optional(key).map { try yaml.quantity($0, key, .number, Ranges.price) }
        }
        func perMillion(_ key: String) throws -> Double? { try price(key).map { $0 / 1e6 } }
        func duration(_ key: String) throws -> Double? {
            try f.optional(key).map { try yaml.quantity($0, key, .duration, Ranges.duration) }
        }
        func memory(_ key: String) throws -> Double? {
            try f.optional(key).map { try yaml.quantity($0, key, .memory, Ranges.memory) }
        }
        func free() throws -> FreeAllowance {
            guard let node = f.optional("free") else { return FreeAllowance() }
            var g = try yaml.mapping(node, "free")
            func count(_ key: String) throws -> Double { try g.optional(key).map { try yaml.quantity($0, key, .count, Ranges.count) } ?? 0 }
            let allowance = FreeAllowance(requests: try count("requests"), gbSeconds: try count("gb_seconds"), vcpuSeconds: try count("vcpu_seconds"))
            try g.rejectUnknown()
            return allowance
        }

        let billing: BillingModel
        switch model {
        case "per-request":
            var p = PerRequestPricing()
            p.requestPrice = try perMillion("per_million_requests") ?? 0
            if let flat = try price("gb_second") { p.gbSecond = TieredPrice(flat: flat) }
            if let tiersNode = f.optional("gb_second_tiers") {
                guard p.gbSecond == nil else { throw InputError(yaml.origin(of: tiersNode), "give gb_second or gb_second_tiers, not both") }
                p.gbSecond = try loadTiers(yaml, tiersNode, "gb_second_tiers") { try yaml.quantity($0, "up_to", .count, Ranges.count) }
            }
            p.vcpuSecond = try price("vcpu_second")
            p.vcpuPerGB = try f.optional("vcpu_per_gb").map { try yaml.quantity($0, "vcpu_per_gb", .number, Ranges.vcpu) }
            if let steps = f.optional("vcpu_for_memory") {
                guard p.vcpuPerGB == nil else { throw InputError(yaml.origin(of: steps), "give vcpu_per_gb or vcpu_for_memory, not both") }
                p.vcpuForMemory = try loadVCPUForMemory(yaml, steps)
            }
            p.granularity = try duration("granularity") ?? 0.001
            p.minimumDuration = try duration("minimum_duration") ?? 0
            p.memoryStepMiB = try memory("memory_step") ?? 1
            if let sizes = f.optional("memory_sizes") {
                p.memorySizesMiB = try yaml.sequence(sizes, "memory_sizes").map { try yaml.quantity($0, "memory_sizes", .memory, Ranges.positiveMemory) }.sorted()
            }
            p.minimumMemoryMiB = try memory("minimum_memory") ?? 0
            p.free = try free()
            if let storage = f.optional("ephemeral_storage") {
                var g = try yaml.mapping(storage, "ephemeral_storage")
                p.ephemeralStorage = .init(
                    includedMiB: try yaml.quantity(g.required("included"), "included", .memory, Ranges.memory),
                    gbSecond: try yaml.quantity(g.required("gb_second"), "gb_second", .number, Ranges.price))
                try g.rejectUnknown()
            }
            try KeepWarmLoader.load(yaml, &f, into: &p)
            guard p.gbSecond != nil || p.vcpuSecond != nil || p.requestPrice > 0 else {
                throw InputError(yaml.origin(of: node), "a per-request offering needs per_million_requests, gb_second(_tiers) or vcpu_second")
            }
            billing = .perRequest(p)
        case "shared-instance":
            var p = SharedInstancePricing()
            p.vcpuSecond = try price("vcpu_second") ?? 0
            p.gibSecond = try price("gib_second") ?? 0
            p.requestPrice = try perMillion("per_million_requests") ?? 0
            p.idleVCPUSecond = try price("idle_vcpu_second") ?? 0
            p.idleGiBSecond = try price("idle_gib_second") ?? 0
            p.granularity = try duration("granularity") ?? 0.1
            p.defaultVCPU = try f.optional("default_vcpu").map { try yaml.quantity($0, "default_vcpu", .number, Ranges.vcpu) } ?? 1
            p.minInstances = try f.optional("min_instances").map { try yaml.quantity($0, "min_instances", .count, Ranges.instanceCount) } ?? 0
            p.free = try free()
            p.instanceLifetime = try duration("instance_lifetime") ?? 0
            p.waitingRate = try f.optional("waiting_rate").map { try yaml.choice($0, "waiting_rate", SharedInstancePricing.WaitingRate.self) } ?? .idle
            p.minimumActivity = try duration("minimum_activity") ?? 0
            p.targetUtilization = try f.optional("target_utilization").map { try yaml.quantity($0, "target_utilization", .number, Ranges.utilization) } ?? 1
            p.vcpuForMemory = try f.optional("vcpu_for_memory").map { try loadVCPUForMemory(yaml, $0) }
            p.sizes = try f.optional("sizes").map { try loadInstanceSizes(yaml, $0) } ?? []
            billing = .sharedInstance(p)
        case "cpu-time":
            var p = CPUTimePricing()
            p.monthlyFee = try price("monthly_fee") ?? 0
            p.includedRequests = try f.optional("included_requests").map { try yaml.quantity($0, "included_requests", .count, Ranges.count) } ?? 0
            p.includedCPUms = try f.optional("included_cpu_ms").map { try yaml.quantity($0, "included_cpu_ms", .count, Ranges.count) } ?? 0
            p.requestOverage = try perMillion("per_million_requests") ?? 0
            p.cpuMsOverage = try perMillion("per_million_cpu_ms") ?? 0
            billing = .cpuTime(p)
        case "provisioned":
            let rate: ProvisionedPricing.Rate
            if let hourlyNode = f.optional("hourly") {
                let hourly = try yaml.quantity(hourlyNode, "hourly", .number, Ranges.price)
                let vcpu = try yaml.quantity(f.required("vcpu"), "vcpu", .number, Ranges.vcpu)
                let mem = try yaml.quantity(f.required("memory"), "memory", .memory, Ranges.positiveMemory)
                rate = .perInstanceHour(hourly, vcpu: vcpu, memoryMiB: mem)
            } else if let vcpuHour = try price("vcpu_hour") {
                let gbHour = try yaml.quantity(f.required("gb_hour"), "gb_hour", .number, Ranges.price)
                let sizes = try f.optional("task_sizes").map { try loadTaskSizes(yaml, $0) } ?? []
                rate = .perResource(vcpuHour: vcpuHour, gbHour: gbHour, sizes: sizes)
            } else {
                throw InputError(yaml.origin(of: node), "a provisioned offering needs 'hourly' (with vcpu and memory) or 'vcpu_hour' and 'gb_hour'")
            }
            var p = ProvisionedPricing(rate: rate)
            p.monthlyCap = try price("monthly_cap")
            p.billingIncrementHours = (try duration("billing_increment") ?? 1) / 3600
            p.minimumBilledHours = (try duration("minimum_billed") ?? 0) / 3600
            p.fixedMonthlyFee = try price("fixed_monthly_fee") ?? 0
            p.fixedFeeName = try f.optional("fixed_fee_name").map { try yaml.string($0, "fixed_fee_name") } ?? "Fixed monthly fee"
            p.minInstances = try f.optional("min_instances").map { try yaml.quantity($0, "min_instances", .count, Ranges.instanceCount) } ?? 1
            p.rules = try loadProvisionedRules(yaml, &f)
            billing = .provisioned(p)
        default:
            throw InputError(yaml.origin(of: modelNode), "model: expected one of \(models.joined(separator: ", ")), got '\(model)'" + Suggestion.hint(model, in: models))
        }
        try f.rejectUnknown(known: billingFields[model] ?? [])
        return billing
    }

    static let billingFields: [String: [String]] = [
        "per-request": ["model", "per_million_requests", "gb_second", "gb_second_tiers", "vcpu_second", "vcpu_per_gb", "granularity",
                        "minimum_duration", "memory_step", "memory_sizes", "minimum_memory", "free", "ephemeral_storage",
                        "vcpu_for_memory"]
                        + KeepWarmLoader.fields,
        "shared-instance": ["model", "vcpu_second", "gib_second", "per_million_requests", "idle_vcpu_second", "idle_gib_second",
                            "granularity", "default_vcpu", "min_instances", "free",
                            "instance_lifetime", "waiting_rate", "minimum_activity", "target_utilization", "vcpu_for_memory", "sizes"],
        "cpu-time": ["model", "monthly_fee", "included_requests", "included_cpu_ms", "per_million_requests", "per_million_cpu_ms"],
        "provisioned": ["model", "hourly", "vcpu", "memory", "vcpu_hour", "gb_hour", "task_sizes", "monthly_cap", "billing_increment",
                        "minimum_billed", "fixed_monthly_fee", "fixed_fee_name", "min_instances"] + provisionedRuleFields,
    ]

    /// A tier list (an offering's `gb_second_tiers:`, a meter's `tiers:`): every tier but the last
    /// has an `up_to`, read by `upTo` (a count, or an amount of the meter's measure), increasing.
    static func loadTiers(_ yaml: YAMLFile, _ node: Node, _ what: String,
                          upTo readUpTo: (Node) throws -> Double) throws -> TieredPrice {
        let items = try yaml.sequence(node, what)
        var tiers: [TieredPrice.Tier] = []
        for (i, item) in items.enumerated() {
            var g = try yaml.mapping(item, "a tier")
            let price = try yaml.quantity(g.required("price"), "price", .number, Ranges.price)
            let upToNode = g.optional("up_to")
            let upTo = try upToNode.map(readUpTo) ?? .infinity
            try g.rejectUnknown()
            if i == items.count - 1, upToNode != nil {
                throw InputError(yaml.origin(of: item), "the last tier must have no up_to (it covers everything above)")
            }
            if i < items.count - 1, upToNode == nil {
                throw InputError(yaml.origin(of: item), "every tier but the last needs up_to")
            }
            if let last = tiers.last, upTo <= last.upTo {
                throw InputError(yaml.origin(of: item), "up_to must increase from tier to tier")
            }
            tiers.append(.init(upTo: upTo, price: price))
        }
        guard !tiers.isEmpty else { throw InputError(yaml.origin(of: node), "\(what) needs at least one tier") }
        return TieredPrice(tiers: tiers)
    }

    /// `vcpu_for_memory: [{ above: 4GiB, vcpu: 2 }, …]`: thresholds must increase.
    static func loadVCPUForMemory(_ yaml: YAMLFile, _ node: Node) throws -> VCPUForMemory {
        let items = try yaml.sequence(node, "vcpu_for_memory")
        guard !items.isEmpty else { throw InputError(yaml.origin(of: node), "vcpu_for_memory needs at least one { above, vcpu } step") }
        var steps: [VCPUForMemory.Step] = []
        for item in items {
            var g = try yaml.mapping(item, "a vcpu_for_memory step")
            let step = VCPUForMemory.Step(
                aboveMiB: try yaml.quantity(g.required("above"), "above", .memory, Ranges.memory),
                vcpu: try yaml.quantity(g.required("vcpu"), "vcpu", .number, Ranges.vcpu))
            try g.rejectUnknown()
            if let last = steps.last, step.aboveMiB <= last.aboveMiB {
                throw InputError(yaml.origin(of: item), "above must increase from step to step")
            }
            steps.append(step)
        }
        return VCPUForMemory(steps: steps)
    }

    /// `sizes: [{ vcpu: 1, memory: 2GiB }, { memory: 512MB }]`: the sizes an instance comes in.
    static func loadInstanceSizes(_ yaml: YAMLFile, _ node: Node) throws -> [AllowedSize] {
        let items = try yaml.sequence(node, "sizes")
        guard !items.isEmpty else { throw InputError(yaml.origin(of: node), "sizes needs at least one { vcpu, memory } size") }
        return try items.map { item in
            var g = try yaml.mapping(item, "a size")
            let size = AllowedSize(
                vcpu: try g.optional("vcpu").map { try yaml.quantity($0, "vcpu", .number, Ranges.vcpu) },
                memoryMiB: try yaml.quantity(g.required("memory"), "memory", .memory, Ranges.positiveMemory))
            try g.rejectUnknown()
            return size
        }
    }

    static func loadTaskSizes(_ yaml: YAMLFile, _ node: Node) throws -> [ProvisionedPricing.TaskSize] {
        try yaml.sequence(node, "task_sizes").map { item in
            var g = try yaml.mapping(item, "a task size")
            let size = ProvisionedPricing.TaskSize(
                vcpu: try yaml.quantity(g.required("vcpu"), "vcpu", .number, Ranges.vcpu),
                minMemoryMiB: try yaml.quantity(g.required("min_memory"), "min_memory", .memory, Ranges.positiveMemory),
                maxMemoryMiB: try yaml.quantity(g.required("max_memory"), "max_memory", .memory, Ranges.positiveMemory),
                memoryStepMiB: try yaml.quantity(g.required("memory_step"), "memory_step", .memory, Ranges.positiveMemory))
            try g.rejectUnknown()
            guard size.minMemoryMiB <= size.maxMemoryMiB else {
                throw InputError(yaml.origin(of: item), "min_memory must not exceed max_memory")
            }
            return size
        }.sorted { $0.vcpu < $1.vcpu }
    }
}

/// Sane bounds for every number runcost reads: wide enough for any real workload or price,
/// narrow enough to reject typos like `1e400` or a duration of ten years.
public enum Ranges {
    public static let price: ClosedRange<Double> = 0...1e6
    public static let count: ClosedRange<Double> = 0...1e15
    public static let requests: ClosedRange<Double> = 0...1e15
    public static let rps: ClosedRange<Double> = 0...1e9
    public static let duration: ClosedRange<Double> = 0...(31 * 86400)
    public static let positiveDuration: ClosedRange<Double> = 1e-6...(31 * 86400)
    public static let memory: ClosedRange<Double> = 0...1_048_576
    public static let positiveMemory: ClosedRange<Double> = (1.0 / 1024)...1_048_576
    public static let vcpu: ClosedRange<Double> = 0.001...1024
    public static let concurrency: ClosedRange<Double> = 1...1e6
    public static let instanceCount: ClosedRange<Double> = 0...1e6
    public static let hours: ClosedRange<Double> = 0.001...744
    public static let peakToAverage: ClosedRange<Double> = 1...1e6
    public static let utilization: ClosedRange<Double> = 0.01...1
    public static let baseline: ClosedRange<Double> = 0.01...1
}
