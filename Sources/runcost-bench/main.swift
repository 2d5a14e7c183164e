import Foundation
import RunCostCore
import RunCostFiles

/// Prints medians for runcost's performance targets. Run it from a release build:
///   swift build -c release && .build/release/runcost-bench
/// `runcost-bench scale [--keep]` (inputs at real sizes, minutes), `runcost-bench numpy` (the
/// closed forms beside bench/closed_form.py, hour-by-hour fleets beside bench/fleets.py) and
/// `runcost-bench offerings N DIR` (writes N generated offerings) run only when named.
/// Figures are measured, never asserted: shared machines are noisy.

let root = FileManager.default.currentDirectoryPath
let release = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let runcost = release.appendingPathComponent("runcost").path

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs the CLI once; returns wall seconds and the child's peak RSS in MB.
func runCLI(_ args: [String]) throws -> (wall: Double, rssMB: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: runcost)
    process.arguments = args
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    var wall = 0.0
    wall = try seconds {
        try process.run()
        process.waitUntilExit()
    }
    guard process.terminationStatus == 0 else { throw InputError(nil, "runcost \(args.joined(separator: " ")) exited \(process.terminationStatus)") }
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return (wall, Double(usage.ru_maxrss) / 1024)   // Linux reports KiB; the max over all children so far
}

let only = CommandLine.arguments.dropFirst().first
func wanted(_ name: String) -> Bool { only == nil || only == name }
let keep = CommandLine.arguments.contains("--keep")

do {
    let catalog = try Catalog.load([root + "/pricing"])
    let offerings = catalog.offerings.filter { $0.currency == "USD" }
    let workload = try WorkloadSpec(file: root + "/examples/api.yaml").build()
    print("runcost-bench: \(offerings.count) bundled USD offerings, workload examples/api.yaml, \(ProcessInfo.processInfo.activeProcessorCount) cores")

    if wanted("kernel") {
        // Offering-evaluations per second on one core: sweep requests over 6 decades, for the
        // example's diurnal traffic (13 distinct hourly loads per provisioned estimate) and for constant traffic.
        var constant = workload
        constant.traffic = .constant
        var cases: [(String, Workload, [Offering])] = [("diurnal traffic (13 distinct hourly loads)", workload, offerings),
                                                       ("constant traffic", constant, offerings)]
        // The same sweep with an application section (issue #9's mobile API), each offering's
        // stack resolved once as the CLI does; only when the tables carry services.
        if !catalog.services.isEmpty {
            var app = Application()
            app.responseSizeGB = 8.0 / 1_048_576
            app.egressGB = 50
            var data = Application.DataUse(); data.readsPerRequest = 2; data.writesPerRequest = 0.5; data.storageGB = 20
            var events = Application.EventUse(); events.perRequest = 1; events.sizeGB = 2.0 / 1_048_576
            var users = Application.UserUse(); users.monthlyActive = 40_000
            app.data = data; app.events = events; app.users = users
            var withApp = workload
            withApp.application = app
            let index = StackResolution.Index(services: catalog.services, stacks: catalog.offerings)
            let resolved = offerings.compactMap { try? StackResolution.resolve($0, app, index, alone: false) }
            let services = resolved.reduce(0) { $0 + $1.services.count }
            cases.append(("diurnal traffic with an application section (\(services) services over \(resolved.count) offerings)", withApp, resolved))
        }
        for (label, w, offerings) in cases {
            let points = Int(ProcessInfo.processInfo.environment["BENCH_POINTS"] ?? "") ?? 20_000
            var rates: [Double] = []
            var checksum = 0.0
            for _ in 0..<7 {
                let t = seconds {
                    Sweep.run(offerings, w, .requests, SweepRange(from: 1e5, to: 1e11, points: points)) { _, costs in
                        checksum += costs[0] ?? 0
                    }
                }
                rates.append(Double(points * offerings.count) / t)
            }
            print(String(format: "sweep kernel, %@: %.1f M offering-evaluations/s (median of 7; %d points × %d offerings) [checksum %.0f]",
                         label, median(rates) / 1e6, points, offerings.count, checksum))
        }
    }

    if wanted("breakeven") {
        var times: [Double] = []
        var found = 0
        for _ in 0..<20 {
            times.append(seconds {
                found = BreakEven.find(offerings, workload, .requests, from: 1e5, to: 1e11).crossovers.count
            })
        }
        print(String(format: "breakeven, all offerings, requests 100k…100B (6 decades): %.1f ms median of 20 (%d crossovers)", median(times) * 1000, found))
    }

    if wanted("compare") {
        var walls: [Double] = []
        for _ in 0..<20 { walls.append(try runCLI(["compare", "examples/api.yaml"]).wall) }
        print(String(format: "runcost compare examples/api.yaml, all bundled tables: %.1f ms wall, median of 20", median(walls) * 1000))
    }

    if wanted("check") {
        // A budget of 20 checks × 4 rules over the bundled examples, written to a temporary folder.
        let workloads = ["api", "image-resize", "iot", "steady-api"]
        let chosen = ["aws-lambda-arm", "aws-fargate-arm", "aws-ec2-t3.small", "gcp-cloud-run-request"]
        let checks = (0..<20).map { i in
            """
              - name: check \(i + 1)
                workload: \(root)/examples/\(workloads[i % 4]).yaml
                offering: \(chosen[i % 4])
                rules:
                  max_monthly: 1000000 USD
                  max_over_cheapest: 100000%
                  min_headroom_to_breakeven: { limit: 20%, severity: warn }
                  max_price_age: 3650d

            """
        }
        let budget = FileManager.default.temporaryDirectory.appendingPathComponent("runcost-bench-budget-\(getpid()).yaml").path
        try ("checks:\n" + checks.joined()).write(toFile: budget, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: budget) }
        var walls: [Double] = []
        for _ in 0..<10 { walls.append(try runCLI(["check", budget]).wall) }
        print(String(format: "runcost check, 20 checks × 4 rules: %.1f ms wall, median of 10", median(walls) * 1000))
    }

    if wanted("tui") { try benchTUI(offerings: offerings, workload: workload) }

    // `runcost-bench offerings N DIR`: writes DIR/bench.yaml with N generated offerings (as
    // `scale` does) to profile or time the loader and the commands on them.
    if only == "offerings" {
        let args = Array(CommandLine.arguments.dropFirst(2))
        guard args.count == 2, let n = Int(args[0]), n > 0 else { throw InputError(nil, "usage: runcost-bench offerings N DIR") }
        try ScaleBench(root: root, runcost: runcost, offerings: offerings, dir: args[1]).writeOfferings(n, to: args[1])
        print("wrote \(n) generated offerings to \(args[1])/bench.yaml")
    }

    // Heavy (hundreds of MB of generated input, minutes): only when asked for by name.
    // `numpy` runs only the side-by-side part of `scale`.
    if only == "scale" || only == "numpy" {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("runcost-bench-scale-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(atPath: dir) } }
        if only == "scale" { try ScaleBench(root: root, runcost: runcost, offerings: offerings, dir: dir).all() }
        if let skipped = NumpyScript.unavailable() {
            print(skipped)
        } else {
            try NumpyReference(root: root, dir: dir, offerings: offerings, workload: workload).compare()
            try FleetReference(root: root, dir: dir, offerings: offerings, workload: workload).compare()
        }
        print(keep ? "scale: inputs kept in \(dir)" : "scale: inputs removed (runcost-bench scale --keep keeps them to rerun the commands)")
    }

    if wanted("sweep") {
        let r = try runCLI(["sweep", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "100B",
                            "--points", "1000000", "--format", "csv"])
        print(String(format: "sweep, 1,000,000 points × all offerings as CSV to /dev/null: %.2f s wall, peak RSS %.1f MB", r.wall, r.rssMB))
    }
} catch {
    StandardStreams.writeError("runcost-bench: \(error)\n")
    exit(2)
}
