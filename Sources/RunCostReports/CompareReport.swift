import RunCostCore

/// `runcost compare`: every offering's monthly cost for one workload, cheapest first.
public struct CompareReport: Sendable {
    public var workload: Workload
    public var workloadName: String?
    public var estimates: [Estimate]
    public var currency: String

    public init(workload: Workload, workloadName: String?, estimates: [Estimate], currency: String = "USD") {
        self.workload = workload; self.workloadName = workloadName
        self.estimates = estimates.sorted(by: Estimate.cheaperFirst); self.currency = currency
    }

    var feasible: [Estimate] { estimates.filter(\.feasible) }

    /// "aws-lambda-arm is cheapest at $2.73/month, $0.38 (12.2%) less than gcp-cloud-run-request."
    public var verdict: String {
        let ranked = feasible
        guard let best = ranked.first else { return "No offering can run this workload." }
        var text = "\(best.offering.id) is cheapest at \(money(best.monthlyCost))/month"
        if let next = ranked.dropFirst().first {
            let saving = next.monthlyCost - best.monthlyCost
            let percent = next.monthlyCost > 0 ? saving / next.monthlyCost * 100 : 0
            text += ", \(money(saving)) (\(Format.grouped(percent, maxFractionDigits: 1))%) less than \(next.offering.id) at \(money(next.monthlyCost))"
        }
        return text + "."
    }

    func money(_ v: Double) -> String { Format.money(v, symbol: Format.symbol(for: currency)) }

    public var freeTierLine: String {
        workload.freeTier ? "Free tier: on (monthly free allowances applied; they are per account, shared by all your workloads)."
                          : "Free tier: off (free allowances are per account; --free-tier applies them)."
    }

    // MARK: renderers

    static let headers = ["#", "offering", "provider", "kind", "monthly", "per 1M req", "idle", "cold", "start-up", "notes"]
    static let alignments: [TextTable.Alignment] = [.right, .left, .left, .left, .right, .right, .right, .right, .right, .left]

    /// With an application section: compute, services and total instead of one monthly column.
    var headers: [String] {
        guard ApplicationText.applies(workload) else { return Self.headers }
        var h = Self.headers
        h.replaceSubrange(4...4, with: ["compute", "services", "total"])
        return h
    }
    var alignments: [TextTable.Alignment] {
        guard ApplicationText.applies(workload) else { return Self.alignments }
        var a = Self.alignments
        a.replaceSubrange(4...4, with: [.right, .right, .right])
        return a
    }

    func cells(_ e: Estimate, rank: Int?) -> [String] {
        let head: [String] = [rank.map(String.init) ?? "–", e.offering.id, e.offering.provider, e.offering.kind.rawValue]
        let split: [String] = ApplicationText.applies(workload)
            ? [e.feasible ? money(e.computeCost) : "–", e.feasible ? money(e.servicesCost) : "–"] : []
        return head + split + [
         e.feasible ? money(e.monthlyCost) : "–",
         e.feasible ? e.costPerMillionRequests(workload).map(money) ?? "–" : "–",
         e.feasible ? money(e.idleCost) : "–",
         ColdStartReport.shareCell(e), ColdStartReport.startUpCell(e),
         e.feasible ? [e.offering.isWhatIf ? "what-if price" : e.offering.verified ? nil : "unverified price", CommitmentText.note(e, workload)]
                        .compactMap { $0 }.joined(separator: "; ")
                    : "infeasible: " + e.reasons.joined(separator: "; ")]
    }

    var rankedCells: [[String]] {
        var rank = 0
        return estimates.map { e in
            if e.feasible { rank += 1 }
            return cells(e, rank: e.feasible ? rank : nil)
        }
    }

    public func table() -> String {
        var table = TextTable(headers, alignments: alignments)
        rankedCells.forEach { table.add($0) }
        return SafeText.neutralised(WorkloadSummary.line(workload, name: workloadName) + "\n\n" + table.rendered() + "\n" + verdict + "\n" + freeTierLine + "\n"
            + (CommitmentText.line(workload).map { $0 + "\n" } ?? "") + (ApplicationText.line(workload).map { $0 + "\n" } ?? ""), keepingLineBreaks: true)
    }

    public func markdown() -> String {
        "**Workload:** " + SafeText.neutralised(WorkloadSummary.line(workload, name: workloadName)) + "\n\n"
            + MarkdownTable.render(headers, alignments, rankedCells) + "\n" + verdict + "\n\n" + freeTierLine + "\n"
            + (CommitmentText.line(workload).map { "\n" + $0 + "\n" } ?? "") + (ApplicationText.line(workload).map { "\n" + $0 + "\n" } ?? "")
    }

    public func csv() -> String {
        var out = CSV.header(["rank", "offering", "name", "provider", "kind", "region", "currency", ApplicationText.totalColumn(workload, currency),
                              CSV.moneyColumn("cost_per_million_requests", currency), CSV.moneyColumn("idle_cost", currency),
                              "feasible", "reason", "as_of", "verified", "notes", "cold_start_share", "cold_start_latency_ms", "defaulted_inputs"]
                             + (CommitmentText.applies(workload) ? CommitmentText.csvHeaders(currency) : [])
                             + ApplicationText.csvHeaders(workload, currency))
        let defaulted = workload.defaultedInputs.map(\.rawValue).joined(separator: " ")
        var rank = 0
        for e in estimates {
            if e.feasible { rank += 1 }
            out += CSV.row([e.feasible ? .number(Double(rank)) : .number(nil), .text(e.offering.id), .text(e.offering.name),
                            .text(e.offering.provider), .text(e.offering.kind.rawValue), .text(e.offering.region),
                            .text(e.offering.currency), .money(e.feasible ? e.monthlyCost : nil),
                            .money(e.feasible ? e.costPerMillionRequests(workload) : nil), .money(e.feasible ? e.idleCost : nil),
                            .text(e.feasible ? "true" : "false"), .text(e.reasons.joined(separator: "; ")),
                            .text(e.offering.asOf.description), .text(e.offering.verified ? "true" : "false"),
                            .text(e.notes.joined(separator: "; "))]
                           + ColdStartReport.jsonFields(e).map { field -> CSV.Cell in
                               if case .number(let n) = field.1 { return .number(n) }
                               return .number(nil)
                           }
                           + [.text(defaulted)]
                           + (CommitmentText.applies(workload) ? CommitmentText.csvCells(e, workload) : [])
                           + ApplicationText.csvCells(e, workload))
        }
        return out
    }

    public func json() -> String {
        JSON.object([
            ("currency", .string(currency)),
            ("free_tier", .bool(workload.freeTier)),
            ("workload", WorkloadSummary.json(workload, name: workloadName)),
            ("cheapest", feasible.first.map { .string($0.offering.id) } ?? .null),
            ("estimates", .array(estimates.map { EstimateJSON.render($0, workload) })),
        ]).rendered() + "\n"
    }
}

/// One estimate in the JSON contract of design.md §4 (fields may be added, never renamed).
public enum EstimateJSON {
    public static func render(_ e: Estimate, _ w: Workload) -> JSON {
        .object([
            ("offering", .string(e.offering.id)),
            ("name", .string(e.offering.name)),
            ("provider", .string(e.offering.provider)),
            ("kind", .string(e.offering.kind.rawValue)),
            ("region", .string(e.offering.region)),
            ("currency", .string(e.offering.currency)),
            ("billing_model", .string(e.offering.billing.family)),
            ("monthly_cost", e.feasible ? .number(e.monthlyCost) : .null),
            ("cost_per_million_requests", e.feasible ? .number(e.costPerMillionRequests(w)) : .null),
            ("idle_cost", e.feasible ? .number(e.idleCost) : .null),
            ("feasible", .bool(e.feasible)),
            ("reasons", .array(e.reasons.map { .string($0) })),
            ("notes", .array(e.notes.map { .string($0) })),
            ("as_of", .string(e.offering.asOf.description)),
            ("source", .string(e.offering.source)),
            ("verified", .bool(e.offering.verified)),
            ("commitment", CommitmentText.json(e)),
            ("spot", CommitmentText.spotJSON(e, w)),
        ] + ColdStartReport.jsonFields(e) + [
            ("line_items", .array(e.lineItems.map(LineItemJSON.render))),
        ] + ApplicationText.jsonFields(e, w))
    }
}

/// The workload's inputs in human units, for headers, and normalised for JSON.
public enum WorkloadSummary {
    /// "Defaulted inputs: memory 512MB." for reports without a workload line; nil when none was.
    public static func defaultsLine(_ w: Workload) -> String? {
        w.defaultedInputs.isEmpty ? nil : "Defaulted inputs: \(WorkloadDefaults.describe(w.defaultedInputs))."
    }

    public static func line(_ w: Workload, name: String?) -> String {
        var parts = ["\(Format.count(w.requestsPerMonth)) requests/month", "\(Format.duration(w.duration)) each",
                     Format.memory(w.memoryMiB)]
        if let cpu = w.cpuTime { parts.append("CPU \(Format.duration(cpu))") }
        if let v = w.vcpu { parts.append("\(Format.grouped(v)) vCPU") }
        if w.concurrency != 1 { parts.append("concurrency \(Format.grouped(w.concurrency))") }
        parts.append(w.traffic.name + (w.traffic == .constant ? "" : " (peak \(Format.grouped(w.profile.peakMultiplier, maxFractionDigits: 2))× average)"))
        if w.hoursPerMonth != 730 { parts.append("\(Format.grouped(w.hoursPerMonth)) h/month") }
        if let n = w.instances { parts.append("\(Format.grouped(n)) instances fixed") }
        if let arch = w.arch { parts.append(arch.rawValue) }
        parts += ColdStartReport.workloadParts(w)
        if w.run == .job { parts.append("run as jobs") }
        if let disk = w.diskMiB { parts.append("disk \(Format.memory(disk))") }
        if !w.publicIP { parts.append("no public IP") }
        if w.commitment.term != .none { parts.append("\(w.commitment.term.label) commitment") }
        if w.spot { parts.append("spot") }
        var line = (name.map { $0 + ": " } ?? "") + parts.joined(separator: ", ")
        if !w.defaultedInputs.isEmpty { line += " (defaulted: \(WorkloadDefaults.describe(w.defaultedInputs)))" }
        return line
    }

    /// Inputs as given: monthly requests derived from `rps` lose the binary noise of the product
    /// (`rps: 3.8` → 9986400, not 9986400.000000002, and back to exactly 3.8); a shape's default
    /// peak likewise. Other derived rates stay unrounded.
    public static func json(_ w: Workload, name: String?) -> JSON {
        func derived(_ v: Double) -> JSON { .number(Format.significant(v, digits: 12)) }
        let requests = Format.significant(w.requestsPerMonth, digits: 12)
        return .object([
            ("name", name.map { .string($0) } ?? .null),
            ("requests_per_month", .number(requests)),
            ("average_rps", .number(requests / (w.hoursPerMonth * 3600))),
            ("peak_rps", .number(w.peakRPS)),
            ("duration_seconds", .number(w.duration)),
            ("cpu_seconds", .number(w.cpuSecondsPerRequest)),
            ("memory_mib", .number(w.memoryMiB)),
            ("vcpu", JSON.number(w.vcpu)),
            ("concurrency", .number(w.concurrency)),
            ("arch", w.arch.map { .string($0.rawValue) } ?? .null),
            ("ephemeral_storage_mib", JSON.number(w.ephemeralStorageMiB)),
            ("hours_per_month", .number(w.hoursPerMonth)),
            ("instances", JSON.number(w.instances)),
            ("min_instances", JSON.number(w.minInstances)),
            ("target_utilization", .number(w.targetUtilization)),
            ("traffic", .string(w.traffic.name)),
            ("peak_to_average", w.peakToAverage.map { .number($0) } ?? derived(w.profile.peakMultiplier)),
            ("fixed_fleet", .bool(w.fixedFleet)),
            ("free_tier", .bool(w.freeTier)),
            ("commitment", .string(w.commitment.term.rawValue)),
            ("spot", .bool(w.spot)),
            ("defaulted_inputs", .array(w.defaultedInputs.map { .string($0.rawValue) })),
            ("run", .string(w.run.rawValue)),
            ("disk_mib", JSON.number(w.diskMiB)),
            ("public_ip", .bool(w.publicIP)),
        ] + ColdStartReport.workloadFields(w) + ApplicationText.workloadFields(w))
    }
}
