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
        let w = workload
        let chosen = offerings.filter {
            if case .provisioned = $0.billing { return false }
            return Estimator.monthlyCost($0, w) != nil
        }
        let params = dir + "/closed-form.json"
        try JSONSerialization.data(withJSONObject: export(chosen, w), options: [.sortedKeys]).write(to: URL(fileURLWithPath: params))

        let sweepRange = SweepRange(from: range.from, to: range.to, points: points, scale: .log)
        let (ours, total, _) = NumpyScript.sweepRate(chosen, w, sweepRange)
        guard let (theirs, theirTotal, _) = try NumpyScript.run(root + "/bench/closed_form.py", [params]) else { return }
        print(String(format: "numpy reference, %d closed-form offerings × %d points (requests 100k…100B, %@ traffic):",
                     chosen.count, points, w.traffic.name))
        print(String(format: "  runcost sweep: %.1f M evaluations/s (median of 5)   $ .build/release/runcost-bench scale", ours / 1e6))
        print(String(format: "  numpy:         %.1f M evaluations/s (median of 5)   $ python3 bench/closed_form.py %@", theirs / 1e6, params))
        print(String(format: "  ratio runcost/numpy: %.2f; sum of every cost: runcost %.6f, numpy %.6f (relative difference %.1e)",
                     ours / theirs, total, theirTotal, NumpyScript.relativeDifference(total, theirTotal)))
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

/// What the numpy references share: whether python3 with numpy is here, running a script, and
/// timing runcost's sweep driver over the same grid.
enum NumpyScript {
    /// Nil when python3 can import numpy; otherwise the one line to print instead of the comparison.
    static func unavailable() -> String? {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import numpy"]
        check.standardError = FileHandle(forWritingAtPath: "/dev/null")
        guard (try? check.run()) != nil else { return "numpy reference: python3 not found, skipped" }
        check.waitUntilExit()
        return check.terminationStatus == 0 ? nil : "numpy reference: numpy not installed (pip install numpy), skipped"
    }

    /// Runs `python3 script arguments`. A reference script prints its median evaluations/s and the
    /// sum of every cost on its first line, then optionally a line `id sum` per offering. Nil (and
    /// the script's output printed) when it fails.
    static func run(_ script: String, _ arguments: [String]) throws -> (rate: Double, total: Double, sums: [String: Double])? {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", script] + arguments
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        let lines = output.split(separator: "\n").map { $0.split(separator: " ") }
        let first = lines.first?.compactMap { Double($0) } ?? []
        guard python.terminationStatus == 0, first.count == 2 else {
            print("numpy reference failed: python3 \(script) \(arguments.joined(separator: " ")): \(output)")
            return nil
        }
        var sums: [String: Double] = [:]
        for line in lines.dropFirst() where line.count == 2 { sums[String(line[0])] = Double(line[1]) }
        return (first[0], first[1], sums)
    }

    /// runcost's side: the offerings over the grid through the sweep driver, in process, median
    /// evaluations/s of 5 runs, the sum of every cost and each offering's (infeasible points count 0).
    static func sweepRate(_ offerings: [Offering], _ w: Workload, _ range: SweepRange) -> (rate: Double, total: Double, sums: [Double]) {
        var rates: [Double] = [], total = 0.0
        var sums = [Double](repeating: 0, count: offerings.count)
        for _ in 0..<5 {
            total = 0
            sums = sums.map { _ in 0 }
            let t = seconds {
                Sweep.run(offerings, w, .requests, range) { _, costs in
                    for (j, c) in costs.enumerated() { total += c ?? 0; sums[j] += c ?? 0 }
                }
            }
            rates.append(Double(range.points * offerings.count) / t)
        }
        return (median(rates), total, sums)
    }

    static func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a), 1e-300) }
}
