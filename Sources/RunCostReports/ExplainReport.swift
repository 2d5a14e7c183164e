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
        for item in e.computeLineItems {
            out += "  \(item.name): \(Format.money(item.cost, symbol: symbol))\n      \(item.formula)\n"
        }
        if ApplicationText.applies(w) {
            // A section per service: its meters' line items and formulas.
            out += "  Compute: \(Format.money(e.computeCost, symbol: symbol))\n"
            for service in e.services {
                out += "\n  \(service.category.rawValue): \(service.name) (\(service.id))" + (service.verified ? "" : " — UNVERIFIED")
                    + ": \(Format.money(service.cost, symbol: symbol))\n"
                for item in service.lineItems {
                    out += "    \(item.name): \(Format.money(item.cost, symbol: symbol))\n        \(item.formula)\n"
                }
            }
            out += "\n  Services: \(Format.money(e.servicesCost, symbol: symbol))\n"
        }
        out += "  " + String(repeating: "─", count: 30) + "\n"
        out += "  Monthly total: \(Format.money(e.monthlyCost, symbol: symbol))"
        if let perMillion = e.costPerMillionRequests(w) { out += " (\(Format.money(perMillion, symbol: symbol)) per 1M requests)" }
        out += "\n  Idle capacity: \(Format.money(e.idleCost, symbol: symbol))\n"
        if let scope = ApplicationText.line(w) { out += "  " + scope + "\n" }
        out += "\nAssumptions:\n"
        for line in e.notes + assumptions(w) + (o.notes.isEmpty ? [] : ["table note: " + o.notes]) {
            out += "  - \(line)\n"
        }
        out += ColdStartReport.section(e, w)
        return SafeText.neutralised(out, keepingLineBreaks: true)
    }

    /// The same report for a pull request or a wiki: the line items as a table.
    public static func markdown(_ e: Estimate, _ w: Workload, workloadName: String?) -> String {
        let o = e.offering
        let symbol = Format.symbol(for: o.currency)
        let line = { (s: String) in SafeText.neutralised(s) }
        var out = "### \(line(o.name)) (`\(o.id)`)\n\n"
        out += "\(o.kind.rawValue), \(o.billing.family) billing, \(line(o.region)); prices as of \(o.asOf) from \(line(o.source))"
        out += (o.verified ? "" : " — **unverified**") + "\n\n"
        out += "**Workload:** " + line(WorkloadSummary.line(w, name: workloadName)) + "\n\n"
        guard e.feasible else { return out + "**Infeasible:** " + line(e.reasons.joined(separator: "; ")) + "\n" }
        let rows = e.computeLineItems.map { [$0.name, Format.money($0.cost, symbol: symbol), $0.formula] }
            + e.services.flatMap { service -> [[String]] in
                let title: String = "**\(service.category.rawValue): \(service.id)**" + (service.verified ? "" : " (unverified)")
                let header: [String] = [title, "**" + Format.money(service.cost, symbol: symbol) + "**", ""]
                let items: [[String]] = service.lineItems.map { item -> [String] in
                    [service.id + ": " + item.name, Format.money(item.cost, symbol: symbol), item.formula]
                }
                return [header] + items
            }
            + [["**Monthly total**", "**" + Format.money(e.monthlyCost, symbol: symbol) + "**", ""],
               ["Idle capacity", Format.money(e.idleCost, symbol: symbol), ""]]
        out += MarkdownTable.render(["line item", "cost", "formula"], [.left, .right, .left], rows)
        out += "\n**Assumptions:**\n\n"
        for a in e.notes + assumptions(w) + (o.notes.isEmpty ? [] : ["table note: " + o.notes]) { out += "- \(line(a))\n" }
        let coldStarts = ColdStartReport.section(e, w)
        if !coldStarts.isEmpty { out += "\n```\n" + SafeText.neutralised(coldStarts, keepingLineBreaks: true) + "```\n" }
        return out
    }

    /// One row per line item, then the total, with units in the headers and the currency in the
    /// money columns' names (`cost_usd`).
    public static func csv(_ e: Estimate, _ w: Workload) -> String {
        let c = e.offering.currency.lowercased()
        var out = CSV.header(["offering", "line_item", "quantity", "unit", "unit_price_\(c)", "cost_\(c)", "formula"])
        let serviceOf = e.services.flatMap { s in s.lineItems.map { _ in s.id + ": " } }
        let prefixes = Array(repeating: "", count: e.lineItems.count - serviceOf.count) + serviceOf
        for (item, prefix) in zip(e.lineItems, prefixes) {
            let item = LineItem(name: prefix + item.name, quantity: item.quantity, unit: item.unit, unitPrice: item.unitPrice, cost: item.cost, formula: item.formula)
            // Quantities lose binary noise (12 significant digits): 1551.25 instance-hours, not 1551.2500000000002.
            out += CSV.row([.text(e.offering.id), .text(item.name), .number(Format.significant(item.quantity, digits: 12)), .text(item.unit),
                            .price(item.unitPrice), .money(item.cost), .text(item.formula)])
        }
        out += CSV.row([.text(e.offering.id), .text(e.feasible ? "monthly total" : "infeasible: " + e.reasons.joined(separator: "; ")),
                        .number(nil), .text(""), .number(nil), .money(e.feasible ? e.monthlyCost : nil), .text("")])
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
