import Foundation
import RunCostCore
import RunCostFiles

/// The closed-form families (per-request, shared-instance, cpu-time) over one requests grid,
/// computed by runcost's sweep and by bench/closed_form.py (numpy) side by side. Each offering's
/// constants (billed memory and time, prices, allowances) are written to a JSON file the script
/// reads, so both compute the same grid; the totals must agree to 1e-9.
struct NumpyReference {
    let root: String
    let dir: String
    let offerings: [Offering]
    let workload: Workload
    var points: Int { Int(ProcessInfo.processInfo.environment["BENCH_NUMPY_POINTS"] ?? "") ?? 200_000 }
    let range = (from: 1e5, to: 1e11)

    func compare() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import numpy"]
        check.standardError = FileHandle(forWritingAtPath: "/dev/null")
        guard (try? check.run()) != nil else { print("numpy reference: python3 not found, skipped"); return }
        check.waitUntilExit()
        guard check.terminationStatus == 0 else { print("numpy reference: numpy not installed (pip install numpy), skipped"); return }

        let w = workload
        let chosen = offerings.filter {
            if case .provisioned = $0.billing { return false }
            return Estimator.monthlyCost($0, w) != nil
        }
        let params = dir + "/closed-form.json"
        try JSONSerialization.data(withJSONObject: export(chosen, w), options: [.sortedKeys]).write(to: URL(fileURLWithPath: params))

        // runcost: the same grid through the sweep driver, median of 5.
        var rates: [Double] = [], total = 0.0
        let sweepRange = SweepRange(from: range.from, to: range.to, points: points, scale: .log)
        for _ in 0..<5 {
            total = 0
            let t = seconds { Sweep.run(chosen, w, .requests, sweepRange) { _, costs in for c in costs { total += c ?? 0 } } }
            rates.append(Double(points * chosen.count) / t)
        }
        let ours = median(rates)

        let script = root + "/bench/closed_form.py"
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", script, params]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let output = String(decoding: data, as: UTF8.self)
        python.waitUntilExit()
        let fields = output.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard python.terminationStatus == 0, fields.count == 2 else { print("numpy reference failed: \(output)"); return }
        let (theirs, theirTotal) = (fields[0], fields[1])
        print(String(format: "numpy reference, %d closed-form offerings × %d points (requests 100k…100B, %@ traffic):",
                     chosen.count, points, w.traffic.name))
        print(String(format: "  runcost sweep: %.1f M evaluations/s (median of 5)   $ .build/release/runcost-bench scale", ours / 1e6))
        print(String(format: "  numpy:         %.1f M evaluations/s (median of 5)   $ python3 bench/closed_form.py %@", theirs / 1e6, params))
        print(String(format: "  ratio runcost/numpy: %.2f; sum of every cost: runcost %.6f, numpy %.6f (relative difference %.1e)",
                     ours / theirs, total, theirTotal, abs(total - theirTotal) / max(abs(total), 1e-300)))
    }

    func export(_ chosen: [Offering], _ w: Workload) -> [String: Any] {
        func n(_ v: Double?) -> Any { v.map { $0 as Any } ?? NSNull() }
        var perRequest: [[String: Any]] = [], shared: [[String: Any]] = [], cpu: [[String: Any]] = []
        for o in chosen {
            switch o.billing {
            case .perRequest(let p):
                let memory = p.billedMemoryMiB(w.memoryMiB) ?? 0, gb = memory / 1024
                var storageGB: Double?, storageGBSecond: Double?
                if let s = p.ephemeralStorage, let size = w.ephemeralStorageMiB, size > s.includedMiB {
                    storageGB = (size - s.includedMiB) / 1024; storageGBSecond = s.gbSecond
                }
                let tiers: Any = p.gbSecond.map { price -> Any in price.tiers.map { [n($0.upTo.isFinite ? $0.upTo : nil), $0.price] as [Any] } } ?? NSNull()
                let vcpu: Double = p.vcpuForMemory?.vcpu(forMemoryMiB: memory) ?? p.vcpuPerGB.map { $0 * gb } ?? w.vcpu ?? 1
                perRequest.append([
                    "id": o.id, "seconds": p.billedDuration(w.duration), "gb": gb,
                    "request_price": p.requestPrice, "free_requests": w.freeTier ? p.free.requests : 0,
                    "gb_tiers": tiers, "free_gb_seconds": w.freeTier ? p.free.gbSeconds : 0,
                    "vcpu_second": n(p.vcpuSecond), "vcpu": vcpu, "free_vcpu_seconds": w.freeTier ? p.free.vcpuSeconds : 0,
                    "storage_gb": n(storageGB), "storage_gb_second": n(storageGBSecond),
                ])
            case .sharedInstance(let p):
                let concurrency: Double = max(1, min(w.concurrency, o.limits.maxConcurrency ?? .infinity))
                guard let size = p.billedSize(w) else { continue }
                shared.append([
                    "id": o.id, "vcpu": size.vcpu, "gib": size.memoryMiB / 1024, "concurrency": concurrency,
                    "duration": w.duration, "cpu_seconds": w.cpuSecondsPerRequest, "granularity": p.granularity,
                    "target_utilization": p.targetUtilization, "minimum_activity": p.minimumActivity,
                    "lifetime": p.instanceLifetime, "waiting_active": p.waitingRate == .active,
                    "warm": w.minInstances ?? p.minInstances,
                    "vcpu_second": p.vcpuSecond, "gib_second": p.gibSecond, "request_price": p.requestPrice,
                    "idle_vcpu_second": p.idleVCPUSecond, "idle_gib_second": p.idleGiBSecond,
                    "free_requests": w.freeTier ? p.free.requests : 0, "free_gb_seconds": w.freeTier ? p.free.gbSeconds : 0,
                    "free_vcpu_seconds": w.freeTier ? p.free.vcpuSeconds : 0,
                ])
            case .cpuTime(let p):
                cpu.append([
                    "id": o.id, "monthly_fee": p.monthlyFee, "included_requests": p.includedRequests,
                    "included_cpu_ms": p.includedCPUms, "request_overage": p.requestOverage,
                    "cpu_ms_overage": p.cpuMsOverage, "cpu_seconds": w.cpuSecondsPerRequest,
                ])
            case .provisioned: break
            }
        }
        return [
            "from": range.from, "to": range.to, "points": points, "hours": w.hoursPerMonth,
            "levels": w.profile.levels.map { [$0.multiplier, $0.share] },
            "per_request": perRequest, "shared_instance": shared, "cpu_time": cpu,
        ]
    }
}
