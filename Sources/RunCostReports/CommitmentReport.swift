import RunCostCore

/// How every report shows a commitment or spot price: a short note per estimate, one line for the
/// whole workload, a JSON object and CSV columns. Unverified discounts are said so wherever used.
public enum CommitmentText {
    /// True when the workload asks for a commitment or spot capacity.
    public static func applies(_ w: Workload) -> Bool { w.commitment.term != .none || w.spot }

    /// "1y Compute Savings Plan −32% (unverified), on-demand $70.08, break-even 68%".
    public static func note(_ e: Estimate, _ w: Workload) -> String? {
        guard e.feasible else { return nil }
        if let s = e.commitment {
            let symbol = Format.symbol(for: e.offering.currency)
            return "\(s.term.rawValue) \(s.planName) −\(Format.percent(s.discount))\(s.verified ? "" : " (unverified)")"
                + ", on-demand \(Format.money(s.onDemandCost, symbol: symbol)), used \(Format.percent(s.utilisation)) (break-even \(Format.percent(s.breakEvenUtilisation)))"
        }
        if w.spot, !e.offering.onDemandOnly, let spot = e.offering.spot {
            return "spot −\(Format.percent(spot.discount)) indicative\(spot.verified ? "" : ", unverified") (as of \(spot.asOf))"
        }
        return nil
    }

    /// The sentence under a comparison that says what was assumed.
    public static func line(_ w: Workload) -> String? {
        if w.spot {
            return "Spot: indicative discounts from the tables (unverified, dated; spot prices float and capacity can be reclaimed)."
        }
        guard w.commitment.term != .none else { return nil }
        let sizing: String
        if let u = w.commitment.utilisation { sizing = "sized so the baseline fills \(Format.percent(u)) of it" }
        else if let a = w.commitment.amountPerHour { sizing = "\(Format.price(a))/h committed" }
        else { sizing = "sized to each offering's steady baseline (lowest hourly usage)" }
        return "Commitment: \(w.commitment.term.label)\(w.commitment.plan.map { " \($0)" } ?? ""), \(sizing); paid every hour used or not; "
            + "it loses to on-demand below a utilisation of 1 − discount."
    }

    public static func json(_ e: Estimate) -> JSON {
        guard let s = e.commitment else { return .null }
        return .object([
            ("term", .string(s.term.rawValue)),
            ("plan", .string(s.planID)),
            ("name", .string(s.planName)),
            ("basis", .string(s.basis.rawValue)),
            ("discount", .number(s.discount)),
            ("coverage_per_hour", .number(s.coveragePerHour)),
            ("committed_per_hour", .number(s.committedPerHour)),
            ("committed_monthly", .number(s.committedMonthly)),
            ("instances", s.instances.map { .number($0) } ?? .null),
            ("covered_on_demand", .number(s.coveredOnDemand)),
            ("on_demand_cost", .number(s.onDemandCost)),
            ("utilisation", .number(s.utilisation)),
            ("breakeven_utilisation", .number(s.breakEvenUtilisation)),
            ("source", .string(s.source)),
            ("as_of", .string(s.asOf.description)),
            ("verified", .bool(s.verified)),
        ])
    }

    public static func spotJSON(_ e: Estimate, _ w: Workload) -> JSON {
        guard w.spot, e.feasible, !e.offering.onDemandOnly, let spot = e.offering.spot else { return .null }
        return .object([("discount", .number(spot.discount)), ("source", .string(spot.source)),
                        ("as_of", .string(spot.asOf.description)), ("verified", .bool(spot.verified))])
    }

    /// Extra CSV columns, present only when the workload asks for a commitment or spot.
    /// Money columns name their currency, like the compare columns (monthly_cost_usd).
    public static func csvHeaders(_ currency: String) -> [String] {
        ["commitment", "commitment_plan", "discount", CSV.moneyColumn("committed_monthly", currency),
         CSV.moneyColumn("on_demand_cost", currency), "utilisation", "breakeven_utilisation", "discount_verified", "discount_as_of"]
    }

    public static func csvCells(_ e: Estimate, _ w: Workload) -> [CSV.Cell] {
        if let s = e.commitment {
            return [.text(s.term.rawValue), .text(s.planID), .number(s.discount), .money(s.committedMonthly),
                    .money(s.onDemandCost), .number(s.utilisation), .number(s.breakEvenUtilisation),
                    .text(s.verified ? "true" : "false"), .text(s.asOf.description)]
        }
        if w.spot, e.feasible, !e.offering.onDemandOnly, let spot = e.offering.spot {
            return [.text("spot"), .text(""), .number(spot.discount), .money(nil), .money(nil), .number(nil), .number(nil),
                    .text(spot.verified ? "true" : "false"), .text(spot.asOf.description)]
        }
        return [.text(w.commitment.term.rawValue), .text("")] + Array(repeating: CSV.Cell.number(nil), count: 5) + [.text(""), .text("")]
    }
}

extension CommitmentText {
    /// The discounts a sweep or break-even search used, each with its source and date, unverified
    /// ones said so: "never applied silently".
    public static func discountsUsed(_ offerings: [Offering], _ w: Workload) -> String? {
        guard applies(w) else { return nil }
        var lines: [String] = []
        for o in offerings where !o.onDemandOnly {
            if w.spot, let spot = o.spot {
                lines.append("  \(o.id): spot \(Format.percent(spot.discount)) off, indicative\(spot.verified ? "" : ", UNVERIFIED") (as of \(spot.asOf), \(spot.source))")
            } else if let plan = o.commitmentPlan(for: w.commitment), let d = plan.discounts[w.commitment.term] {
                lines.append("  \(o.id): \(w.commitment.term.label) \(plan.name) \(Format.percent(d)) off\(plan.verified ? "" : ", UNVERIFIED") (as of \(plan.asOf), \(plan.source))")
            }
        }
        guard !lines.isEmpty else { return nil }
        return (line(w).map { $0 + "\n" } ?? "") + "Discounts used (each line has an '-on-demand' twin at list price):\n" + lines.joined(separator: "\n") + "\n"
    }
}

extension CommitmentText {
    /// `pricing show` lines: each plan and the spot discount with its date, source and status.
    public static func detail(_ o: Offering) -> String {
        var out = ""
        for plan in o.commitments {
            let terms = [CommitmentTerm.oneYear, .threeYear].compactMap { t in plan.discounts[t].map { "\(t.rawValue) \(Format.percent($0))" } }
            out += "  commitment \(plan.id) (\(plan.name), \(plan.basis.rawValue)): \(terms.joined(separator: ", ")) off; as_of \(plan.asOf), source \(plan.source)\(plan.verified ? "" : "  [UNVERIFIED]")\n"
        }
        if let spot = o.spot {
            out += "  spot: \(Format.percent(spot.discount)) off, indicative; as_of \(spot.asOf), source \(spot.source)\(spot.verified ? "" : "  [UNVERIFIED]")\n"
        }
        return out
    }
}
