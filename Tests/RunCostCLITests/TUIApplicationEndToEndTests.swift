import Foundation
import Testing
import RunCostTestSupport

/// The application pane through the real binary in tmux, on the acme tables (AcmeApplication):
/// open the pane, type a volume and see every total move, switch the scope, pick a service, quit.
@Suite(.serialized, .enabled(if: TmuxSession.tmuxPath != nil, "tmux is not installed"))
struct TUIApplicationEndToEndTests {
    @Test(arguments: Build.available)
    func applicationPaneEditsRepriceAndQuit(build: Build) throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        try AcmeApplication.write(into: dir)
        let tmux = try TmuxSession(command: "\(build.executable.path) tui workload.yaml --no-bundled-pricing --pricing pricing",
                                   width: 80, height: 24, directory: dir.path)
        defer { tmux.close() }

        // Totals by scope (ApplicationCLITests works them out): acme-box $30.42, acme-fn $35.12.
        var screen = try tmux.waitFor("Monthly cost (application)")
        #expect(screen.contains("$30.42"))
        #expect(screen.contains("$35.12"))
        #expect(screen.contains("scope application (S)"))

        // The pane; 3 reads per request adds 10M × $0.25/1M = $2.50 to every total.
        try tmux.send("A")
        _ = try tmux.waitFor("Application · A back")
        try tmux.send("Down", "Down", "Down", "Down", "Enter")
        try tmux.type("3")
        try tmux.send("Enter")
        screen = try tmux.waitFor("data.reads_per_request set to 3")
        #expect(screen.contains("$32.92"), "acme-box not re-priced:\n\(screen)")
        #expect(screen.contains("$37.62"), "acme-fn not re-priced:\n\(screen)")
        #expect(screen.contains("▲$2.50"))

        // The scope: compute only, acme-fn $2.00 and acme-box $7.30; the database alone, $16.25 +
        // $2.50; then the whole application again.
        try tmux.send("S")
        screen = try tmux.waitFor("Monthly cost (compute)")
        #expect(screen.contains("$2.00") && screen.contains("$7.30"))
        #expect(screen.contains("scope compute (S)"))
        try tmux.send("S")
        screen = try tmux.waitFor("Monthly cost (data)")
        #expect(screen.contains("$18.75"))
        try tmux.send("S")
        _ = try tmux.waitFor("Monthly cost (application)")

        // Pin the SQL database from the picker: $75.30 a month instead of the KV's volumes.
        try tmux.send("Up", "Enter")
        _ = try tmux.waitFor("data.service · Enter picks")
        // Down rather than End: under TERM=xterm-256color tmux sends End as ESC[4~, which that terminfo lacks.
        try tmux.send("Down", "Down", "Down", "Enter")
        screen = try tmux.waitFor("data.service set to acme-sql")
        #expect(screen.contains("$89.47"), "acme-box with acme-sql:\n\(screen)")

        try tmux.send("q")
        screen = try tmux.waitFor("MODE ")
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("MODE icanon echo"), "terminal not restored:\n\(screen)")
    }
}
