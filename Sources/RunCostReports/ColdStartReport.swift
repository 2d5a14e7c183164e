import RunCostCore

/// Cold-start cells, JSON fields and explanations shared by compare, explain and pricing show.
public enum ColdStartReport {
    /// "0.42%", "0%" when always warm, "?" when the platform's keep-alive is unknown.
    public static func shareCell(_ e: Estimate) -> String {
        guard e.feasible, let cold = e.coldStart else { return "–" }
        return cold.share.map(ColdStartFormat.percent) ?? "?"
    }

    /// The wait of a cold request: "+85ms", "0" when always warm, "?" when not measured.
    public static func startUpCell(_ e: Estimate) -> String {
        guard e.feasible, let cold = e.coldStart else { return "–" }
        if cold.alwaysWarm { return "0" }
        return cold.startUp.map { "+" + Format.duration($0) } ?? "?"
    }

    /// Fits `width` cells, for the TUI: "0.4%", "<0.01%", "12%".
    public static func compactShare(_ e: Estimate) -> String {
        guard e.feasible, let share = e.coldStart?.share else { return e.feasible ? "?" : "" }
        let percent = share * 100
        if share == 0 { return "0%" }
        if percent < 0.01 { return "<0.01%" }
        if percent < 10 { return Format.grouped(percent, maxFractionDigits: percent < 1 ? 2 : 1) + "%" }
        return Format.grouped(percent, maxFractionDigits: 0) + "%"
    }

    /// `cold_start_share` and `cold_start_latency_ms` (0 for always-warm capacity, null unknown).
    public static func jsonFields(_ e: Estimate) -> [(String, JSON)] {
        let cold = e.feasible ? e.coldStart : nil
        return [
            ("cold_start_share", JSON.number(cold?.share)),
            ("cold_start_latency_ms", JSON.number(cold.flatMap { $0.alwaysWarm ? 0 : $0.startUp.map { $0 * 1000 } })),
        ]
    }

    /// The workload's warmth inputs for the one-line summary: "python", "SnapStart", "≤ 0.1% cold".
    public static func workloadParts(_ w: Workload) -> [String] {
        [w.runtime?.rawValue, w.snapStart ? "SnapStart" : nil,
         w.maxColdStartShare.map { "≤ \(ColdStartFormat.percent($0)) cold" }].compactMap { $0 }
    }

    /// The same inputs, normalised, for the JSON `workload` object.
    public static func workloadFields(_ w: Workload) -> [(String, JSON)] {
        [("runtime", w.runtime.map { .string($0.rawValue) } ?? .null), ("snapstart", .bool(w.snapStart)),
         ("max_cold_start_rate", JSON.number(w.maxColdStartShare))]
    }

    /// The derivation, for `explain`.
    public static func explanation(_ e: Estimate, _ w: Workload) -> [String] {
        guard e.feasible, let cold = e.coldStart else { return [] }
        var lines: [String] = []
        let source = cold.profile.map { "\($0.platform), \($0.source)" + ($0.verified ? "" : " — UNVERIFIED") }
        if cold.alwaysWarm {
            lines.append(cold.profile?.keepAlive == .infinity
                ? "always warm: the platform keeps instances ready (\(source ?? "table")); 0 cold starts"
                : "always warm: a provisioned fleet sized hour by hour stays up, so requests never wait for an instance; 0 cold starts")
        } else if let k = cold.keepAlive {
            lines.append("model: Poisson arrivals, \(Format.duration(w.duration)) per request, up to \(Format.grouped(cold.concurrency)) per instance, "
                         + "idle instances reclaimed after \(Format.duration(k)), \(Format.grouped(cold.warmInstances)) kept warm (docs/billing.md \"Cold starts\")")
            lines.append("P(cold) ≈ Σ P(N=j)·exp(−λk·P(N=j)/P(N≤j)) over in-flight counts j that fill every warm instance, N ~ Poisson(λd)")
            for level in cold.levels where level.rps > 0 {
                lines.append("  \(Format.grouped(level.hoursShare * 100, maxFractionDigits: 1))% of hours at λ = \(Format.grouped(level.rps, maxFractionDigits: 4)) req/s "
                             + "(λd = \(Format.grouped(level.rps * w.duration, maxFractionDigits: 4)) in flight, λk = \(Format.grouped(level.rps * k, maxFractionDigits: 2))): "
                             + "\(ColdStartFormat.percent(level.coldShare)) cold")
            }
            if let share = cold.share {
                lines.append("weighted by requests: \(ColdStartFormat.percent(share)) → \(Format.grouped(share * w.requestsPerMonth)) cold starts a month")
            }
        } else {
            lines.append("share unknown: no sourced keep-alive time for this platform")
        }
        if !cold.alwaysWarm {
            if let startUp = cold.startUp {
                let which = w.runtime.flatMap { cold.profile?.startUp[$0] != nil ? $0.rawValue : nil } ?? "any runtime"
                var text = "start-up \(Format.duration(startUp)) (\(which); \(source ?? "table"))"
                if let share = cold.share { text += "; on average +\(Format.duration(share * startUp)) per request" }
                lines.append(text)
            } else if let profile = cold.profile, !profile.startUp.isEmpty {
                lines.append("start-up depends on the runtime: give --runtime (\(Runtime.allCases.map(\.rawValue).joined(separator: "|")))")
            } else {
                lines.append("start-up time: no sourced measurement for this platform")
            }
        }
        if cold.alwaysWarm, let p = cold.profile, p.typicalStartUp != nil {
            lines.append("start-up from nothing to the first served request (a new instance): \(startUpText(p)) (\(p.source))")
        }
        if let k = cold.profile?.keepAliveSource, cold.keepAlive != nil { lines.append("keep-alive source: \(k)") }
        return lines
    }

    /// The "Cold starts:" block of `explain`, or "" when there is nothing to say.
    public static func section(_ e: Estimate, _ w: Workload) -> String {
        let lines = explanation(e, w)
        return lines.isEmpty ? "" : "\nCold starts:\n" + lines.map { $0.hasPrefix("  ") ? "  \($0)\n" : "  - \($0)\n" }.joined()
    }

    /// `pricing show`: the offering's start-up and keep-alive rows.
    public static func detailLines(_ o: Offering) -> [String] {
        guard let p = o.coldStart else { return [] }
        var lines = ["cold starts: \(p.platform)" + (p.verified ? "" : "  [UNVERIFIED]")]
        lines.append("  start-up (nothing to first served request): " + startUpText(p))
        switch p.keepAlive {
        case .some(let k) where k == .infinity: lines.append("  keep-alive: instances are not reclaimed (always warm)")
        case .some(let k): lines.append("  keep-alive: idle instances reclaimed after \(Format.duration(k))" + (p.keepAliveSource.map { " (\($0))" } ?? ""))
        case .none: lines.append(o.billing.family == "provisioned" ? "  keep-alive: a provisioned fleet stays up (always warm)" : "  keep-alive: not known")
        }
        if let c = p.instanceConcurrency { lines.append("  \(Format.grouped(c)) request(s) per instance at a time") }
        if let billed = p.startUpBillingSource { lines.append("  start-up time is billed (\(billed))") }
        lines.append("  source: \(p.source)")
        return lines
    }

    /// "python 85ms, node 136ms, …; other runtimes 2s" or "26s".
    public static func startUpText(_ p: ColdStartProfile) -> String {
        let measured = Runtime.allCases.compactMap { r in p.startUp[r].map { "\(r.rawValue) \(Format.duration($0))" } }
        var parts = measured
        if let any = p.startUpAnyRuntime { parts.append(measured.isEmpty ? Format.duration(any) : "other runtimes \(Format.duration(any))") }
        return parts.isEmpty ? "not measured" : parts.joined(separator: ", ")
    }

    /// The seed comparison: every start-up row, fastest first, by kind.
    public static func startUpTable(_ rows: [ColdStartProfile]) -> String {
        var table = TextTable(["kind", "platform", "start-up", "keep-alive", "verified"], alignments: [.left, .left, .left, .left, .left])
        let sorted = rows.filter { $0.typicalStartUp != nil }.sorted {
            ($0.typicalStartUp!, $0.platform) < ($1.typicalStartUp!, $1.platform)
        }
        for p in sorted {
            let keepAlive = p.keepAlive.map { $0 == .infinity ? "always warm" : Format.duration($0) } ?? "–"
            table.add([p.category.rawValue, p.platform, startUpText(p), keepAlive, p.verified ? "yes" : "no"])
        }
        return table.rendered()
    }
}
