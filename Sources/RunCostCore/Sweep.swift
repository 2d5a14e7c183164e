/// Evaluates offerings over a range of one parameter (or a grid of two), streaming each row to
/// the caller so memory stays flat however many points are asked for.
public enum Sweep {
    /// Calls `row(value, costs)` once per point; `costs[i]` is nil where offering i is infeasible.
    /// The costs buffer is reused between rows: copy it if you keep it.
    public static func run(_ offerings: [Offering], _ base: Workload, _ parameter: SweepParameter, _ range: SweepRange,
                           row: (Double, [Double?]) throws -> Void) rethrows {
        try run(PricingPlan.plans(offerings), base, parameter, range, row: row)
    }

    /// Points per block: each plan runs its family's formulas over a block of points at a time.
    /// Measured in docs/performance.md ("The sweep kernel as an evaluation plan").
    static let blockSize = 128

    /// `run` over plans built once (one per offering). Points are evaluated a block at a time:
    /// the block's workloads are filled, then each plan switches on its family once and prices
    /// every point of the block (plans grouped by family, so one family's code runs together);
    /// then the block's rows are emitted in order.
    public static func run(_ plans: [PricingPlan], _ base: Workload, _ parameter: SweepParameter, _ range: SweepRange,
                           row: (Double, [Double?]) throws -> Void) rethrows {
        try run(plans, base, parameter, range, blockSize: blockSize, row: row)
    }

    static func run(_ plans: [PricingPlan], _ base: Workload, _ parameter: SweepParameter, _ range: SweepRange,
                    blockSize: Int, row: (Double, [Double?]) throws -> Void) rethrows {
        let count = plans.count
        let block = max(1, min(blockSize, range.points))
        let order = plans.indices.sorted { (plans[$0].family.rawValue, $0) < (plans[$1].family.rawValue, $1) }
        var values = [Double](repeating: 0, count: block)
        var points: [Workload] = []
        points.reserveCapacity(block)
        var costs = [Double?](repeating: nil, count: block * count)   // point-major: a block's rows
        var rowCosts = [Double?](repeating: nil, count: count)
        var w = base
        var first = 0
        while first < range.points {
            let n = min(block, range.points - first)
            points.removeAll(keepingCapacity: true)
            for k in 0..<n {
                let value = range.value(at: first + k)
                parameter.set(value, on: &w)
                points.append(w)
                values[k] = parameter.isWhole ? value.rounded() : value
            }
            points.withUnsafeBufferPointer { points in
                costs.withUnsafeMutableBufferPointer { costs in
                    for j in order { Estimator.monthlyCosts(plans[j], points, into: costs, column: j, stride: count) }
                }
            }
            for k in 0..<n {
                costs.withUnsafeBufferPointer { costs in
                    rowCosts.withUnsafeMutableBufferPointer { rowCosts in
                        _ = rowCosts.update(fromContentsOf: costs[k * count ..< (k + 1) * count])
                    }
                }
                try row(values[k], rowCosts)
            }
            first += n
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
