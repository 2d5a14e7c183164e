import Foundation
import Testing
import RunCostTestSupport
import RunCostFiles

/// The real binary in a real terminal: tmux runs `runcost tui` at a fixed size, the test types keys,
/// reads the screen with capture-pane, resizes the window, quits, and checks the terminal is back
/// in cooked mode. Skipped (not failed) where tmux is not installed.
@Suite(.serialized, .enabled(if: TmuxSession.tmuxPath != nil, "tmux is not installed"))
struct TUIEndToEndTests {
    @Test func keysResizeSaveAndQuitRestoreTheTerminal() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxSession(command: "\(RuncostBinary.executable.path) tui examples/api.yaml", width: 100, height: 30)
        defer { tmux.close() }

        // The table title counts the bundled USD offerings; any count will do here.
        var screen = try tmux.waitFor(" offerings · ")
        #expect(screen.contains("runcost · mobile-api"))
        #expect(screen.contains("30M/month"))
        #expect(screen.contains("Monthly cost vs requests/month"))
        #expect(screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "no braille chart:\n\(screen)")
        #expect(screen.contains("as_of"))

        // Step the selected input; the table shows the change.
        try tmux.send("Right")
        screen = try tmux.waitFor("40M/month")
        #expect(screen.contains("▲"))

        // Type an exact value, then a bad one: the error shows and the value stays.
        try tmux.send("Down", "Down", "Enter")
        try tmux.type("150ms")
        try tmux.send("Enter")
        _ = try tmux.waitFor("duration set to 150ms")
        try tmux.send("Enter")
        try tmux.type("soon")
        try tmux.send("Enter")
        screen = try tmux.waitFor("expected a duration like 120ms")
        #expect(screen.contains("150ms"))
        try tmux.send("Escape")

        // Help overlay, then close it.
        try tmux.send("?")
        _ = try tmux.waitFor("Keys · any key closes")
        try tmux.send("Escape")
        _ = try tmux.waitFor("Monthly cost ·", absent: "Keys · any key closes")

        // Too small, then large again: the layout follows the window.
        try tmux.resize(width: 70, height: 20)
        _ = try tmux.waitFor("terminal too small (need 80×24)")
        try tmux.resize(width: 120, height: 40)
        screen = try tmux.waitFor("Workload", absent: "terminal too small")
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.count > 100 })

        // Save the edited workload to a fresh file; it loads back with every other command.
        let saved = dir.appendingPathComponent("saved.yaml").path
        try tmux.send("s", "C-u")
        try tmux.type(saved)
        try tmux.send("Enter")
        _ = try tmux.waitFor("Saved \(saved)")
        let workload = try WorkloadSpec(file: saved).build()
        #expect(workload.requestsPerMonth == 40e6)
        #expect(workload.duration == 0.15)
        let compare = try RuncostBinary.run(["compare", saved])
        #expect(compare.status == 0)
        // Saving again asks before overwriting.
        try tmux.send("s", "C-u")
        try tmux.type(saved)
        try tmux.send("Enter")
        _ = try tmux.waitFor("already exists. Overwrite? (y/n)")
        try tmux.send("n")
        _ = try tmux.waitFor("nothing was overwritten")

        // Quit: the shell after it sees a cooked terminal again.
        try tmux.send("q")
        screen = try tmux.waitFor("MODE ")
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("MODE icanon echo"), "terminal not restored:\n\(screen)")
    }

    /// Every signal that ends the screen restores the terminal first. SIGTERM, SIGHUP and SIGINT end
    /// the loop (128 + signal); SIGQUIT and SIGUSR1 end the process by their default action
    /// (SIGQUIT without the runtime's 30 s interactive crash report); a crash signal restores the
    /// terminal before the runtime's report, and the process dies even when it came from kill(1).
    /// Run on the release build too: with the flag a `static` in the C header, release builds held
    /// two copies and ignored SIGTERM. runcost ignores SIGPIPE from the start (a closed reader is an
    /// EPIPE on the write), so a SIGPIPE leaves the screen running: it must still quit cleanly after.
    static let endingSignals: [(Int32, Int32)] = [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130), (SIGQUIT, 131),
                                                  (SIGUSR1, 138), (SIGPIPE, 0), (SIGSEGV, 139)]

    @Test(arguments: Build.available, endingSignals)
    func signalRestoresTheTerminal(build: Build, ending: (signal: Int32, status: Int32)) throws {
        // Only a real crash is worth the runtime's report; it must not wait on the tmux pane.
        let backtrace = ending.signal == SIGSEGV ? "SWIFT_BACKTRACE=interactive=no " : ""
        let tmux = try TmuxSession(command: "\(backtrace)\(build.executable.path) tui examples/api.yaml", width: 80, height: 24)
        defer { tmux.close() }
        _ = try tmux.waitFor("Monthly cost ·")
        let started = Date()
        #expect(kill(try tmux.childProcess(), ending.signal) == 0)
        if ending.signal == SIGPIPE {
            Thread.sleep(forTimeInterval: 0.5)
            #expect(!(try tmux.capture()).contains("EXIT="), "SIGPIPE ended the screen")
            try tmux.send("q")
        }
        let screen = try tmux.waitFor("MODE ")
        #expect(Date().timeIntervalSince(started) < 10, "took \(Date().timeIntervalSince(started)) s")
        #expect(screen.contains("EXIT=\(ending.status)"), "still running or wrong status:\n\(screen)")
        #expect(screen.contains("MODE icanon echo"), "terminal not restored:\n\(screen)")
    }

    /// Closing the window ends the screen: with SIGHUP (the usual case) and with SIGHUP ignored
    /// (nohup), where only end of input tells; it used to spin at 100 % CPU on the closed input.
    @Test(arguments: Build.available, [false, true])
    func closingTheTerminalEndsTheProcess(build: Build, hangUpIgnored: Bool) throws {
        let ignore = hangUpIgnored ? "trap '' HUP; " : ""
        let tmux = try TmuxSession(command: "\(ignore)\(build.executable.path) tui examples/api.yaml", width: 80, height: 24)
        defer { tmux.close() }
        _ = try tmux.waitFor("Monthly cost ·")
        let pid = try tmux.childProcess()
        try tmux.run(["kill-server"])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, TmuxSession.isRunning(pid) { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!TmuxSession.isRunning(pid), "still running after the terminal closed")
    }

    /// 2,000 seeded random keys (every key but quit, in a scratch folder so saves land there): the
    /// screen never crashes, and it still quits cleanly afterwards.
    @Test(arguments: Build.available)
    func randomKeysNeverCrashIt(build: Build) throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let workload = RuncostBinary.packageRoot.appendingPathComponent("examples/api.yaml").path
        let tmux = try TmuxSession(command: "\(build.executable.path) tui '\(workload)'", width: 80, height: 24, directory: dir.path)
        defer { tmux.close() }
        _ = try tmux.waitFor("Monthly cost ·")
        let pid = try tmux.childProcess()
        var random = SplitMix64(seed: 20_261_130)
        let named = ["Up", "Down", "Left", "Right", "Enter", "Escape", "Tab", "BTab", "BSpace", "DC", "PageUp", "PageDown",
                     "Home", "End", "C-u", "C-w", "C-l", "Space"]
        let typed = Array("abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789-+=%$/?.,:;'\"!@#&*()[]{}<>|~`^_é€→\u{301}\u{200D}")
        var batch: [String] = []
        for i in 1...2_000 {
            let pick = Int(random.next() % UInt64(named.count + typed.count))
            batch.append(pick < named.count ? named[pick] : String(typed[pick - named.count]))
            if i % 40 == 0 {
                try tmux.send(batch)
                batch = []
                guard TmuxSession.isRunning(pid) else {
                    Issue.record("ended after \(i) keys:\n\(try tmux.capture())")
                    return
                }
            }
            if i == 1_000 {
                try tmux.resize(width: 70, height: 20)
                try tmux.resize(width: 80, height: 24)
            }
        }
        // Escape closes any prompt or overlay; q goes alone, or it would read as Alt-q. The keys
        // queue up faster than a debug build prices them, so the quit may take a while to arrive.
        for key in ["Escape", "Escape", "q"] {
            try tmux.send(key)
            Thread.sleep(forTimeInterval: 0.3)
        }
        let screen = try tmux.waitFor("MODE ", timeout: 300)
        #expect(screen.contains("EXIT=0"), "crashed or did not quit:\n\(screen)")
        #expect(screen.contains("MODE icanon echo"))
    }

    @Test func refusesAnUnusableTerminal() throws {
        let tmux = try TmuxSession(command: "\(RuncostBinary.executable.path) tui examples/api.yaml", width: 80, height: 24, term: "dumb")
        defer { tmux.close() }
        let screen = try tmux.waitFor("MODE ")
        #expect(screen.contains("EXIT=2"))
        #expect(screen.contains("runcost compare"))
        let redirected = try RuncostBinary.run(["tui", "examples/api.yaml"])
        #expect(redirected.status == 2)
        #expect(redirected.stderr.contains("needs a terminal"))
        #expect(redirected.stderr.contains("runcost compare"))
    }
}

/// A build of `runcost` to drive: debug (beside the tests) and, when built, release, where the
/// optimiser once made the signal flag two variables. CI (`.ci/run`) builds release first.
struct Build: CustomTestStringConvertible, Sendable {
    var name: String
    var executable: URL
    var testDescription: String { name }

    static let available: [Build] = {
        var builds = [Build(name: "debug", executable: RuncostBinary.executable)]
        let release = RuncostBinary.packageRoot.appendingPathComponent(".build/release/runcost")
        if FileManager.default.isExecutableFile(atPath: release.path), release.path != RuncostBinary.executable.path {
            builds.append(Build(name: "release", executable: release))
        }
        return builds
    }()
}

/// One tmux server on a private socket, running one command in a fixed-size window.
final class TmuxSession {
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    let socket = "runcost-e2e-\(UUID().uuidString.prefix(8))"
    let target = "runcost"

    /// After the command exits the pane prints its status and the terminal modes, then idles.
    init(command: String, width: Int, height: Int, term: String = "xterm-256color",
         directory: String = RuncostBinary.packageRoot.path) throws {
        let env = "env -u NO_COLOR TERM=\(term) LANG=C.UTF-8 RUNCOST_PRICING_DIR="
        let modes = "stty -a | tr ' ;' '\\n\\n' | grep -xE 'icanon|echo' | tr '\\n' ' '"
        let script = "cd '\(directory)' && \(env) \(command); echo EXIT=$?; echo \"MODE $(\(modes))\"; sleep 600"
        _ = try run(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", script])
    }

    func close() {
        _ = try? run(["kill-server"])
    }

    /// Runs one tmux command and returns its output. Spawned directly rather than with `Process`:
    /// the child must start with no blocked signals (test threads block them and children inherit
    /// the mask, which would stop tmux and runcost from seeing SIGCHLD, SIGHUP and SIGTERM), and its
    /// output goes to a file because the server forked by new-session keeps inherited pipes open.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = ([TmuxSession.tmuxPath!, "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        #if canImport(Glibc)
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        #else
        var attributes: posix_spawnattr_t?
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var pid = pid_t()
        let spawned = posix_spawn(&pid, TmuxSession.tmuxPath!, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxFailure(message: "cannot start tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    func send(_ keys: String...) throws { try send(keys) }
    func send(_ keys: [String]) throws { try run(["send-keys", "-t", target] + keys) }

    /// Whether `pid` is still a live process (a zombie left for a reaper counts as ended).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return !stat[close...].dropFirst(2).hasPrefix("Z")
    }
    func type(_ text: String) throws { try run(["send-keys", "-t", target, "-l", text]) }
    func resize(width: Int, height: Int) throws { try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"]) }
    func capture() throws -> String { try run(["capture-pane", "-p", "-t", target]) }

    /// The pane's screen once it contains `text` (and not `absent`); fails after `timeout` s.
    func waitFor(_ text: String, absent: String? = nil, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text), absent.map({ !screen.contains($0) }) ?? true { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for '\(text)'; the screen was:\n\(screen)")
        throw TmuxTimeout()
    }

    /// The process the pane's shell is running (runcost), by parent id.
    func childProcess() throws -> pid_t {
        let shell = try run(["display-message", "-p", "-t", target, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let pgrep = Process()
            pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            pgrep.arguments = ["pgrep", "-P", shell]
            let output = Pipe()
            pgrep.standardOutput = output
            try pgrep.run()
            let children = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            pgrep.waitUntilExit()
            if let pid = children.split(separator: "\n").first.flatMap({ pid_t($0) }) { return pid }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxTimeout()
    }
}

struct TmuxTimeout: Error {}
struct TmuxFailure: Error { var message: String }
