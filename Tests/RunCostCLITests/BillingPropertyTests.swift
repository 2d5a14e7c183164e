import Foundation
import Testing
import RunCostCore
import RunCostFiles

/// Properties every bundled offering must keep, whatever its billing family: a cost is never
/// negative, never falls when the workload asks for more (requests, duration, memory, CPU time) in
/// a fixed fleet mode, idle cost is part of the total, and `compare` agrees with the sweep kernel.
@Suite struct BillingPropertyTests {
    static let catalog = try! Catalog.load([RuncostBinary.packageRoot.appendingPathComponent("pricing").path])
    static let offerings = catalog.offerings

    /// Starting points: light and heavy, IO- and CPU-bound, one request or many per instance,
    /// steady and daily traffic, autoscaled and fixed fleets.
    static var bases: [Workload] {
        var result: [Workload] = []
        for requests in [2e4, 3e7] {
            for (cpu, concurrency) in [(0.01, 80.0), (nil as Double?, 1.0)] {
                for traffic in [TrafficShape.constant, .diurnal] {
                    for fixedFleet in [false, true] {
                        var w = Workload(requestsPerMonth: requests, duration: 0.2, memoryMiB: 512, cpuTime: cpu,
                                         concurrency: concurrency, traffic: traffic)
                        w.vcpu = 1
                        w.fixedFleet = fixedFleet
                        result.append(w)
                    }
                }
            }
        }
        return result
    }

    static let axes: [(SweepParameter, [Double])] = [
        (.requests, [0, 1e3, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]),
        (.duration, [0.005, 0.05, 0.2, 0.5, 1, 5, 30, 120]),
        (.memory, [128, 256, 512, 1024, 1536, 2048, 4096, 10240]),
        (.cpuTime, [0.0005, 0.005, 0.02, 0.05, 0.1, 0.2]),
    ]

    @Test func everyBundledOfferingIsCovered() {
        #expect(Self.offerings.count >= 50)
        #expect(Set(Self.offerings.map(\.billing.family)) == ["per-request", "shared-instance", "cpu-time", "provisioned"])
    }

    @Test(arguments: axes.map(\.0))
    func neverNegativeIdleWithinTotalAndNonDecreasing(parameter: SweepParameter) {
        let values = Self.axes.first { $0.0 == parameter }!.1
        for base in Self.bases {
            for offering in Self.offerings {
                var previous: (value: Double, cost: Double)?
                for value in values {
                    let w = parameter.apply(value, to: base)
                    let e = Estimator.estimate(offering, w)
                    guard e.feasible else { continue }
                    #expect(e.monthlyCost >= 0, "\(offering.id) \(parameter.rawValue)=\(value): \(e.monthlyCost)")
                    #expect(e.idleCost >= 0 && e.idleCost <= e.monthlyCost * (1 + 1e-12) + 1e-12,
                            "\(offering.id) \(parameter.rawValue)=\(value): idle \(e.idleCost) of \(e.monthlyCost)")
                    if let previous {
                        #expect(e.monthlyCost >= previous.cost - 1e-9 * max(1, previous.cost),
                                "\(offering.id) fixedFleet=\(base.fixedFleet) \(base.traffic.name) c=\(base.concurrency): \(parameter.rawValue) \(previous.value) → \(value) cost \(previous.cost) → \(e.monthlyCost)")
                    }
                    previous = (value, e.monthlyCost)
                }
            }
        }
    }

    // `compare` (Estimator, with line items) and the sweep kernel (totals only) run the same
    // formulas: at every point they must agree exactly, feasible or not.
    @Test(arguments: axes.map(\.0))
    func compareEqualsTheSweepKernel(parameter: SweepParameter) {
        let values = Self.axes.first { $0.0 == parameter }!.1
        for base in Self.bases {
            for value in values {
                let w = parameter.apply(value, to: base)
                let compared = Dictionary(uniqueKeysWithValues: Estimator.compare(Self.offerings, w).map { ($0.offering.id, $0) })
                Sweep.run(Self.offerings, base, parameter, SweepRange(from: value, to: value, points: 1)) { _, costs in
                    for (offering, cost) in zip(Self.offerings, costs) {
                        let e = compared[offering.id]!
                        #expect(cost == (e.feasible ? e.monthlyCost : nil), "\(offering.id) \(parameter.rawValue)=\(value)")
                        #expect(e.lineItems.reduce(0) { $0 + $1.cost } == e.monthlyCost)
                    }
                }
            }
        }
    }
}
