/// Prices a workload on an offering. Every path evaluates a `PricingPlan`: `monthlyCost(plan, w)`
/// is the allocation-free kernel that sweeps and break-even searches call millions of times (with
/// plans built once per sweep); `estimate` runs the same formulas and keeps the line items.
public enum Estimator {
    public static func estimate(_ offering: Offering, _ workload: Workload) -> Estimate {
        let plan = PricingPlan(offering)
        var ledger = ItemisedLedger()
        var warmed = workload   // as kept warm for --max-cold-start-rate, for the cold-start report
        _ = ColdStartConstraint.apply(plan, &warmed)
        let problem = evaluate(plan, workload, Money(currency: offering.currency), &ledger)
        if let problem {
            var result = Estimate(offering: offering, monthlyCost: 0, idleCost: 0, lineItems: [],
                                  reasons: [problem.description], notes: [])
            result.scope = workload.effectiveScope
            return result
        }
        let total = ledger.items.reduce(0) { $0 + $1.cost }
        var result = Estimate(offering: offering, monthlyCost: total, idleCost: ledger.idleCost,
                              lineItems: ledger.items, reasons: [], notes: ledger.notes + UnusedInputs.notes(offering, workload),
                              coldStart: ColdStartModel.estimate(plan, warmed))
        result.commitment = commitment(plan, workload)
        result.scope = workload.effectiveScope
        result.services = services(offering, ledger)
        result.computeCost = total - result.servicesCost
        return result
    }

    /// The estimate without line items and notes: the same total, idle cost and reasons as
    /// `estimate`, for rankings that show only those (the TUI's table of thousands of offerings).
    public static func summary(_ offering: Offering, _ workload: Workload) -> Estimate {
        summary(offering, PricingPlan(offering), workload)
    }

    /// `summary` with the offering's plan already built.
    public static func summary(_ offering: Offering, _ plan: PricingPlan, _ workload: Workload) -> Estimate {
        var ledger = SummaryLedger()
        if let problem = evaluate(plan, workload, .formulasUnused, &ledger) {
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

    /// The monthly cost, or nil when the offering cannot run the workload: the sweep kernel.
    @inline(__always)
    public static func monthlyCost(_ plan: PricingPlan, _ workload: Workload) -> Double? {
        var ledger = TotalLedger()
        return evaluate(plan, workload, .formulasUnused, &ledger) == nil ? ledger.total : nil
    }

    /// One offering's monthly cost, building its plan; a loop over many points builds the plan once
    /// and calls `monthlyCost(_: PricingPlan, _:)`.
    public static func monthlyCost(_ offering: Offering, _ workload: Workload) -> Double? {
        monthlyCost(PricingPlan(offering), workload)
    }

    /// Why the offering cannot run the workload, or nil.
    public static func infeasibility(_ plan: PricingPlan, _ workload: Workload) -> Infeasibility? {
        var ledger = TotalLedger()
        return evaluate(plan, workload, .formulasUnused, &ledger)
    }

    public static func infeasibility(_ offering: Offering, _ workload: Workload) -> Infeasibility? {
        infeasibility(PricingPlan(offering), workload)
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
    static func evaluate<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        // The data scope compares data services alone: no compute is priced.
        if w.scope != .data || w.application == nil, let problem = evaluateCompute(plan, w, money, &ledger) { return problem }
        return ApplicationBilling.evaluate(plan, w, money, &ledger)
    }

    /// The compute alone (commitments re-price it without the services, which they do not cover).
    @inline(__always)
    static func evaluateCompute<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        if let problem = plan.limits.check(w) { return problem }
        // A commitment or spot prices the plain workload first, then adjusts it (Commitment.swift).
        if w.commitment.term != .none || w.spot, !plan.onDemandOnly { return CommitmentPricing.evaluate(plan, w, money, &ledger) }
        // Only a cold-start limit changes the workload; kept out of line so the usual path stays
        // small enough to inline into the sweep kernel.
        if w.maxColdStartShare != nil { return evaluateKeptWarm(plan, w, money, &ledger) }
        return price(plan, w, money, &ledger)
    }

    @inline(__always)
    static func price<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        let problem: Infeasibility?
        switch plan.family {
        case .perRequest:
            problem = plan.perRequest.evaluate(w, money, &ledger)
            if problem == nil { ColdStartBilling.perRequest(plan.perRequest, plan.coldStart, plan.limits, w, money, &ledger) }
        case .sharedInstance:
            problem = plan.sharedInstance.evaluate(w, plan.limits, money, &ledger)
            if problem == nil { ColdStartBilling.sharedInstance(plan.sharedInstance, plan.coldStart, plan.limits, w, money, &ledger) }
        case .cpuTime: plan.cpuTime.evaluate(w, money, &ledger); problem = nil
        case .provisioned: problem = plan.provisioned.evaluate(w, money, &ledger)
        }
        return problem
    }

    @inline(never)
    static func evaluateKeptWarm<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        var warmed = w
        if let problem = ColdStartConstraint.apply(plan, &warmed) { return problem }
        if warmed.minInstances != w.minInstances, let n = warmed.minInstances, let limit = w.maxColdStartShare {
            ledger.note("\(Format.grouped(n)) instance(s) kept warm: the fewest that hold cold starts to \(ColdStartFormat.percent(limit))")
        }
        return price(plan, warmed, money, &ledger)
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
    /// For ledgers that never write a formula (the kernel's totals, summaries).
    static var formulasUnused: Money { Money(currency: "") }
    var symbol: String { Format.symbol(for: currency) }
    func money(_ v: Double) -> String { Format.money(v, symbol: symbol) }
    func price(_ v: Double) -> String { Format.price(v, symbol: symbol) }
    func perMillion(_ v: Double) -> String { Format.perMillion(v, symbol: symbol) }
}
