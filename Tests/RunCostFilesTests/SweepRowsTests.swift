import Foundation
import Testing
@testable import RunCostCore
@testable import RunCostFiles

/// A guard for any reordering of the sweep kernel (issue 12 asks for blocks of points evaluated
/// per family; measured in docs/performance.md and not kept, since it was not faster): the rows of
/// `Sweep.run` must be exactly the ones a point-by-point loop of single evaluations gives — the
/// same values, the same costs bit for bit, nil at the same places, in the same order — for point
/// counts that do and do not fill a block (1, b − 1, b + 1, 3b + 7), over every bundled offering.
@Suite struct SweepRowsTests {
    static let root = PricingPlanEquivalenceTests.root

    /// The rows of the point-by-point form: the parameter set on one workload, point after point,
    /// each offering priced by a single evaluation (`Estimator.monthlyCost`, the family read per call).
    static func pointByPoint(_ plans: [PricingPlan], _ base: Workload, _ parameter: SweepParameter,
                             _ range: SweepRange) -> [(Double, [Double?])] {
        var w = base
        return (0..<range.points).map { i in
            let value = range.value(at: i)
            parameter.set(value, on: &w)
            return (parameter.isWhole ? value.rounded() : value, plans.map { Estimator.monthlyCost($0, w) })
        }
    }

    static func swept(_ plans: [PricingPlan], _ base: Workload, _ parameter: SweepParameter, _ range: SweepRange) -> [(Double, [Double?])] {
        var rows: [(Double, [Double?])] = []
        Sweep.run(plans, base, parameter, range) { x, costs in rows.append((x, costs)) }
        return rows
    }

    /// Compares two sweeps row by row; returns how many rows differ (the first few are recorded).
    static func differences(_ a: [(Double, [Double?])], _ b: [(Double, [Double?])], _ label: String) -> Int {
        #expect(a.count == b.count, "\(label): \(a.count) rows vs \(b.count)")
        var differing = 0
        for (i, (x, y)) in zip(a, b).enumerated() where x.0 != y.0 || x.1 != y.1 {
            differing += 1
            if differing <= 3 { Issue.record("\(label), row \(i): \(x.0) \(x.1) vs \(y.0) \(y.1)") }
        }
        return differing
    }

    static func offerings() throws -> (offerings: [Offering], catalog: Catalog) {
        let catalog = try Catalog.load([root.appendingPathComponent("pricing").path])
        return (catalog.offerings, catalog)
    }

    static func example(_ name: String) throws -> (WorkloadSpec, Workload) {
        let spec = try WorkloadSpec(file: root.appendingPathComponent("examples/\(name).yaml").path)
        return (spec, try spec.build())
    }

    /// Blocks of 128 (the size measured): 1, 127, 129 and 391 points of requests.
    @Test func sweepRowsAreThePointByPointRows() throws {
        let (offerings, _) = try Self.offerings()
        #expect(offerings.count >= 60)
        let plans = PricingPlan.plans(offerings)
        let (_, api) = try Self.example("api")
        let b = 128
        for points in [1, b - 1, b + 1, 3 * b + 7] {
            let range = SweepRange(from: 1e5, to: 1e11, points: points, scale: .log)
            #expect(Self.differences(Self.swept(plans, api, .requests, range), Self.pointByPoint(plans, api, .requests, range),
                                     "requests, \(points) points") == 0)
        }
    }

    /// Every wrapper around the family's formulas (limits, commitments and spot, a cold-start
    /// limit, fixed fleets, jobs, application services, free tier), with blocks of 8 so the
    /// counts stay cheap in a debug build.
    @Test func sweepRowsAreThePointByPointRowsForEveryWrapper() throws {
        let (offerings, catalog) = try Self.offerings()
        let plans = PricingPlan.plans(offerings)
        let (_, api) = try Self.example("api")
        var cases: [(String, [PricingPlan], Workload, SweepParameter, Double, Double)] = []
        var constant = api; constant.traffic = .constant
        cases.append(("constant, requests", plans, constant, .requests, 1e3, 1e11))
        cases.append(("memory (sizes past the limits)", plans, api, .memory, 64, 40_000))
        cases.append(("duration (past the maximum)", plans, api, .duration, 0.001, 2000))
        var committed = api; committed.commitment = CommitmentChoice(term: .oneYear)
        cases.append(("commitment utilisation", plans, committed, .commitmentUtilisation, 0.1, 1))
        var spot = api; spot.spot = true
        cases.append(("spot, requests", plans, spot, .requests, 1e5, 1e10))
        cases.append(("max cold-start rate", plans, api, .maxColdStartRate, 1e-4, 0.2))
        var fixed = api; fixed.fixedFleet = true; fixed.freeTier = true
        cases.append(("fixed fleet, free tier, peak-to-average", plans, fixed, .peakToAverage, 1, 20))
        var job = api; job.run = .job; job.duration = 480
        cases.append(("jobs, requests", plans, job, .requests, 100, 1e6))
        let (mobileSpec, mobile) = try Self.example("mobile-api")
        let resolved = PricingPlan.plans(try ApplicationResolver.resolve(offerings, mobileSpec, mobile, catalog))
        #expect(resolved.contains { !$0.services.isEmpty })
        cases.append(("application, requests", resolved, mobile, .requests, 1e5, 1e10))
        cases.append(("application, monthly active users", resolved, mobile, .monthlyActiveUsers, 100, 1e8))
        var data = mobile; data.scope = .data
        cases.append(("data scope, storage", resolved, data, .storage, 1024, 1e8))

        let b = 8
        for (label, plans, base, parameter, from, to) in cases {
            for points in [1, b - 1, b + 1, 3 * b + 7] {
                let range = SweepRange(from: from, to: to, points: points, scale: .log)
                let expected = Self.pointByPoint(plans, base, parameter, range)
                #expect(expected.contains { $0.1.contains { $0 != nil } }, "\(label): nothing feasible, nothing compared")
                #expect(Self.differences(Self.swept(plans, base, parameter, range), expected,
                                         "\(label), \(points) points") == 0)
            }
        }
    }
}
