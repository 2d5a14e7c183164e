import RunCostCore

/// The workloads the pricing-plan equivalence test prices every bundled offering for: traffic
/// shapes, volumes, sizes, commitments, spot, a cold-start limit, jobs, the free tier, a named
/// runtime (billed start-up) and fixed fleets. Kept apart from the test so that the expected
/// totals (Fixtures/plan-equivalence.txt) can be recorded from the code before the plan existed.
enum PlanEquivalenceGrid {
    static func workloads(_ examples: [Workload]) -> [Workload] {
        var all: [Workload] = []
        let shapes: [(TrafficShape, Double?)] = [(.constant, nil), (.diurnal, nil), (.businessHours, nil), (.bursty, 10)]
        for base in examples {
            for (shape, peak) in shapes {
                for requests in [1e3, 3e6, 2e9] {
                    var w = base
                    w.traffic = shape
                    w.peakToAverage = peak
                    w.requestsPerMonth = requests
                    all.append(w)
                }
            }
            var variants: [Workload] = []
            func variant(_ change: (inout Workload) -> Void) {
                var w = base
                w.requestsPerMonth = 5e7
                change(&w)
                variants.append(w)
            }
            variant { $0.memoryMiB = 3000; $0.vcpu = 2 }
            variant { $0.duration = 0.9; $0.cpuTime = 0.05; $0.concurrency = 40 }
            variant { $0.commitment = CommitmentChoice(term: .oneYear) }
            variant { $0.commitment = CommitmentChoice(term: .threeYear, utilisation: 0.8); $0.traffic = .diurnal }
            variant { $0.spot = true; $0.traffic = .diurnal }
            variant { $0.maxColdStartShare = 0.01; $0.requestsPerMonth = 2e5 }
            variant { $0.maxColdStartShare = 0.001; $0.runtime = .node; $0.traffic = .diurnal }
            variant { $0.run = .job; $0.duration = 480; $0.requestsPerMonth = 3000 }
            variant { $0.freeTier = true; $0.requestsPerMonth = 2e6 }
            variant { $0.runtime = .python; $0.requestsPerMonth = 4e5 }
            variant { $0.fixedFleet = true; $0.traffic = .diurnal }
            variant { $0.instances = 3 }
            variant { $0.minInstances = 2; $0.ephemeralStorageMiB = 30_000; $0.diskMiB = 51_200; $0.publicIP = false }
            variant { $0.cpuTime = 0.4; $0.duration = 0.5; $0.targetUtilization = 0.9; $0.requestsPerMonth = 8e8 }
            variant { $0.snapStart = true; $0.runtime = .node; $0.requestsPerMonth = 1e6 }
            all += variants
        }
        return all
    }

    /// One line per offering and workload: the total, the idle cost, and why it is infeasible.
    static func line(_ id: String, _ index: Int, _ e: Estimate) -> String {
        "\(id) \(index) \(e.monthlyCost) \(e.idleCost) \(e.reasons.joined(separator: "; "))"
    }

    static let examples = ["api", "image-resize", "long-task", "steady-api", "iot", "etl"]
}
