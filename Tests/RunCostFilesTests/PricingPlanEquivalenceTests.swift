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

    /// One pass (estimates are slow in debug builds): the itemised estimates against the recorded
    /// totals, and the kernel (plans built once, `Sweep.run`, a total-only ledger) against the
    /// estimates: the same total, and nil exactly where the estimate gives reasons.
    @Test func kernelAndEstimatesMatchTheRecordedTotals() throws {
        let (offerings, workloads) = try Self.setting()
        #expect(offerings.count >= 60 && workloads.count == 162)
        let plans = PricingPlan.plans(offerings)
        var estimates: [[Estimate]] = []
        for w in workloads {
            let row = offerings.map { Estimator.estimate($0, w) }
            estimates.append(row)
            var swept: [Double?] = []
            Sweep.run(plans, w, .requests, SweepRange(from: w.requestsPerMonth, to: w.requestsPerMonth, points: 1)) { _, costs in swept = costs }
            for (k, e) in zip(swept, row) {
                if e.feasible {
                    #expect(k != nil && abs(k! - e.monthlyCost) <= 1e-9 * max(1, abs(e.monthlyCost)), "\(e.offering.id): \(String(describing: k)) vs \(e.monthlyCost)")
                } else {
                    #expect(k == nil, "\(e.offering.id) should be infeasible: \(e.reasons)")
                }
            }
        }
        var lines: [String] = []
        for k in offerings.indices {
            for i in workloads.indices { lines.append(PlanEquivalenceGrid.line(offerings[k].id, i, estimates[i][k])) }
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
}
