import Foundation
import Testing
@testable import RunCostCore
@testable import RunCostFiles

/// The sweep kernel evaluates `PricingPlan`s built once per sweep. Its totals must be the ones
/// `Estimator.estimate` itemises, and the ones the code before the plans computed: every bundled
/// offering × 162 workloads (PlanEquivalenceGrid), recorded in Fixtures/plan-equivalence.txt from
/// the commit before the plan existed (8255de3). RUNCOST_UPDATE_FIXTURES=1 rewrites the file for
/// a deliberate billing change; read its diff.
@Suite struct PricingPlanEquivalenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/plan-equivalence.txt")

    static func setting() throws -> (offerings: [Offering], workloads: [Workload]) {
        let offerings = try Catalog.load([root.appendingPathComponent("pricing").path]).offerings
        let examples = try PlanEquivalenceGrid.examples.map {
            try WorkloadSpec(file: root.appendingPathComponent("examples/\($0).yaml").path).build()
        }
        return (offerings, PlanEquivalenceGrid.workloads(examples))
    }

    @Test func estimatesMatchTheRecordedTotals() throws {
        let (offerings, workloads) = try Self.setting()
        #expect(offerings.count >= 60 && workloads.count == 162)
        var lines: [String] = []
        for o in offerings {
            for (i, w) in workloads.enumerated() { lines.append(PlanEquivalenceGrid.line(o.id, i, Estimator.estimate(o, w))) }
        }
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["RUNCOST_UPDATE_FIXTURES"] == "1" {
            try text.write(to: Self.fixture, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let now = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(now.count == recorded.count)
        var differences = 0
        for (a, b) in zip(now, recorded) where a != b {
            differences += 1
            if differences <= 10 { Issue.record("now: \(a)\nwas: \(b)") }
        }
        #expect(differences == 0)
    }

    /// The kernel (plans built once, `Sweep.run`, a total-only ledger) gives exactly the total
    /// `estimate` itemises, and nil exactly where `estimate` gives reasons.
    @Test func sweepKernelMatchesEstimates() throws {
        let (offerings, workloads) = try Self.setting()
        let plans = PricingPlan.plans(offerings)
        var compared = 0
        for w in workloads {
            let kernel = offerings.indices.map { Estimator.monthlyCost(plans[$0], w) }
            let estimates = offerings.map { Estimator.estimate($0, w) }
            for (k, e) in zip(kernel, estimates) {
                if e.feasible {
                    #expect(k != nil && abs(k! - e.monthlyCost) <= 1e-9 * max(1, abs(e.monthlyCost)), "\(e.offering.id): \(String(describing: k)) vs \(e.monthlyCost)")
                } else {
                    #expect(k == nil, "\(e.offering.id) should be infeasible: \(e.reasons)")
                }
                compared += 1
            }
            // The sweep driver over the same plans, at this workload's volume.
            var row: [Double?] = []
            Sweep.run(plans, w, .requests, SweepRange(from: w.requestsPerMonth, to: w.requestsPerMonth, points: 1)) { _, costs in row = costs }
            #expect(row == kernel)
        }
        #expect(compared == offerings.count * workloads.count)
    }
}
