import Foundation
import RunCostCore

/// The provisioned family (VMs, PaaS plans, containers: fleets sized hour by hour) over one
/// requests grid, computed by runcost's sweep and by bench/fleets.py (numpy) side by side.
///
/// Both price the same month: 730 hourly request counts (examples/api.yaml's diurnal day, repeated
/// and cut at 730 hours). runcost reads them as a trace, which it reduces to its distinct counts
/// (≈ 13 levels); the script sizes and bills the fleet for each of the 730 hours, as a script
/// working from an hourly trace would, and once more over the same distinct levels for comparison.
/// Each offering's constants (instance price and capacity, billing rules, attached prices) are
/// written to a JSON file the script reads; the sums of every cost must agree to ~1e-9.
struct FleetReference {
    let root: String
    let dir: String
    let offerings: [Offering]
    let workload: Workload
    var points: Int { Int(ProcessInfo.processInfo.environment["BENCH_FLEET_POINTS"] ?? "") ?? 10_000 }
    let range = (from: 1e5, to: 1e11)

    /// A month of hourly request counts: the workload's diurnal day (its peak-to-average ratio)
    /// at its monthly volume, in whole requests, hour 0 the peak, repeated over 730 hours.
    func hourlyTrace() -> [Double] {
        let levels = TrafficProfile(.diurnal, peakToAverage: workload.peakToAverage).levels
        // The symmetric wave's levels hold one or two hours each; lay them out peak first, then
        // the pairs at h and 24 − h, the trough at noon.
        let order = [0] + (1...11).flatMap { [$0, 24 - $0] } + [12]
        var day = [Double](repeating: 0, count: 24), next = 0
        let perHour = workload.requestsPerMonth / workload.hoursPerMonth
        for level in levels.reversed() {
            for _ in 0..<Int((level.share * 24).rounded()) where next < 24 {
                day[order[next]] = (level.multiplier * perHour).rounded()
                next += 1
            }
        }
        return (0..<Int(workload.hoursPerMonth)).map { day[$0 % 24] }
    }

    /// The provisioned offerings the script mirrors, and the rest with why they are left out.
    func choose(_ w: Workload) -> (chosen: [Offering], leftOut: [String: [String]]) {
        var chosen: [Offering] = [], leftOut: [String: [String]] = [:]
        var lowest = w
        lowest.requestsPerMonth = range.from
        for o in offerings {
            guard case .provisioned(let p) = o.billing else { continue }
            if p.rules.jobs?.only == true {
                leftOut["jobs-only (they run no services)", default: []].append(o.id)
            } else if w.instances != nil {
                leftOut["a fixed fleet (--instances) is not mirrored", default: []].append(o.id)
            } else if Estimator.monthlyCost(o, lowest) == nil {
                leftOut["cannot run the workload at any volume", default: []].append(o.id)
            } else {
                chosen.append(o)
            }
        }
        return (chosen, leftOut)
    }

    func compare() throws {
        let counts = hourlyTrace()
        var w = workload
        w.traffic = .trace(TraceLoad(counts))
        w.freeTier = false
        let (chosen, leftOut) = choose(w)
        let provisioned = chosen.count + leftOut.values.reduce(0) { $0 + $1.count }
        let params = dir + "/fleets.json"
        let sweepRange = SweepRange(from: range.from, to: range.to, points: points, scale: .log)
        try JSONSerialization.data(withJSONObject: export(chosen, w, counts, sweepRange), options: [.sortedKeys]).write(to: URL(fileURLWithPath: params))

        let (ours, total, sums) = NumpyScript.sweepRate(chosen, w, sweepRange)
        let script = root + "/bench/fleets.py"
        guard let hourly = try NumpyScript.run(script, [params]),
              let levels = try NumpyScript.run(script, [params, "--levels"]) else { return }
        // Each offering's sum too: a small offering's error would vanish in the total.
        func worst(_ theirs: [String: Double]) -> String {
            let differences = chosen.indices.map { j in (chosen[j].id, theirs[chosen[j].id].map { NumpyScript.relativeDifference(sums[j], $0) } ?? .infinity) }
            guard let most = differences.max(by: { $0.1 < $1.1 }) else { return "" }
            return String(format: "; largest per offering %.1e (%@)", most.1, most.0)
        }
        let left = leftOut.keys.sorted().map { "\($0): \(leftOut[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
        print(String(format: "numpy reference, hour-by-hour fleets: %d of %d provisioned offerings × %d points (requests 100k…100B; a month of hourly counts, %d hours → %d distinct levels; free tier off)",
                     chosen.count, provisioned, points, counts.count, w.profile.levels.count))
        if !left.isEmpty { print("  left out: \(left)") }
        print(String(format: "  runcost sweep (its %d levels):     %.2f M evaluations/s (median of 5)   $ BENCH_FLEET_POINTS=%d .build/release/runcost-bench numpy",
                     w.profile.levels.count, ours / 1e6, points))
        print(String(format: "  numpy, hour by hour (%d hours):   %.4f M evaluations/s (median of 5)   $ python3 bench/fleets.py %@",
                     counts.count, hourly.rate / 1e6, params))
        print(String(format: "  ratio runcost/numpy hour by hour: %.0f; sum of every cost: runcost %.6f, numpy %.6f (relative difference %.1e%@)",
                     ours / hourly.rate, total, hourly.total, NumpyScript.relativeDifference(total, hourly.total), worst(hourly.sums)))
        print(String(format: "  for comparison, numpy over the same %d distinct levels (weighted hours): %.3f M evaluations/s   $ python3 bench/fleets.py %@ --levels",
                     w.profile.levels.count, levels.rate / 1e6, params))
        print(String(format: "  ratio runcost/numpy over levels: %.2f; sum %.6f (relative difference %.1e%@)",
                     ours / levels.rate, levels.total, NumpyScript.relativeDifference(total, levels.total), worst(levels.sums)))
    }

    /// What the script needs: the trace, the grid, and per offering the figures `fleet` and
    /// `evaluate` in ProvisionedBilling.swift derive before sizing (instance price and capacity,
    /// fleet floor, billing rules, attached prices per instance-hour).
    func export(_ chosen: [Offering], _ w: Workload, _ counts: [Double], _ sweepRange: SweepRange) -> [String: Any] {
        func n(_ v: (some Any)?) -> Any { v.map { $0 as Any } ?? NSNull() }
        // The requests of each point exactly as the sweep sets them (rounded to significant
        // digits, then to whole requests): a fleet's count jumps at whole instances, so a grid
        // that differed in the sixth digit would not price the same month.
        var probe = w
        let grid = (0..<sweepRange.points).map { i -> Double in
            SweepParameter.requests.set(sweepRange.value(at: i), on: &probe)
            return probe.requestsPerMonth
        }
        var fleets: [[String: Any]] = []
        for o in chosen {
            guard case .provisioned(let p) = o.billing, case .success(let size) = p.instanceSize(for: w) else { continue }
            let r = p.rules.values
            let nominalCPU = size.vcpu * w.targetUtilization
            // A burstable fleet is held at its baseline, or (with a surplus price) runs fewer
            // instances at the target and pays for CPU above the baseline, whichever is cheaper.
            var capacity = ProvisionedPricing.capacityRPS(size, w)
            var burst: Any = NSNull()
            if let b = r.burstable {
                let baselineCPU = size.vcpu * b.baseline
                capacity = ProvisionedPricing.capacityRPS(size, w, cpu: min(baselineCPU, nominalCPU))
                if let price = b.surplusVCPUHour, nominalCPU > baselineCPU {
                    burst = ["capacity": ProvisionedPricing.capacityRPS(size, w, cpu: nominalCPU), "baseline_vcpu": baselineCPU, "surplus_price": price]
                }
            }
            let floorCount = w.minInstances ?? p.minInstances
            let sizedForPeak = w.fixedFleet || !r.autoscaling
            let lifetime = !sizedForPeak && floorCount <= 0 ? r.instanceLifetime : 0
            // Attached costs per instance-hour, as ProvisionedPricing.attachedHourly.
            let disk = r.bootDisk.map { (w.diskMiB.map { $0 / 1024 } ?? $0.sizeGB) * $0.gbMonth / 730 } ?? 0
            let ip = w.publicIP ? r.publicIPv4Hour : 0
            var storage = 0.0
            if let s = r.ephemeralStorage, let size = w.ephemeralStorageMiB, size > s.includedMiB { storage = (size - s.includedMiB) / 1024 * s.gbHour }
            fleets.append([
                "id": o.id, "hourly": size.hourly, "capacity": capacity, "burst": burst,
                "floor": floorCount, "prewarmed": r.prewarmedInstances, "sized_for_peak": sizedForPeak,
                "max_instances": n(r.maxInstances), "lifetime": lifetime, "hold": w.duration + lifetime,
                "minimum_billed_hours": p.minimumBilledHours, "billing_increment_hours": p.billingIncrementHours,
                "monthly_cap": n(p.monthlyCap), "sustained_use": n(r.sustainedUse?.steps),
                "disk_hourly": disk, "ip_hourly": ip, "storage_hourly": storage,
                "management_fee": r.managementFee, "request_price": r.requestPrice, "fixed_monthly_fee": p.fixedMonthlyFee,
            ])
        }
        return [
            "grid": grid, "hours": w.hoursPerMonth, "month_hours": 730.0,
            "cpu_seconds": w.cpuSecondsPerRequest, "counts": counts, "fleets": fleets,
        ]
    }
}
