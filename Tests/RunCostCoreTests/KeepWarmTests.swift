import Foundation
import Testing
@testable import RunCostCore

/// Provisioned Concurrency and SnapStart against the examples on AWS's Lambda pricing page
/// (US East), and the --max-cold-start-rate constraint.
@Suite struct KeepWarmTests {
    static var lambda: Offering {
        var o = Fixtures.lambdaX86
        guard case .perRequest(var p) = o.billing else { return o }
        p.provisionedConcurrency = ProvisionedConcurrencyPricing(gbSecond: 0.0000041667, durationGBSecond: 0.0000097222)
        p.snapStart = SnapStartPricing(cacheGBSecond: 0.0000015046, restoreGB: 0.0001397998)
        o.billing = .perRequest(p)
        o.coldStart = ColdStartProfile(platform: "Lambda", category: .faas, keepAlive: 300, keepAliveSource: "https://example.com",
                                       instanceConcurrency: 1, startUp: [.python: 0.085], source: "https://example.com")
        return o
    }

    func item(_ e: Estimate, _ name: String) -> Double? { e.lineItems.first { $0.name == name }?.cost }

    /// Example 1 (mobile application launch): PC 100 for 8 hours at 1536 MB serving 500,000
    /// requests of 100 ms, and 2.5M requests of 120 ms on demand with the free tier.
    /// $18 + $0.40 + $0.73 + $0.83 = $19.96.
    @Test func provisionedConcurrencyExample1() {
        var launch = Workload(requestsPerMonth: 500_000, duration: 0.1, memoryMiB: 1536)
        launch.hoursPerMonth = 8
        launch.minInstances = 100
        let warm = Estimator.estimate(Self.lambda, launch)
        #expect(cents(item(warm, "Provisioned Concurrency")!) == 18.00)
        #expect(cents(item(warm, "Compute on Provisioned Concurrency")!) == 0.73)
        #expect(item(warm, "Compute (GB-seconds)") == 0)
        // A tiered line with nothing left to bill still reads as a sentence, not a dangling "=".
        #expect(warm.lineItems.first { $0.name == "Compute (GB-seconds)" }!.formula.hasSuffix("= nothing to bill"))

        var rest = Workload(requestsPerMonth: 2_500_000, duration: 0.12, memoryMiB: 1536)
        rest.freeTier = true
        let cold = Estimator.estimate(Self.lambda, rest)
        #expect(cents(item(cold, "Compute (GB-seconds)")!) == 0.83)
        #expect(cents(item(warm, "Requests")! + item(cold, "Requests")!) == 0.40)
        #expect(cents(warm.monthlyCost + cold.monthlyCost) == 19.96)
    }

    /// Example 2 (Cyber Monday): PC 7 for 24 hours at 4096 MB serving 2M requests of 280 ms.
    /// $10.08 + $21.78 + $0.40 = $32.26.
    @Test func provisionedConcurrencyExample2() {
        var w = Workload(requestsPerMonth: 2_000_000, duration: 0.28, memoryMiB: 4096)
        w.hoursPerMonth = 24
        w.minInstances = 7
        let e = Estimator.estimate(Self.lambda, w)
        #expect(cents(item(e, "Provisioned Concurrency")!) == 10.08)
        #expect(cents(item(e, "Compute on Provisioned Concurrency")!) == 21.78)
        #expect(cents(item(e, "Requests")!) == 0.40)
        #expect(cents(e.monthlyCost) == 32.26)
        #expect(abs(Estimator.monthlyCost(Self.lambda, w)! - e.monthlyCost) < 1e-9)
    }

    /// Above the average load the environments serve their share and the rest spills over at the
    /// on-demand price: 2 environments for 4 in flight serve half the duration.
    @Test func spillOverIsBilledOnDemand() {
        var w = Workload(requestsPerMonth: 40 * 730 * 3600, duration: 0.1, memoryMiB: 1024)
        w.minInstances = 2
        let e = Estimator.estimate(Self.lambda, w)
        let gbs = w.requestsPerMonth * 0.1
        #expect(abs(item(e, "Compute on Provisioned Concurrency")! - gbs / 2 * 0.0000097222) < 1e-6)
        #expect(abs(item(e, "Compute (GB-seconds)")! - gbs / 2 * 0.0000166667) < 1e-6)
        // Configured time is rounded up to 5 minutes: 730 h is already a multiple.
        #expect(abs(item(e, "Provisioned Concurrency")! - 2 * 1 * 730 * 3600 * 0.0000041667) < 1e-9)
    }

    /// SnapStart example (telemetry enrichment): 7.44M requests of 2 s at 1 GB for 744 h, 1% of
    /// requests restoring: requests $1.49, compute $248.00, cache $4.03, restore $10.40; $263.92.
    @Test func snapStartExample() {
        let snap = SnapStartPricing(cacheGBSecond: 0.0000015046, restoreGB: 0.0001397998)
        let c = snap.charges(gb: 1, activeSeconds: 744 * 3600, restores: 74_400)
        #expect(c.cacheGBs == 2_678_400)
        #expect(cents(c.cache) == 4.03)
        #expect(cents(c.restore) == 10.40)

        var w = Workload(requestsPerMonth: 7_440_000, duration: 2, memoryMiB: 1024)
        w.hoursPerMonth = 744
        w.snapStart = true
        let e = Estimator.estimate(Self.lambda, w)
        #expect(cents(item(e, "Requests")!) == 1.49)
        #expect(cents(item(e, "Compute (GB-seconds)")!) == 248.00)
        #expect(cents(item(e, "SnapStart cache")!) == 4.03)
        // Restores are the model's cold starts here, not the example's assumed 1%.
        let restores = e.coldStart!.share! * 7_440_000
        #expect(abs(item(e, "SnapStart restore")! - restores * 0.0001397998) < 1e-9)
        #expect(cents(1.49 + 248.00 + c.cache + c.restore) == 263.92)
        // The cache minimum is 3 hours.
        #expect(snap.charges(gb: 2, activeSeconds: 3600, restores: 0).cacheGBs == 2 * 3 * 3600)
    }

    @Test func snapStartIsFreeOnJava() {
        var w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 1024)
        w.snapStart = true
        w.runtime = .java
        let e = Estimator.estimate(Self.lambda, w)
        #expect(item(e, "SnapStart cache") == nil)
        #expect(e.notes.contains("SnapStart is not charged on Java runtimes"))
    }

    /// The constraint keeps the fewest environments that meet the limit.
    @Test func maxColdStartRateChoosesTheFewestWarmInstances() {
        var w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 512)
        w.maxColdStartShare = 0.0001
        let e = Estimator.estimate(Self.lambda, w)
        #expect(e.feasible)
        let n = e.coldStart!.warmInstances
        #expect(n >= 1)
        func share(_ m: Double) -> Double { ColdStartModel.share(w, keepAlive: 300, concurrency: 1, warmInstances: m) }
        #expect(share(n) <= 0.0001)
        #expect(share(n - 1) > 0.0001)
        #expect(e.lineItems.contains { $0.name == "Provisioned Concurrency" })
        #expect(e.notes.contains { $0.contains("kept warm: the fewest") })
        #expect(abs(Estimator.monthlyCost(Self.lambda, w)! - e.monthlyCost) < 1e-9)
    }

    @Test func maxColdStartRateInfeasibleWithoutAWayToKeepWarm() {
        var w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 512)
        w.maxColdStartShare = 0.0001
        var o = Fixtures.azureConsumption
        o.coldStart = ColdStartProfile(platform: "AF", category: .faas, keepAlive: 1200, keepAliveSource: "https://example.com", source: "https://example.com")
        let e = Estimator.estimate(o, w)
        #expect(!e.feasible)
        #expect(e.reasons.first?.contains("exceed the 0.01% limit") == true)
        #expect(Estimator.estimate(Fixtures.azureConsumption, w).reasons.first?.contains("no sourced keep-alive") == true)
        // Always-warm capacity meets any limit unchanged.
        #expect(Estimator.estimate(Fixtures.fargate, w).feasible)
        // A limit already met changes nothing.
        w.maxColdStartShare = 0.5
        #expect(Estimator.estimate(Self.lambda, w).coldStart?.warmInstances == 0)
    }

    /// Minimum instances on a shared-instance platform are its warmth option.
    @Test func maxColdStartRateRaisesMinimumInstances() {
        var o = Fixtures.cloudRun
        if case .sharedInstance(var p) = o.billing {
            p.idleVCPUSecond = 0.0000025   // Cloud Run's idle rate for minimum instances (companion facts F1)
            p.idleGiBSecond = 0.0000025
            o.billing = .sharedInstance(p)
        }
        o.coldStart = ColdStartProfile(platform: "CR", category: .container, keepAlive: 900, keepAliveSource: "https://example.com", source: "https://example.com")
        var w = Workload(requestsPerMonth: 100_000, duration: 0.5, memoryMiB: 512)
        w.maxColdStartShare = 0.001
        let e = Estimator.estimate(o, w)
        #expect(e.feasible)
        #expect(e.coldStart!.warmInstances >= 1)
        #expect(e.coldStart!.share! <= 0.001)
        #expect(e.lineItems.contains { $0.name == "Idle instances" && $0.formula.contains("idle minimum-instance-s") })
    }
}
