import Foundation
import Testing
@testable import RunCostCore
@testable import RunCostFiles

/// The code paths rewritten for scale, checked against the ones they replaced on the bundled
/// tables: the streaming break-even against the all-pairs grid search, traces folded into levels
/// against the list of counts, and the sweep driver against one estimate at a time.
@Suite struct ScaleEquivalenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let offerings: [Offering] = {
        (try? Catalog.load([root.appendingPathComponent("pricing").path]).offerings.filter { $0.currency == "USD" }) ?? []
    }()
    static func example(_ name: String) throws -> Workload {
        try WorkloadSpec(file: root.appendingPathComponent("examples/\(name).yaml").path).build()
    }

    static let searches: [(workload: String, parameter: SweepParameter, from: Double, to: Double)] = [
        ("api", .requests, 1e5, 1e11), ("api", .duration, 0.01, 3600), ("long-task", .memory, 128, 16384),
        ("image-resize", .requests, 1e3, 1e10), ("steady-api", .concurrency, 1, 200), ("iot", .rps, 0.01, 1e4),
    ]

    @Test(arguments: searches.indices)
    func breakEvenMatchesTheAllPairsSearch(_ i: Int) throws {
        let s = Self.searches[i]
        let w = try Self.example(s.workload)
        #expect(Self.offerings.count >= 40)
        let old = Search(offerings: Self.offerings, base: w, parameter: s.parameter,
                         range: SweepRange(from: s.from, to: s.to, points: 1024)).legacyFind()
        let all = BreakEven.find(Self.offerings, w, s.parameter, from: s.from, to: s.to, listing: .allPairs)
        #expect(all.ranges == old.ranges)
        #expect(all.crossovers == old.crossovers)
        #expect(all.feasibilityChanges == old.feasibilityChanges)
        let envelope = BreakEven.find(Self.offerings, w, s.parameter, from: s.from, to: s.to, listing: .envelope)
        #expect(envelope.ranges == old.ranges)
        #expect(envelope.feasibilityChanges == old.feasibilityChanges)
        #expect(envelope.allPairsCount == old.crossovers.count)
        // The envelope's crossings are where the cheapest changes between two feasible offerings.
        let leaderChanges = zip(old.ranges, old.ranges.dropFirst()).filter { a, b in
            guard let x = a.offering, b.offering != nil else { return false }
            return !old.feasibilityChanges.contains { $0.offering == x && $0.value == b.from && !$0.feasibleAbove }
        }
        #expect(envelope.crossovers.map(\.value) == leaderChanges.map(\.1.from))
        let baseline = Self.offerings[0].id
        let mine = BreakEven.find(Self.offerings, w, s.parameter, from: s.from, to: s.to, baseline: baseline)
        #expect(mine.crossovers == old.crossovers.filter { $0.cheaperBelow == baseline || $0.cheaperAbove == baseline })
    }

    /// A trace folded into levels gives the profile the list of counts gave: the same load
    /// multiples, shares equal to 1e-12 (k/n instead of 1/n summed k times). Estimates read the
    /// trace only through the profile.
    @Test func traceLevelsEqualTheCountsProfile() throws {
        let counts: [Double] = (0..<43_200).map { (i: Int) -> Double in
            let wave: Int = (i * 7919) % 613, day: Int = (i / 1440) % 3 * 50
            return Double(wave + day)
        }
        let new = TrafficProfile(.trace(TraceLoad(counts)), peakToAverage: nil)
        let total = counts.reduce(0, +), n = Double(counts.count)
        var shares: [Double: Double] = [:]
        for c in counts { shares[c * n / total, default: 0] += 1 / n }
        let old = TrafficProfile(levels: shares.keys.sorted().map { TrafficProfile.Level(multiplier: $0, share: shares[$0]!) })
        #expect(new.levels.count == old.levels.count && new.levels.count > 600)
        let multipliers = (new: new.levels.map { $0.multiplier }, old: old.levels.map { $0.multiplier })
        #expect(multipliers.new == multipliers.old)
        #expect(zip(new.levels, old.levels).allSatisfy { abs($0.share - $1.share) <= 1e-12 })
        #expect(new.peakMultiplier == old.peakMultiplier)
    }

    /// The sweep driver against one estimate per offering and workload, over a grid of workloads.
    @Test func sweepDriverMatchesSingleEstimates() throws {
        let base = try Self.example("api")
        for traffic in [TrafficShape.constant, .diurnal, .bursty, .businessHours] {
            for duration in [0.005, 0.12, 2.5] {
                for memory in [128.0, 1024, 4096] {
                    var w = base
                    w.traffic = traffic; w.duration = duration; w.memoryMiB = memory
                    let range = SweepRange(from: 1e4, to: 1e11, points: 15)
                    Sweep.run(Self.offerings, w, .requests, range) { x, costs in
                        let single = Self.offerings.map { Estimator.monthlyCost($0, SweepParameter.requests.apply(x, to: w)) }
                        #expect(costs == single)
                    }
                }
            }
        }
    }

    /// The TUI ranks thousands of offerings by summaries (no line items): the same totals, idle
    /// costs, reasons and order as full estimates, over every bundled offering and a grid of workloads.
    @Test func summariesMatchFullEstimates() throws {
        let base = try Self.example("api")
        var compared = 0, infeasible = 0, idle = 0
        for traffic in [TrafficShape.constant, .diurnal, .bursty, .businessHours] {
            for duration in [0.005, 0.12, 2.5, 1200] {
                for memory in [128.0, 1024, 4096, 32768] {
                    for requests in [1e3, 3e6, 5e9] {
                        var w = base
                        w.traffic = traffic; w.duration = duration; w.memoryMiB = memory; w.requestsPerMonth = requests
                        let full = Estimator.compare(Self.offerings, w)
                        // Ranking by positions gives the order sorting whole estimates gave.
                        #expect(full == Self.offerings.map { Estimator.estimate($0, w) }.sorted(by: Estimate.cheaperFirst))
                        let summaries = Estimator.compareSummaries(Self.offerings, w)
                        #expect(summaries.map(\.offering.id) == full.map(\.offering.id))
                        for (s, f) in zip(summaries, full) {
                            #expect(s.monthlyCost == f.monthlyCost, "\(f.offering.id)")
                            #expect(s.idleCost == f.idleCost, "\(f.offering.id)")
                            #expect(s.reasons == f.reasons, "\(f.offering.id)")
                            #expect(s.lineItems.isEmpty && s.notes.isEmpty)
                            compared += 1
                            if !f.feasible { infeasible += 1 }
                            if f.idleCost > 0 { idle += 1 }
                        }
                    }
                }
            }
        }
        // The grid reaches every branch the summary keeps: feasible, infeasible, idle capacity.
        #expect(compared == 192 * Self.offerings.count)
        #expect(infeasible > 0 && idle > 0)
    }
}

/// The all-pairs break-even search as it was before streaming: the whole grid held in memory,
/// every pair compared at every point.
extension Search {
    func legacyFind() -> BreakEven {
        let grid = grid()
        var result = BreakEven(parameter: parameter, from: range.from, to: range.to)
        result.ranges = cheapestRanges(grid)
        result.feasibilityChanges = feasibilityChanges(grid)
        for a in offerings.indices {
            for b in offerings.indices where b > a { result.crossovers += crossovers(grid, a, b) }
        }
        result.crossovers.sort { ($0.value, $0.cheaperBelow, $0.cheaperAbove) < ($1.value, $1.cheaperBelow, $1.cheaperAbove) }
        return result
    }

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

}
