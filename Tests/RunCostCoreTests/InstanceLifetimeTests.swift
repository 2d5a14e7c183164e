import Foundation
import Testing
@testable import RunCostCore

/// Instance lifetime, activity periods, CPU floors and sizes of the shared-instance family
/// (docs/billing.md), against hand-worked figures and Microsoft's Flex Consumption cost example.
@Suite struct InstanceLifetimeTests {
    static let month = 730.0 * 3600

    /// Azure Functions Flex Consumption, on demand, as in pricing/azure.yaml.
    static var flex: Offering {
        var p = SharedInstancePricing()
        p.gibSecond = 0.000026
        p.requestPrice = 0.40 / 1e6
        p.granularity = 0.1
        p.minimumActivity = 1
        p.sizes = [512, 2048, 4096].map { AllowedSize(vcpu: nil, memoryMiB: $0) }
        p.free = FreeAllowance(requests: 250_000, gbSeconds: 100_000)
        return Offering(id: "azure-functions-flex", name: "Flex", provider: "azure", kind: .serverless, region: "eastus",
                        asOf: Fixtures.date, source: "https://azure.microsoft.com/pricing/details/functions/", billing: .sharedInstance(p))
    }

    /// Azure Container Apps: 300 s cool-down at the active rate, 1:2 vCPU:GiB sizes.
    static var containerApps: Offering {
        var p = SharedInstancePricing()
        p.vcpuSecond = 0.000024
        p.gibSecond = 0.000003
        p.requestPrice = 0.40 / 1e6
        p.idleVCPUSecond = 0.000003
        p.idleGiBSecond = 0.000003
        p.granularity = 1
        p.instanceLifetime = 300
        p.waitingRate = .active
        p.sizes = (1...16).map { AllowedSize(vcpu: Double($0) * 0.25, memoryMiB: Double($0) * 512) }
        return Offering(id: "azure-container-apps", name: "Container Apps", provider: "azure", kind: .container, region: "eastus",
                        asOf: Fixtures.date, source: "https://azure.microsoft.com/pricing/details/container-apps/", billing: .sharedInstance(p))
    }

    /// Cloud Run request-based with its 60% CPU target and memory→vCPU minimums.
    static var cloudRun: Offering {
        var o = Fixtures.cloudRun
        guard case .sharedInstance(var p) = o.billing else { return o }
        p.targetUtilization = 0.6
        p.vcpuForMemory = VCPUForMemory(steps: [.init(aboveMiB: 4096, vcpu: 2), .init(aboveMiB: 8192, vcpu: 4),
                                         .init(aboveMiB: 16384, vcpu: 6), .init(aboveMiB: 24576, vcpu: 8)])
        o.billing = .sharedInstance(p)
        return o
    }

    /// One hour at a constant rate (the published example prices an hour).
    func hour(rps: Double, duration: Double, memoryMiB: Double, concurrency: Double, cpuTime: Double? = nil) -> Workload {
        var w = Workload(requestsPerMonth: rps * 3600, duration: duration, memoryMiB: memoryMiB, cpuTime: cpuTime, concurrency: concurrency)
        w.hoursPerMonth = 1
        return w
    }

    // Microsoft, "Estimating consumption-based costs" (azure-docs functions-consumption-costs.md,
    // Flex Consumption tab): HTTP triggers at 40 constant requests per second, 10 concurrent
    // requests, 2,048 MB instances, no always-ready instances, $0.000026 per GB-s and $0.40 per 1M
    // executions, no free grants. CPU-bound (HTTP concurrency 1): 10 instances continuously active,
    // 10 × 2 GB × 3,600 s × $0.000026 = $1.872 + 144,000 executions × $0.40/1M = $0.0576 → $1.9296 an hour.
    @Test func flexPublishedExampleCPUBound() {
        let e = Estimator.estimate(Self.flex, hour(rps: 40, duration: 0.25, memoryMiB: 2048, concurrency: 1))
        #expect(abs(e.monthlyCost - 1.9296) < 1e-9)
        #expect(e.lineItems.map(\.name) == ["Memory (active)", "Requests"])
        #expect(abs(e.lineItems[0].cost - 1.872) < 1e-9)
        #expect(abs(e.lineItems[0].quantity - 72_000) < 1e-9)
        #expect(abs(e.lineItems[1].cost - 0.0576) < 1e-9)
    }

    // IO-bound: all 10 concurrent requests on one instance (CPU small): 2 GB × 3,600 s × $0.000026
    // = $0.1872 + $0.0576 = $0.2448 an hour (Microsoft prints "$0.245").
    @Test func flexPublishedExampleIOBound() {
        let e = Estimator.estimate(Self.flex, hour(rps: 40, duration: 0.25, memoryMiB: 2048, concurrency: 10, cpuTime: 0.01))
        #expect(abs(e.monthlyCost - 0.2448) < 1e-9)
        #expect(e.idleCost == 0)
    }

    // Light load: requests seldom meet, so each is its own activity period billed at the 1,000 ms
    // minimum. 100,000 requests/month of 120 ms on 512 MB: ≈ 100,000 × 1 s × 0.5 GB = 50,000 GB-s
    // × $0.000026 = $1.30 + $0.04 requests. (Exactly: λ = 0.0380518/s; period = max(1 s, …) = 1 s;
    // x = λ × 1 s; active share x / (1 + x) = 0.0365569 → 96,071.6 instance-s → $1.2489 + $0.04.)
    @Test func flexLightLoadBillsTheMinimumPerActivity() {
        var w = Workload(requestsPerMonth: 100_000, duration: 0.12, memoryMiB: 512, concurrency: 80)
        w.cpuTime = 0.015
        let e = Estimator.estimate(Self.flex, w)
        let lambda = 100_000 / Self.month
        let share = lambda / (1 + lambda)
        #expect(abs(e.monthlyCost - (share * Self.month * 0.5 * 0.000026 + 0.04)) < 1e-9)
        #expect(abs(e.monthlyCost - 1.29) < 0.005)
    }

    // Container Apps, 26,280 requests/month (λ = 0.01/s) of 200 ms, 1 vCPU, 512 MB → the 1 vCPU /
    // 2 GiB size. A replica lives 300 s past its last request: hold 300.2 s, λh = 3.002, mean up
    // period (e^3.002 − 1)/0.01 = 1,912.57 s + 0.8 s rounding → x = 19.1337, up share 0.950332 →
    // 2,497,472.9 instance-s at $0.000024 + 2 × $0.000003 = $74.92; requests $0.01 → $74.93.
    // Active alone: period 0.2002 s + 0.8 s → x = 0.010002, share 0.0099030 → 26,025.0 s; the rest
    // (2,471,447.9 s) waited out the cool-down, which is the idle cost: $74.14.
    @Test func containerAppsCoolDown() {
        var w = Workload(requestsPerMonth: 0.01 * Self.month, duration: 0.2, memoryMiB: 512, concurrency: 80)
        w.vcpu = 1
        w.cpuTime = 0.02
        let e = Estimator.estimate(Self.containerApps, w)
        #expect((e.monthlyCost * 100).rounded() / 100 == 74.93)
        #expect((e.idleCost * 100).rounded() / 100 == 74.14)
        #expect(e.notes.contains("billed as the 1 vCPU / 2GB instance size"))
    }

    // Without the lifetime the same traffic bills only its activity: 26,025 s × $0.00003 = $0.78.
    @Test func noLifetimeBillsOnlyActivity() {
        var o = Self.containerApps
        guard case .sharedInstance(var p) = o.billing else { return }
        p.instanceLifetime = 0
        o.billing = .sharedInstance(p)
        var w = Workload(requestsPerMonth: 0.01 * Self.month, duration: 0.2, memoryMiB: 512, concurrency: 80)
        w.vcpu = 1
        w.cpuTime = 0.02
        #expect((Estimator.monthlyCost(o, w)! * 100).rounded() / 100 == 0.79)   // 0.78 + 0.01 requests
    }

    // A lone request's activity is rounded, not each request: 1,000 requests/month of 120 ms on
    // Cloud Run (100 ms steps) bill ≈ 1,000 × 200 ms = 200 instance-s (199.99 exactly).
    @Test func lightLoadRoundsEachLoneRequest() {
        var w = Fixtures.workload(1000, 0.12, 512)
        w.cpuTime = 0.01
        w.concurrency = 80
        let e = Estimator.estimate(Self.cloudRun, w)
        #expect(abs(e.lineItems[0].quantity - 199.99) < 0.01)
    }

    // Busy instances round their busy period, not each request: 100 rps of 50 ms, concurrency 10,
    // 1 s steps (App Runner). Rounding each request to 1 s before dividing by concurrency billed
    // 100 × 1 s / 10 = 10 instances all month. Here 5 in flight keep one instance busy but for the
    // e^−5 of the time it is empty: x = 100 × ((e^5 − 1)/100 + 0.95 s) = 242.413, share 0.995892
    // → 2,617,203 instance-s.
    @Test func continuousActivityIsNotRoundedPerRequest() {
        var o = Self.cloudRun
        guard case .sharedInstance(var p) = o.billing else { return }
        p.granularity = 1
        o.billing = .sharedInstance(p)
        var w = Fixtures.workload(100 * Self.month, 0.05, 512)
        w.cpuTime = 0.005
        w.concurrency = 10
        let e = Estimator.estimate(o, w)
        let x = expm1(5.0) + 95
        #expect(abs(e.lineItems[0].quantity - Self.month * x / (1 + x)) < 1e-3)
        #expect(abs(e.lineItems[0].quantity - 2_617_203) < 1)
    }

    // CPU floor: 100 rps × 200 ms CPU = 20 vCPU of demand; at Cloud Run's 60% target on 1 vCPU
    // instances that is 33.33 instances, though concurrency 80 would pack them onto 0.25.
    // 33.333 × 2,628,000 s = 87.6M instance-s × ($0.000024 + 0.5 × $0.0000025) = $2,211.90 + 262.8M × $0.40/1M = $105.12.
    @Test func cpuFloor() {
        var w = Fixtures.workload(100 * Self.month, 0.2, 512)
        w.concurrency = 80
        let e = Estimator.estimate(Self.cloudRun, w)
        #expect((e.monthlyCost * 100).rounded() / 100 == 2317.02)
        #expect(e.notes.contains { $0.hasPrefix("CPU floor") })
    }

    // The 60% target applies to concurrency too: 50 rps × 200 ms = 10 in flight, one request per
    // instance, → 10 / 0.6 = 16.667 instances all month = 43,800,000 instance-s.
    @Test func concurrencyTarget() {
        var w = Fixtures.workload(50 * Self.month, 0.2, 512)
        w.cpuTime = 0.01
        w.concurrency = 1
        let e = Estimator.estimate(Self.cloudRun, w)
        #expect(abs(e.lineItems[0].quantity - 43_800_000) < 1e-3)
    }

    // Cloud Run: 10 GiB needs at least 4 vCPU; a 1 vCPU workload is raised and explain says so.
    // 10 rps of 1 s (100 ms CPU), concurrency 80: in flight 10, one instance up 99.995% of the month.
    @Test func memoryRaisesVCPU() {
        var w = Fixtures.workload(10 * Self.month, 1, 10 * 1024)
        w.vcpu = 1
        w.cpuTime = 0.1
        w.concurrency = 80
        let e = Estimator.estimate(Self.cloudRun, w)
        #expect(e.notes.contains("vCPU raised from 1 to 4: the platform requires it with 10GB"))
        #expect(e.lineItems[0].formula.contains("× 4 vCPU"))
        let share = 1 - exp(-10.0)
        #expect(abs(e.monthlyCost - (share * Self.month * (4 * 0.000024 + 10 * 0.0000025) + 26.28 * 0.40)) < 1e-6)
        w.memoryMiB = 4096
        #expect(Estimator.estimate(Self.cloudRun, w).notes.allSatisfy { !$0.hasPrefix("vCPU raised") })
    }

    // Allowed sizes: the cheapest that holds the workload; none → infeasible, never cheap.
    @Test func allowedSizes() throws {
        guard case .sharedInstance(let aca) = Self.containerApps.billing else { return }
        var w = Fixtures.workload(1e6, 0.1, 1536)
        w.vcpu = 0.5
        #expect(aca.billedSize(w)?.vcpu == 0.75)
        #expect(aca.billedSize(w)?.memoryMiB == 1536)
        w.memoryMiB = 16 * 1024
        #expect(Estimator.infeasibility(Self.containerApps, w) == .noTaskSize(vcpu: 0.5, memoryMiB: 16 * 1024))
        let sizes = [AllowedSize(vcpu: 1, memoryMiB: 2048), AllowedSize(vcpu: 2, memoryMiB: 6144), AllowedSize(vcpu: 4, memoryMiB: 8192)]
        #expect(sizes.cheapest(vcpu: 1, memoryMiB: 5 * 1024, vcpuPrice: 1, gibPrice: 0.1) == sizes[1])
    }

    // The lifetime share: no minimum, no rounding → 1 − e^(−λh); a minimum period per activity;
    // never above one instance; rises with load.
    @Test func upShare() {
        #expect(abs(SharedInstancePricing.upShare(rate: 0.5, hold: 2, minimum: 0, step: 0) - (1 - exp(-1))) < 1e-15)
        let lone = SharedInstancePricing.upShare(rate: 1e-4, hold: 0.12, minimum: 1, step: 0.1)
        #expect(abs(lone - 1e-4 / (1 + 1e-4)) < 1e-15)
        var last = 0.0
        for rate in stride(from: 0.0, through: 100, by: 0.25) {
            let share = SharedInstancePricing.upShare(rate: rate, hold: 0.3, minimum: 1, step: 0.1)
            #expect(share >= last && share <= 1)
            last = share
        }
    }
}
