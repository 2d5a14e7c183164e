import RunCostCore
import Yams

/// Decodes service tables: a YAML whose top level has `services:` (docs/pricing-format.md,
/// "Service tables"). Every number is checked and every error is located.
enum ServiceLoader {
    static func isServiceTable(_ yaml: YAMLFile) -> Bool {
        guard case .mapping(let mapping) = yaml.root else { return false }
        return mapping.keys.contains { $0.scalar?.string == "services" }
    }

    static let serviceFields = ["id", "name", "category", "region", "as_of", "source", "verified", "notes", "limits",
                                "meters", "capacity_limit"]
    static let meterFields = ["name", "measure", "per", "price", "tiers", "chunk", "free", "minimum", "read_units",
                              "write_units", "minimum_size", "capacity"]

    static func load(_ yaml: YAMLFile, seen: [Service]) throws -> [Service] {
        var table = try yaml.mapping(yaml.root, "a service table")
        let (provider, currency, _) = try PricingLoader.header(yaml, &table)
        let items = try yaml.sequence(table.required("services"), "services")
        try table.rejectUnknown(known: ["provider", "currency", "services"])
        var services: [Service] = []
        var ids = Set(seen.map(\.id))
        for item in items {
            let service = try loadService(yaml, item, provider: provider, currency: currency)
            guard ids.insert(service.id).inserted else {
                throw InputError(yaml.origin(of: item), "duplicate service id '\(service.id)'")
            }
            services.append(service)
        }
        return services
    }

    static func loadService(_ yaml: YAMLFile, _ node: Node, provider: String, currency: String) throws -> Service {
        var f = try yaml.mapping(node, "a service")
        let idNode = try f.required("id")
        let id = try yaml.string(idNode, "id")
        guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }), id.hasPrefix(provider + "-") else {
            throw InputError(yaml.origin(of: idNode), "id: expected lower-case '\(provider)-product[-variant]' (letters, digits, '-', '.'), got '\(id)'")
        }
        let name = try yaml.string(f.required("name"), "name")
        let category = try yaml.choice(f.required("category"), "category", ServiceCategory.self)
        let region = try yaml.string(f.required("region"), "region")
        let dated = try DatedSource(yaml, &f)
        let verified = try f.optional("verified").map { try yaml.bool($0, "verified") } ?? true
        let notes = try f.optional("notes").map { try yaml.scalar($0, "notes") } ?? ""
        var limits = ServiceLimits()
        if let node = f.optional("limits") {
            var g = try yaml.mapping(node, "limits")
            limits.maxDuration = try g.optional("max_duration").map { try yaml.quantity($0, "max_duration", .duration, Ranges.positiveDuration) }
            limits.maxPayloadKiB = try g.optional("max_payload").map { try yaml.quantity($0, "max_payload", .memory, Ranges.positiveMemory) * 1024 }
            limits.maxMonthlyActiveUsers = try g.optional("max_monthly_active_users").map { try yaml.quantity($0, "max_monthly_active_users", .count, Ranges.count) }
            try g.rejectUnknown()
        }
        let metersNode = try f.required("meters")
        let meters = try yaml.sequence(metersNode, "meters").map { try loadMeter(yaml, $0) }
        guard !meters.isEmpty else { throw InputError(yaml.origin(of: metersNode), "meters needs at least one meter") }
        var capacityLimit: CapacityLimit?
        if let node = f.optional("capacity_limit") {
            var g = try yaml.mapping(node, "capacity_limit")
            let measure = try measureChoice(yaml, g.required("measure"))
            guard [.requestUnits, .reads, .writes, .requests].contains(measure) else {
                throw InputError(yaml.origin(of: node), "capacity_limit: measure must be request_units, reads, writes or requests")
            }
            let perSecond = try yaml.quantity(g.required("per_second"), "per_second", .count, 1e-9...Ranges.count.upperBound)
            try g.rejectUnknown()
            capacityLimit = CapacityLimit(measure: measure, perSecond: perSecond)
        }
        try f.rejectUnknown(known: serviceFields)
        return Service(id: id, name: name, provider: provider, category: category, region: region, currency: currency,
                       asOf: dated.asOf, source: dated.source, verified: verified, notes: notes, limits: limits, meters: meters,
                       capacityLimit: capacityLimit)
    }

    /// Sizes up to an exabyte: egress tiers run past the 1 TiB a memory size may be.
    static let sizes: ClosedRange<Double> = 0...1e12

    /// A size in GB (2^30 bytes): `4KB`, `1.5GB`, or bytes as `1000B` (Pub/Sub's 1,000-byte minimum).
    static func sizeGB(_ yaml: YAMLFile, _ node: Node, _ what: String, _ range: ClosedRange<Double>) throws -> Double {
        let text = try yaml.string(node, what)
        if text.hasSuffix("B"), let last = text.dropLast().last, last.isNumber, let bytes = Quantity.decimal(String(text.dropLast())) {
            let mib = bytes / 1_048_576
            guard range.contains(mib) else { throw InputError(yaml.origin(of: node), "\(what): '\(text)' is out of range") }
            return bytes / 1_073_741_824
        }
        return try yaml.quantity(node, what, .memory, range) / 1024
    }

    static func measureChoice(_ yaml: YAMLFile, _ node: Node) throws -> Measure {
        try yaml.choice(node, "measure", Measure.self)
    }

    /// An amount in a measure's base unit: sizes as sizes (`1GB` → 1), everything else as counts.
    static func amount(_ yaml: YAMLFile, _ node: Node, _ what: String, _ measure: Measure, positive: Bool = false) throws -> Double {
        let value: Double
        if measure.isSize {
            // A plain number is already in the base unit (GB); a size (`512MB`) is converted.
            let text = try yaml.scalar(node, what)
            if let plain = Quantity.decimal(text) {
                guard plain.isFinite, sizes.contains(plain) else { throw InputError(yaml.origin(of: node), "\(what): '\(text)' is out of range") }
                value = plain
            } else {
                value = try sizeGB(yaml, node, what, sizes)
            }
        } else {
            value = try yaml.quantity(node, what, .count, Ranges.count)
        }
        if positive, value <= 0 { throw InputError(yaml.origin(of: node), "\(what): expected more than zero") }
        return value
    }

    static func loadMeter(_ yaml: YAMLFile, _ node: Node) throws -> Meter {
        var f = try yaml.mapping(node, "a meter")
        let name = try yaml.string(f.required("name"), "name")
        let measure = try measureChoice(yaml, f.required("measure"))
        let per = try f.optional("per").map { try amount(yaml, $0, "per", measure, positive: true) } ?? 1
        let price: TieredPrice
        switch (f.optional("price"), f.optional("tiers")) {
        case (let p?, nil): price = TieredPrice(flat: try yaml.quantity(p, "price", .number, Ranges.price))
        case (nil, let t?): price = try PricingLoader.loadTiers(yaml, t, "tiers") { try amount(yaml, $0, "up_to", measure) }
        case (_?, _?): throw InputError(yaml.origin(of: node), "give price or tiers, not both")
        case (nil, nil): throw InputError(yaml.origin(of: node), "a meter needs price (a number) or tiers")
        }
        var meter = Meter(name: name, measure: measure, per: per, price: price)
        meter.chunk = try f.optional("chunk").map { try sizeGB(yaml, $0, "chunk", Ranges.positiveMemory) }
        meter.free = try f.optional("free").map { try amount(yaml, $0, "free", measure) } ?? 0
        meter.minimum = try f.optional("minimum").map { try amount(yaml, $0, "minimum", measure) } ?? 0
        meter.readUnits = try f.optional("read_units").map { try yaml.quantity($0, "read_units", .number, Ranges.count) } ?? 1
        meter.writeUnits = try f.optional("write_units").map { try yaml.quantity($0, "write_units", .number, Ranges.count) } ?? 1
        meter.minimumSize = try f.optional("minimum_size").map { try sizeGB(yaml, $0, "minimum_size", Ranges.memory) } ?? 0
        if let c = f.optional("capacity") {
            guard measure == .capacity else { throw InputError(yaml.origin(of: c), "capacity: only a meter with measure: capacity sizes units") }
            meter.capacity = try loadCapacity(yaml, c)
        } else if measure == .capacity {
            throw InputError(yaml.origin(of: node), "a capacity meter needs capacity: { dimensions, … }")
        }
        try f.rejectUnknown(known: meterFields)
        return meter
    }

    static func loadCapacity(_ yaml: YAMLFile, _ node: Node) throws -> CapacityRule {
        var f = try yaml.mapping(node, "capacity")
        let dimsNode = try f.required("dimensions")
        let dimensions = try yaml.sequence(dimsNode, "dimensions").map { item -> CapacityRule.Dimension in
            var g = try yaml.mapping(item, "a dimension")
            let measure = try measureChoice(yaml, g.required("measure"))
            guard measure != .capacity, measure != .hours, measure != .storage, measure != .users else {
                throw InputError(yaml.origin(of: item), "a dimension measures a rate: requests, reads, writes, request_units, events, event_bytes, egress or processed")
            }
            let perUnit = try amount(yaml, g.required("per_unit"), "per_unit", measure, positive: true)
            let chunk = try g.optional("chunk").map { try sizeGB(yaml, $0, "chunk", Ranges.positiveMemory) }
            try g.rejectUnknown()
            return .init(measure: measure, perUnit: perUnit, chunk: chunk)
        }
        guard !dimensions.isEmpty else { throw InputError(yaml.origin(of: dimsNode), "dimensions needs at least one { measure, per_unit }") }
        var rule = CapacityRule(dimensions: dimensions)
        rule.step = try f.optional("step").map { try yaml.quantity($0, "step", .number, 0...1e9) } ?? 0
        rule.minimum = try f.optional("minimum").map { try yaml.quantity($0, "minimum", .number, 0...1e9) } ?? 0
        rule.maximum = try f.optional("maximum").map { try yaml.quantity($0, "maximum", .number, 0...1e9) }
        rule.targetUtilization = try f.optional("target_utilization").map { try yaml.quantity($0, "target_utilization", .fraction, Ranges.utilization) } ?? 1
        rule.scaling = try f.optional("scaling").map { try yaml.choice($0, "scaling", CapacityRule.Scaling.self) } ?? .hourly
        rule.autoPause = try f.optional("auto_pause").map { try yaml.bool($0, "auto_pause") } ?? false
        try f.rejectUnknown()
        if let max = rule.maximum, max < rule.minimum {
            throw InputError(yaml.origin(of: node), "capacity: maximum must not be below minimum")
        }
        return rule
    }

    /// `stack: { front_door: id, data: id, … }` in a compute table or offering.
    static func loadStack(_ yaml: YAMLFile, _ node: Node) throws -> Stack {
        var f = try yaml.mapping(node, "stack")
        var stack = Stack()
        for key in StackKey.allCases {
            if let value = f.optional(key.rawValue) { stack[key] = try yaml.string(value, key.rawValue) }
        }
        try f.rejectUnknown(known: StackKey.allCases.map(\.rawValue))
        return stack
    }
}
