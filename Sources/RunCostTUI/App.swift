#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RunCostCore

/// The interactive screen's entry point: wires the terminal, the Elm loop and file effects.
public enum TUI {
    /// Runs until the user quits. Returns the exit status: 0 on q or Ctrl-C, 128 + signal number on
    /// SIGTERM/SIGHUP/SIGINT, 129 (as for SIGHUP) when the terminal closes. Throws `TerminalError` (nothing drawn) when there is no usable terminal.
    public static func run(session: Session, workload: Workload, name: String?, description: String?,
                           filters: Filters = Filters()) throws -> Int32 {
        let terminal = try Terminal()
        defer { terminal.restore() }
        var session = session
        session.unicode = localeIsUTF8()
        session.color = terminal.colorEnabled
        let model = Model(session: session, workload: workload, name: name, description: description, filters: filters)
        _ = runLoop(terminal: terminal, initial: model, update: { model, key in
            if key == .ctrl("l") { terminal.invalidate() }
            let (width, height) = terminal.size
            guard var next = RunCostTUI.update(model, key, width: width, height: height) else { return nil }
            // The one impure step: write the files `update` asked for, then report back.
            if let effect = next.pendingEffect {
                next = next.completing(effect, with: perform(effect, next))
            }
            return next
        }, view: { model, width, height in
            RunCostTUI.view(model, width: width, height: height)
        })
        let signal = terminal.receivedSignal ?? (terminal.inputClosed ? SIGHUP : nil)
        terminal.restore()
        return signal.map { 128 + $0 } ?? 0
    }

    /// Braille, arrows and box lines need a UTF-8 locale; `Terminal` has already called setlocale.
    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
