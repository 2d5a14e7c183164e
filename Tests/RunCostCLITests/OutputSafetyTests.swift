import Foundation
import Testing
import RunCostTestSupport

/// Hostile outputs and inputs (issue 11 items 1–3, issue 13 items 1, 3, 6, 7): `-o` never writes
/// over an input and never replaces a device; interrupted writes leave no debris; a report that
/// cannot be written is an error (exit 3), a reader that goes away is not; streams are read.
/// Scenarios run through bash, as a user or a CI job would type them; `$RUNCOST` is the binary.
@Suite struct OutputSafetyTests {
    static let root = RuncostBinary.packageRoot.path
    static let api = root + "/examples/api.yaml"

    /// Runs `script` with bash in `dir`, the binary as `$RUNCOST`, the bundled tables only.
    static func shell(_ script: String, in dir: URL, environment extra: [String: String] = [:]) throws -> RuncostBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        // KILL: a child of Foundation's `Process` starts with SIGTERM blocked.
        process.arguments = ["-s", "KILL", "120", "/bin/bash", "-c", script]
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["RUNCOST"] = RuncostBinary.executable.path
        environment["API"] = api
        environment["ROOT"] = root
        environment["RUNCOST_PRICING_DIR"] = ""
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        let out = dir.appendingPathComponent(".stdout-\(UUID().uuidString)"), err = dir.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return .init(status: process.terminationStatus,
                     stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                     stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static func contents(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

    static func oneLine(_ text: String) -> Bool { text.hasSuffix("\n") && text.dropLast().firstIndex(of: "\n") == nil }

    static func noTrap(_ r: RuncostBinary.Result) -> Bool {
        !r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && r.status != 132 && r.status != 133
    }

    // MARK: -o never writes over an input

    /// Each way of naming an input: the same path, `./`, `dir/../`, a symlink, a hard link.
    @Test(arguments: ["table.yaml", "./table.yaml", "sub/../table.yaml", "link.yaml", "hard.yaml"])
    func outputOntoAPricingTableIsRefused(name: String) throws {
        let dir = try ScratchFolder.create()
        let table = dir.appendingPathComponent("table.yaml")
        try FileManager.default.copyItem(atPath: Self.root + "/pricing/aws.yaml", toPath: table.path)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.yaml").path, withDestinationPath: "table.yaml")
        try FileManager.default.linkItem(atPath: table.path, toPath: dir.appendingPathComponent("hard.yaml").path)
        let before = Self.contents(table)
        for command in ["compare \"$API\"", "explain aws-lambda-arm --requests 1M --duration 100ms --memory 512MB",
                        "sweep \"$API\" --vary requests --from 1M --to 1B", "breakeven \"$API\" --vary requests --from 1M --to 1B",
                        "capacity \"$API\" --budget 100"] {
            let r = try Self.shell("\"$RUNCOST\" \(command) --pricing table.yaml -o \(name)", in: dir)
            #expect(r.status == 2, "\(command) -o \(name): exit \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("refusing to overwrite an input file") && Self.oneLine(r.stderr), "\(command): \(r.stderr)")
            #expect(Self.contents(table) == before, "\(command) -o \(name) changed the table")
        }
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.yaml").path)) == "table.yaml")
    }

    /// Workload, trace, budget, a bundled table and a table in the user folder are inputs too.
    @Test func outputOntoEveryOtherInputIsRefused() throws {
        let dir = try ScratchFolder.create()
        let user = dir.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try Data("provider: acme\ncurrency: USD\noffer".utf8).write(to: dir.appendingPathComponent("unused"))
        try FileManager.default.copyItem(atPath: Self.root + "/pricing/gcp.yaml", toPath: user.appendingPathComponent("mine.yaml").path)
        try Data("timestamp,requests\n0,10\n3600,20\n".utf8).write(to: dir.appendingPathComponent("t.csv"))
        try Data("name: w\nrequests: 1M\nduration: 100ms\nmemory: 512MB\ntrace: t.csv\n".utf8).write(to: dir.appendingPathComponent("w.yaml"))
        try Data("name: w2\nrequests: 1M\nduration: 100ms\nmemory: 512MB\n".utf8).write(to: dir.appendingPathComponent("w2.yaml"))
        try Data("checks:\n  - workload: w2.yaml\n    offering: aws-lambda-arm\n    rules:\n      max_monthly: 1000\n".utf8).write(to: dir.appendingPathComponent("budget.yaml"))
        // A copy of the bundled tables, given as a --pricing folder: every table in it is an input.
        try FileManager.default.copyItem(atPath: Self.root + "/pricing", toPath: dir.appendingPathComponent("bundled").path)
        let bundled = dir.appendingPathComponent("bundled/azure.yaml")
        let cases: [(String, URL)] = [
            ("compare w.yaml -o w.yaml", dir.appendingPathComponent("w.yaml")),
            ("compare w.yaml -o ./t.csv", dir.appendingPathComponent("t.csv")),              // named inside the workload
            ("compare w2.yaml --trace t.csv -o t.csv", dir.appendingPathComponent("t.csv")),
            ("check budget.yaml -o budget.yaml", dir.appendingPathComponent("budget.yaml")),
            ("check budget.yaml --format junit -o w2.yaml", dir.appendingPathComponent("w2.yaml")),  // named by the budget
            ("compare w2.yaml --pricing bundled -o bundled/azure.yaml", bundled),
            ("compare w2.yaml -o user/mine.yaml", user.appendingPathComponent("mine.yaml")),
            ("diff --baseline-pricing user w2.yaml -o user/mine.yaml", user.appendingPathComponent("mine.yaml")),
        ]
        for (command, file) in cases {
            let before = Self.contents(file)
            let r = try Self.shell("\"$RUNCOST\" \(command)", in: dir,
                                   environment: ["RUNCOST_PRICING_DIR": user.path])
            #expect(r.status == 2 && r.stderr.contains("refusing to overwrite an input file"), "\(command): \(r.status) \(r.stderr)")
            #expect(Self.contents(file) == before, "\(command) changed \(file.lastPathComponent)")
        }
    }

    /// A symlink to a non-input: the target is written (atomically) and the link stays a link.
    @Test func outputThroughASymlinkWritesItsTarget() throws {
        let dir = try ScratchFolder.create()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: dir.appendingPathComponent("reports/api.csv"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("latest.csv").path, withDestinationPath: "reports/api.csv")
        let r = try Self.shell("\"$RUNCOST\" compare \"$API\" --format csv -o latest.csv && ls -a reports", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("latest.csv").path) == "reports/api.csv")
        let written = String(decoding: Self.contents(dir.appendingPathComponent("reports/api.csv")) ?? Data(), as: UTF8.self)
        #expect(written.contains(",aws-lambda-arm,"), "target not written: \(written.prefix(80))")
        #expect(!r.stdout.contains(".tmp"), "temporary left: \(r.stdout)")
    }

    // MARK: -o onto something that is not a regular file

    @Test func outputOntoAFIFOWritesIntoIt() throws {
        let dir = try ScratchFolder.create()
        let r = try Self.shell("""
            mkfifo pipe && { cat pipe > got.txt & reader=$!; }; sleep 0.2
            "$RUNCOST" compare "$API" --format csv -o pipe; echo "status $?"
            if test -p pipe; then echo "still a fifo"; wait $reader; else kill -KILL $reader; fi
            grep -c aws-lambda-arm got.txt
            """, in: dir)
        #expect(r.stdout.contains("status 0") && r.stdout.contains("still a fifo"), "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.hasSuffix("1\n") || r.stdout.hasSuffix("2\n"), "report did not go through the FIFO: \(r.stdout)")
    }

    /// As root (CI containers) a rename over a device node succeeds and replaces it. Tested on a
    /// private node (same device numbers as /dev/null), then on /dev/null and /dev/stdout themselves.
    @Test func outputOntoADeviceWritesToTheDevice() throws {
        let dir = try ScratchFolder.create()
        if getuid() == 0 {
            let r = try Self.shell("""
                mknod null c 1 3 && "$RUNCOST" compare "$API" -o null; echo "status $?"; test -c null && echo "still a device"
                """, in: dir)
            #expect(r.stdout == "status 0\nstill a device\n", "\(r.stdout) \(r.stderr)")
            // A build that replaced the private node would replace the machine's /dev/null too: stop here.
            guard r.stdout.hasSuffix("still a device\n") else { return }
        }
        let r = try Self.shell("""
            "$RUNCOST" compare "$API" -o /dev/null; echo "status $?"; test -c /dev/null && echo "still a device"
            "$RUNCOST" compare "$API" --format csv -o /dev/stdout | grep -c ',aws-lambda-arm,'
            """, in: dir)
        #expect(r.stdout == "status 0\nstill a device\n1\n", "\(r.stdout) \(r.stderr)")
        let full = try Self.shell("\"$RUNCOST\" compare \"$API\" -o /dev/full", in: dir)
        #expect(full.status == 3 && full.stderr == "runcost: cannot write /dev/full: No space left on device (the disk is full)\n", "\(full.stderr)")
    }

    // MARK: interrupted and failed writes

    @Test(arguments: ["TERM", "INT"])
    func aSignalDuringAWriteRemovesTheTemporaryFile(signal: String) throws {
        let dir = try ScratchFolder.create()
        let r = try Self.shell("""
            set -m   # job control: a background job is not started with SIGINT ignored
            echo old > big.csv
            "$RUNCOST" sweep "$API" --vary requests --from 1 --to 1e12 --points 5000000 --format csv -o big.csv & pid=$!
            for i in $(seq 100); do ls -a | grep -q '^\\.big\\.csv\\..*\\.tmp$' && break; sleep 0.1; done
            ls -a | grep -c '^\\.big\\.csv\\..*\\.tmp$'
            kill -\(signal) $pid
            for i in $(seq 50); do kill -0 $pid 2> /dev/null || break; sleep 0.1; done
            kill -KILL $pid 2> /dev/null; wait $pid; echo "status $?"
            ls -a | grep -c '\\.tmp$'; cat big.csv
            """, in: dir)
        let code = signal == "TERM" ? 143 : 130
        #expect(r.stdout == "1\nstatus \(code)\n0\nold\n", "\(r.stdout) \(r.stderr)")
    }

    /// SIGKILL cannot be caught: the next run writing the same target removes the dead process's
    /// temporary file, and leaves a live process's alone.
    @Test func theNextRunRemovesTemporariesOfDeadProcesses() throws {
        let dir = try ScratchFolder.create()
        let r = try Self.shell("""
            "$RUNCOST" sweep "$API" --vary requests --from 1 --to 1e12 --points 5000000 --format csv -o out.csv & pid=$!
            for i in $(seq 100); do ls -a | grep -q '^\\.out\\.csv\\..*\\.tmp$' && break; sleep 0.1; done
            kill -KILL $pid; wait $pid; echo "status $?"
            sleep 600 & live=$!; : > .out.csv.$live.tmp
            ls -a | grep -c '\\.tmp$'
            "$RUNCOST" compare "$API" -o out.csv; echo "status $?"
            ls -a | grep '\\.tmp$' | sed "s/$live/LIVE/"; kill -KILL $live   # a plain kill may be blocked: Foundation starts children with signals blocked
            """, in: dir)
        #expect(r.stdout == "status 137\n2\nstatus 0\n.out.csv.LIVE.tmp\n", "\(r.stdout) \(r.stderr)")
    }

    /// A write error (here the file-size limit, EFBIG) removes the temporary file and says why.
    @Test func aWriteErrorRemovesTheTemporaryFile() throws {
        let dir = try ScratchFolder.create()
        let r = try Self.shell("""
            trap '' XFSZ; ulimit -f 64
            "$RUNCOST" sweep "$API" --vary requests --from 1 --to 1e12 --points 100000 --format csv -o big.csv; echo "status $?"
            ls -a | grep -c 'big'
            """, in: dir)
        #expect(r.stdout == "status 3\n0\n", "\(r.stdout) \(r.stderr)")
        #expect(r.stderr == "runcost: cannot write big.csv: File too large\n", "\(r.stderr)")
    }

    /// 250 characters is a legal name; the temporary name must still fit in 255 bytes.
    @Test func aLongOutputNameWorks() throws {
        let dir = try ScratchFolder.create()
        let name = String(repeating: "r", count: 246) + ".csv"
        let r = try Self.shell("\"$RUNCOST\" compare \"$API\" --format csv -o \(name); echo \"status $?\"; ls -a | grep -c tmp", in: dir)
        #expect(r.stdout == "status 0\n0\n", "\(r.stdout) \(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
    }

    /// Foundation's path functions trap on one-character names: `-o x`, a workload `w` naming a
    /// trace, a budget `b` must all work.
    @Test func oneCharacterNamesWork() throws {
        let dir = try ScratchFolder.create()
        try Data("timestamp,requests\n0,10\n3600,20\n".utf8).write(to: dir.appendingPathComponent("t"))
        try Data("name: w\nrequests: 1M\nduration: 100ms\nmemory: 512MB\ntrace: t\n".utf8).write(to: dir.appendingPathComponent("w"))
        try Data("checks:\n  - workload: w\n    offering: aws-lambda-arm\n    rules:\n      max_monthly: 1000\n".utf8).write(to: dir.appendingPathComponent("b"))
        let r = try Self.shell("""
            "$RUNCOST" compare w --format csv -o x; echo "status $?"; grep -c ',aws-lambda-arm,' x
            "$RUNCOST" check b -o y; echo "status $?"; "$RUNCOST" compare w -o t; echo "status $?"
            """, in: dir)
        #expect(r.stdout == "status 0\n1\nstatus 0\nstatus 2\n", "\(r.stdout) \(r.stderr)")
        #expect(Self.noTrap(r), "\(r.stderr)")
    }

    @Test func aMissingFolderIsNamed() throws {
        let r = try Self.shell("\"$RUNCOST\" compare \"$API\" -o no/such/dir/out.txt", in: try ScratchFolder.create())
        #expect(r.status == 2 && r.stderr == "runcost: no/such/dir/out.txt: cannot write here: the folder 'no/such/dir' does not exist\n", "\(r.stderr)")
    }

    // MARK: standard output that cannot be written

    /// Every command, to a full disk and to a closed standard output: exit 3, one line naming the cause.
    static let reports = [
        "compare \"$API\"", "compare \"$API\" --format json", "explain aws-lambda-arm \"$API\"",
        "sweep \"$API\" --vary requests --from 1M --to 1B --format csv", "breakeven \"$API\" --vary requests --from 1M --to 1B",
        "capacity \"$API\" --budget 100", "check \"$ROOT/examples/budget.yaml\"", "check \"$ROOT/examples/budget.yaml\" --format junit",
        "check \"$ROOT/examples/budget.yaml\" --format markdown", "check \"$ROOT/examples/budget.yaml\" --format json",
        "diff --baseline-pricing \"$ROOT/pricing\" \"$API\"", "pricing list", "pricing list --format csv",
        "pricing show aws-lambda-arm", "pricing validate", "--help", "compare --help",
    ]

    @Test(arguments: reports)
    func aFullOrClosedStandardOutputFails(command: String) throws {
        let dir = try ScratchFolder.create()
        let full = try Self.shell("\"$RUNCOST\" \(command) > /dev/full", in: dir)
        #expect(full.status == 3 && full.stderr == "runcost: cannot write standard output: No space left on device (the disk is full)\n",
                "\(command) > /dev/full: \(full.status) \(full.stderr)")
        let closed = try Self.shell("\"$RUNCOST\" \(command) >&-", in: dir)
        #expect(closed.status == 3 && closed.stderr == "runcost: cannot write standard output: Bad file descriptor (it is closed)\n",
                "\(command) >&-: \(closed.status) \(closed.stderr)")
    }

    /// A reader that exits early (`| head`), with SIGPIPE ignored (as in many CI runners) or not:
    /// runcost stops quietly at once, status 0.
    @Test(arguments: ["", "trap '' PIPE; "])
    func aBrokenPipeEndsQuietly(prefix: String) throws {
        let dir = try ScratchFolder.create()
        let r = try Self.shell("""
            \(prefix){ "$RUNCOST" sweep "$API" --vary requests --from 1 --to 1e12 --points 5000000 --format csv; echo "status $?" >&2; } | head -c 10 > /dev/null
            \(prefix){ "$RUNCOST" pricing list --format csv; echo "status $?" >&2; } | head -c 0 > /dev/null
            """, in: dir)
        #expect(r.stderr == "status 0\nstatus 0\n", "\(r.stderr)")
        #expect(Self.noTrap(r))
    }

    // MARK: reading streams

    @Test func streamsAndStandardInputAreRead() throws {
        let dir = try ScratchFolder.create()
        let r = try Self.shell("""
            cat "$API" | "$RUNCOST" compare /dev/stdin --format csv | grep -c ',aws-lambda-arm,'
            cat "$API" | "$RUNCOST" compare - --format csv | grep -c ',aws-lambda-arm,'
            "$RUNCOST" compare "$API" --no-bundled-pricing --pricing <(cat "$ROOT/pricing/aws.yaml") --format csv | grep -c ',aws-lambda-arm,'
            mkfifo w.fifo; cat "$API" > w.fifo & "$RUNCOST" compare w.fifo --format csv | grep -c ',aws-lambda-arm,'
            cat "$ROOT/examples/budget.yaml" | (cd "$ROOT/examples" && "$RUNCOST" check - > /dev/null); echo "check status $?"
            """, in: dir)
        #expect(r.stdout == "1\n1\n1\n1\ncheck status 0\n", "\(r.stdout) \(r.stderr)")
    }

    @Test func aStreamPastTheBoundIsRefused() throws {
        let r = try Self.shell("head -c 70000000 /dev/zero | \"$RUNCOST\" compare /dev/stdin", in: try ScratchFolder.create())
        #expect(r.status == 2 && r.stderr == "runcost: /dev/stdin: is larger than 64 MiB, the most runcost reads from one file\n", "\(r.stderr)")
    }

    // MARK: errors that tell the truth on one line

    @Test func duplicateKeysAreLocatedOnOneLine() throws {
        let dir = try ScratchFolder.create()
        try Data("name: w\nrequests: 1M\nduration: 100ms\nrequests: 2M\nmemory: 512MB\n".utf8).write(to: dir.appendingPathComponent("w.yaml"))
        try Data("checks:\n  - workload: { requests: 1M, duration: 1s, memory: 1GB }\n    offering: aws-lambda-arm\n    rules:\n      - limit: 10\n  - workload:\n      requests: 1M\n      duration: 1s\n      requests: 2M\n".utf8)
            .write(to: dir.appendingPathComponent("b.yaml"))
        let w = try Self.shell("\"$RUNCOST\" compare w.yaml", in: dir)
        #expect(w.status == 2 && w.stderr == "runcost: w.yaml:4:1: 'requests' appears twice in the same mapping\n", "\(w.stderr)")
        let b = try Self.shell("\"$RUNCOST\" check b.yaml", in: dir)
        #expect(b.status == 2 && b.stderr == "runcost: b.yaml:9:7: 'requests' appears twice in the same mapping\n", "\(b.stderr)")
    }

    /// Run as an unprivileged user (root reads anything): the folder cannot be read, and says so.
    @Test func anUnreadablePricingFolderSaysSo() throws {
        let dir = try ScratchFolder.create()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let tables = dir.appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/pricing/aws.yaml", toPath: tables.appendingPathComponent("aws.yaml").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o311], ofItemAtPath: tables.path)   // search, not list
        let binary = dir.appendingPathComponent("runcost")
        try FileManager.default.copyItem(at: RuncostBinary.executable, to: binary)
        let asUser = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        let r = try Self.shell("\(asUser)./runcost pricing list --no-bundled-pricing --pricing tables", in: dir)
        #expect(r.status == 2 && r.stderr == "runcost: tables: the pricing folder cannot be read: Permission denied\n", "\(r.stderr)")
    }

    /// Parser errors: one line naming the flag (no usage block); negative numbers reach the
    /// command's own check instead of "Missing value".
    @Test func usageErrorsAreOneLine() throws {
        let dir = try ScratchFolder.create()
        let cases: [(String, String)] = [
            ("compare \"$API\" --requests -1", "runcost: --requests: requests: expected a count like 3M, 250k or 1.5e9, got '-1': must not be negative\n"),
            ("sweep \"$API\" --vary requests --from 1M --to 1B --points -1", "runcost: --points: expected 2 to 100,000,000 points, got -1\n"),
            ("compare \"$API\" --duration -.5s", "runcost: --duration: duration: expected a duration like 120ms, 2s, 15min or 1h, got '-.5s': must not be negative\n"),
            ("compare --bogus", "runcost: Unknown option '--bogus'. Did you mean '--hours'? (see 'runcost compare --help')\n"),
            ("compare --requests", "runcost: Missing value for '--requests <count>' (see 'runcost compare --help')\n"),
            ("pricing show", "runcost: Missing expected argument '<id>' (see 'runcost pricing show --help')\n"),
            ("compare --format xml", "runcost: The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv', 'json' or 'markdown'. (see 'runcost compare --help')\n"),
            ("breakeven --vary foo", "runcost: The value 'foo' is invalid for '--vary <param>'. Please provide one of the following: requests, rps, duration, memory, cpu-time, concurrency, peak-to-average, hours, instances, commitment-utilisation, max-cold-start-rate, reads-per-request, monthly-active-users, response-size, storage (see 'runcost breakeven --help')\n"),
        ]
        for (command, expected) in cases {
            let r = try Self.shell("\"$RUNCOST\" \(command)", in: dir)
            #expect(r.status == 2 && r.stderr == expected, "\(command): \(r.status) \(r.stderr)")
        }
    }

    /// Every option of every command (and an unknown one), given no value or a negative one:
    /// never more than one line on standard error (the parser's own errors spanned 3–4).
    @Test(arguments: ["compare", "explain", "sweep", "breakeven", "capacity", "check", "diff", "pricing list", "pricing show", "pricing validate", "tui"])
    func everyUsageErrorIsOneLine(command: String) throws {
        let r = try Self.shell("""
            for option in $("$RUNCOST" \(command) --help | grep -oE '^ +(-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+' | sort -u) --zzz; do
              for value in "" -1; do
                lines=$("$RUNCOST" \(command) $option $value 2>&1 > /dev/null < /dev/null | grep -c .)
                echo "$lines $option $value"
              done
            done
            """, in: try ScratchFolder.create())
        let runs = r.stdout.split(separator: "\n")
        #expect(runs.count >= 6, "too few options found: \(r.stdout) \(r.stderr)")
        let sprawling = runs.filter { !$0.hasPrefix("0 ") && !$0.hasPrefix("1 ") }
        #expect(sprawling.isEmpty, "multi-line errors: \(sprawling)")
    }
}
