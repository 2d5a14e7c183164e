/// Prices a workload on an offering. `monthlyCost` is the allocation-free kernel that sweeps and
/// break-even searches call millions of times; `estimate` runs the same formulas and keeps the
/// line items.
public enum Estimator {
    public static func estimate(_ offering: Offering, _ workload: Workload) -> Estimate {
        var ledger = ItemisedLedger()
        var warmed = workload   // as kept warm for --max-cold-start-rate, for the cold-start report
        _ = ColdStartConstraint.apply(offering, &warmed)
        let problem = evaluate(offering, workload, &ledger)
        if let problem {
            var result = Estimate(offering: offering, monthlyCost: 0, idleCost: 0, lineItems: [],
                                  reasons: [problem.description], notes: [])
            result.scope = workload.effectiveScope
            return result
        }
        let total = ledger.items.reduce(0) { $0 + $1.cost }
        var result = Estimate(offering: offering, monthlyCost: total, idleCost: ledger.idleCost,
                              lineItems: ledger.items, reasons: [], notes: ledger.notes + UnusedInputs.notes(offering, workload),
                              coldStart: ColdStartModel.estimate(offering, warmed))
        result.commitment = commitment(offering, workload)
        result.scope = workload.effectiveScope
        result.services = services(offering, ledger)
        result.computeCost = total - result.servicesCost
        return result
    }

    /// The estimate without line items and notes: the same total, idle cost and reasons as
    /// `estimate`, for rankings that show only those (the TUI's table of thousands of offerings).
    public static func summary(_ offering: Offering, _ workload: Workload) -> Estimate {
        var ledger = SummaryLedger()
        if let problem = evaluate(offering, workload, &ledger) {
            var result = Estimate(offering: offering, monthlyCost: 0, idleCost: 0, lineItems: [],
                                  reasons: [problem.description], notes: [])
            result.scope = workload.effectiveScope
            return result
        }
        var result = Estimate(offering: offering, monthlyCost: ledger.total, idleCost: ledger.idleCost,
                              lineItems: [], reasons: [], notes: [])
        result.scope = workload.effectiveScope
        return result
    }

    /// Each service's line items, cut from the ledger where `beginService` marked them.
    static func services(_ o: Offering, _ ledger: ItemisedLedger) -> [ServiceCost] {
        ledger.serviceStarts.enumerated().map { i, start in
            let end = i + 1 < ledger.serviceStarts.count ? ledger.serviceStarts[i + 1].item : ledger.items.count
            let items = Array(ledger.items[start.item..<end])
            let resolved = o.services[start.service]
            return ServiceCost(id: resolved.service.id, name: resolved.service.name, category: resolved.service.category,
                               role: resolved.role, verified: resolved.service.verified,
                               cost: items.reduce(0) { $0 + $1.cost }, lineItems: items)
        }
    }

    /// `compare` with summaries: the same order, without line items and notes.
    public static func compareSummaries(_ offerings: [Offering], _ workload: Workload) -> [Estimate] {
        ranked(offerings.map { summary($0, workload) })
    }

    /// The monthly cost, or nil when the offering cannot run the workload. Always inlined, so the
    /// sweep kernel reads each offering where it lies instead of copying it (measured: a copy per
    /// evaluation halved the kernel's speed).
    @inline(__always)
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
        ranked(offerings.map { estimate($0, workload) })
    }

    /// `estimates.sorted(by: Estimate.cheaperFirst)`, sorting positions by their keys and moving
    /// each estimate once: merging whole estimates (an offering each) took most of ranking 10,000.
    static func ranked(_ estimates: [Estimate]) -> [Estimate] {
        let feasible = estimates.map(\.feasible), cost = estimates.map(\.monthlyCost)
        let order = estimates.indices.sorted { a, b in
            if feasible[a] != feasible[b] { return feasible[a] }
            if cost[a] != cost[b] { return cost[a] < cost[b] }
            return estimates[a].offering.id < estimates[b].offering.id
        }
        return order.map { estimates[$0] }
    }

    /// The compute, then the application's services: the one place services join the total.
    @inline(__always)
    static func evaluate<L: Ledger>(_ o: Offering, _ w: Workload, _ ledger: inout L) -> Infeasibility? {
        // The data scope compares data services alone: no compute is priced.
        if w.scope != .data || w.application == nil, let problem = evaluateCompute(o, w, &ledger) { return problem }
        return ApplicationBilling.evaluate(o, w, &ledger)
    }

    /// The compute alone (commitments re-price it without the services, which they do not cover).
    @inline(__always)
    static func evaluateCompute<L: Ledger>(_ o: Offering, _ w: Workload, _ ledger: inout L) -> Infeasibility? {
        if let problem = o.limits.check(w) { return problem }
        // A commitment or spot prices the plain workload first, then adjusts it (Commitment.swift).
        if w.commitment.term != .none || w.spot, !o.onDemandOnly { return CommitmentPricing.evaluate(o, w, &ledger) }
        // Only a cold-start limit changes the workload; kept out of line so the usual path stays
        // small enough to inline into the sweep kernel.
        if w.maxColdStartShare != nil { return evaluateKeptWarm(o, w, &ledger) }
        return price(o, w, &ledger)
    }

    @inline(__always)
    static func price<L: Ledger>(_ o: Offering, _ w: Workload, _ ledger: inout L) -> Infeasibility? {
        let money = Money(currency: o.currency)
        let problem: Infeasibility?
        // Switch on a copy of the billing model alone: binding a payload straight out of `o`
        // made the optimiser copy the whole offering (its strings) for every evaluation.
        let billing = o.billing
        switch billing {
        case .perRequest(let p):
            problem = p.evaluate(w, money, &ledger)
            if problem == nil { ColdStartBilling.perRequest(p, o.coldStart, o.limits, w, money, &ledger) }
        case .sharedInstance(let p):
            problem = p.evaluate(w, o.limits, money, &ledger)
            if problem == nil { ColdStartBilling.sharedInstance(p, o.coldStart, o.limits, w, money, &ledger) }
        case .cpuTime(let p): p.evaluate(w, money, &ledger); problem = nil
        case .provisioned(let p): problem = p.evaluate(w, money, &ledger)
        }
        return problem
    }

    @inline(never)
    static func evaluateKeptWarm<L: Ledger>(_ o: Offering, _ w: Workload, _ ledger: inout L) -> Infeasibility? {
        var warmed = w
        if let problem = ColdStartConstraint.apply(o, &warmed) { return problem }
        if warmed.minInstances != w.minInstances, let n = warmed.minInstances, let limit = w.maxColdStartShare {
            ledger.note("\(Format.grouped(n)) instance(s) kept warm: the fewest that hold cold starts to \(ColdStartFormat.percent(limit))")
        }
        return price(o, warmed, &ledger)
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
