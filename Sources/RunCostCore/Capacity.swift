/// The reverse question: what does a budget buy? For one offering, the largest value of a
/// parameter (usually monthly requests) whose monthly cost stays within the budget.
public enum Capacity {
    public enum Answer: Sendable, Equatable {
        /// Within budget up to `value`, costing `cost` there.
        case upTo(value: Double, cost: Double)
        /// Still within budget at the top of the searched range.
        case beyondRange(value: Double, cost: Double)
        /// Over budget (or infeasible) even at the bottom of the range.
        case none(reason: String)
    }

    public static func largestWithin(budget: Double, _ offering: Offering, _ base: Workload,
                                     _ parameter: SweepParameter, _ range: SweepRange) -> Answer {
        let search = Search(offerings: [offering], base: base, parameter: parameter, range: range)
        func fits(_ x: Double) -> Bool { search.cost(0, at: x).map { $0 <= budget } ?? false }
        let bottom = range.value(at: 0)
        guard fits(bottom) else {
            if let why = Estimator.infeasibility(search.plans[0], parameter.apply(bottom, to: base)) { return .none(reason: why.description) }
            let cost = search.cost(0, at: bottom) ?? 0
            return .none(reason: "costs \(Format.money(cost)) already at \(parameter.format(bottom))")
        }
        // Walk up to the first grid point over budget, then bisect between it and the last that fit.
        var lastFit = bottom
        for i in 1..<range.points {
            let x = range.value(at: i)
            if fits(x) { lastFit = x; continue }
            let edge = search.bisect(lastFit, x, fits)
            return .upTo(value: edge.lo, cost: search.cost(0, at: edge.lo) ?? 0)
        }
        return .beyondRange(value: lastFit, cost: search.cost(0, at: lastFit) ?? 0)
    }
}
