/// Where the answer changes along one parameter: which offering is cheapest in each range, where
/// each pair's cost curves cross, and where offerings become (in)feasible.
///
/// Cost curves are piecewise: kinks at free-tier and volume-tier edges, steps where a fleet adds an
/// instance, jumps at rounding granularity. So every change is bracketed on a dense grid, then
/// located by bisection to a relative 1e-9 of the parameter (whole-number parameters: exactly).
public struct BreakEven: Sendable {
    public struct CheapestRange: Sendable, Equatable {
        public var from: Double
        public var to: Double
        public var offering: String?       // nil: nothing can run the workload here
    }
    public struct Crossover: Sendable, Equatable {
        public var value: Double
        public var cost: Double            // of either side just above the crossing
        public var cheaperBelow: String
        public var cheaperAbove: String
    }
    public struct FeasibilityChange: Sendable, Equatable {
        public var offering: String
        public var value: Double
        public var feasibleAbove: Bool
        public var reason: String          // why it is infeasible on the other side
    }

    public var parameter: SweepParameter
    public var from: Double
    public var to: Double
    public var ranges: [CheapestRange] = []
    public var crossovers: [Crossover] = []
    public var feasibilityChanges: [FeasibilityChange] = []

    /// Searches `from`…`to`. With a `baseline` id, only crossings with that offering are reported.
    public static func find(_ offerings: [Offering], _ base: Workload, _ parameter: SweepParameter,
                            from: Double, to: Double, baseline: String? = nil, gridPoints: Int = 1024) -> BreakEven {
        var result = BreakEven(parameter: parameter, from: from, to: to)
        guard !offerings.isEmpty, from < to else { return result }
        let search = Search(offerings: offerings, base: base, parameter: parameter,
                            range: SweepRange(from: from, to: to, points: gridPoints))
        let grid = search.grid()
        result.ranges = search.cheapestRanges(grid)
        result.feasibilityChanges = search.feasibilityChanges(grid)
        let baselineIndex = baseline.flatMap { id in offerings.firstIndex { $0.id == id } }
        for a in offerings.indices {
            for b in offerings.indices where b > a {
                if let k = baselineIndex, a != k && b != k { continue }
                result.crossovers += search.crossovers(grid, a, b)
            }
        }
        result.crossovers.sort { ($0.value, $0.cheaperBelow, $0.cheaperAbove) < ($1.value, $1.cheaperBelow, $1.cheaperAbove) }
        return result
    }

    /// The nearest crossover below and above `value` that involves `offering` (for "next break-even" lines).
    public func nearest(to value: Double, involving offering: String) -> (below: Crossover?, above: Crossover?) {
        let mine = crossovers.filter { $0.cheaperBelow == offering || $0.cheaperAbove == offering }
        return (mine.last { $0.value < value }, mine.first { $0.value > value })
    }
}

/// The machinery of one search: the grid of costs, and bisection between grid points.
struct Search {
    let offerings: [Offering]
    let base: Workload
    let parameter: SweepParameter
    let range: SweepRange

    struct Grid {
        var values: [Double]
        var costs: [[Double?]]     // [point][offering]
    }

    func cost(_ k: Int, at x: Double) -> Double? {
        Estimator.monthlyCost(offerings[k], parameter.apply(x, to: base))
    }

    func grid() -> Grid {
        var values: [Double] = [], costs: [[Double?]] = []
        Sweep.run(offerings, base, parameter, range) { x, row in
            if values.last != x { values.append(x); costs.append(row) }
        }
        return Grid(values: values, costs: costs)
    }

    /// The boundary in (lo, hi] where `holds` stops being true, given holds(lo) and !holds(hi).
    func bisect(_ lo: Double, _ hi: Double, _ holds: (Double) -> Bool) -> (lo: Double, hi: Double) {
        var lo = lo, hi = hi
        for _ in 0..<200 {
            if parameter.isWhole {
                if hi - lo <= 1 { break }
                let mid = ((lo + hi) / 2).rounded(.down)
                if holds(mid) { lo = mid } else { hi = mid }
            } else {
                if hi - lo <= 1e-9 * max(abs(hi), 1e-300) { break }
                let mid = range.scale == .log && lo > 0 ? (lo * hi).squareRoot() : (lo + hi) / 2
                if holds(mid) { lo = mid } else { hi = mid }
            }
        }
        return (lo, hi)
    }

    /// The point reported for a boundary: the first value on the new side for whole numbers,
    /// else the middle of the final bracket.
    func boundary(_ bracket: (lo: Double, hi: Double)) -> Double {
        parameter.isWhole ? bracket.hi : (bracket.lo + bracket.hi) / 2
    }

    func winner(_ costs: [Double?]) -> Int? {
        var best: (Int, Double)?
        for (k, c) in costs.enumerated() { if let c, c < (best?.1 ?? .infinity) { best = (k, c) } }
        return best?.0
    }

    func winner(at x: Double) -> Int? { winner(offerings.indices.map { cost($0, at: x) }) }

    func cheapestRanges(_ grid: Grid) -> [BreakEven.CheapestRange] {
        var ranges: [BreakEven.CheapestRange] = []
        var current = winner(grid.costs[0]), start = grid.values[0]
        for i in 1..<grid.values.count {
            var lo = grid.values[i - 1]
            let target = winner(grid.costs[i])
            // Between two grid points the lead may pass through a third offering: keep locating.
            while current != target {
                let leader = current
                let edge = bisect(lo, grid.values[i]) { winner(at: $0) == leader }
                let at = boundary(edge)
                ranges.append(.init(from: start, to: at, offering: leader.map { offerings[$0].id }))
                start = at; lo = edge.hi
                current = winner(at: edge.hi)
            }
        }
        ranges.append(.init(from: start, to: grid.values.last!, offering: current.map { offerings[$0].id }))
        return ranges
    }

    func feasibilityChanges(_ grid: Grid) -> [BreakEven.FeasibilityChange] {
        var changes: [BreakEven.FeasibilityChange] = []
        for k in offerings.indices {
            for i in 1..<grid.values.count where (grid.costs[i - 1][k] != nil) != (grid.costs[i][k] != nil) {
                let wasFeasible = grid.costs[i - 1][k] != nil
                let edge = bisect(grid.values[i - 1], grid.values[i]) { (cost(k, at: $0) != nil) == wasFeasible }
                let infeasibleSide = wasFeasible ? edge.hi : edge.lo
                let reason = Estimator.infeasibility(offerings[k], parameter.apply(infeasibleSide, to: base))?.description ?? ""
                changes.append(.init(offering: offerings[k].id, value: boundary(edge), feasibleAbove: !wasFeasible, reason: reason))
            }
        }
        return changes.sorted { ($0.value, $0.offering) < ($1.value, $1.offering) }
    }

    /// −1 when a is cheaper, +1 when b is, 0 when equal (within rounding) or either is infeasible.
    func sign(_ a: Double?, _ b: Double?) -> Int {
        guard let a, let b else { return 0 }
        let d = a - b
        if abs(d) <= 1e-9 * max(abs(a), abs(b)) + 1e-12 { return 0 }
        return d < 0 ? -1 : 1
    }

    func crossovers(_ grid: Grid, _ a: Int, _ b: Int) -> [BreakEven.Crossover] {
        var found: [BreakEven.Crossover] = []
        var last: (sign: Int, value: Double)?
        for i in grid.values.indices {
            let s = sign(grid.costs[i][a], grid.costs[i][b])
            guard s != 0 else { continue }
            if let previous = last, previous.sign != s {
                // Located with the cheapest-range rule (strictly cheaper; a tie keeps the lower index),
                // so where a and b lead, the crossover and the range edge are one value.
                let edge = bisect(previous.value, grid.values[i]) { x in
                    guard let ca = cost(a, at: x), let cb = cost(b, at: x) else { return false }
                    return previous.sign < 0 ? ca <= cb : cb < ca
                }
                let below = previous.sign < 0 ? a : b, above = previous.sign < 0 ? b : a
                let at = boundary(edge)
                found.append(.init(value: at, cost: cost(above, at: edge.hi) ?? cost(below, at: at) ?? 0,
                                   cheaperBelow: offerings[below].id, cheaperAbove: offerings[above].id))
            }
            last = (s, grid.values[i])
        }
        return found
    }
}
