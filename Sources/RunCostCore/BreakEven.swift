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

    /// Which crossings `crossovers` lists.
    public enum Crossings: Sendable, Equatable {
        /// Only where the cheapest offering changes (the envelope): what a reader acts on.
        case envelope
        /// Every crossing of one offering with any other.
        case baseline(String)
        /// Every crossing of every pair: quadratic in offerings, so only when asked.
        case allPairs
    }

    public var parameter: SweepParameter
    public var from: Double
    public var to: Double
    public var ranges: [CheapestRange] = []
    public var crossovers: [Crossover] = []
    public var feasibilityChanges: [FeasibilityChange] = []
    public var listed: Crossings = .allPairs
    /// How many crossings all pairs have in the range (one per sign change on the grid, as
    /// `.allPairs` lists them); nil when not counted (too many offerings to count cheaply).
    public var allPairsCount: Int?

    /// Searches `from`…`to`. With a `baseline` id, only crossings with that offering are reported;
    /// without one, every pair's.
    public static func find(_ offerings: [Offering], _ base: Workload, _ parameter: SweepParameter,
                            from: Double, to: Double, baseline: String? = nil, gridPoints: Int = 1024) -> BreakEven {
        find(offerings, base, parameter, from: from, to: to, listing: baseline.map { .baseline($0) } ?? .allPairs, gridPoints: gridPoints)
    }

    /// Searches `from`…`to` in one streaming pass over the grid: every offering is evaluated once
    /// per point, and bisection runs only where the cheapest offering, an offering's feasibility
    /// or a listed pair's order changes. Memory depends on the offerings (and, for `.allPairs`,
    /// on their pairs), never on `gridPoints`.
    public static func find(_ offerings: [Offering], _ base: Workload, _ parameter: SweepParameter,
                            from: Double, to: Double, listing: Crossings, gridPoints: Int = 1024) -> BreakEven {
        var result = BreakEven(parameter: parameter, from: from, to: to)
        result.listed = listing
        guard !offerings.isEmpty, from < to else { return result }
        let search = Search(offerings: offerings, base: base, parameter: parameter,
                            range: SweepRange(from: from, to: to, points: gridPoints))
        var scan = Scan(search: search, listing: listing)
        Sweep.run(search.plans, base, parameter, search.range) { x, costs in scan.add(x, costs) }
        scan.finish()
        result.ranges = scan.ranges
        result.feasibilityChanges = scan.feasibilityChanges.sorted { ($0.value, $0.offering) < ($1.value, $1.offering) }
        result.crossovers = scan.crossovers.sorted { ($0.value, $0.cheaperBelow, $0.cheaperAbove) < ($1.value, $1.cheaperBelow, $1.cheaperAbove) }
        if case .baseline(let id) = listing, !offerings.contains(where: { $0.id == id }) { result.listed = .allPairs }
        result.allPairsCount = result.listed == .allPairs ? result.crossovers.count : scan.pairChanges
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
    /// The offerings' pricing plans, built once for every grid point and bisection probe.
    let plans: [PricingPlan]
    let base: Workload
    let parameter: SweepParameter
    let range: SweepRange

    init(offerings: [Offering], base: Workload, parameter: SweepParameter, range: SweepRange) {
        self.offerings = offerings; self.plans = PricingPlan.plans(offerings)
        self.base = base; self.parameter = parameter; self.range = range
    }

    struct Grid {
        var values: [Double]
        var costs: [[Double?]]     // [point][offering]
    }

    func cost(_ k: Int, at x: Double) -> Double? {
        Estimator.monthlyCost(plans[k], parameter.apply(x, to: base))
    }

    func grid() -> Grid {
        var values: [Double] = [], costs: [[Double?]] = []
        Sweep.run(plans, base, parameter, range) { x, row in
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

    /// The cheapest at `x` (lowest index wins ties, like `winner(_:)`), without building a row:
    /// bisection calls it for every offering many times per change.
    func winner(at x: Double) -> Int? {
        let w = parameter.apply(x, to: base)
        var best: Int?, lowest = Double.infinity
        for k in plans.indices {
            if let c = Estimator.monthlyCost(plans[k], w), c < lowest { best = k; lowest = c }
        }
        return best
    }

    /// −1 when a is cheaper, +1 when b is, 0 when equal (within rounding) or either is infeasible.
    func sign(_ a: Double?, _ b: Double?) -> Int {
        guard let a, let b else { return 0 }
        let d = a - b
        if abs(d) <= 1e-9 * max(abs(a), abs(b)) + 1e-12 { return 0 }
        return d < 0 ? -1 : 1
    }

    /// The crossing of a and b between `lo` (where their order was `signBelow`) and `hi`.
    func crossover(_ a: Int, _ b: Int, from lo: Double, to hi: Double, signBelow: Int) -> BreakEven.Crossover {
        // Located with the cheapest-range rule (strictly cheaper; a tie keeps the lower index),
        // so where a and b lead, the crossover and the range edge are one value.
        let edge = bisect(lo, hi) { x in
            guard let ca = cost(a, at: x), let cb = cost(b, at: x) else { return false }
            let aLeads = ca < cb || (ca == cb && a < b)
            return signBelow < 0 ? aLeads : !aLeads
        }
        let below = signBelow < 0 ? a : b, above = signBelow < 0 ? b : a
        let at = boundary(edge)
        return .init(value: at, cost: cost(above, at: edge.hi) ?? cost(below, at: at) ?? 0,
                     cheaperBelow: offerings[below].id, cheaperAbove: offerings[above].id)
    }

    func crossovers(_ grid: Grid, _ a: Int, _ b: Int) -> [BreakEven.Crossover] {
        var found: [BreakEven.Crossover] = []
        var last: (sign: Int, value: Double)?
        for i in grid.values.indices {
            let s = sign(grid.costs[i][a], grid.costs[i][b])
            guard s != 0 else { continue }
            if let previous = last, previous.sign != s {
                found.append(crossover(a, b, from: previous.value, to: grid.values[i], signBelow: previous.sign))
            }
            last = (s, grid.values[i])
        }
        return found
    }
}

/// The state of one streaming pass: the previous grid point's costs, the cheapest range being
/// built, and for each watched pair the sign of its last decided comparison.
struct Scan {
    let search: Search
    var ranges: [BreakEven.CheapestRange] = []
    var crossovers: [BreakEven.Crossover] = []
    var feasibilityChanges: [BreakEven.FeasibilityChange] = []
    var previous: (x: Double, costs: [Double?])?
    var leader: Int?
    var start = 0.0
    /// Which pairs are watched: every pair (a < b, numbered row by row), those with one offering,
    /// or none. Per watched pair, the last non-zero sign and where it was seen.
    enum Watched { case all, with(Int), none }
    let watched: Watched
    let listPairs: Bool
    var signs: [Int8]
    var seenAt: [Double]
    /// Sign changes over every pair, when they are counted.
    var pairChanges: Int?

    /// Counting every pair's crossings costs pairs × points comparisons: done while that stays small.
    static let countingBudget = 50_000_000

    init(search: Search, listing: BreakEven.Crossings) {
        self.search = search
        let n = search.offerings.count, allPairs = n * (n - 1) / 2
        switch listing {
        case .allPairs:
            watched = .all; listPairs = true
        case .baseline(let id):
            watched = search.offerings.firstIndex(where: { $0.id == id }).map { .with($0) } ?? .all; listPairs = true
        case .envelope:
            let counted = allPairs * search.range.points <= Scan.countingBudget
            watched = counted ? .all : .none; listPairs = false
            pairChanges = counted ? 0 : nil
        }
        let count: Int
        switch watched { case .all: count = allPairs; case .with: count = n; case .none: count = 0 }
        signs = [Int8](repeating: 0, count: count)
        seenAt = [Double](repeating: 0, count: listPairs ? count : 0)
    }

    mutating func add(_ x: Double, _ costs: [Double?]) {
        guard let previous else {
            leader = search.winner(costs); start = x
            watch(x, costs)
            self.previous = (x, costs)
            return
        }
        guard x != previous.x else { return }          // whole-number parameters repeat values
        envelope(from: previous.x, to: x, costs)
        for k in costs.indices where (previous.costs[k] != nil) != (costs[k] != nil) {
            feasibility(k, previous.x, x, wasFeasible: previous.costs[k] != nil)
        }
        watch(x, costs)
        self.previous = (x, costs)
    }

    mutating func finish() {
        guard let previous else { return }
        ranges.append(.init(from: start, to: previous.x, offering: leader.map { search.offerings[$0].id }))
    }

    /// Between two grid points the lead may pass through a third offering: keep locating.
    mutating func envelope(from x0: Double, to x1: Double, _ costs: [Double?]) {
        let target = search.winner(costs)
        var lo = x0
        while leader != target {
            let before = leader
            let edge = search.bisect(lo, x1) { search.winner(at: $0) == before }
            let at = search.boundary(edge)
            ranges.append(.init(from: start, to: at, offering: before.map { search.offerings[$0].id }))
            start = at; lo = edge.hi
            leader = search.winner(at: edge.hi)
            // A change of leader is a crossing when the old leader can still run above it.
            if !listPairs, let a = before, let b = leader, let costB = search.cost(b, at: edge.hi), search.cost(a, at: edge.hi) != nil {
                crossovers.append(.init(value: at, cost: costB, cheaperBelow: search.offerings[a].id, cheaperAbove: search.offerings[b].id))
            }
        }
    }

    mutating func feasibility(_ k: Int, _ x0: Double, _ x1: Double, wasFeasible: Bool) {
        let edge = search.bisect(x0, x1) { (search.cost(k, at: $0) != nil) == wasFeasible }
        let infeasibleSide = wasFeasible ? edge.hi : edge.lo
        let reason = Estimator.infeasibility(search.plans[k], search.parameter.apply(infeasibleSide, to: search.base))?.description ?? ""
        feasibilityChanges.append(.init(offering: search.offerings[k].id, value: search.boundary(edge), feasibleAbove: !wasFeasible, reason: reason))
    }

    /// Each watched pair's order at `x`: a change of sign since its last decided point is a crossing,
    /// located by bisection when listed, counted otherwise.
    mutating func watch(_ x: Double, _ costs: [Double?]) {
        switch watched {
        case .none: return
        case .with(let k):
            for j in costs.indices where j != k { compare(j < k ? j : k, j < k ? k : j, slot: j, x, costs) }
        case .all:
            var slot = 0
            for a in costs.indices {
                for b in (a + 1)..<costs.count { compare(a, b, slot: slot, x, costs); slot += 1 }
            }
        }
    }

    mutating func compare(_ a: Int, _ b: Int, slot p: Int, _ x: Double, _ costs: [Double?]) {
        let s = Int8(search.sign(costs[a], costs[b]))
        guard s != 0 else { return }
        if signs[p] != 0, signs[p] != s {
            if listPairs { crossovers.append(search.crossover(a, b, from: seenAt[p], to: x, signBelow: Int(signs[p]))) }
            else { pairChanges? += 1 }
        }
        signs[p] = s
        if listPairs { seenAt[p] = x }
    }
}
