import RunCostCore

/// `runcost explain`: one offering's line items with their arithmetic, like a provider's
/// "show calculations", and the assumptions behind them.
public enum ExplainReport {
    public static func text(_ e: Estimate, _ w: Workload, workloadName: String?) -> String {
        let o = e.offering
        let symbol = Format.symbol(for: o.currency)
        var out = "\(o.name) (\(o.id)) — \(o.kind.rawValue), \(o.billing.family) billing, \(o.region)\n"
        out += "Workload: " + WorkloadSummary.line(w, name: workloadName) + "\n"
        out += "Prices as of \(o.asOf) from \(o.source)" + (o.verified ? "" : " — UNVERIFIED") + "\n\n"
        guard e.feasible else {
            return out + "Infeasible: " + e.reasons.joined(separator: "; ") + "\n"
        }
        for item in e.lineItems {
            out += "  \(item.name): \(Format.money(item.cost, symbol: symbol))\n      \(item.formula)\n"
        }
        out += "  " + String(repeating: "─", count: 30) + "\n"
        out += "  Monthly total: \(Format.money(e.monthlyCost, symbol: symbol))"
        if let perMillion = e.costPerMillionRequests(w) { out += " (\(Format.money(perMillion, symbol: symbol)) per 1M requests)" }
        out += "\n  Idle capacity: \(Format.money(e.idleCost, symbol: symbol))\n\nAssumptions:\n"
        for line in e.notes + assumptions(w) + (o.notes.isEmpty ? [] : ["table note: " + o.notes]) {
            out += "  - \(line)\n"
        }
        out += ColdStartReport.section(e, w)
        return out
    }

    public static func assumptions(_ w: Workload) -> [String] {
        [
            w.freeTier ? "free tier on: monthly allowances applied to this workload alone" : "free tier off (--free-tier applies the account-wide allowances)",
            "month of \(Format.grouped(w.hoursPerMonth)) service hours; traffic \(w.traffic.name), peak \(Format.grouped(w.profile.peakMultiplier, maxFractionDigits: 2))× average",
            "provisioned capacity: min(vCPU × \(Format.grouped(w.targetUtilization * 100))% / CPU time, workers × concurrency / duration) requests per second per instance",
        ]
    }
}
