import Foundation
import Testing

/// Every numeric flag fed values that have crashed other tools: each run must end with status 0
/// (a sane value) or 2 (a clear message), never a trap, a backtrace or another status.
@Suite struct HostileInputTests {
    static let flags = ["--requests", "--rps", "--duration", "--memory", "--cpu-time", "--vcpu", "--concurrency",
                        "--ephemeral-storage", "--payload", "--hours", "--instances", "--min-instances",
                        "--target-utilization", "--peak-to-average", "--disk"]
    static let values = ["nan", "-inf", "1e308", "1e-320", "9223372036854775808", "0", "-0", "  ", "1e", "1..5", "½", "0x1p3"]

    @Test(arguments: flags)
    func neverTraps(flag: String) throws {
        for value in Self.values {
            var args = ["compare", "--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--traffic", "diurnal"]
            args += ["\(flag)=\(value)"]
            let r = try RuncostBinary.run(args)
            #expect(r.status == 0 || r.status == 2, "\(flag)=\(value) exited \(r.status): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), "\(flag)=\(value): \(r.stderr)")
            if r.status == 2 { #expect(r.stderr.contains(flag), "\(flag)=\(value) error does not name the flag: \(r.stderr)") }
        }
    }
}
