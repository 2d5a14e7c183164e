/// Evaluates offerings over a range of one parameter (or a grid of two), streaming each row to
/// the caller so memory stays flat however many points are asked for.
public enum Sweep {
    /// Calls `row(value, costs)` once per point; `costs[i]` is nil where offering i is infeasible.
    /// The costs buffer is reused between rows: copy it if you keep it.
    public static func run(_ offerings: [Offering], _ base: Workload, _ parameter: SweepParameter, _ range: SweepRange,
                           row: (Double, [Double?]) throws -> Void) rethrows {
        var costs = [Double?](repeating: nil, count: offerings.count)
        var w = base
        try offerings.withUnsafeBufferPointer { offerings in   // no per-evaluation copies of an Offering
            for i in 0..<range.points {
                let value = range.value(at: i)
                parameter.set(value, on: &w)
                for j in offerings.indices { costs[j] = Estimator.monthlyCost(offerings[j], w) }
                try row(parameter.isWhole ? value.rounded() : value, costs)
            }
        }
    }

    /// The cheapest feasible offering at each cell of a two-parameter grid, row by row.
    /// Calls `cell(x, y, index, cost)`; index is nil when nothing is feasible.
    public static func grid(_ offerings: [Offering], _ base: Workload,
                            _ px: SweepParameter, _ rx: SweepRange, _ py: SweepParameter, _ ry: SweepRange,
                            cell: (Double, Double, Int?, Double?) throws -> Void) rethrows {
        var w = base
        for i in 0..<ry.points {
            py.set(ry.value(at: i), on: &w)
            for j in 0..<rx.points {
                px.set(rx.value(at: j), on: &w)
                let (index, cost) = cheapest(offerings, w)
                try cell(rx.value(at: j), ry.value(at: i), index, cost)
            }
        }
    }

    /// The cheapest feasible offering (lowest index wins ties) and its cost.
    public static func cheapest(_ offerings: [Offering], _ w: Workload) -> (Int?, Double?) {
        var best: (Int, Double)?
        for (i, o) in offerings.enumerated() {
            if let c = Estimator.monthlyCost(o, w), c < (best?.1 ?? .infinity) { best = (i, c) }
        }
        return (best?.0, best?.1)
    }
}
