import Foundation
import RunCostCore
import RunCostFiles

/// `runcost-bench scale`: inputs at the sizes users bring (issue 12), generated in a temporary
/// folder, each figure printed with the command that reproduces it. Wall time and peak RSS of
/// each run come from /usr/bin/time, so every figure is one child process.
/// `runcost-bench scale --keep` leaves the folder in place to rerun the printed commands.
struct ScaleBench {
    let root: String
    let runcost: String
    let offerings: [Offering]
    let dir: String

    struct Run { var wall: Double; var rssMB: Double; var command: String }

    /// Runs `runcost args` under /usr/bin/time; stdout to /dev/null.
    func run(_ args: [String]) throws -> Run {
        let timeFile = dir + "/time.txt"
        // Wall from the clock around posix_spawn and waitpid: /usr/bin/time's %e counts in 10 ms
        // steps, and Foundation's Process adds ≈ 35 ms of its own before it notices the exit.
        var status: Int32 = 0
        let wall = try seconds { status = try spawnAndWait("/usr/bin/time", ["-f", "%M", "-o", timeFile, runcost] + args) }
        guard status == 0 else { throw InputError(nil, "runcost \(args.joined(separator: " ")) exited \(status)") }
        let fields = try String(contentsOfFile: timeFile, encoding: .utf8).split(whereSeparator: \.isWhitespace)
        guard let kb = fields.last.flatMap({ Double($0) }) else {
            throw InputError(.wholeFile(timeFile), "unreadable /usr/bin/time output")
        }
        let shown = args.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        return Run(wall: wall, rssMB: kb / 1024, command: "/usr/bin/time -f '%e s %M KB' \(runcost) \(shown) > /dev/null")
    }

    /// Runs `path args` with standard output to /dev/null; returns its exit status.
    func spawnAndWait(_ path: String, _ args: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw InputError(nil, "cannot start \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The median wall of `n` runs (peak RSS: the largest).
    func median(_ n: Int, _ args: [String]) throws -> Run {
        var runs: [Run] = []
        for _ in 0..<n { runs.append(try run(args)) }
        let walls = runs.map(\.wall).sorted()
        return Run(wall: walls[n / 2], rssMB: runs.map(\.rssMB).max()!, command: runs[0].command)
    }

    func report(_ label: String, _ r: Run, _ extra: String = "") {
        print(String(format: "  %@: %.3f s wall, peak RSS %.1f MB%@\n      $ %@", label, r.wall, r.rssMB, extra, r.command))
    }

    func all() throws {
        print("scale: inputs in \(dir)")
        try traces()
        try sweeps()
        try breakEvens()
        try loading()
    }

    // MARK: loading 10,000 offerings (the folder breakEvens wrote)

    func loading() throws {
        let folder = dir + "/offerings-10000"
        report("pricing list, 10,000 generated offerings (loading; median of 3)",
               try median(3, ["pricing", "list", "--pricing", folder, "--no-bundled-pricing"]))
        let workload = try WorkloadSpec(file: root + "/examples/api.yaml").build()
        let first = try firstScreen(folder: folder, workload: workload)
        print(String(format: "  tui first screen, 10,000 generated offerings: %.0f ms wall = loading %.0f ms + model and first frame %.0f ms; %.0f ms CPU (target < 1 s)\n      $ .build/release/runcost-bench tui",
                     (first.load + first.frame) * 1000, first.load * 1000, first.frame * 1000, first.cpu * 1000))
    }

    // MARK: traces

    func traces() throws {
        let month = dir + "/month-per-minute.csv", year = dir + "/year-per-minute.csv", huge = dir + "/10M-rows.csv"
        try writeTrace(month, rows: 43_200, iso: true)
        try writeTrace(year, rows: 525_600, iso: true)
        try writeTrace(huge, rows: 10_000_000, iso: false)
        let plain = try median(5, ["compare", "examples/api.yaml"])
        report("compare examples/api.yaml (median of 5)", plain)
        let m = try median(5, ["compare", "examples/api.yaml", "--trace", month])
        report("compare --trace, a month per minute (43,200 ISO rows; median of 5)", m, String(format: " = %.1f× plain compare (target ≤ 3×)", m.wall / plain.wall))
        report("compare --trace, a year per minute (525,600 ISO rows; target < 1 s, < 100 MB)", try run(["compare", "examples/api.yaml", "--trace", year]))
        report("compare --trace, 10,000,000 rows (epoch seconds; 10M distinct minutes, 1,000 distinct counts)", try run(["compare", "examples/api.yaml", "--trace", huge]))
    }

    /// A trace of `rows` minutes: a daily wave plus a deterministic wobble, whole counts.
    func writeTrace(_ path: String, rows: Int, iso: Bool) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw InputError(.wholeFile(path), "cannot write here")
        }
        defer { try? out.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func digits(_ n: Int, _ width: Int) {
            var s = Array(String(n).utf8)
            while s.count < width { s.insert(0x30, at: 0) }
            buffer.append(contentsOf: s)
        }
        // The days of 2025 (525,600 minutes exactly), written once.
        var days: [[UInt8]] = []
        for month in 1...12 {
            for day in 1...31 { if let d = CalendarDate(year: 2025, month: month, day: day) { days.append(Array(d.description.utf8)) } }
        }
        buffer.append(contentsOf: Array("timestamp,requests\n".utf8))
        let start = 1_735_689_600   // 2025-01-01T00:00:00Z
        for i in 0..<rows {
            if iso {
                let (day, minute) = (i / 1440, i % 1440)
                buffer.append(contentsOf: days[day % days.count]); buffer.append(UInt8(ascii: "T"))
                digits(minute / 60, 2); buffer.append(UInt8(ascii: ":")); digits(minute % 60, 2)
                buffer.append(contentsOf: Array(":00Z,".utf8))
                let wave = 100 + 80 * sin(2 * Double.pi * Double(minute) / 1440)
                digits(Int(wave.rounded()) + (i * 7919) % 31, 1)
            } else {
                digits(start + 60 * i, 1); buffer.append(UInt8(ascii: ","))
                digits((i * 7919) % 1000, 1)
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 { try out.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }
        }
        try out.write(contentsOf: buffer)
    }

    // MARK: sweeps

    func sweeps() throws {
        let base = ["sweep", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "100B"]
        let csv = try run(base + ["--points", "100000", "--format", "csv"])
        report("sweep 100,000 points × \(offerings.count) offerings as CSV", csv)
        let json = try run(base + ["--points", "100000", "--format", "json"])
        report("sweep 100,000 points × \(offerings.count) offerings as JSON", json, String(format: " = %.2f× CSV (target ≤ 1.5×)", json.wall / csv.wall))
        report("sweep 1,000,000 points as JSON (streaming)", try run(base + ["--points", "1000000", "--format", "json"]))
    }

    // MARK: break-even

    func breakEvens() throws {
        var two = Run(wall: 0, rssMB: 0, command: "")
        for n in [2, 1_000, 10_000] {
            let folder = dir + "/offerings-\(n)"
            try writeOfferings(n, to: folder)
            let args = ["breakeven", "examples/api.yaml", "--pricing", folder, "--provider", "bench",
                        "--vary", "requests", "--from", "100k", "--to", "100B"]
            let runs = n == 10_000 ? 3 : 5
            let r = try median(runs, args)
            if n == 2 { two = r }
            report("breakeven, \(Format.grouped(Double(n))) generated offerings (median of \(runs))", r,
                   n == 2 ? "" : String(format: " = %.1f× the 2-offering time", r.wall / two.wall))
        }
        report("breakeven --points 10,000,000 (2 offerings: memory independent of points)", try run(
            ["breakeven", "examples/api.yaml", "--offering", "aws-lambda-arm", "--offering", "aws-ec2-t3.small",
             "--vary", "requests", "--from", "100k", "--to", "100B", "--points", "10000000"]))
    }

    /// `n` offerings of provider `bench`: the bundled USD offerings in turn, prices scaled by
    /// factors spread over 0.7…1.3 so that their curves interleave.
    func writeOfferings(_ n: Int, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sources = n == 2 ? offerings.filter { ["aws-lambda-arm", "aws-ec2-t3.small"].contains($0.id) } : offerings
        let generated = generatedOfferings(n, from: sources)
        try PricingWriter.yaml(provider: "bench", currency: "USD", offerings: generated, comment: "runcost-bench scale: \(n) generated offerings")
            .write(toFile: folder + "/bench.yaml", atomically: true, encoding: .utf8)
    }
}
