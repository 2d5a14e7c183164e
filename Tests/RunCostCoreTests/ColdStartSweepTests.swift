import Foundation
import Testing
@testable import RunCostCore

/// `--vary max-cold-start-rate`: the cold-start limit as a sweep and break-even parameter.
@Suite struct ColdStartSweepTests {
    /// Cloud Run (fixture rates) with its idle rate for minimum instances ($0.0000025 per vCPU-s
    /// and per GiB-s, companion facts F1) and a 15-minute keep-alive.
    static var cloudRun: Offering {
        var o = Fixtures.cloudRun
        if case .sharedInstance(var p) = o.billing {
            p.idleVCPUSecond = 0.0000025
            p.idleGiBSecond = 0.0000025
            o.billing = .sharedInstance(p)
        }
        o.coldStart = ColdStartProfile(platform: "CR", category: .container, keepAlive: 900, keepAliveSource: "https://example.com", source: "https://example.com")
        return o
    }

    /// Cloudflare Workers: $5 a month, never cold.
    static var workers: Offering {
        var o = Fixtures.workers
        o.coldStart = ColdStartProfile(platform: "CF", category: .faas, keepAlive: .infinity, keepAliveSource: "https://example.com", source: "https://example.com")
        return o
    }

    /// 1,000 requests of 500 ms a month, 80 to an instance: one instance, so the cold share has
    /// the closed form e^(−λ(k + d)) (docs/billing.md "Cold starts").
    static var sparse: Workload {
        var w = Workload(requestsPerMonth: 1000, duration: 0.5, memoryMiB: 512)
        w.concurrency = 80
        return w
    }

    /// λ = 1,000 / 2,628,000 s = 0.00038052/s; e^(−0.00038052 × 900.5) = 70.988% cold.
    static let naturalShare = exp(-1000.0 / 2_628_000 * 900.5)

    @Test func parameterReadsAndWritesTheLimit() {
        var w = Self.sparse
        #expect(SweepParameter.maxColdStartRate.value(in: w) == SweepParameter.typicalColdStartLimit)
        SweepParameter.maxColdStartRate.set(0.002, on: &w)
        #expect(w.maxColdStartShare == 0.002)
        #expect(SweepParameter.maxColdStartRate.value(in: w) == 0.002)
        #expect(SweepParameter.maxColdStartRate.format(0.002) == "0.2%")
        #expect(SweepParameter.maxColdStartRate.format(0) == "0%")
        #expect(SweepParameter.maxColdStartRate.format(0.00000054) == "0.000054%")
        #expect(SweepParameter.maxColdStartRate.format(1.234e-16) == "1.23e-14%")
        #expect(SweepParameter.maxColdStartRate.phrase("below", 0.0005) == "max cold-start rate below 0.05%")
    }

    /// Hand-worked: above the natural share nothing is kept warm, so Cloud Run costs its active
    /// time, 499.95 instance-s × ($0.000024 + 0.5 GiB × $0.0000025) + 1,000 × $0.40/1M = $0.01;
    /// below it one minimum instance waits the rest of the month at the idle rate,
    /// (2,628,000 − 499.95) s × (1 × $0.0000025 + 0.5 × $0.0000025) = $9.85, so $9.87 in all.
    @Test func sweepPricesTheWarmInstanceBelowTheNaturalShare() {
        var rows: [(Double, [Double?])] = []
        Sweep.run([Self.cloudRun], Self.sparse, .maxColdStartRate, SweepRange(from: 0.5, to: 0.9, points: 3)) { v, c in rows.append((v, c)) }
        #expect(rows.map(\.0) == [0.5, 0.7, 0.9])
        #expect(abs(rows[0].1[0]! - 9.866149) < 1e-5)
        #expect(abs(rows[1].1[0]! - 9.866149) < 1e-5)
        #expect(abs(rows[2].1[0]! - 0.013024) < 1e-5)
    }

    /// The ranking changes exactly where the limit passes the natural cold share: below it Cloud
    /// Run pays $9.87 for warmth and the $5 Workers plan wins; above it Cloud Run costs $0.01.
    @Test func breakEvenFindsTheNaturalShare() {
        let result = BreakEven.find([Self.cloudRun, Self.workers], Self.sparse, .maxColdStartRate, from: 0.01, to: 1)
        #expect(result.crossovers.count == 1)
        let crossing = result.crossovers[0]
        #expect(abs(crossing.value - Self.naturalShare) < 1e-6)
        #expect(abs(Self.naturalShare - 0.70988) < 1e-5)
        #expect(crossing.cheaperBelow == "cloudflare-workers-standard")
        #expect(crossing.cheaperAbove == "gcp-cloud-run-request")
        #expect(result.ranges.map(\.offering) == ["cloudflare-workers-standard", "gcp-cloud-run-request"])
    }

    /// An offering with no priced way to keep warm becomes feasible where the limit reaches its share.
    @Test func breakEvenReportsWhereAnOfferingBecomesFeasible() {
        var consumption = Fixtures.azureConsumption
        consumption.coldStart = ColdStartProfile(platform: "AF", category: .faas, keepAlive: 1200, keepAliveSource: "https://example.com", source: "https://example.com")
        let result = BreakEven.find([consumption, Self.workers], Self.sparse, .maxColdStartRate, from: 0.01, to: 1)
        let change = result.feasibilityChanges.first { $0.offering == consumption.id }
        #expect(change != nil)
        #expect(change?.feasibleAbove == true)
        // One function instance at a time: e^(−λ(k + d)) with k = 20 min.
        #expect(abs((change?.value ?? 0) - exp(-1000.0 / 2_628_000 * 1200.5)) < 1e-6)
    }
}
