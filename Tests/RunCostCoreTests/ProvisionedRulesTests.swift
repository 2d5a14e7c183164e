import Testing
@testable import RunCostCore

/// Issue 8 items 3–8: hand-worked figures for each provisioned billing rule.
@Suite struct ProvisionedRulesTests {
    static func offering(_ base: Offering, _ change: (inout ProvisionedPricing) -> Void) -> Offering {
        var o = base
        guard case .provisioned(var p) = o.billing else { return o }
        change(&p)
        o.billing = .provisioned(p)
        return o
    }

    /// 100 req/s all month at 10 ms of CPU = 1 vCPU of demand; 10 ms wall, 100 concurrent.
    static var oneVCPUOfDemand: Workload {
        var w = Fixtures.workload(100 * 730 * 3600, 0.01, 512)
        w.cpuTime = 0.01
        w.concurrency = 100
        return w
    }

    // t3.small (2 vCPU, 20% baseline, $0.0208/h). At the 70% target one instance serves 140 req/s;
    // at the baseline one serves 2 × 0.2 / 0.01 = 40 req/s.
    //   held at the baseline: ceil(100/40) = 3 instances × 730 h × $0.0208 = $45.552
    //   bursting:             1 instance × 730 h × $0.0208 = $15.184
    //                         + (1.0 − 0.4) vCPU × 730 h = 438 vCPU-h × $0.05 = $21.90 → $37.084
    @Test func burstableTakesTheCheaperWay() {
        let unlimited = Self.offering(Fixtures.vm()) { $0.rules.burstable = .init(baseline: 0.2, surplusVCPUHour: 0.05) }
        let e = Estimator.estimate(unlimited, Self.oneVCPUOfDemand)
        #expect(cents(e.monthlyCost) == 37.08)
        #expect(abs(e.monthlyCost - 37.084) < 1e-9)
        #expect(e.lineItems.map(\.name) == ["Instances", "Surplus CPU (burstable, above baseline)"])
        #expect(abs(e.lineItems[1].quantity - 438) < 1e-9)
        #expect(e.notes.contains { $0.contains("fewer instances paying for surplus CPU") })

        // At $0.10 per surplus vCPU-hour bursting costs $58.984: three instances at the baseline win.
        let dear = Self.offering(Fixtures.vm()) { $0.rules.burstable = .init(baseline: 0.2, surplusVCPUHour: 0.10) }
        let e2 = Estimator.estimate(dear, Self.oneVCPUOfDemand)
        #expect(abs(e2.monthlyCost - 45.552) < 1e-9)
        #expect(e2.notes.contains { $0.contains("more instances held at the 20% baseline") })

        // Throttled (Azure B-series): no surplus for sale, capacity is the baseline.
        let throttled = Self.offering(Fixtures.vm()) { $0.rules.burstable = .init(baseline: 0.2) }
        #expect(abs(Estimator.monthlyCost(throttled, Self.oneVCPUOfDemand)! - 45.552) < 1e-9)

        // Before the rule the same fleet cost one instance, $15.18: 2.4× too cheap here.
        #expect(abs(Estimator.monthlyCost(Fixtures.vm(), Self.oneVCPUOfDemand)! - 15.184) < 1e-9)
    }

    // The infracost instance_test golden prices 1,460 unlimited-mode vCPU-hours at $73.00.
    @Test func surplusPriceMatchesTheInfracostGolden() {
        // 2 instances' worth of demand above baseline: 2 vCPU × (1 − 0.5)... built so surplus = 1,460 vCPU-h:
        // one instance at 70% of 2 vCPU = 1.4 vCPU used, baseline 0.4 → 1.0 vCPU surplus × 730 h = 730;
        // two instances → 1,460 vCPU-h × $0.05 = $73.00.
        var w = Self.oneVCPUOfDemand
        w.requestsPerMonth = 280 * 730 * 3600
        let o = Self.offering(Fixtures.vm()) { $0.rules.burstable = .init(baseline: 0.2, surplusVCPUHour: 0.05) }
        let e = Estimator.estimate(o, w)
        let surplus = e.lineItems.first { $0.name.hasPrefix("Surplus") }
        #expect(abs((surplus?.quantity ?? 0) - 1460) < 1e-6)
        #expect(cents(surplus?.cost ?? 0) == 73.00)
    }

    // A 512 MB instance that keeps 256 MB for its system cannot run a 512 MB process.
    @Test func reservedMemoryComesOffFirst() {
        let droplet = Self.offering(Fixtures.vm(hourly: 0.00595, vcpu: 1, memoryMiB: 512)) { $0.rules.reservedMemoryMiB = 256 }
        #expect(Estimator.infeasibility(droplet, Fixtures.workload(1e3, 0.1, 512))
                == .instanceTooSmallAfterReserve(memoryMiB: 512, instanceMiB: 512, reservedMiB: 256))
        #expect(Estimator.infeasibility(droplet, Fixtures.workload(1e3, 0.1, 256)) == nil)
        // 2 GB − 256 MB = 1,792 MB holds three 512 MB workers, not four.
        let small = Self.offering(Fixtures.vm()) { $0.rules.reservedMemoryMiB = 256 }
        if case .provisioned(let p) = small.billing, case .success(let size) = p.instanceSize(for: Fixtures.workload(1, 0.1, 512)) {
            #expect(size.workers == 3)
        } else {
            Issue.record("expected a provisioned size")
        }
    }

    // Heroku Basic: one dyno at most. 100 req/s at 0.1 s needs ceil(100/14) = 8 instances → infeasible.
    @Test func maxInstancesMakesBigLoadsInfeasible() {
        let basic = Self.offering(Fixtures.vm()) { $0.rules.maxInstances = 1 }
        let w = Fixtures.workload(100 * 730 * 3600, 0.1, 512)
        #expect(Estimator.infeasibility(basic, w) == .overMaxInstances(needed: 8, max: 1))
        #expect(Estimator.infeasibility(basic, Fixtures.workload(1e3, 0.1, 512)) == nil)
    }

    // Heroku Standard cannot autoscale: business hours need 3 instances at the peak, so 3 run all
    // month, exactly as --fixed-fleet: 3 × 730 × $0.0208 = $45.552.
    @Test func plansThatCannotScaleAreSizedForThePeak() {
        var w = Fixtures.workload(10 * 730 * 3600, 0.1, 512)
        w.traffic = .businessHours
        let standard = Self.offering(Fixtures.vm()) { $0.rules.autoscaling = false }
        let e = Estimator.estimate(standard, w)
        #expect(abs(e.monthlyCost - 3 * 730 * 0.0208) < 1e-9)
        #expect(e.notes.contains("this plan does not autoscale: the fleet is sized for the peak hour"))
    }

    // t3.micro all month: 730 × $0.0104 = $7.592; 8 GB × $0.08 = $0.64; 730 × $0.005 = $3.65 → $11.882.
    @Test func attachedCostsOfAVM() {
        let micro = Self.offering(Fixtures.vm(hourly: 0.0104, memoryMiB: 1024)) {
            $0.rules.bootDisk = .init(sizeGB: 8, gbMonth: 0.08)
            $0.rules.publicIPv4Hour = 0.005
        }
        var w = Fixtures.workload(1e3, 0.1, 512)
        let e = Estimator.estimate(micro, w)
        #expect(e.lineItems.map(\.name) == ["Instances", "Boot volume", "Public IPv4 address"])
        #expect(e.lineItems.map { cents($0.cost) } == [7.59, 0.64, 3.65])
        #expect(abs(e.monthlyCost - 11.882) < 1e-9)
        w.publicIP = false
        w.diskMiB = 20 * 1024
        // 20 GB × $0.08 = $1.60 and no address: $7.592 + $1.60 = $9.192.
        #expect(abs(Estimator.monthlyCost(micro, w)! - 9.192) < 1e-9)
    }

    // Fargate: 20 GB included; 30 GB asked → 10 GB × 730 h × $0.000111 = $0.8103.
    @Test func taskStorageAboveTheIncludedSize() {
        let fargate = Self.offering(Fixtures.fargate) { $0.rules.ephemeralStorage = .init(includedMiB: 20 * 1024, gbHour: 0.000111) }
        var w = Fixtures.workload(1e3, 0.1, 1024)
        w.vcpu = 0.5
        w.ephemeralStorageMiB = 30 * 1024
        let e = Estimator.estimate(fargate, w)
        #expect(abs((e.lineItems.last?.cost ?? 0) - 0.8103) < 1e-9)
        w.ephemeralStorageMiB = 20 * 1024
        #expect(Estimator.estimate(fargate, w).lineItems.map(\.name) == ["vCPU", "Memory"])
    }

    // A flag an offering cannot use is a note, never silence.
    @Test func unusedInputsAreNoted() {
        var w = Fixtures.workload(1e6, 0.1, 512)
        w.diskMiB = 20 * 1024
        w.publicIP = false
        w.ephemeralStorageMiB = 2048
        let lambda = Estimator.estimate(Fixtures.lambdaX86, w)
        #expect(lambda.notes.contains("disk 20GB not used: this offering bills no separate boot volume"))
        #expect(lambda.notes.contains("no public IP not used: this offering charges nothing for a public IPv4 address"))
        #expect(!lambda.notes.contains { $0.hasPrefix("ephemeral storage") })   // Lambda bills it
        let run = Estimator.estimate(Fixtures.cloudRun, w)
        #expect(run.notes.contains("ephemeral storage 2GB not used: this offering bills no separate ephemeral storage"))
    }

    // GCP N2 sustained use: quarters of the month at 100%, 86.67%, 73.33%, 60%.
    //   full month: 730 × $0.097118 = $70.89614, of which 20% = $14.17923 comes off → $56.71691
    //   half month (365 h): 182.5 h × 1 + 182.5 h × 0.8667 = 340.67275 paid hours
    @Test func sustainedUseDiscount() {
        let n2 = Self.offering(Fixtures.vm(hourly: 0.097118, memoryMiB: 8192)) { $0.rules.sustainedUse = [1, 0.8667, 0.7333, 0.6] }
        let e = Estimator.estimate(n2, Fixtures.workload(1e3, 0.1, 512))
        #expect(abs(e.monthlyCost - 730 * 0.097118 * 0.8) < 1e-9)
        #expect(cents(e.lineItems[1].cost) == -14.18)
        var half = Fixtures.workload(1e3, 0.1, 512)
        half.hoursPerMonth = 365
        #expect(abs(Estimator.monthlyCost(n2, half)! - 340.67275 * 0.097118) < 1e-9)
    }

    // Jobs on Fargate: 3,000 jobs of 25 min at 0.5 vCPU / 1 GB, 30 s start-up:
    // each billed 1,530 s → 1,275 task-hours × (0.5 × $0.04048 + 1 × $0.004445) = $31.473375.
    @Test func aTaskPerJob() {
        let fargate = Self.offering(Fixtures.fargate) { $0.rules.jobs = .init(startup: 30) }
        var w = Fixtures.workload(3000, 25 * 60, 1024)
        w.vcpu = 0.5
        w.run = .job
        let e = Estimator.estimate(fargate, w)
        #expect(abs(e.monthlyCost - 31.473375) < 1e-9)
        #expect(abs(e.idleCost - 31.473375 * 30 / 1530) < 1e-9)
        // A 10 s job bills the 1-minute minimum: 1,000 × 60 s = 16.667 h × $0.024685 = $0.41142.
        w.requestsPerMonth = 1000; w.duration = 10
        #expect(abs(Estimator.monthlyCost(fargate, w)! - 1000 * 60 / 3600 * 0.024685) < 1e-9)
        // As a service the same offering stays a fleet: one task all month.
        w.run = .service
        #expect(abs(Estimator.monthlyCost(fargate, w)! - 730 * 0.024685) < 1e-9)
    }

    @Test func jobsOnlyOfferingsNeedJobs() {
        let runJobs = Self.offering(Fixtures.fargate) { $0.rules.jobs = .init(startup: 10, only: true) }
        var w = Fixtures.workload(1e3, 60, 1024)
        #expect(Estimator.infeasibility(runJobs, w) == .jobsOnly)
        w.run = .job
        #expect(Estimator.infeasibility(runJobs, w) == nil)
        // An always-on plan runs jobs as a fleet and says so.
        let e = Estimator.estimate(Fixtures.vm(), w)
        #expect(e.notes.contains { $0.hasPrefix("jobs run on an always-on fleet") })
    }

    // Free allowances under --free-tier.
    @Test func freeAllowances() {
        // Always-free e2-micro: 730 free instance-hours and 30 GB-months of standard disk; the IPv4 still costs $3.65.
        let micro = Self.offering(Fixtures.vm(hourly: 0.008376, memoryMiB: 1024)) {
            $0.rules.bootDisk = .init(sizeGB: 10, gbMonth: 0.04)
            $0.rules.publicIPv4Hour = 0.005
            $0.rules.free = .init(instanceHours: 730, diskGBMonths: 30)
        }
        var w = Fixtures.workload(1e3, 0.1, 512)
        #expect(abs(Estimator.monthlyCost(micro, w)! - (730 * 0.008376 + 0.40 + 3.65)) < 1e-9)
        w.freeTier = true
        let e = Estimator.estimate(micro, w)
        #expect(abs(e.monthlyCost - 3.65) < 1e-9)
        #expect(e.idleCost <= e.monthlyCost)

        // App Engine F1: 28 h a day = 851.667 h a month free; two instances all month pay 608.333 h × $0.05.
        let f1 = Self.offering(Fixtures.vm(hourly: 0.05, vcpu: 0.25, memoryMiB: 128)) { $0.rules.free = .init(instanceHours: 28 * 730 / 24) }
        var two = Fixtures.workload(1e3, 0.1, 128, freeTier: true)
        two.instances = 2
        #expect(abs(Estimator.monthlyCost(f1, two)! - (1460 - 28 * 730.0 / 24) * 0.05) < 1e-9)

        // GKE Autopilot: the $74.40 monthly credit covers the $73.00 cluster fee, no more.
        let autopilot = Self.offering(Fixtures.fargate) { $0.fixedMonthlyFee = 73; $0.rules.free = .init(credit: 74.40) }
        var pod = Fixtures.workload(1e3, 0.1, 1024)
        pod.vcpu = 0.5
        let withoutCredit = Estimator.monthlyCost(autopilot, pod)!
        pod.freeTier = true
        #expect(abs(withoutCredit - Estimator.monthlyCost(autopilot, pod)! - 73) < 1e-9)

        // Cloud Run instance-based: 240,000 vCPU-s and 450,000 GB-s free. 1 vCPU + 1 GB all month:
        // 2,628,000 vCPU-s and GB-s used → 240,000 × $0.018/1000... = 240,000 × 0.04048/3600 + 450,000 × 0.004445/3600 off.
        let run = Self.offering(Fixtures.fargate) { $0.rules.free = .init(vcpuSeconds: 240_000, gbSeconds: 450_000) }
        var task = Fixtures.workload(1e3, 0.1, 2048, freeTier: true)
        task.vcpu = 1
        let list = 730 * (0.04048 + 2 * 0.004445)
        #expect(abs(Estimator.monthlyCost(run, task)! - (list - 240_000 * 0.04048 / 3600 - 450_000 * 0.004445 / 3600)) < 1e-9)
    }

    // Prices scale with what-if edits, rules included.
    @Test func rulesScaleWithPrices() {
        let micro = Self.offering(Fixtures.vm(hourly: 0.0104, memoryMiB: 1024)) {
            $0.rules.bootDisk = .init(sizeGB: 8, gbMonth: 0.08)
            $0.rules.publicIPv4Hour = 0.005
        }
        let w = Fixtures.workload(1e3, 0.1, 512)
        #expect(abs(Estimator.monthlyCost(micro.scalingPrices(by: 2), w)! - 2 * 11.882) < 1e-9)
    }
}
