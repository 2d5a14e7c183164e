import RunCostCore

/// `runcost pricing list` and `show`.
public enum PricingListReport {
    public static func render(_ offerings: [Offering], format: String) -> String {
        let headers = ["offering", "provider", "kind", "billing", "region", "currency", "as_of", "verified"]
        let rows = offerings.map { o in
            [o.id, o.provider, o.kind.rawValue, o.billing.family, o.region, o.currency, o.asOf.description, o.verified ? "yes" : "no"]
        }
        switch format {
        case "csv": return CSV.header(headers) + rows.map { CSV.row($0.map { .text($0) }) }.joined()
        case "markdown": return MarkdownTable.render(headers, headers.map { _ in .left }, rows)
        case "json":
            return JSON.array(offerings.map { o in
                .object(zip(headers, [o.id, o.provider, o.kind.rawValue, o.billing.family, o.region, o.currency, o.asOf.description])
                    .map { ($0, JSON.string($1)) } + [("verified", .bool(o.verified)), ("source", .string(o.source))])
            }).rendered() + "\n"
        default:
            var table = TextTable(headers, alignments: headers.map { _ in .left })
            rows.forEach { table.add($0) }
            return table.rendered()
        }
    }

    public static func detail(_ o: Offering) -> String {
        var out = "\(o.name) (\(o.id))\n"
        out += "  provider \(o.provider), kind \(o.kind.rawValue), region \(o.region), currency \(o.currency)"
        out += o.arch.map { ", arch \($0.rawValue)" } ?? ""
        out += "\n  as_of \(o.asOf), source \(o.source)\(o.verified ? "" : "  [UNVERIFIED]")\n"
        out += "  billing: \(o.billing.family)\n"
        for line in billingLines(o.billing) { out += "    \(line)\n" }
        let l = o.limits
        let limits = [l.maxDuration.map { "duration ≤ \(Format.duration($0))" }, l.maxCPUTime.map { "CPU time ≤ \(Format.duration($0))" },
                      l.maxMemoryMiB.map { "memory ≤ \(Format.memory($0))" }, l.maxVCPU.map { "vCPU ≤ \(Format.grouped($0))" },
                      l.maxConcurrency.map { "concurrency ≤ \(Format.grouped($0))" }, l.maxPayloadKiB.map { "payload ≤ \(Format.grouped($0))KB" }].compactMap { $0 }
        if !limits.isEmpty { out += "  limits: " + limits.joined(separator: ", ") + "\n" }
        out += CommitmentText.detail(o)
        if !o.notes.isEmpty { out += "  notes: \(o.notes)\n" }
        for line in ColdStartReport.detailLines(o) { out += "  \(line)\n" }
        return SafeText.neutralised(out, keepingLineBreaks: true)
    }

    /// "above 4GB: 2 vCPU, above 8GB: 4 vCPU".
    static func vcpuSteps(_ v: VCPUForMemory) -> String {
        v.steps.map { "above \(Format.memory($0.aboveMiB)): \(Format.grouped($0.vcpu, maxFractionDigits: 3)) vCPU" }.joined(separator: ", ")
    }

    static func billingLines(_ b: BillingModel) -> [String] {
        switch b {
        case .perRequest(let p):
            var lines = ["requests \(Format.perMillion(p.requestPrice))"]
            if let g = p.gbSecond { lines += g.tiers.map { "GB-s \(Format.price($0.price))" + ($0.upTo.isFinite ? " up to \(Format.count($0.upTo)) GB-s" : "") } }
            if let v = p.vcpuSecond { lines.append("vCPU-s \(Format.price(v))") }
            if let v = p.vcpuForMemory { lines.append("vCPU for memory: " + vcpuSteps(v)) }
            lines.append("billed time: max(\(Format.duration(p.minimumDuration)), duration rounded up to \(Format.duration(p.granularity)))")
            lines.append(p.memorySizesMiB.isEmpty ? "memory rounded up to \(Format.memory(p.memoryStepMiB)), minimum \(Format.memory(p.minimumMemoryMiB))"
                                                  : "memory sizes \(p.memorySizesMiB.map(Format.memory).joined(separator: ", "))")
            lines.append("free tier: \(Format.count(p.free.requests)) requests, \(Format.count(p.free.gbSeconds)) GB-s, \(Format.count(p.free.vcpuSeconds)) vCPU-s")
            if let e = p.ephemeralStorage { lines.append("ephemeral storage above \(Format.memory(e.includedMiB)): \(Format.price(e.gbSecond)) per GB-s") }
            return lines
        case .sharedInstance(let p):
            var sizing: [String] = []
            if let v = p.vcpuForMemory { sizing.append("least vCPU for memory: " + vcpuSteps(v)) }
            if !p.sizes.isEmpty {
                sizing.append("sizes: " + p.sizes.map { ($0.vcpu.map { "\(Format.grouped($0)) vCPU / " } ?? "") + Format.memory($0.memoryMiB) }
                    .joined(separator: "; "))
            }
            return sizing + ["active vCPU-s \(Format.price(p.vcpuSecond)), GiB-s \(Format.price(p.gibSecond)); requests \(Format.perMillion(p.requestPrice))",
                    "idle vCPU-s \(Format.price(p.idleVCPUSecond)), idle GiB-s \(Format.price(p.idleGiBSecond)); minimum instances \(Format.grouped(p.minInstances))",
                    "each activity period billed at least \(Format.duration(p.minimumActivity)), rounded up to \(Format.duration(p.granularity)); default \(Format.grouped(p.defaultVCPU)) vCPU",
                    "instance lifetime after the last request \(Format.duration(p.instanceLifetime)) at the \(p.waitingRate.rawValue) rate; CPU target \(Format.grouped(p.targetUtilization * 100))%",
                    "free tier: \(Format.count(p.free.requests)) requests, \(Format.count(p.free.vcpuSeconds)) vCPU-s, \(Format.count(p.free.gbSeconds)) GiB-s"]
        case .cpuTime(let p):
            return ["\(Format.money(p.monthlyFee)) per month including \(Format.count(p.includedRequests)) requests and \(Format.count(p.includedCPUms)) CPU-ms",
                    "then requests \(Format.perMillion(p.requestOverage)), CPU-ms \(Format.perMillion(p.cpuMsOverage))"]
        case .provisioned(let p):
            var lines: [String]
            switch p.rate {
            case let .perInstanceHour(price, vcpu, mem):
                lines = ["\(Format.price(price)) per instance-hour (\(Format.grouped(vcpu)) vCPU, \(Format.memory(mem)))"]
            case let .perResource(v, g, sizes):
                lines = ["\(Format.price(v)) per vCPU-hour + \(Format.price(g)) per GB-hour"]
                if !sizes.isEmpty { lines.append("task sizes: " + sizes.map { "\(Format.grouped($0.vcpu)) vCPU \(Format.memory($0.minMemoryMiB))–\(Format.memory($0.maxMemoryMiB))" }.joined(separator: "; ")) }
            }
            lines.append("billed in \(Format.duration(p.billingIncrementHours * 3600)) increments, minimum \(Format.duration(p.minimumBilledHours * 3600)); at least \(Format.grouped(p.minInstances)) instance(s)")
            if let cap = p.monthlyCap { lines.append("capped at \(Format.money(cap)) per instance-month") }
            if p.fixedMonthlyFee > 0 { lines.append("\(p.fixedFeeName): \(Format.money(p.fixedMonthlyFee)) per month") }
            return lines + ruleLines(p.rules)
        }
    }

    /// The provisioned rules (docs/pricing-format.md), one line each.
    static func ruleLines(_ r: ProvisionedRules) -> [String] {
        var lines: [String] = []
        if let b = r.burstable {
            lines.append("burstable: \(Format.grouped(b.baseline * 100))% baseline per vCPU; "
                         + (b.surplusVCPUHour.map { "surplus \(Format.price($0)) per vCPU-hour" } ?? "throttled above it"))
        }
        if r.reservedMemoryMiB > 0 { lines.append("\(Format.memory(r.reservedMemoryMiB)) of memory kept by the system") }
        if let m = r.maxInstances { lines.append("at most \(Format.grouped(m)) instance(s)") }
        if !r.autoscaling { lines.append("no autoscaling: sized for the peak") }
        if let d = r.bootDisk { lines.append("boot volume \(Format.grouped(d.sizeGB)) GB at \(Format.price(d.gbMonth)) per GB-month") }
        if r.publicIPv4Hour > 0 { lines.append("public IPv4 \(Format.price(r.publicIPv4Hour)) per hour") }
        if let e = r.ephemeralStorage { lines.append("ephemeral storage above \(Format.memory(e.includedMiB)): \(Format.price(e.gbHour)) per GB-hour") }
        if let s = r.sustainedUse { lines.append("sustained use: " + s.steps.map { Format.grouped($0 * 100) + "%" }.joined(separator: ", ") + " of list by quarter of the month") }
        if let j = r.jobs { lines.append("jobs: a task per job, \(Format.duration(j.startup)) start-up" + (j.only ? "; jobs only" : "")) }
        if r.managementFee > 0 { lines.append("management fee \(Format.grouped(r.managementFee * 100))% of the on-demand instance price") }
        if r.requestPrice > 0 { lines.append("requests \(Format.perMillion(r.requestPrice))") }
        if r.prewarmedInstances > 0 { lines.append("\(Format.grouped(r.prewarmedInstances)) pre-warmed instance(s) billed while requests arrive") }
        if !r.free.isEmpty {
            let f = r.free
            let parts = [f.instanceHours > 0 ? "\(Format.grouped(f.instanceHours)) instance-hours" : nil,
                         f.vcpuSeconds > 0 ? "\(Format.count(f.vcpuSeconds)) vCPU-s" : nil,
                         f.gbSeconds > 0 ? "\(Format.count(f.gbSeconds)) GB-s" : nil,
                         f.diskGBMonths > 0 ? "\(Format.grouped(f.diskGBMonths)) disk GB-months" : nil,
                         f.credit > 0 ? "\(Format.money(f.credit)) credit" : nil].compactMap { $0 }
            lines.append("free tier: " + parts.joined(separator: ", "))
        }
        return lines
    }
}
