#if canImport(Glibc)
import Glibc
typealias SignalHandler = sighandler_t?
#elseif canImport(Darwin)
import Darwin
typealias SignalHandler = sig_t?
#endif

/// Removes the temporary file of a write in progress when SIGINT, SIGTERM or SIGHUP arrives, then
/// hands the signal to whoever handled it before (by default it ends the process, status 128 +
/// signal). SIGKILL cannot be caught: the next write to the same target removes what a dead
/// process left (see `OutputFile.removeStaleTemporaries`).
enum InterruptCleanup {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// What the handler reads: plain memory only, since a signal handler may only call
    /// async-signal-safe functions (unlink, signal, raise).
    nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<SignalHandler>.allocate(capacity: 65)
    nonisolated(unsafe) static var watching = false

    /// Watches `path` until `release()`. One write at a time: runcost writes its files in turn.
    static func watch(_ path: String) {
        release()
        pending = strdup(path)
        for sig in signals {
            let old = signal(sig, handler)
            previous[Int(sig)] = old
            // A signal the caller ignores (nohup, a background job) stays ignored.
            if let old, unsafeBitCast(old, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(sig, SIG_IGN) }
        }
        watching = true
        // A parent may start us with signals blocked (Foundation's `Process` does): unblock these
        // three, or the cleanup would never run.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in signals { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Stops watching and puts the earlier handlers back.
    static func release() {
        if watching {
            for sig in signals { signal(sig, previous[Int(sig)]) }
            watching = false
        }
        if let p = pending { pending = nil; free(p) }
    }

    static let handler: @convention(c) (Int32) -> Void = { sig in
        if let p = InterruptCleanup.pending { unlink(p) }
        signal(sig, InterruptCleanup.previous[Int(sig)])
        raise(sig)
    }
}
