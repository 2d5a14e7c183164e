import Foundation
import Testing

/// Whole outputs compared byte for byte with files under Fixtures/, so any change to a report is
/// seen in review. Regenerate deliberately, never blindly:
///   RUNCOST_UPDATE_FIXTURES=1 swift test --filter GoldenOutputTests   # then read the git diff
@Suite struct GoldenOutputTests {
    static let cases: [(name: String, args: [String])] = [
        ("compare-api.txt", ["compare", "examples/api.yaml", "--kind", "serverless"]),
        ("compare-api.json", ["compare", "examples/api.yaml", "--offering", "aws-lambda-arm", "--offering", "aws-ec2-t3.small", "--format", "json"]),
        ("compare-long-task.csv", ["compare", "examples/long-task.yaml", "--provider", "aws", "--format", "csv"]),
        ("explain-lambda.txt", ["explain", "aws-lambda-x86", "--requests", "3M", "--duration", "120ms", "--memory", "1536MB", "--free-tier"]),
        ("breakeven-api.txt", ["breakeven", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "10B",
                               "--offering", "aws-lambda-arm", "--offering", "gcp-cloud-run-request", "--offering", "aws-fargate-arm", "--offering", "aws-ec2-t3.small"]),
        ("sweep-memory.md", ["sweep", "examples/image-resize.yaml", "--vary", "memory", "--from", "128MB", "--to", "4GB", "--points", "6",
                             "--provider", "aws", "--kind", "serverless", "--format", "markdown"]),
        ("check-budget.txt", ["check", "examples/budget.yaml", "--today", "2026-11-29"]),
        // The paths rewritten for scale: the sweep JSON fixtures were first written by the former
        // renderer (a JSON tree per point) and proved the streaming writer identical.
        ("sweep-api-wide.json", ["sweep", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "10B", "--points", "5", "--format", "json"]),
        ("sweep-long-task-long.json", ["sweep", "examples/long-task.yaml", "--vary", "duration", "--from", "1s", "--to", "1h", "--points", "4",
                                       "--layout", "long", "--format", "json"]),
        ("sweep-grid.json", ["sweep", "examples/api.yaml", "--vary", "requests", "--from", "1M", "--to", "1B", "--points", "4",
                             "--vary", "duration", "--from", "10ms", "--to", "10s", "--points", "3", "--format", "json"]),
        ("breakeven-api-all-pairs.json", ["breakeven", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "100B",
                                          "--all-pairs", "--format", "json"]),
        ("breakeven-api-envelope.txt", ["breakeven", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "100B"]),
    ]

    static var fixtures: URL { RuncostBinary.packageRoot.appendingPathComponent("Tests/RunCostCLITests/Fixtures") }

    @Test(arguments: cases.map(\.name))
    func matchesFixture(_ name: String) throws {
        let args = Self.cases.first { $0.name == name }!.args
        let result = try RuncostBinary.run(args)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let path = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RUNCOST_UPDATE_FIXTURES"] == "1" {
            try result.stdout.write(to: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        #expect(result.stdout == expected, "runcost \(args.joined(separator: " ")) differs from Fixtures/\(name)")
    }

    // Same inputs, byte-identical output (design.md §4): run twice.
    @Test func deterministic() throws {
        let args = ["compare", "examples/api.yaml", "--format", "json"]
        #expect(try RuncostBinary.run(args).stdout == RuncostBinary.run(args).stdout)
    }
}
