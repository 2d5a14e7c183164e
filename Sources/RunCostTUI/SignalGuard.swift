internal import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The screen's signal handling, with one copy of its state for the whole process.
///
/// - SIGTERM, SIGHUP, SIGINT only record the signal; the run loop sees it within one read timeout,
///   restores the terminal and the command exits with 128 + signal.
/// - Every other signal whose default action ends the process (SIGQUIT, SIGUSR1, SIGPIPE, …)
///   restores the terminal in the handler, then ends the process by that signal's default action
///   (SIGQUIT is not handed to the Swift runtime's crash reporter, which would wait 30 s).
/// - Crash signals (SIGSEGV, SIGILL, …) restore the terminal, then re-raise to the previous handler
///   (the runtime's backtrace), so a real crash still reports where it happened.
///
/// The state was once a `static` in the C header: each translation unit got its own copy, and in
/// release builds the handler set one flag while the loop read another. Now it is one heap block
/// that a single Swift global points to; the handlers are Swift functions reading that global.
enum SignalGuard {
    /// Set once by `install` before any handler can run, so handlers only ever load it.
    nonisolated(unsafe) private static var state: UnsafeMutablePointer<rc_signal_state>?

    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]
    /// Signals whose default action ends the process and that no fault raises.
    static let otherEndingSignals: [Int32] = {
        var signals: [Int32] = [SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGSYS]
        #if os(Linux)
        signals += [SIGPOLL, SIGPWR, SIGSTKFLT]
        #endif
        return signals
    }()

    /// Signals handled right now (ignored ones, e.g. SIGHUP under nohup, stay ignored).
    nonisolated(unsafe) private static var installed: [Int32] = []

    private static let onTermination: @convention(c) (Int32) -> Void = { signal in
        guard let state = SignalGuard.state else { return }
        rc_store_flag(&state.pointee.pending_signal, signal)
    }

    private static let onOtherEnding: @convention(c) (Int32) -> Void = { signal in
        if let state = SignalGuard.state { rc_end_curses_from_handler(state) }
        rc_reraise_default(signal)
    }

    private static let onCrash: @convention(c) (Int32) -> Void = { signal in
        guard let state = SignalGuard.state else { return rc_reraise_default(signal) }
        rc_end_curses_from_handler(state)
        rc_reraise_previous(state, signal)
    }

    /// Installs the handlers; call before `newterm`, so ncurses keeps ours instead of its own.
    static func install() {
        if state == nil {
            let block = UnsafeMutablePointer<rc_signal_state>.allocate(capacity: 1)
            block.initialize(to: rc_signal_state())
            state = block
        }
        guard let state else { return }
        rc_store_flag(&state.pointee.pending_signal, 0)
        rc_store_flag(&state.pointee.curses_active, 0)
        rc_unblock_termination(state)
        installed = []
        func handle(_ signals: [Int32], _ handler: @convention(c) (Int32) -> Void, alternateStack: Bool) {
            for signal in signals where rc_signal_is_ignored(signal) == 0 {
                rc_install_handler(state, signal, handler, alternateStack ? 1 : 0)
                installed.append(signal)
            }
        }
        handle(terminationSignals, onTermination, alternateStack: false)
        handle(otherEndingSignals, onOtherEnding, alternateStack: false)
        handle(crashSignals, onCrash, alternateStack: true)  // stack overflow runs on the alternate stack
    }

    /// Puts back the handlers and signal mask found by `install`.
    static func uninstall() {
        guard let state else { return }
        rc_store_flag(&state.pointee.curses_active, 0)
        for signal in installed { rc_restore_handler(state, signal) }
        installed = []
        rc_restore_mask(state)
    }

    /// Whether a handler should give the terminal back before the process dies.
    static func setCursesActive(_ active: Bool) {
        guard let state else { return }
        rc_store_flag(&state.pointee.curses_active, active ? 1 : 0)
    }

    /// SIGTERM, SIGHUP or SIGINT received since `install`, if any.
    static var pendingSignal: Int32? {
        guard let state else { return nil }
        let signal = rc_load_flag(&state.pointee.pending_signal)
        return signal == 0 ? nil : signal
    }
}
