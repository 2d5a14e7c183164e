import Foundation
import Testing
import RunCostTestSupport

/// The AWS-published Lambda examples, reproduced to the cent through `compare --format json`
/// with the bundled us-east-1 table.
@Suite struct CompareCLITests {
    func lambdaCost(_ args: [String]) throws -> (total: Double, items: [String: Double]) {
        let result = try RuncostBinary.run(["compare", "--offering", "aws-lambda-x86", "--format", "json"] + args)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let estimate = (json["estimates"] as! [[String: Any]])[0]
        #expect(estimate["offering"] as? String == "aws-lambda-x86")
        var items: [String: Double] = [:]
        for item in estimate["line_items"] as! [[String: Any]] { items[item["name"] as! String] = item["cost"] as? Double }
        return (estimate["monthly_cost"] as! Double, items)
    }

    @Test func awsExample1() throws {
        let r = try lambdaCost(["--requests", "3M", "--duration", "120ms", "--memory", "1536MB", "--free-tier"])
        #expect(cents(r.total) == 2.73)
        #expect(cents(r.items["Compute (GB-seconds)"]!) == 2.33)
        #expect(cents(r.items["Requests"]!) == 0.40)
    }

    @Test func awsExample2() throws {
        let r = try lambdaCost(["--requests", "7440000", "--duration", "2s", "--memory", "1024MB", "--no-free-tier"])
        #expect(cents(r.total) == 249.49)
    }

    @Test func awsExample3() throws {
        let r = try lambdaCost(["--requests", "6M", "--duration", "280ms", "--memory", "4096MB", "--ephemeral-storage", "2048MB", "--free-tier"])
        #expect(cents(r.total) == 106.41)
        #expect(cents(r.items["Ephemeral storage"]!) == 0.08)
    }

    @Test func jsonContractFields() throws {
        let result = try RuncostBinary.run(["compare", "examples/api.yaml", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["currency"] as? String == "USD")
        #expect(json["free_tier"] as? Bool == false)
        #expect(json["workload"] is [String: Any])
        let estimates = json["estimates"] as! [[String: Any]]
        for key in ["offering", "name", "provider", "kind", "region", "monthly_cost", "idle_cost", "feasible", "reasons", "line_items"] {
            #expect(estimates[0][key] != nil, "missing \(key)")
        }
        let costs = estimates.compactMap { $0["monthly_cost"] as? Double }
        #expect(costs == costs.sorted())
        let item = (estimates[0]["line_items"] as! [[String: Any]])[0]
        for key in ["name", "quantity", "unit", "unit_price", "cost", "formula"] { #expect(item[key] != nil) }
    }

    @Test func tableNamesTheWinner() throws {
        let result = try RuncostBinary.run(["compare", "examples/long-task.yaml", "--kind", "serverless"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("infeasible: duration 25min exceeds the 15min limit"))
        #expect(result.stdout.contains("is cheapest at $"))
    }

    @Test func csvIsSpreadsheetSafe() throws {
        let result = try RuncostBinary.run(["compare", "examples/api.yaml", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "rank,offering,name,provider,kind,region,currency,monthly_cost_usd,cost_per_million_requests_usd,idle_cost_usd,feasible,reason,as_of,verified,notes,cold_start_share,cold_start_latency_ms,defaulted_inputs")
        #expect(result.stdout.hasSuffix("\n"))
    }

    @Test func outputIsAtomicAndNeverOverAnInput() throws {
        let dir = try ScratchFolder.create()
        let out = dir.appendingPathComponent("report.md").path
        let ok = try RuncostBinary.run(["compare", "examples/api.yaml", "--format", "markdown", "-o", out])
        #expect(ok.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("| # | offering |"))
        let refused = try RuncostBinary.run(["compare", "examples/api.yaml", "-o", "examples/api.yaml"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing to overwrite an input file"))
    }

    @Test func explainShowsFormulas() throws {
        let result = try RuncostBinary.run(["explain", "aws-lambda-x86", "--requests", "3M", "--duration", "120ms", "--memory", "1536MB", "--free-tier"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("3,000,000 requests × 120ms × 1.5 GB = 540,000 GB-s − 400,000 free = 140,000 GB-s"))
        #expect(result.stdout.contains("Monthly total: $2.73"))
    }
}

/// Bad input: a located message, exit status 2, never a trap or a backtrace.
@Suite struct BadInputCLITests {
    func expectBad(_ args: [String], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try RuncostBinary.run(args)
        #expect(result.status == 2, "status \(result.status) for \(args): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Stack dump") && !result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    let base = ["compare", "--requests", "1M", "--duration", "100ms", "--memory", "512MB"]

    @Test func absurdNumbers() throws {
        try expectBad(["compare", "--requests", "1e400", "--duration", "1s", "--memory", "1GB"], "--requests: requests: expected a count like 3M, 250k or 1.5e9, got '1e400': out of range")
        try expectBad(["compare", "--requests", "1M", "--duration=-5ms", "--memory", "1GB"], "--duration: duration: expected a duration like 120ms, 2s, 15min or 1h, got '-5ms': must not be negative")
        try expectBad(["compare", "--requests", "1M", "--duration", "1s", "--memory", "0"], "--memory: memory: expected a memory size like 512MB or 1.5GB, got '0': a unit is required")
        try expectBad(["compare", "--requests", "1M", "--duration", "1s", "--memory", "0MB"], "--memory: memory: '0MB' is out of range")
        try expectBad(["compare", "--requests", "nan", "--duration", "1s", "--memory", "1GB"], "--requests")
        try expectBad(["compare", "--requests", "inf", "--duration", "1s", "--memory", "1GB"], "--requests")
        try expectBad(["compare", "--rps", "1e12", "--duration", "1s", "--memory", "1GB"], "--rps")
    }

    @Test func unitTypos() throws {
        try expectBad(["compare", "--requests", "1M", "--duration", "1s", "--memory", "512 MBs"], "unknown unit 'MBs' (did you mean 'MB'?)")
        try expectBad(["compare", "--requests", "1M", "--duration", "12 parsecs", "--memory", "1GB"], "unknown unit 'parsecs'")
    }

    @Test func unknownNames() throws {
        try expectBad(base + ["--offering", "aws-lamda-x86"], "unknown offering 'aws-lamda-x86' (did you mean 'aws-lambda-x86'?)")
        try expectBad(base + ["--kind", "serverles"], "did you mean 'serverless'?")
        try expectBad(base + ["--traffic", "diurnl"], "did you mean 'diurnal'?")
        try expectBad(["explain", "aws-lambda-x68"] + base.dropFirst(), "did you mean")
        try expectBad(base + ["--frobnicate"], "Unknown option '--frobnicate'")
    }

    @Test func missingWorkload() throws {
        try expectBad(["compare", "no-such-file.yaml"], "no-such-file.yaml: no such file")
        try expectBad(["compare", "examples"], "examples: is a directory; expected a file")
    }

    @Test func badFiles() throws {
        let dir = try ScratchFolder.create()
        func file(_ name: String, _ text: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let empty = try file("empty.yaml", "# nothing here\n")
        try expectBad(["compare", empty], "\(empty): the file is empty")
        let malformed = try file("bad.yaml", "requests: 3M\nduration: [120ms\nmemory: 1GB\n")
        try expectBad(["compare", malformed], "\(malformed):3:")
        let unknown = try file("unknown.yaml", "requests: 3M\nduraton: 120ms\nmemory: 1GB\n")
        try expectBad(["compare", unknown], "\(unknown):2:1: unknown field 'duraton' in a workload (did you mean 'duration'?)")
        let wrongType = try file("type.yaml", "requests: 3M\nduration: {a: 1}\nmemory: 1GB\n")
        try expectBad(["compare", wrongType], "\(wrongType):2:11: duration must be a single value")
        let badValue = try file("value.yaml", "requests: lots\nduration: 1s\nmemory: 1GB\n")
        try expectBad(["compare", badValue], "\(badValue):1:11: requests: expected a count")
        let binary = dir.appendingPathComponent("garbage.yaml").path
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x00, 0xFF, 0xFE, 0x12, 0x00, 0x80]))
        try expectBad(["compare", binary], "is not a UTF-8 text file")
    }

    @Test func badPricingTables() throws {
        let dir = try ScratchFolder.create()
        let path = dir.appendingPathComponent("t.yaml").path
        try """
        provider: acme
        currency: USD
        offerings:
          - id: acme-box
            name: Box
            kind: vm
            region: moon-1
            as_of: 2026-02-30
            source: https://example.com/pricing
            billing: {model: provisioned, hourly: 0.01, vcpu: 1, memory: 1GB}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        try expectBad(["pricing", "validate", path], "\(path):8:12: as_of: expected a date YYYY-MM-DD, got '2026-02-30'")
        try """
        provider: acme
        currency: USD
        offerings:
          - {id: acme-box, name: Box, kind: vm, region: r, as_of: 2026-01-01, source: "https://e.com", billing: {model: provisioned, hourly: 0.01, vcpu: 1, memory: 1GB}}
          - {id: acme-box, name: Box, kind: vm, region: r, as_of: 2026-01-01, source: "https://e.com", billing: {model: provisioned, hourly: 0.01, vcpu: 1, memory: 1GB}}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        try expectBad(["pricing", "validate", path], "\(path):5:5: duplicate offering id 'acme-box'")
        try """
        provider: acme
        currency: USD
        offerings:
          - {id: acme-box, name: Box, kind: vm, region: r, as_of: 2026-01-01, source: "https://e.com", billing: {model: provisioned, hourly: eight cents, vcpu: 1, memory: 1GB}}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        try expectBad(["pricing", "validate", path], "hourly: expected a number, got 'eight cents'")
    }

    @Test func validBundledTables() throws {
        let result = try RuncostBinary.run(["pricing", "validate", "pricing"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("offerings in 1 layer(s) are valid"))
    }
}
