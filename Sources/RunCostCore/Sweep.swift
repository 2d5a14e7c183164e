/// Evaluates offerings over a range of one parameter (or a grid of two), streaming each row to
/// the caller so memory stays flat however many points are asked for.
public enum Sweep {
    /// Calls `row(value, costs)` once per point; `costs[i]` is nil where offering i is infeasible.
    /// The costs buffer is reused between rows: copy it if you keep it.
    public static func run(_ offerings: [Offering], _ base: Workload, _ parameter: SweepParameter, _ range: SweepRange,
                           row: (Double, [Double?]) throws -> Void) rethrows {
        try run(PricingPlan.plans(offerings), base, parameter, range, row: row)
    }

    /// `run` over plans built once (one per offering).
    public static func run(_ plans: [PricingPlan], _ base: Workload, _ parameter: SweepParameter, _ range: SweepRange,
                           row: (Double, [Double?]) throws -> Void) rethrows {
        var costs = [Double?](repeating: nil, count: plans.count)
        var w = base
        // The plans stay alive for the whole sweep, so each evaluation may use its plan without
        // retaining and releasing it (that atomic pair was 14% of the kernel).
        let unretained = plans.map { Unmanaged.passUnretained($0) }
        try withExtendedLifetime(plans) {
            for i in 0..<range.points {
                let value = range.value(at: i)
                parameter.set(value, on: &w)
                let point = w   // immutable, so every evaluation borrows it (a `var` was copied for each)
                costs.withUnsafeMutableBufferPointer { costs in
                    for j in unretained.indices {
                        costs[j] = unretained[j]._withUnsafeGuaranteedRef { Estimator.monthlyCost($0, point) }
                    }
                }
                try row(parameter.isWhole ? value.rounded() : value, costs)
            }
        }
    }

    /// The cheapest feasible offering at each cell of a two-parameter grid, row by row.
    /// Calls `cell(x, y, index, cost)`; index is nil when nothing is feasible.
    public static func grid(_ offerings: [Offering], _ base: Workload,
                            _ px: SweepParameter, _ rx: SweepRange, _ py: SweepParameter, _ ry: SweepRange,
                            cell: (Double, Double, Int?, Double?) throws -> Void) rethrows {
        let plans = PricingPlan.plans(offerings)
        var w = base
        for i in 0..<ry.points {
            py.set(ry.value(at: i), on: &w)
            for j in 0..<rx.points {
                px.set(rx.value(at: j), on: &w)
                let point = w
                let (index, cost) = cheapest(plans, point)
                try cell(rx.value(at: j), ry.value(at: i), index, cost)
            }
        }
    }

    /// The cheapest feasible offering (lowest index wins ties) and its cost.
    public static func cheapest(_ offerings: [Offering], _ w: Workload) -> (Int?, Double?) {
        cheapest(PricingPlan.plans(offerings), w)
    }

    public static func cheapest(_ plans: [PricingPlan], _ w: Workload) -> (Int?, Double?) {
        var best: (Int, Double)?
        for i in plans.indices {
            if let c = Estimator.monthlyCost(plans[i], w), c < (best?.1 ?? .infinity) { best = (i, c) }
        }
        return (best?.0, best?.1)
    }
}
