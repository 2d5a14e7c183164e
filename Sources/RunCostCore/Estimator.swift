/// Prices a workload on an offering. `monthlyCost` is the allocation-free kernel that sweeps and
/// break-even searches call millions of times; `estimate` runs the same formulas and keeps the
/// line items.
public enum Estimator {
    public static func estimate(_ offering: Offering, _ workload: Workload) -> Estimate {
        var ledger = ItemisedLedger()
        let problem = evaluate(offering, workload, &ledger)
        if let problem {
            return Estimate(offering: offering, monthlyCost: 0, idleCost: 0, lineItems: [],
                            reasons: [problem.description], notes: [])
        }
        let total = ledger.items.reduce(0) { $0 + $1.cost }
        var result = Estimate(offering: offering, monthlyCost: total, idleCost: ledger.idleCost,
                              lineItems: ledger.items, reasons: [], notes: ledger.notes)
        result.commitment = commitment(offering, workload)
        return result
    }

    /// The monthly cost, or nil when the offering cannot run the workload.
    public static func monthlyCost(_ offering: Offering, _ workload: Workload) -> Double? {
        var ledger = TotalLedger()
        return evaluate(offering, workload, &ledger) == nil ? ledger.total : nil
    }

    /// Why the offering cannot run the workload, or nil.
    public static func infeasibility(_ offering: Offering, _ workload: Workload) -> Infeasibility? {
        var ledger = TotalLedger()
        return evaluate(offering, workload, &ledger)
    }

    /// Every offering's estimate, cheapest feasible first, infeasible last (stable by id).
    public static func compare(_ offerings: [Offering], _ workload: Workload) -> [Estimate] {
        offerings.map { estimate($0, workload) }.sorted(by: Estimate.cheaperFirst)
    }

    static func evaluate<L: Ledger>(_ o: Offering, _ w: Workload, _ ledger: inout L) -> Infeasibility? {
        if let problem = o.limits.check(w) { return problem }
        if w.commitment.term != .none || w.spot, !o.onDemandOnly { return CommitmentPricing.evaluate(o, w, &ledger) }
        let money = Money(currency: o.currency)
        switch o.billing {
        case .perRequest(let p): return p.evaluate(w, money, &ledger)
        case .sharedInstance(let p): return p.evaluate(w, o.limits, money, &ledger)
        case .cpuTime(let p): p.evaluate(w, money, &ledger); return nil
        case .provisioned(let p): return p.evaluate(w, money, &ledger)
        }
    }
}

extension Estimate {
    /// Cheapest feasible first; infeasible offerings last; ties broken by id so output is stable.
    public static func cheaperFirst(_ a: Estimate, _ b: Estimate) -> Bool {
        if a.feasible != b.feasible { return a.feasible }
        if a.monthlyCost != b.monthlyCost { return a.monthlyCost < b.monthlyCost }
        return a.offering.id < b.offering.id
    }
}

/// Formats amounts in an offering's currency inside formulas. Holds only the code: the symbol is
/// looked up when a formula is actually written, never in the sweep kernel.
struct Money {
    let currency: String
    var symbol: String { Format.symbol(for: currency) }
    func money(_ v: Double) -> String { Format.money(v, symbol: symbol) }
    func price(_ v: Double) -> String { Format.price(v, symbol: symbol) }
    func perMillion(_ v: Double) -> String { Format.perMillion(v, symbol: symbol) }
}
