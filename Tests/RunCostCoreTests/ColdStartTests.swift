import Foundation
import Testing
import RunCostTestSupport
@testable import RunCostCore

/// The cold-start model (ColdStartModel) against closed forms, hand-worked sums and a small
/// discrete-event simulation of Poisson arrivals.
@Suite struct ColdStartModelTests {
    /// One instance that takes every request (concurrency far above the load): a request is cold
    /// exactly when nothing arrived in the k + d before it, e^(−λ(k+d)).
    @Test(arguments: [(0.001, 0.1, 300.0), (0.01, 1.0, 60.0), (0.05, 2.0, 20.0), (0.2, 0.5, 10.0)])
    func oneInstanceIsTheClosedForm(_ args: (Double, Double, Double)) {
        let (λ, d, k) = args
        let share = ColdStartModel.share(rate: λ, duration: d, keepAlive: k, concurrency: 1_000_000)
        let closed = exp(-λ * (k + d))
        #expect(abs(share - closed) <= 1e-12 * closed)
    }

    /// Concurrency 1, λ = 0.01/s, d = 100 ms, k = 300 s: μ = λd = 0.001. Worked by hand:
    /// j = 0: e^(−μ) · e^(−λk · 1) = e^(−3.001) = 0.0497369…
    /// j = 1: μe^(−μ) · e^(−λk · μ/(1+μ)) = 0.000999 × e^(−0.002997) = 0.0009960…
    /// j = 2 adds ~5e-7.
    @Test func concurrencyOneHandWorked() {
        let share = ColdStartModel.share(rate: 0.01, duration: 0.1, keepAlive: 300, concurrency: 1)
        let j0 = exp(-3.001)
        let j1 = 0.001 * exp(-0.001) * exp(-3 * 0.001 / 1.001)
        let j2 = 0.0000005 * exp(-0.001) * exp(-3 * 0.0000005 / (1.0015005))
        #expect(abs(share - (j0 + j1 + j2)) < 1e-9)
        #expect(abs(share - 0.0507335) < 1e-6)
    }

    /// Constant traffic: the workload's share is the one level's share.
    @Test func constantTrafficIsOneLevel() {
        let w = Workload(requestsPerMonth: 0.5 * 730 * 3600, duration: 0.2, memoryMiB: 512)
        let level = ColdStartModel.share(rate: 0.5, duration: 0.2, keepAlive: 300, concurrency: 1)
        #expect(abs(ColdStartModel.share(w, keepAlive: 300, concurrency: 1, warmInstances: 0) - level) < 1e-15)
    }

    /// Business hours: the quiet hours carry no requests, so the share is that of the busy level
    /// (the weighting is by requests, not by hours).
    @Test func levelsAreWeightedByRequests() {
        var w = Workload(requestsPerMonth: 100_000, duration: 0.2, memoryMiB: 512)
        w.traffic = .businessHours
        let busyRate = w.averageRPS * 168 / 40
        let busy = ColdStartModel.share(rate: busyRate, duration: 0.2, keepAlive: 300, concurrency: 1)
        #expect(abs(ColdStartModel.share(w, keepAlive: 300, concurrency: 1, warmInstances: 0) - busy) < 1e-15)

        // Two levels with requests: 3/4 of the hours at 1/3 of the peak rate.
        var v = Workload(requestsPerMonth: 1, duration: 0.1, memoryMiB: 512)
        v.traffic = .trace([1, 1, 1, 3])
        let low = v.averageRPS * 4 / 6, high = v.averageRPS * 12 / 6
        let expected = (low * 0.75 * ColdStartModel.share(rate: low, duration: 0.1, keepAlive: 60, concurrency: 1)
                        + high * 0.25 * ColdStartModel.share(rate: high, duration: 0.1, keepAlive: 60, concurrency: 1))
            / (low * 0.75 + high * 0.25)
        #expect(abs(ColdStartModel.share(v, keepAlive: 60, concurrency: 1, warmInstances: 0) - expected) < 1e-15)
    }

    @Test func warmInstancesRemoveColdStarts() {
        let none = ColdStartModel.share(rate: 1, duration: 0.5, keepAlive: 2, concurrency: 1)
        let one = ColdStartModel.share(rate: 1, duration: 0.5, keepAlive: 2, concurrency: 1, warmInstances: 1)
        let many = ColdStartModel.share(rate: 1, duration: 0.5, keepAlive: 2, concurrency: 1, warmInstances: 20)
        #expect(one < none)
        #expect(many < 1e-15)
        #expect(ColdStartModel.share(rate: 0, duration: 0.5, keepAlive: 2, concurrency: 1) == 0)
    }

    /// Heavy load stays finite and small: 10,000 req/s of 1 s requests (μ = 10,000 in flight).
    @Test func heavyLoadIsFiniteAndSmall() {
        let share = ColdStartModel.share(rate: 10_000, duration: 1, keepAlive: 300, concurrency: 1)
        #expect(share.isFinite)
        #expect(share > 0 && share < 1e-5)
    }

    /// Above 10,000 in flight the walk steps by ~√μ/100 with the normal tail; it must agree with
    /// the exact walk (forced here) within 2%, also at a multiple of the concurrency.
    @Test(arguments: [(100_000.0, 1.0), (1_000_000.0, 1.0), (200_000.0, 8.0)])
    func steppedWalkAgreesWithTheExactOne(_ args: (Double, Double)) {
        let (λ, c) = args
        let stepped = ColdStartModel.share(rate: λ, duration: 1, keepAlive: 300, concurrency: c)
        let exact = ColdStartModel.share(rate: λ, duration: 1, keepAlive: 300, concurrency: c, exactUpTo: .infinity)
        #expect(exact > 0)
        #expect(abs(stepped / exact - 1) < 0.02, "stepped \(stepped), exact \(exact)")
    }

    // MARK: simulation

    /// Poisson arrivals (seeded), fixed duration d, instances serving up to c at once, reclaimed
    /// after k idle; m pinned instances never reclaimed. A request goes to a kept-warm instance
    /// with room, else the fullest busy instance with room, else the most recently idle one;
    /// with none it is cold and starts a new instance. The first 10% of arrivals warm up.
    static func simulate(rate λ: Double, duration d: Double, keepAlive k: Double, concurrency c: Int = 1,
                         warm m: Int = 0, arrivals n: Int, seed: UInt64) -> Double {
        struct Instance { var ends: [Double]; var idleSince: Double; var pinned: Bool }
        var rng = SplitMix64(seed: seed)
        var instances = (0..<m).map { _ in Instance(ends: [], idleSince: -.infinity, pinned: true) }
        var t = 0.0, cold = 0, counted = 0
        for a in 0..<n {
            t += -log(1 - rng.unit()) / λ
            // Finish requests (end times are in arrival order, as d is fixed) and reclaim.
            var i = 0
            while i < instances.count {
                var finished = 0
                for end in instances[i].ends { if end <= t { finished += 1 } else { break } }
                if finished > 0 {
                    let last = instances[i].ends[finished - 1]
                    instances[i].ends.removeFirst(finished)
                    if instances[i].ends.isEmpty { instances[i].idleSince = last }
                }
                if instances[i].ends.isEmpty && !instances[i].pinned && t - instances[i].idleSince > k {
                    instances.swapAt(i, instances.count - 1)
                    instances.removeLast()
                    continue
                }
                i += 1
            }
            var best: Int?
            for j in instances.indices where instances[j].ends.count < c {
                guard let b = best else { best = j; continue }
                let x = instances[j], y = instances[b]
                let better = x.pinned != y.pinned ? x.pinned
                    : x.ends.count != y.ends.count ? x.ends.count > y.ends.count
                    : x.idleSince > y.idleSince
                if better { best = j }
            }
            let measured = a >= n / 10
            if let best {
                instances[best].ends.append(t + d)
            } else {
                if measured { cold += 1 }
                instances.append(Instance(ends: [t + d], idleSince: t, pinned: false))
            }
            if measured { counted += 1 }
        }
        return Double(cold) / Double(counted)
    }

    /// One instance: the simulation reproduces e^(−λ(k+d)) within sampling error (< 5%).
    @Test(arguments: [(0.01, 1.0, 60.0), (0.05, 2.0, 20.0)])
    func simulationMatchesTheClosedForm(_ args: (Double, Double, Double)) {
        let (λ, d, k) = args
        let simulated = Self.simulate(rate: λ, duration: d, keepAlive: k, concurrency: 1000, arrivals: 40_000, seed: 7)
        let closed = exp(-λ * (k + d))
        #expect(abs(simulated / closed - 1) < 0.05, "simulated \(simulated), closed form \(closed)")
    }

    /// Concurrency 1 (Lambda), with and without kept-warm instances: the model is within 25% of
    /// the simulation from sparse to busy traffic (every case has several hundred cold starts).
    @Test(arguments: [(1.0, 0.1, 5.0, 0), (2.0, 0.5, 10.0, 0), (10.0, 0.1, 30.0, 0), (10.0, 1.0, 30.0, 0),
                      (5.0, 2.0, 30.0, 0), (100.0, 1.0, 1.0, 0), (1.0, 0.5, 2.0, 1), (10.0, 1.0, 5.0, 8)])
    func concurrencyOneMatchesTheSimulation(_ args: (Double, Double, Double, Int)) {
        let (λ, d, k, m) = args
        let model = ColdStartModel.share(rate: λ, duration: d, keepAlive: k, concurrency: 1, warmInstances: Double(m))
        let simulated = Self.simulate(rate: λ, duration: d, keepAlive: k, warm: m, arrivals: 200_000, seed: 42)
        #expect(model / simulated > 0.75 && model / simulated < 1.25, "model \(model), simulated \(simulated)")
    }

    /// Several requests per instance: packing is assumed perfect (⌈N/c⌉ instances in use), which
    /// the simulation's routing only approaches, so the stated tolerance is a factor of 1.6.
    @Test(arguments: [(20.0, 0.1, 1.0, 4), (5.0, 1.0, 10.0, 4), (3.0, 1.0, 3.0, 8), (50.0, 1.0, 5.0, 10)])
    func packedInstancesMatchTheSimulationLoosely(_ args: (Double, Double, Double, Int)) {
        let (λ, d, k, c) = args
        let model = ColdStartModel.share(rate: λ, duration: d, keepAlive: k, concurrency: Double(c))
        let simulated = Self.simulate(rate: λ, duration: d, keepAlive: k, concurrency: c, arrivals: 200_000, seed: 42)
        #expect(model / simulated > 1 / 1.6 && model / simulated < 1.6, "model \(model), simulated \(simulated)")
    }
}

/// Which offerings are always warm, which are unknown, and the start-up line item.
@Suite struct ColdStartEstimateTests {
    static func lambda(_ profile: ColdStartProfile?) -> Offering {
        var o = Fixtures.lambdaX86
        o.coldStart = profile
        return o
    }

    static let lambdaProfile = ColdStartProfile(
        platform: "AWS Lambda (x86_64)", category: .faas, offerings: ["aws-lambda-x86"], keepAlive: 300,
        keepAliveSource: "https://example.com/k", instanceConcurrency: 1, startUp: [.python: 0.085, .java: 0.241],
        source: "https://github.com/maxday/lambda-perf",
        startUpBillingSource: "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/")

    @Test func provisionedFleetsAreAlwaysWarm() {
        let w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 512)
        let e = Estimator.estimate(Fixtures.fargate, w)
        #expect(e.coldStart?.alwaysWarm == true)
        #expect(e.coldStart?.share == 0)
        #expect(e.coldStart?.startUp == 0)
    }

    @Test func noKeepAliveMeansUnknown() {
        let w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 512)
        #expect(Estimator.estimate(Self.lambda(nil), w).coldStart?.share == nil)
    }

    /// Lambda's instance concurrency (1) wins over the workload's 80.
    @Test func platformConcurrencyOverridesTheWorkload() {
        var w = Workload(requestsPerMonth: 10 * 730 * 3600, duration: 0.1, memoryMiB: 512)
        w.concurrency = 80
        let e = Estimator.estimate(Self.lambda(Self.lambdaProfile), w)
        #expect(e.coldStart?.concurrency == 1)
        #expect(abs(e.coldStart!.share! - ColdStartModel.share(rate: 10, duration: 0.1, keepAlive: 300, concurrency: 1)) < 1e-15)
    }

    /// Lambda INIT billing, hand-worked. 2,628 requests a month is λ = 0.001/s; d = 100 ms,
    /// k = 300 s, concurrency 1: share = e^(−0.3001) + 0.0001·e^(−0.0001)·e^(−0.3·0.0001/1.0001) + …
    /// = 0.7408441…; cold starts = 2,628 × 0.7408441 = 1,946.94; java start-up 241 ms at 10 GB:
    /// 1,946.94 × 0.241 s × 10 GB = 4,692.1 GB-s × $0.0000166667 = $0.0782.
    @Test func lambdaInitIsBilledWhenTheRuntimeIsKnown() {
        var w = Workload(requestsPerMonth: 2628, duration: 0.1, memoryMiB: 10240)
        let withoutRuntime = Estimator.estimate(Self.lambda(Self.lambdaProfile), w)
        #expect(!withoutRuntime.lineItems.contains { $0.name == "Start-up time (billed)" })
        #expect(withoutRuntime.notes.contains { $0.contains("give --runtime") })

        w.runtime = .java
        let e = Estimator.estimate(Self.lambda(Self.lambdaProfile), w)
        let share = exp(-0.3001) + 0.0001 * exp(-0.0001) * exp(-0.3 * 0.0001 / 1.0001)
        #expect(abs(e.coldStart!.share! - share) < 1e-8)
        let item = e.lineItems.first { $0.name == "Start-up time (billed)" }!
        #expect(abs(item.cost - 2628 * share * 0.241 * 10 * 0.0000166667) < 1e-9)
        #expect((item.cost * 100).rounded() / 100 == 0.08)
        // The kernel charges the same.
        #expect(abs(Estimator.monthlyCost(Self.lambda(Self.lambdaProfile), w)! - e.monthlyCost) < 1e-12)
    }

    /// Free GB-s left over after the requests' own duration cover start-up time first.
    @Test func freeTierCoversStartUpFirst() {
        var w = Workload(requestsPerMonth: 2628, duration: 0.1, memoryMiB: 10240)
        w.runtime = .java
        w.freeTier = true
        let e = Estimator.estimate(Self.lambda(Self.lambdaProfile), w)
        #expect(e.lineItems.first { $0.name == "Start-up time (billed)" }!.cost == 0)
    }

    /// Cloud Run request-based billing bills instance start-up at the active rates. λ = 0.001/s,
    /// d = 1 s, k = 900 s, concurrency 80 (one instance): share = e^(−0.901) = 0.406163;
    /// 2,628 × 0.406163 = 1,067.40 cold starts × 10 s (java) × (1 vCPU × $0.000024 + 0.5 GiB ×
    /// $0.0000025 = $0.00002525) = $0.2695.
    @Test func cloudRunStartUpIsBilled() {
        var o = Fixtures.cloudRun
        o.coldStart = ColdStartProfile(platform: "Cloud Run", category: .container, keepAlive: 900, keepAliveSource: "https://example.com",
                                       startUp: [.java: 10], source: "https://example.com",
                                       startUpBillingSource: "https://cloud.google.com/run/docs/configuring/billing-settings")
        var w = Workload(requestsPerMonth: 2628, duration: 1, memoryMiB: 512, concurrency: 80)
        w.runtime = .java
        let e = Estimator.estimate(o, w)
        let item = e.lineItems.first { $0.name == "Start-up time (billed)" }!
        #expect(abs(item.cost - 2628 * exp(-0.901) * 10 * 0.00002525) < 1e-9)
        #expect((item.cost * 100).rounded() / 100 == 0.27)
    }

    @Test func sharesFormatForPeople() {
        #expect(ColdStartFormat.percent(0) == "0%")
        #expect(ColdStartFormat.percent(0.0042) == "0.42%")
        #expect(ColdStartFormat.percent(0.000031) == "0.0031%")
        #expect(ColdStartFormat.percent(0.123) == "12.3%")
        #expect(ColdStartFormat.percent(1e-9) == "<0.0001%")
    }
}
