import Testing
@testable import RunCostCore

/// Simple tables whose break-even points can be worked out by hand.
@Suite struct BreakEvenTests {
    /// Pay-per-use at $1 per million requests, no other charge: cost = R / 1e6.
    static var payPerUse: Offering {
        var p = PerRequestPricing()
        p.requestPrice = 1e-6
        var o = Fixtures.lambdaX86
        o.id = "test-faas"; o.billing = .perRequest(p); o.limits = Limits(maxDuration: 900)
        return o
    }

    /// One instance serves 10M requests a month (concurrency 3.8052… at 1 s) and costs $9/month,
    /// so cost = 9 × ceil(R / 10M).
    static var fleet: Offering {
        var o = Fixtures.vm(hourly: 9.0 / 730, vcpu: 1000, memoryMiB: 1024)
        o.id = "test-vm"
        return o
    }

    static var workload: Workload {
        var w = Fixtures.workload(1e6, 1, 1024)   // one worker per 1 GB instance
        w.cpuTime = 0.000001
        w.concurrency = 1e7 / (730 * 3600)
        return w
    }

    // Flat $9 vs R/1e6: the single crossing is at 9M requests.
    @Test func singleCrossing() {
        var flat = BreakEvenTests.fleet
        guard case .provisioned(var p) = flat.billing else { return }
        p.monthlyCap = 9; flat.billing = .provisioned(p)
        var w = BreakEvenTests.workload
        w.instances = 1; w.concurrency = 1e6
        let result = BreakEven.find([BreakEvenTests.payPerUse, flat], w, .requests, from: 1e5, to: 1e9)
        #expect(result.crossovers.count == 1)
        let c = result.crossovers[0]
        #expect(abs(c.value / 9e6 - 1) < 1e-6)
        #expect(c.cheaperBelow == "test-faas" && c.cheaperAbove == "test-vm")
        #expect(abs(c.cost - 9) < 1e-6)
        #expect(result.ranges.map(\.offering) == ["test-faas", "test-vm"])
        #expect(abs(result.ranges[0].to / 9e6 - 1) < 1e-6)
    }

    // The sawtooth: the fleet steps by $9 every 10M requests while pay-per-use climbs $1 per 1M.
    // Crossings at 9M (slope), 10M (step up), 18M (slope), 20M (step up) within 1M…25M.
    @Test func severalCrossingsOfOnePair() {
        let result = BreakEven.find([BreakEvenTests.payPerUse, BreakEvenTests.fleet], BreakEvenTests.workload,
                                    .requests, from: 1e6, to: 2.5e7)
        let values = result.crossovers.map(\.value)
        #expect(values.count == 4)
        for (found, expected) in zip(values, [9e6, 1e7, 1.8e7, 2e7]) {
            #expect(abs(found / expected - 1) < 1e-6)
        }
        #expect(result.crossovers.map(\.cheaperAbove) == ["test-vm", "test-faas", "test-vm", "test-faas"])
    }

    // Lambda's 15-minute limit: infeasible above exactly 900 s.
    @Test func feasibilityEdge() {
        let result = BreakEven.find([Fixtures.lambdaX86, BreakEvenTests.fleet], BreakEvenTests.workload,
                                    .duration, from: 1, to: 3600)
        let change = result.feasibilityChanges.first { $0.offering == "aws-lambda-x86" }
        #expect(change != nil)
        #expect(abs(change!.value / 900 - 1) < 1e-6)
        #expect(change!.feasibleAbove == false)
        #expect(change!.reason.contains("exceeds the 15min limit"))
        #expect(result.ranges.last?.offering == "test-vm")
    }

    // Whole-number parameters land exactly on an integer.
    @Test func wholeNumberParameter() {
        // Fixed fleet of n × $9 vs flat pay-per-use at 10M requests ($10): cheaper up to n = 1.
        let result = BreakEven.find([BreakEvenTests.payPerUse, BreakEvenTests.fleet],
                                    Fixtures.workload(1e7, 0.001, 128), .instances, from: 1, to: 10)
        #expect(result.crossovers.map(\.value) == [2])
    }

    // What $100 buys: pay-per-use at $1/1M → 100M requests.
    @Test func capacityForBudget() {
        let answer = Capacity.largestWithin(budget: 100, BreakEvenTests.payPerUse, BreakEvenTests.workload,
                                            .requests, SweepRange(from: 1, to: 1e13, points: 512))
        guard case let .upTo(value, cost) = answer else { Issue.record("expected upTo, got \(answer)"); return }
        #expect(abs(value / 1e8 - 1) < 1e-6)
        #expect(cost <= 100)
    }

    @Test func sweepStreamsEveryPoint() {
        var rows = 0
        Sweep.run([BreakEvenTests.payPerUse], BreakEvenTests.workload, .requests, SweepRange(from: 1e6, to: 1e9, points: 4)) { x, costs in
            rows += 1
            #expect(abs(costs[0]! - x / 1e6) < 1e-9)
        }
        #expect(rows == 4)
        #expect(SweepRange(from: 1e6, to: 1e9, points: 4).scale == .log)
        #expect(SweepRange(from: 1, to: 50, points: 4).scale == .linear)
    }
}
