import Foundation
import Testing
@testable import RunCostCore

@Suite struct SharedInstanceBillingTests {
    // At heavy load instances pack `concurrency` requests: 100 rps × 0.5 s = 50 in flight / 10 = 5 busy.
    // Light load: 0.01 rps × 0.5 s = 0.005 in flight → busy 1 − e^−0.005.
    @Test func busyInstances() {
        #expect(abs(SharedInstancePricing.busyInstances(rps: 100, seconds: 0.5, concurrency: 10) - 5) < 1e-12)
        #expect(abs(SharedInstancePricing.busyInstances(rps: 0.01, seconds: 0.5, concurrency: 10) - (1 - exp(-0.005))) < 1e-15)
    }

    // Cloud Run, constant 100 rps for 730 h, 200 ms (10 ms CPU), concurrency 80, 1 vCPU, 512 MiB, no
    // free tier: in flight 20 → busy max(1 − e^−20, 20/80 = 0.25, CPU 100 × 0.01 s / 1 vCPU = 1) = 1
    // instance all month = 2,628,000 s. vCPU 2,628,000 × $0.000024 = $63.072; memory 2,628,000 × 0.5
    // × $0.0000025 = $3.285; requests 262.8M × $0.40/1M = $105.12.
    @Test func cloudRunHandWorked() {
        var w = Fixtures.workload(100 * 730 * 3600, 0.2, 512)
        w.cpuTime = 0.01
        w.concurrency = 80
        let e = Estimator.estimate(Fixtures.cloudRun, w)
        #expect(abs(e.monthlyCost - (63.072 + 3.285 + 105.12)) < 1e-6)
        #expect(e.idleCost == 0)
    }

    // The same requests burning all 200 ms on CPU need 20 busy vCPU: 20 instances, 20× the compute.
    @Test func cloudRunCPUBound() {
        var w = Fixtures.workload(100 * 730 * 3600, 0.2, 512)
        w.concurrency = 80
        let e = Estimator.estimate(Fixtures.cloudRun, w)
        #expect(abs(e.monthlyCost - (20 * (63.072 + 3.285) + 105.12)) < 1e-6)
    }

    // Free tier takes 180,000 vCPU-s, 360,000 GiB-s and 2M requests off before pricing.
    @Test func cloudRunFreeTier() {
        var w = Fixtures.workload(1e6, 0.1, 1024, freeTier: true)
        w.concurrency = 80
        #expect(Estimator.monthlyCost(Fixtures.cloudRun, w) == 0)
    }

    // Minimum instances kept warm bill their idle time at the idle rate.
    @Test func idleMinimumInstances() {
        var offering = Fixtures.cloudRun
        guard case .sharedInstance(var p) = offering.billing else { return }
        p.idleVCPUSecond = 0.0000025
        p.idleGiBSecond = 0.0000025
        offering.billing = .sharedInstance(p)
        var w = Fixtures.workload(0, 0.1, 1024)
        w.minInstances = 1
        let e = Estimator.estimate(offering, w)
        // 2,628,000 idle s × (1 vCPU × 0.0000025 + 1 GiB × 0.0000025) = $13.14
        #expect(abs(e.idleCost - 13.14) < 1e-9)
        #expect(abs(e.monthlyCost - 13.14) < 1e-9)
    }
}

@Suite struct CPUTimeBillingTests {
    // Cloudflare's pricing page example shape: 15M requests at 7 ms CPU →
    // $5 + 5M × $0.30/1M = $1.50 + (105M − 30M) CPU-ms × $0.02/1M = $1.50 → $8.00.
    @Test func workersOverage() {
        var w = Fixtures.workload(15e6, 0.2, 128)
        w.cpuTime = 0.007
        #expect(abs(Estimator.monthlyCost(Fixtures.workers, w)! - 8.00) < 1e-9)
    }

    @Test func wallTimeIsFreeAndCPULimitBinds() {
        var w = Fixtures.workload(1e6, 60, 128)
        w.cpuTime = 0.001
        #expect(Estimator.monthlyCost(Fixtures.workers, w) == 5)
        w.cpuTime = 400
        #expect(Estimator.infeasibility(Fixtures.workers, w) == .cpuTimeOverLimit(cpuTime: 400, limit: 300))
    }
}

@Suite struct ProvisionedBillingTests {
    // t3.small 730 h × $0.0208 = $15.184 for one instance at low load.
    @Test func singleInstanceAllMonth() {
        let e = Estimator.estimate(Fixtures.vm(), Fixtures.workload(1e6, 0.1, 512))
        #expect(abs(e.monthlyCost - 15.184) < 1e-9)
        #expect(e.lineItems[0].formula == "1 instance(s) × 730 h × $0.0208/h")
    }

    // Capacity: 2 vCPU × 0.7 / 0.1 s CPU = 14 rps; workers 2048/512 = 4 × concurrency 1 / 0.1 s = 40 rps.
    // 100 rps constant needs ceil(100/14) = 8 instances → 8 × 730 × 0.0208 = $121.472.
    // Idle: paid 8, needed 7.142857 → idle share 1 − 7.142857/8.
    @Test func fleetSizedFromCPU() {
        let w = Fixtures.workload(100 * 730 * 3600, 0.1, 512)
        let e = Estimator.estimate(Fixtures.vm(), w)
        #expect(abs(e.monthlyCost - 121.472) < 1e-9)
        #expect(abs(e.idleCost - 121.472 * (1 - (100.0 / 14) / 8)) < 1e-9)
    }

    // Business hours: 40/168 of the month at 4.2× average, the rest at zero (one instance stays).
    // Average 10 rps → 42 rps busy → ceil(42/14) = 3 instances for 173.81 h; 1 instance the rest.
    // Slot 1 runs 730 h; slots 2–3 run 173.8095 h each → (730 + 2 × 173.8095) × 0.0208.
    @Test func businessHoursAutoscale() {
        var w = Fixtures.workload(10 * 730 * 3600, 0.1, 512)
        w.traffic = .businessHours
        let busyHours = 730 * 40.0 / 168
        let expected = (730 + 2 * (busyHours * 3600).rounded(.up) / 3600) * 0.0208
        #expect(abs(Estimator.monthlyCost(Fixtures.vm(), w)! - expected) < 1e-9)
        w.fixedFleet = true
        #expect(abs(Estimator.monthlyCost(Fixtures.vm(), w)! - 3 * 730 * 0.0208) < 1e-9)
    }

    // A plan's monthly price caps hourly billing: $0.05/h × 730 = $36.50 > $25 cap.
    @Test func monthlyCap() {
        let e = Estimator.estimate(Fixtures.vm(hourly: 0.05, cap: 25), Fixtures.workload(1e3, 0.1, 256))
        #expect(e.monthlyCost == 25)
        #expect(e.lineItems[0].formula == "1 instance(s) × 730 h [capped at $25.00 per instance-month] × $0.05/h")
    }

    // Hourly increments: 10.2 h of service bills 11 h.
    @Test func billingIncrement() {
        var w = Fixtures.workload(1e3, 0.1, 256)
        w.hoursPerMonth = 10.2
        #expect(abs(Estimator.monthlyCost(Fixtures.vm(hourly: 0.01, increment: 1), w)! - 0.11) < 1e-12)
    }

    @Test func fixedFleetTooSmallIsInfeasible() {
        var w = Fixtures.workload(100 * 730 * 3600, 0.1, 512)
        w.instances = 2
        #expect(Estimator.infeasibility(Fixtures.vm(), w)?.description == "2 instances serve 28 req/s; the peak needs 100 req/s")
        w.instances = 8
        #expect(abs(Estimator.monthlyCost(Fixtures.vm(), w)! - 121.472) < 1e-9)
    }

    @Test func memoryMustFit() {
        #expect(Estimator.infeasibility(Fixtures.vm(), Fixtures.workload(1, 0.1, 4096)) == .instanceTooSmall(memoryMiB: 4096, instanceMiB: 2048))
    }

    // Fargate, 0.5 vCPU and 1.5 GB asked → the 0.5 vCPU size, memory rounded up to 2 GB:
    // 730 × (0.5 × 0.04048 + 2 × 0.004445) = $21.2722 (the ECS golden's 1 vCPU + 2 GB = $29.55 + $6.49 scaled).
    @Test func fargateTaskSize() {
        var w = Fixtures.workload(1e3, 0.1, 1536)
        w.vcpu = 0.5
        #expect(abs(Estimator.monthlyCost(Fixtures.fargate, w)! - 730 * (0.5 * 0.04048 + 2 * 0.004445)) < 1e-9)
        w.vcpu = 1; w.memoryMiB = 2048
        let e = Estimator.estimate(Fixtures.fargate, w)
        #expect(cents(e.lineItems[0].cost) == 29.55)   // infracost ecs_service golden: 1 vCPU × 730 h
        #expect(cents(e.lineItems[1].cost) == 6.49)    // 2 GB × 730 h
        w.vcpu = 4
        #expect(Estimator.infeasibility(Fixtures.fargate, w) == .noTaskSize(vcpu: 4, memoryMiB: 2048))
    }
}

@Suite struct TrafficShapeTests {
    @Test func diurnalPeakMatchesRatio() {
        for ratio in [1.0, 1.5, 2, 3, 10] {
            let p = TrafficProfile(.diurnal, peakToAverage: ratio)
            #expect(abs(p.peakMultiplier - ratio) < 1e-9)
            #expect(abs(p.levels.reduce(0) { $0 + $1.multiplier * $1.share } - 1) < 1e-12)
        }
    }

    @Test func burstyAndBusinessHoursKeepTheAverage() {
        for shape in [TrafficShape.bursty, .businessHours, .trace([1, 5, 0, 2])] {
            let p = TrafficProfile(shape, peakToAverage: nil)
            #expect(abs(p.levels.reduce(0) { $0 + $1.multiplier * $1.share } - 1) < 1e-12)
            #expect(p.levels.map(\.multiplier) == p.levels.map(\.multiplier).sorted())
        }
        #expect(TrafficProfile(.bursty, peakToAverage: 10).peakMultiplier == 10)
        #expect(TrafficProfile(.trace([1, 5, 0, 2]), peakToAverage: nil).peakMultiplier == 2.5)
    }

    // Pay-per-use bills the sum, whatever the shape.
    @Test func shapeDoesNotChangePayPerUse() {
        var w = Fixtures.workload(5e6, 0.2, 512)
        let flat = Estimator.monthlyCost(Fixtures.lambdaX86, w)
        w.traffic = .bursty
        #expect(Estimator.monthlyCost(Fixtures.lambdaX86, w) == flat)
    }
}

@Suite struct SupportTests {
    @Test func calendarDates() {
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2026-11-29")!.dayNumber - CalendarDate(iso: "2025-11-29")!.dayNumber == 365)
        #expect(CalendarDate(iso: "1970-01-01")!.dayNumber == 0)
    }

    @Test func suggestions() {
        #expect(Suggestion.nearest("aws-lamda-x86", in: ["aws-lambda-x86", "aws-lambda-arm"]) == "aws-lambda-x86")
        #expect(Suggestion.nearest("zzz", in: ["aws-lambda-x86"]) == nil)
    }

    @Test func formats() {
        #expect(Format.money(1234.5) == "$1,234.50")
        #expect(Format.money(-0.004) == "$0.00")
        #expect(Format.money(.infinity) == "$∞" && Format.money(.nan) == "–" && Format.money(2e18) == "$2e+18")
        #expect(Format.price(0.0000166667) == "$0.0000166667")
        #expect(Format.count(3e6) == "3M")
        #expect(Format.duration(0.12) == "120ms")
        #expect(Format.memory(1536) == "1.5GB")
        #expect(Format.memory(8.0 / 1024) == "8KB")   // response sizes read in KB, not "0.01MB"
        #expect(Format.memory(1) == "1MB")
    }

    @Test func archFilterKeepsSingles() {
        var arm = Fixtures.lambdaX86
        arm.id = "aws-lambda-arm"; arm.arch = .arm
        let kept = ArchFilter.apply([Fixtures.lambdaX86, arm, Fixtures.vm()], arch: .arm).map(\.id)
        #expect(kept == ["aws-lambda-arm", "aws-ec2-t3.small"])
    }
}
