import RunCostCore

/// Writes offerings as pricing tables (docs/pricing-format.md) that `Catalog.load` reads back to
/// the same offerings, e.g. what-if price edits saved as an override layer for `--pricing FILE`.
public enum PricingWriter {
    public struct Table: Sendable, Equatable {
        public var provider: String
        public var currency: String
        public var text: String
    }

    /// One table per provider and currency (a table names exactly one of each), in first-seen order.
    public static func tables(_ offerings: [Offering], comment: String? = nil) -> [Table] {
        var order: [String] = []
        var groups: [String: [Offering]] = [:]
        for o in offerings {
            let key = o.provider + "\u{0}" + o.currency
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(o)
        }
        return order.map { key in
            let group = groups[key]!
            return Table(provider: group[0].provider, currency: group[0].currency,
                         text: yaml(provider: group[0].provider, currency: group[0].currency, offerings: group, comment: comment))
        }
    }

    /// One table. Every offering must belong to `provider` (ids start with `provider-`).
    public static func yaml(provider: String, currency: String, offerings: [Offering], comment: String? = nil) -> String {
        var out = ""
        if let comment { out += YAMLText.comment(comment) }
        out += "provider: \(YAMLText.quoted(provider))\ncurrency: \(currency)\nofferings:\n"
        for o in offerings { out += offering(o) }
        return out
    }

    static func offering(_ o: Offering) -> String {
        var out = "  - id: \(YAMLText.quoted(o.id))\n"
        func line(_ indent: Int, _ key: String, _ value: String) {
            out += String(repeating: " ", count: indent) + key + ": " + value + "\n"
        }
        line(4, "name", YAMLText.quoted(o.name))
        line(4, "kind", o.kind.rawValue)
        line(4, "region", YAMLText.quoted(o.region))
        // The offering's stack as resolved (the table-wide one with its own keys over it), so an
        // exported table prices the same application.
        let stack = StackKey.allCases.compactMap { key in o.stack[key].map { "\(key.rawValue): \(YAMLText.quoted($0))" } }
        if !stack.isEmpty { line(4, "stack", "{ " + stack.joined(separator: ", ") + " }") }
        line(4, "as_of", o.asOf.description)
        line(4, "source", YAMLText.quoted(o.source))
        if !o.verified { line(4, "verified", "false") }
        if !o.notes.isEmpty { line(4, "notes", YAMLText.quoted(o.notes)) }
        if let arch = o.arch { line(4, "arch", arch.rawValue) }
        let limits = limitLines(o.limits)
        if !limits.isEmpty {
            out += "    limits:\n"
            for (k, v) in limits { line(6, k, v) }
        }
        out += "    billing:\n"
        for (k, v) in billingLines(o.billing) { line(6, k, v) }
        out += CommitmentLoader.yaml(o)
        return out
    }

    static func limitLines(_ l: Limits) -> [(String, String)] {
        var lines: [(String, String)] = []
        if let v = l.maxDuration { lines.append(("max_duration", YAMLText.duration(v))) }
        if let v = l.maxCPUTime { lines.append(("max_cpu_time", YAMLText.duration(v))) }
        if let v = l.maxMemoryMiB { lines.append(("max_memory", YAMLText.memory(v))) }
        if let v = l.maxVCPU { lines.append(("max_vcpu", YAMLText.number(v))) }
        if let v = l.maxConcurrency { lines.append(("max_concurrency", YAMLText.number(v))) }
        if let v = l.maxPayloadKiB { lines.append(("max_payload", YAMLText.memory(v / 1024))) }
        return lines
    }

    static func billingLines(_ billing: BillingModel) -> [(String, String)] {
        let n = YAMLText.number
        func perMillion(_ v: Double) -> String { YAMLText.scaledPrice(v, times: 1e6) }
        func free(_ f: FreeAllowance) -> String {
            "{ requests: \(n(f.requests)), gb_seconds: \(n(f.gbSeconds)), vcpu_seconds: \(n(f.vcpuSeconds)) }"
        }
        func vcpuSteps(_ v: VCPUForMemory) -> String {
            "[" + v.steps.map { "{ above: \(YAMLText.memory($0.aboveMiB)), vcpu: \(n($0.vcpu)) }" }.joined(separator: ", ") + "]"
        }
        var lines: [(String, String)] = [("model", billing.family)]
        switch billing {
        case .perRequest(let p):
            lines.append(("per_million_requests", perMillion(p.requestPrice)))
            if let price = p.gbSecond {
                if price.tiers.count == 1, price.tiers[0].upTo == .infinity {
                    lines.append(("gb_second", n(price.tiers[0].price)))
                } else {
                    let tiers = price.tiers.map { tier in
                        tier.upTo == .infinity ? "{ price: \(n(tier.price)) }" : "{ up_to: \(n(tier.upTo)), price: \(n(tier.price)) }"
                    }
                    lines.append(("gb_second_tiers", "[" + tiers.joined(separator: ", ") + "]"))
                }
            }
            if let v = p.vcpuSecond { lines.append(("vcpu_second", n(v))) }
            if let v = p.vcpuPerGB { lines.append(("vcpu_per_gb", n(v))) }
            if let v = p.vcpuForMemory { lines.append(("vcpu_for_memory", vcpuSteps(v))) }
            lines.append(("granularity", YAMLText.duration(p.granularity)))
            if p.minimumDuration > 0 { lines.append(("minimum_duration", YAMLText.duration(p.minimumDuration))) }
            lines.append(("memory_step", YAMLText.memory(p.memoryStepMiB)))
            if !p.memorySizesMiB.isEmpty {
                lines.append(("memory_sizes", "[" + p.memorySizesMiB.map(YAMLText.memory).joined(separator: ", ") + "]"))
            }
            if p.minimumMemoryMiB > 0 { lines.append(("minimum_memory", YAMLText.memory(p.minimumMemoryMiB))) }
            lines.append(("free", free(p.free)))
            if let s = p.ephemeralStorage {
                lines.append(("ephemeral_storage", "{ included: \(YAMLText.memory(s.includedMiB)), gb_second: \(n(s.gbSecond)) }"))
            }
            if let pc = p.provisionedConcurrency {
                lines.append(("provisioned_concurrency", "{ gb_second: \(n(pc.gbSecond)), duration_gb_second: \(n(pc.durationGBSecond)), billing_increment: \(YAMLText.duration(pc.increment)) }"))
            }
            if let snap = p.snapStart {
                lines.append(("snapstart", "{ cache_gb_second: \(n(snap.cacheGBSecond)), restore_gb: \(n(snap.restoreGB)), minimum_cache: \(YAMLText.duration(snap.minimumCache)) }"))
            }
        case .sharedInstance(let p):
            lines += [("vcpu_second", n(p.vcpuSecond)), ("gib_second", n(p.gibSecond)),
                      ("per_million_requests", perMillion(p.requestPrice)),
                      ("idle_vcpu_second", n(p.idleVCPUSecond)), ("idle_gib_second", n(p.idleGiBSecond)),
                      ("granularity", YAMLText.duration(p.granularity)), ("default_vcpu", n(p.defaultVCPU)),
                      ("min_instances", n(p.minInstances)), ("free", free(p.free))]
            if p.instanceLifetime > 0 { lines.append(("instance_lifetime", YAMLText.duration(p.instanceLifetime))) }
            lines.append(("waiting_rate", p.waitingRate.rawValue))
            if p.minimumActivity > 0 { lines.append(("minimum_activity", YAMLText.duration(p.minimumActivity))) }
            if p.targetUtilization != 1 { lines.append(("target_utilization", n(p.targetUtilization))) }
            if let v = p.vcpuForMemory { lines.append(("vcpu_for_memory", vcpuSteps(v))) }
            if !p.sizes.isEmpty {
                let items = p.sizes.map { s in "{ " + (s.vcpu.map { "vcpu: \(n($0)), " } ?? "") + "memory: \(YAMLText.memory(s.memoryMiB)) }" }
                lines.append(("sizes", "[" + items.joined(separator: ", ") + "]"))
            }
        case .cpuTime(let p):
            lines += [("monthly_fee", n(p.monthlyFee)), ("included_requests", n(p.includedRequests)),
                      ("included_cpu_ms", n(p.includedCPUms)), ("per_million_requests", perMillion(p.requestOverage)),
                      ("per_million_cpu_ms", perMillion(p.cpuMsOverage))]
        case .provisioned(let p):
            switch p.rate {
            case let .perInstanceHour(hourly, vcpu, memory):
                lines += [("hourly", n(hourly)), ("vcpu", n(vcpu)), ("memory", YAMLText.memory(memory))]
            case let .perResource(vcpuHour, gbHour, sizes):
                lines += [("vcpu_hour", n(vcpuHour)), ("gb_hour", n(gbHour))]
                if !sizes.isEmpty {
                    let items = sizes.map { s in
                        "{ vcpu: \(n(s.vcpu)), min_memory: \(YAMLText.memory(s.minMemoryMiB)), "
                            + "max_memory: \(YAMLText.memory(s.maxMemoryMiB)), memory_step: \(YAMLText.memory(s.memoryStepMiB)) }"
                    }
                    lines.append(("task_sizes", "[" + items.joined(separator: ", ") + "]"))
                }
            }
            if let cap = p.monthlyCap { lines.append(("monthly_cap", n(cap))) }
            // Both are read as durations and kept in hours.
            lines.append(("billing_increment", YAMLText.scaledPrice(p.billingIncrementHours, times: 3600) + "s"))
            if p.minimumBilledHours > 0 {
                lines.append(("minimum_billed", YAMLText.scaledPrice(p.minimumBilledHours, times: 3600) + "s"))
            }
            if p.fixedMonthlyFee > 0 { lines.append(("fixed_monthly_fee", n(p.fixedMonthlyFee))) }
            if p.fixedFeeName != "Fixed monthly fee" { lines.append(("fixed_fee_name", YAMLText.quoted(p.fixedFeeName))) }
            lines.append(("min_instances", n(p.minInstances)))
            lines += provisionedRuleLines(p.rules)
        }
        return lines
    }
}
