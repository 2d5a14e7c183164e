import Foundation
import Testing

/// Outputs of the paths rewritten for scale, byte for byte. The sweep JSON fixtures were written
/// by the former renderer (a JSON tree per point, re-indented) and prove the streaming writer
/// identical; the all-pairs break-even JSON was written by the former all-pairs search, with the
/// two fields added since (`crossovers_listed`, `crossovers_all_pairs`).
/// Regenerate deliberately: RUNCOST_UPDATE_FIXTURES=1 swift test --filter ScaleGoldenTests
@Suite struct ScaleGoldenTests {
    static let cases: [(name: String, args: [String])] = [
        ("sweep-api-wide.json", ["sweep", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "10B", "--points", "5", "--format", "json"]),
        ("sweep-long-task-long.json", ["sweep", "examples/long-task.yaml", "--vary", "duration", "--from", "1s", "--to", "1h", "--points", "4",
                                       "--layout", "long", "--format", "json"]),
        ("sweep-grid.json", ["sweep", "examples/api.yaml", "--vary", "requests", "--from", "1M", "--to", "1B", "--points", "4",
                             "--vary", "duration", "--from", "10ms", "--to", "10s", "--points", "3", "--format", "json"]),
        ("breakeven-api-all-pairs.json", ["breakeven", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "100B",
                                          "--all-pairs", "--format", "json"]),
        ("breakeven-api-envelope.txt", ["breakeven", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "100B"]),
    ]

    @Test(arguments: cases.map(\.name))
    func matchesFixture(_ name: String) throws {
        let args = Self.cases.first { $0.name == name }!.args
        let result = try RuncostBinary.run(args)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let path = GoldenOutputTests.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RUNCOST_UPDATE_FIXTURES"] == "1" {
            try result.stdout.write(to: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        #expect(result.stdout == expected, "runcost \(args.joined(separator: " ")) differs from Fixtures/\(name)")
    }

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
