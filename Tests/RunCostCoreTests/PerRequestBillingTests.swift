import Testing
@testable import RunCostCore

@Suite struct PerRequestBillingTests {
    // AWS Lambda pricing page, example 1 (us-east-1): 3M requests, 120 ms, 1536 MB, free tier on.
    // 3M × 0.12 s × 1.5 GB = 540,000 GB-s − 400,000 free = 140,000 × $0.0000166667 = $2.33;
    // (3M − 1M) × $0.20/1M = $0.40; total $2.73.
    @Test func lambdaPublishedExample1() {
        let e = Estimator.estimate(Fixtures.lambdaX86, Fixtures.workload(3e6, 0.120, 1536, freeTier: true))
        #expect(cents(e.lineItems.first { $0.name.hasPrefix("Compute") }!.cost) == 2.33)
        #expect(cents(e.lineItems.first { $0.name == "Requests" }!.cost) == 0.40)
        #expect(cents(e.monthlyCost) == 2.73)
    }

    // Example 2: 7,440,000 requests, 2 s, 1024 MB, no free tier → 14,880,000 GB-s × $0.0000166667 = $248.00
    // + 7.44M × $0.20/1M = $1.49 → $249.49.
    @Test func lambdaPublishedExample2() {
        let e = Estimator.estimate(Fixtures.lambdaX86, Fixtures.workload(7.44e6, 2, 1024))
        #expect(cents(e.monthlyCost) == 249.49)
    }

    // Example 3: 6M requests, 280 ms, 4096 MB, 2048 MB ephemeral storage, free tier on:
    // compute (6,720,000 − 400,000) × $0.0000166667 = $105.33; requests $1.00;
    // storage 1.5 GB × 6M × 0.28 s = 2,520,000 GB-s × $0.0000000309 = $0.08 → $106.41.
    @Test func lambdaPublishedExample3() {
        var w = Fixtures.workload(6e6, 0.280, 4096, freeTier: true)
        w.ephemeralStorageMiB = 2048
        let e = Estimator.estimate(Fixtures.lambdaX86, w)
        #expect(cents(e.lineItems.first { $0.name == "Ephemeral storage" }!.cost) == 0.08)
        #expect(cents(e.monthlyCost) == 106.41)
    }

    // Tiers: 10B GB-s a month without free tier = 6B × 0.0000166667 + 4B × 0.000015 = 100,000.2 + 60,000.
    @Test func lambdaVolumeTiers() {
        // 1e9 requests × 10 s × 1 GB = 1e10 GB-s.
        let cost = Estimator.monthlyCost(Fixtures.lambdaX86, Fixtures.workload(1e9, 10, 1024))!
        #expect(abs(cost - (6e9 * 0.0000166667 + 4e9 * 0.000015 + 1e9 * 0.2e-6)) < 1e-6)
    }

    // Azure Consumption: 50 ms and 200 MB bill as 100 ms and 256 MB.
    // 1M × 0.1 s × 0.25 GB = 25,000 GB-s × $0.000016 = $0.40; 1M × $0.20/1M = $0.20.
    @Test func azureMinimumsAndMemoryBuckets() {
        let e = Estimator.estimate(Fixtures.azureConsumption, Fixtures.workload(1e6, 0.050, 200))
        #expect(abs(e.monthlyCost - 0.60) < 1e-9)
        #expect(e.notes.contains("billed 100ms × 256MB per request"))
    }

    @Test func durationRoundsUpToGranularity() {
        var p = PerRequestPricing()
        p.granularity = 0.1
        #expect(abs(p.billedDuration(0.12) - 0.2) < 1e-12)
        #expect(abs(p.billedDuration(0.3) - 0.3) < 1e-12)    // 0.3/0.1 = 2.9999…: no spurious extra step
        p.granularity = 0.001
        #expect(p.billedDuration(0.12) == 0.12)
    }

    @Test func overLimitIsInfeasibleNotCheap() {
        let e = Estimator.estimate(Fixtures.lambdaX86, Fixtures.workload(1e3, 20 * 60, 1024))
        #expect(!e.feasible)
        #expect(e.reasons == ["duration 20min exceeds the 15min limit"])
        #expect(Estimator.monthlyCost(Fixtures.lambdaX86, Fixtures.workload(1e3, 20 * 60, 1024)) == nil)
        #expect(!Estimator.estimate(Fixtures.azureConsumption, Fixtures.workload(1, 1, 2048)).feasible)
    }

    @Test func lineItemsExplainTheArithmetic() {
        let e = Estimator.estimate(Fixtures.lambdaX86, Fixtures.workload(3e6, 0.120, 1536, freeTier: true))
        #expect(e.lineItems[0].formula == "(3,000,000 − 1,000,000 free) = 2,000,000 requests × $0.20/1M")
        #expect(e.lineItems[1].formula.hasPrefix("3,000,000 requests × 120ms × 1.5 GB = 540,000 GB-s − 400,000 free = 140,000 GB-s"))
    }
}
