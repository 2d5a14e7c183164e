/// One billing family's formulas as a type. A loop over many points names the family once and
/// the compiler specialises the loop for it: `Sweep.run` switches on a plan's family once per block
/// of points instead of once per evaluation (docs/performance.md). Each type only calls the
/// family's own `evaluate`; the formulas live there, once.
protocol FamilyFormulas {
    static func price<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility?
}

enum PerRequestFormulas: FamilyFormulas {
    @inline(__always)
    static func price<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        let problem = plan.perRequest.evaluate(w, money, &ledger)
        if problem == nil { ColdStartBilling.perRequest(plan.perRequest, plan.coldStart, plan.limits, w, money, &ledger) }
        return problem
    }
}

enum SharedInstanceFormulas: FamilyFormulas {
    @inline(__always)
    static func price<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        let problem = plan.sharedInstance.evaluate(w, plan.limits, money, &ledger)
        if problem == nil { ColdStartBilling.sharedInstance(plan.sharedInstance, plan.coldStart, plan.limits, w, money, &ledger) }
        return problem
    }
}

enum CPUTimeFormulas: FamilyFormulas {
    @inline(__always)
    static func price<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        plan.cpuTime.evaluate(w, money, &ledger)
        return nil
    }
}

enum ProvisionedFormulas: FamilyFormulas {
    @inline(__always)
    static func price<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        plan.provisioned.evaluate(w, money, &ledger)
    }
}

/// The family read from the plan at each evaluation: single estimates, searches that price one
/// point at a time, and commitments (which re-price the compute with other rates).
enum AnyFamilyFormulas: FamilyFormulas {
    @inline(__always)
    static func price<L: Ledger>(_ plan: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        switch plan.family {
        case .perRequest: PerRequestFormulas.price(plan, w, money, &ledger)
        case .sharedInstance: SharedInstanceFormulas.price(plan, w, money, &ledger)
        case .cpuTime: CPUTimeFormulas.price(plan, w, money, &ledger)
        case .provisioned: ProvisionedFormulas.price(plan, w, money, &ledger)
        }
    }
}
