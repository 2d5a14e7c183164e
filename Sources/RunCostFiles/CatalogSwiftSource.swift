import RunCostCore

/// Writes pricing tables as Swift source: the tables' text (for `pricing export` and `validate`) and
/// the offerings they decode to, as Swift values, so the binary starts without parsing YAML.
/// Run at build time by Plugins/EmbedPricingTables; a bad table fails the build with its
/// `pricing/file.yaml:line:column`.
public enum CatalogSwiftSource {
    /// The source of `enum GeneratedTables` with `tables` and `offerings()`.
    public static func generate(_ tables: [EmbeddedTable], folder: String) throws -> String {
        let offerings = try Catalog.decode(tables, folder: folder)
        var out = """
        // Generated at build time from \(folder)/*.yaml by runcost-embed-pricing (Plugins/EmbedPricingTables).
        // Do not edit: edit the tables.
        import RunCostCore
        import RunCostFiles

        enum GeneratedTables {
            static let tables: [EmbeddedTable] = [

        """
        for table in tables {
            out += "        EmbeddedTable(name: \(literal(table.name)), text: \(literal(table.text))),\n"
        }
        out += "    ]\n\n    /// Nil entries cannot happen (every date was checked when this file was generated).\n"
        out += "    static func offerings() -> [Offering] {\n        [\n"
        for i in offerings.indices { out += "            offering\(i)(),\n" }
        out += "        ].compactMap { $0 }\n    }\n}\n"
        for (i, offering) in offerings.enumerated() { out += "\n" + function("offering\(i)", offering) }
        return out
    }

    static func function(_ name: String, _ o: Offering) -> String {
        let (setup, billing) = billingSource(o.billing)
        let l = o.limits
        return """
        private func \(name)() -> Offering? {
            guard let asOf = CalendarDate(year: \(o.asOf.year), month: \(o.asOf.month), day: \(o.asOf.day)) else { return nil }
        \(setup.map { "    " + $0 + "\n" }.joined())    return Offering(
                id: \(literal(o.id)), name: \(literal(o.name)), provider: \(literal(o.provider)), kind: .\(o.kind),
                region: \(literal(o.region)), currency: \(literal(o.currency)), asOf: asOf, source: \(literal(o.source)),
                verified: \(o.verified), notes: \(literal(o.notes)), arch: \(o.arch.map { ".\($0)" } ?? "nil"),
                billing: \(billing),
                limits: Limits(maxDuration: \(number(l.maxDuration)), maxCPUTime: \(number(l.maxCPUTime)), maxMemoryMiB: \(number(l.maxMemoryMiB)),
                               maxVCPU: \(number(l.maxVCPU)), maxConcurrency: \(number(l.maxConcurrency)), maxPayloadKiB: \(number(l.maxPayloadKiB))))
        }

        """
    }

    /// Statements that build the family's pricing in `p`, and the `BillingModel` expression.
    /// Every stored field is written, defaults included, so nothing depends on an initialiser's defaults.
    static func billingSource(_ billing: BillingModel) -> ([String], String) {
        switch billing {
        case .perRequest(let p):
            return ([
                "var p = PerRequestPricing()",
                "p.requestPrice = \(number(p.requestPrice))",
                "p.gbSecond = \(p.gbSecond.map(tiered) ?? "nil")",
                "p.vcpuSecond = \(number(p.vcpuSecond))",
                "p.vcpuPerGB = \(number(p.vcpuPerGB))",
                "p.granularity = \(number(p.granularity))",
                "p.minimumDuration = \(number(p.minimumDuration))",
                "p.memoryStepMiB = \(number(p.memoryStepMiB))",
                "p.memorySizesMiB = [\(p.memorySizesMiB.map(number).joined(separator: ", "))]",
                "p.minimumMemoryMiB = \(number(p.minimumMemoryMiB))",
                "p.free = \(free(p.free))",
                "p.ephemeralStorage = " + (p.ephemeralStorage.map {
                    "PerRequestPricing.EphemeralStorage(includedMiB: \(number($0.includedMiB)), gbSecond: \(number($0.gbSecond)))"
                } ?? "nil"),
            ], ".perRequest(p)")
        case .sharedInstance(let p):
            return ([
                "var p = SharedInstancePricing()",
                "p.vcpuSecond = \(number(p.vcpuSecond))",
                "p.gibSecond = \(number(p.gibSecond))",
                "p.requestPrice = \(number(p.requestPrice))",
                "p.idleVCPUSecond = \(number(p.idleVCPUSecond))",
                "p.idleGiBSecond = \(number(p.idleGiBSecond))",
                "p.granularity = \(number(p.granularity))",
                "p.defaultVCPU = \(number(p.defaultVCPU))",
                "p.minInstances = \(number(p.minInstances))",
                "p.free = \(free(p.free))",
            ], ".sharedInstance(p)")
        case .cpuTime(let p):
            return ([
                "var p = CPUTimePricing()",
                "p.monthlyFee = \(number(p.monthlyFee))",
                "p.includedRequests = \(number(p.includedRequests))",
                "p.includedCPUms = \(number(p.includedCPUms))",
                "p.requestOverage = \(number(p.requestOverage))",
                "p.cpuMsOverage = \(number(p.cpuMsOverage))",
            ], ".cpuTime(p)")
        case .provisioned(let p):
            let rate: String
            switch p.rate {
            case let .perInstanceHour(hourly, vcpu, memory):
                rate = ".perInstanceHour(\(number(hourly)), vcpu: \(number(vcpu)), memoryMiB: \(number(memory)))"
            case let .perResource(vcpuHour, gbHour, sizes):
                let list = sizes.map {
                    "ProvisionedPricing.TaskSize(vcpu: \(number($0.vcpu)), minMemoryMiB: \(number($0.minMemoryMiB)), "
                        + "maxMemoryMiB: \(number($0.maxMemoryMiB)), memoryStepMiB: \(number($0.memoryStepMiB)))"
                }
                rate = ".perResource(vcpuHour: \(number(vcpuHour)), gbHour: \(number(gbHour)), sizes: [\(list.joined(separator: ", "))])"
            }
            return ([
                "var p = ProvisionedPricing(rate: \(rate))",
                "p.monthlyCap = \(number(p.monthlyCap))",
                "p.billingIncrementHours = \(number(p.billingIncrementHours))",
                "p.minimumBilledHours = \(number(p.minimumBilledHours))",
                "p.fixedMonthlyFee = \(number(p.fixedMonthlyFee))",
                "p.fixedFeeName = \(literal(p.fixedFeeName))",
                "p.minInstances = \(number(p.minInstances))",
            ], ".provisioned(p)")
        }
    }

    static func tiered(_ t: TieredPrice) -> String {
        "TieredPrice(tiers: [" + t.tiers.map { "TieredPrice.Tier(upTo: \(number($0.upTo)), price: \(number($0.price)))" }.joined(separator: ", ") + "])"
    }

    static func free(_ f: FreeAllowance) -> String {
        "FreeAllowance(requests: \(number(f.requests)), gbSeconds: \(number(f.gbSeconds)), vcpuSeconds: \(number(f.vcpuSeconds)))"
    }

    /// A Swift literal that reads back as exactly `value`: Swift prints the shortest digits that
    /// round-trip, and the compiler rounds a literal correctly.
    static func number(_ value: Double) -> String {
        if value == .infinity { return "Double.infinity" }
        if value == -.infinity { return "-Double.infinity" }
        return "\(value)"
    }

    static func number(_ value: Double?) -> String { value.map(number) ?? "nil" }

    /// A Swift string literal: ASCII kept, everything else escaped, so any text survives.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return out + "\""
    }
}
