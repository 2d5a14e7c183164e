import Foundation
import Testing

/// The default break-even output of issue 11 item 13 (its byte-for-byte fixtures are in GoldenOutputTests).
@Suite struct ScaleGoldenTests {
    // Issue 11 item 13: the default names only where the cheapest changes, and says what else exists.
    @Test func defaultBreakEvenIsShortAndSaysWhatIsLeftOut() throws {
        let out = try RuncostBinary.run(["breakeven", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "100B"])
        #expect(out.status == 0)
        #expect(out.stdout.split(separator: "\n").count < 20)
        // The count is the all-pairs total less those listed (ScaleEquivalenceTests proves it); here, that it is said.
        #expect(out.stdout.contains(/\n[0-9][0-9,]* more crossovers between other pairs: --all-pairs lists every pair's/))
        let both = try RuncostBinary.run(["breakeven", "examples/api.yaml", "--vary", "requests", "--from", "1M", "--to", "1B",
                                          "--all-pairs", "--baseline", "aws-lambda-arm"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--all-pairs: give --all-pairs or --baseline, not both"))
        // Limits: only those of offerings that are the cheapest somewhere, and a count of the rest.
        let duration = try RuncostBinary.run(["breakeven", "examples/long-task.yaml", "--vary", "duration", "--from", "1s", "--to", "1h"])
        #expect(!duration.stdout.contains("aws-lambda-x86 becomes infeasible"))
        #expect(duration.stdout.contains(/\n[0-9]+ more limits of offerings never the cheapest here: --all-pairs or --format csv lists them.\n/))
        let all = try RuncostBinary.run(["breakeven", "examples/long-task.yaml", "--vary", "duration", "--from", "1s", "--to", "1h", "--all-pairs"])
        #expect(all.stdout.contains("  aws-lambda-x86 becomes infeasible with duration above 15min") && !all.stdout.contains("more limits"))
    }
}
