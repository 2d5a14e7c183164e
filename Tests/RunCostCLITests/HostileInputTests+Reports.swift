import Foundation
import Testing
import RunCostTestSupport

/// Hostile text in tables and budgets, unreadable numbers, defaults and meaningless requests
/// (issue 11 items 8, 11, 12, 16; issue 13 items 2, 4, 9, 10). Kept apart from
/// HostileInputTests.swift, which the I/O work owns.
@Suite struct HostileReportTests {
    /// An offering whose text fields carry a window-title escape, BEL, CR, a CRLF formula, C1 CSI,
    /// DEL, a bidi override and an isolate.
    static let evilName = #"Evil\e]0;pwned\a\rgood\u202Eeman\u2066 \x9B2J\x7F\r\n=cmd|' /C calc'!A0"#
    static let table = """
        provider: evil
        currency: USD
        offerings:
          - id: evil-fn
            name: "\(evilName)"
            kind: serverless
            region: "us\\e[2J"
            as_of: 2024-03-01
            source: "https://example.com/\\e[31mred"
            verified: false
            notes: "note\\e[2J\\r\\nmore"
            billing:
              model: cpu-time
              monthly_fee: 5.00
              included_requests: 10M
              included_cpu_ms: 30M
              per_million_requests: 0.30
              per_million_cpu_ms: 0.02

        """

    static func hostileFiles() throws -> (dir: URL, pricing: String, budget: String) {
        let dir = try ScratchFolder.create()
        let pricing = dir.appendingPathComponent("evil.yaml")
        try table.write(to: pricing, atomically: true, encoding: .utf8)
        let budget = dir.appendingPathComponent("budget.yaml")
        try """
            checks:
              - name: "check\\e]0;pwned\\a\\u202E"
                workload: { name: "w\\e[2J\\r", requests: 1M, duration: 100ms, memory: 128MB }
                offering: evil-fn
                rules: { max_monthly: 100 }

            """.write(to: budget, atomically: true, encoding: .utf8)
        return (dir, pricing.path, budget.path)
    }

    /// True when `text` holds a scalar a terminal would act on (line feeds excepted).
    static func hazards(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            s != "\n" && ((s.value < 0x20) || (0x7F...0x9F).contains(s.value) || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(s.value)
                          || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value))
        }.map { String(format: "U+%04X", $0.value) }
    }

    @Test func noReportCarriesAControlOrBidiScalar() throws {
        let (dir, pricing, budget) = try Self.hostileFiles()
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = ["--requests", "1M", "--duration", "100ms", "--memory", "128MB", "--pricing", pricing, "--provider", "evil"]
        var runs: [[String]] = []
        for f in ["table", "markdown", "csv"] {
            runs.append(["compare"] + w + ["--format", f])
            runs.append(["explain", "evil-fn", "--pricing", pricing, "--format", f])
            runs.append(["sweep"] + w + ["--vary", "requests", "--from", "1M", "--to", "2M", "--points", "2", "--format", f])
            runs.append(["breakeven"] + w + ["--vary", "requests", "--from", "1M", "--to", "2M", "--format", f])
            runs.append(["capacity"] + w + ["--budget", "10", "--format", f])
            runs.append(["pricing", "list", "--pricing", pricing, "--format", f])
        }
        runs.append(["pricing", "show", "evil-fn", "--pricing", pricing])
        let report = dir.appendingPathComponent("evil.json").path
        #expect(try RuncostBinary.run(["compare"] + w + ["--format", "json", "-o", report]).status == 0)
        for f in ["table", "markdown"] { runs.append(["diff", "--baseline", report, report, "--all", "--format", f]) }
        runs.append(["check", budget, "--pricing", pricing, "--today", "2024-03-02"])
        runs.append(["check", budget, "--pricing", pricing, "--today", "2024-03-02", "--format", "markdown"])
        runs.append(["check", budget, "--pricing", pricing, "--today", "2024-03-02", "--format", "junit"])
        for args in runs {
            let r = try RuncostBinary.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(Self.hazards(r.stdout).isEmpty, "\(args.prefix(2)) \(args.last!) prints \(Self.hazards(r.stdout))")
            #expect(Self.hazards(r.stderr).isEmpty, "\(args) stderr \(Self.hazards(r.stderr))")
        }
        // The name is shown, escaped, not dropped.
        let show = try RuncostBinary.run(["pricing", "show", "evil-fn", "--pricing", pricing])
        #expect(show.stdout.contains(#"Evil\u{1B}]0;pwned\u{7}\u{D}good\u{202E}eman"#))
    }

    @Test func jsonKeepsHazardsEscapedAndExact() throws {
        let (dir, pricing, _) = try Self.hostileFiles()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try RuncostBinary.run(["compare", "--requests", "1M", "--pricing", pricing, "--provider", "evil", "--format", "json"])
        #expect(r.status == 0)
        #expect(Self.hazards(r.stdout).isEmpty)
        #expect(r.stdout.contains(#""name": "Evil\u001b]0;pwned\u0007\rgood\u202eeman\u2066 \u009b2J\u007f\r\n=cmd|' /C calc'!A0""#))
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let name = ((json["estimates"] as! [[String: Any]])[0]["name"] as! String)
        #expect(name == "Evil\u{1B}]0;pwned\u{07}\rgood\u{202E}eman\u{2066} \u{9B}2J\u{7F}\r\n=cmd|' /C calc'!A0")
    }

    /// Issue 13 item 4: "\r\n" is one Character; a CRLF in a name must not start a CSV record.
    @Test func csvNameCannotStartARecord() throws {
        let (dir, pricing, _) = try Self.hostileFiles()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try RuncostBinary.run(["compare", "--requests", "1M", "--pricing", pricing, "--provider", "evil", "--format", "csv"])
        let records = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(records.count == 3)   // header, one row, the final newline
        #expect(!records.contains { $0.hasPrefix("=") })
    }

    // MARK: numbers people can read (issue 11 item 11)

    @Test func logGridPointsAreRoundAndEndsExact() throws {
        let r = try RuncostBinary.run(["sweep", "--duration", "120ms", "--memory", "1536MB", "--offering", "aws-lambda-arm",
                                       "--vary", "requests", "--from", "10k", "--to", "10M", "--points", "10", "--format", "csv"])
        #expect(r.status == 0)
        let xs = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(xs == ["10000", "20000", "50000", "100000", "200000", "500000", "1000000", "2000000", "5000000", "10000000"])
        // Denser: four significant digits. 3498.6666666666665 MiB was the complaint.
        let m = try RuncostBinary.run(["sweep", "--requests", "1M", "--duration", "120ms", "--offering", "aws-fargate-arm",
                                       "--vary", "memory", "--from", "512MB", "--to", "120GB", "--points", "40", "--format", "csv"])
        let ms = m.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(ms.first == "512" && ms.last == "122880")
        #expect(ms.count == 40)
        #expect(ms.dropFirst().dropLast().allSatisfy { $0.replacingOccurrences(of: ".", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "0")).count <= 4 }, "\(ms)")
        #expect(ms.contains("589.3") && ms.contains("106800"))
    }

    @Test func csvMoneyHasAtMostSixDecimalsAndUnitsInHeaders() throws {
        // 3M × $0.20/1M = $0.60; 3M × 0.1 s × 0.5 GB = 150,000 GB-s × $0.0000133334 = $2.00001.
        let r = try RuncostBinary.run(["compare", "--requests", "3M", "--duration", "100ms", "--memory", "512MB",
                                       "--offering", "aws-lambda-arm", "--format", "csv"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].contains(",monthly_cost_usd,cost_per_million_requests_usd,idle_cost_usd,"))
        #expect(lines[1].contains(",USD,2.60001,0.86667,0,true,"))
        let e = try RuncostBinary.run(["explain", "aws-lambda-arm", "--requests", "3M", "--duration", "100ms", "--memory", "512MB", "--format", "csv"])
        #expect(e.stdout.split(separator: "\n").map(String.init) == [
            "offering,line_item,quantity,unit,unit_price_usd,cost_usd,formula",
            "aws-lambda-arm,Requests,3000000,requests,0.0000002,0.6,\"3,000,000 requests × $0.20/1M\"",
            "aws-lambda-arm,Compute (GB-seconds),150000,GB-s,0.0000133334,2.00001,\"3,000,000 requests × 100ms × 0.5 GB = 150,000 GB-s = 150,000 × $0.0000133334\"",
            "aws-lambda-arm,monthly total,,,,2.60001,",
        ])
        let s = try RuncostBinary.run(["sweep", "--requests", "1M", "--memory", "1GB", "--offering", "aws-lambda-arm",
                                       "--vary", "duration", "--from", "1s", "--to", "2s", "--points", "2", "--format", "csv", "--layout", "long"])
        #expect(s.stdout.hasPrefix("duration_s,offering,monthly_cost_usd,feasible,reason\n"))
        let b = try RuncostBinary.run(["breakeven", "examples/api.yaml", "--vary", "memory", "--from", "128MB", "--to", "4GB",
                                       "--offering", "aws-lambda-arm", "--offering", "aws-ec2-t3.small", "--format", "csv"])
        #expect(b.stdout.hasPrefix("type,memory_mib,to_memory_mib,offering,other,monthly_cost_usd,detail\n"))
    }

    @Test func inputsRoundTripExactly() throws {
        let r = try RuncostBinary.run(["compare", "--rps", "3.8", "--duration", "100ms", "--memory", "512MB", "--traffic", "diurnal",
                                       "--peak-to-average", "2.5", "--offering", "aws-lambda-arm", "--format", "json"])
        #expect(r.stdout.contains("\"peak_to_average\": 2.5,"))
        #expect(r.stdout.contains("\"requests_per_month\": 9986400,"))
        #expect(r.stdout.contains("\"average_rps\": 3.8,"))
    }

    /// One value per boundary: every edge between cheapest ranges is printed exactly as its crossover.
    /// Lambda Arm and the $4 droplet tie near 4M requests: the range edge was 3999983.9991891813,
    /// the crossover (found with a tolerance) another number.
    @Test(arguments: [["requests", "100k", "10B"], ["memory", "128MB", "8GB"]])
    func breakevenCSVHasOneValuePerBoundary(_ vary: [String]) throws {
        let r = try RuncostBinary.run(["breakeven", "examples/api.yaml", "--vary", vary[0], "--from", vary[1], "--to", vary[2], "--format", "csv"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let edges = rows.filter { $0[0] == "cheapest" }.dropLast().map { $0[2] }
        let crossings = Set(rows.filter { $0[0] != "cheapest" }.map { $0[1] })
        #expect(!edges.isEmpty)
        for edge in edges { #expect(crossings.contains(edge), "range edge \(edge) is not among \(crossings)") }
    }

    // MARK: defaults (issue 11 item 12)

    @Test func missingInputsTakeTheDocumentedDefaultsAndSaySo() throws {
        let t = try RuncostBinary.run(["compare", "--offering", "aws-lambda-arm"])
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout.contains("(defaulted: requests 1M/month, duration 100ms, memory 512MB)"))
        // 1M × $0.20/1M + 1M × 0.1 s × 0.5 GB × $0.0000133334 = $0.20 + $0.67 = $0.87.
        #expect(t.stdout.contains("aws-lambda-arm is cheapest at $0.87/month"))
        let j = try RuncostBinary.run(["compare", "--memory", "1GB", "--offering", "aws-lambda-arm", "--format", "json"])
        let workload = (try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any])["workload"] as! [String: Any]
        #expect(workload["defaulted_inputs"] as? [String] == ["requests", "duration"])
        let c = try RuncostBinary.run(["compare", "--memory", "1GB", "--offering", "aws-lambda-arm", "--format", "csv"])
        #expect(c.stdout.split(separator: "\n")[1].hasSuffix(",requests duration"))
        let m = try RuncostBinary.run(["compare", "--requests", "1M", "--offering", "aws-lambda-arm", "--format", "markdown"])
        #expect(m.stdout.contains("(defaulted: duration 100ms, memory 512MB)"))
        let e = try RuncostBinary.run(["explain", "aws-lambda-arm", "--requests", "1M", "--format", "json"])
        let explained = (try JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as! [String: Any])["workload"] as! [String: Any]
        #expect(explained["defaulted_inputs"] as? [String] == ["duration", "memory"])
        let ec = try RuncostBinary.run(["explain", "aws-lambda-arm", "--requests", "1M", "--format", "csv"])
        #expect(ec.stderr == "runcost: note: Defaulted inputs: duration 100ms, memory 512MB.\n")
    }

    @Test func varyNeedsNeitherTheValueNorARange() throws {
        // requests defaults to 1M; without --from/--to the sweep covers 1M ÷ 100 … 1M × 100.
        let r = try RuncostBinary.run(["sweep", "--duration", "120ms", "--memory", "1536MB", "--vary", "requests", "--points", "5",
                                       "--offering", "aws-lambda-arm", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let xs = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(xs == ["10000", "100000", "1000000", "10000000", "100000000"])
        let t = try RuncostBinary.run(["sweep", "--duration", "120ms", "--vary", "requests", "--points", "3", "--offering", "aws-lambda-arm"])
        #expect(t.stdout.contains("Defaulted inputs: memory 512MB.\n"))
        #expect(!t.stdout.contains("requests 1M"))
        // duration 100ms by default: 1ms … 10s, within limits.
        let b = try RuncostBinary.run(["breakeven", "--memory", "1GB", "--vary", "duration", "--offering", "aws-lambda-arm",
                                       "--offering", "aws-ec2-t3.small"])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(b.stdout.hasPrefix("Cheapest by duration from 1ms to 10s"))
        // Limits: concurrency 1 → 1 … 100, not 0.01.
        let k = try RuncostBinary.run(["sweep", "--vary", "concurrency", "--points", "2", "--offering", "aws-lambda-arm", "--format", "csv"])
        #expect(k.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] } == ["1", "100"])
        // A diurnal day peaks below 24× its average: the default range stops at 23, not 100.
        let p = try RuncostBinary.run(["sweep", "--vary", "peak-to-average", "--points", "2", "--offering", "aws-ec2-t3.small", "--format", "csv"])
        #expect(p.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] } == ["1", "23"])
    }

    // MARK: meaningless requests (issue 13 item 10) and inline budgets (item 2)

    static func expectBad(_ args: [String], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try RuncostBinary.run(args)
        #expect(r.status == 2, "\(args) exited \(r.status)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(fragment), "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func meaninglessRequestsAreRefused() throws {
        let w = ["--requests", "1M", "--duration", "100ms", "--memory", "512MB"]
        try Self.expectBad(["sweep"] + w + ["--vary", "requests", "--vary", "requests"], "--vary: 'requests' is given twice")
        try Self.expectBad(["sweep"] + w + ["--vary", "requests", "--vary", "rps"], "--vary: requests and rps are one quantity")
        try Self.expectBad(["compare"] + w + ["--offering", "aws-lambda-arm", "--offering", "aws-lambda-arm"], "--offering: 'aws-lambda-arm' is given twice")
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let trace = dir.appendingPathComponent("t.csv").path
        try "timestamp,requests\n0,100\n3600,300\n".write(toFile: trace, atomically: true, encoding: .utf8)
        try Self.expectBad(["sweep", "--trace", trace, "--duration", "100ms", "--memory", "512MB", "--vary", "peak-to-average"],
                           "--vary: 'peak-to-average' does not apply to a trace workload")
    }

    @Test func inlineBudgetWorkloadsAreValidatedLikeFiles() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "timestamp,requests\n0,100\n3600,300\n".write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let cases = [
            ("{ requests: 1B, rps: 0.001, duration: 120ms, memory: 512MB }", "budget.yaml:2:36: give requests or rps, not both"),
            ("{ traffic: bursty, trace: t.csv, duration: 120ms, memory: 512MB }", "budget.yaml:2:26: give trace or traffic, not both"),
        ]
        for (inline, message) in cases {
            let budget = dir.appendingPathComponent("budget.yaml").path
            try "checks:\n  - workload: \(inline)\n    offering: aws-lambda-arm\n    rules: { max_monthly: 1 }\n"
                .write(toFile: budget, atomically: true, encoding: .utf8)
            try Self.expectBad(["check", budget], message)
        }
    }
}

/// Lenient parsing (issue 13 item 9) and errors that help (issue 11 item 16).
@Suite struct StrictInputTests {
    let w = ["--requests", "1M", "--duration", "100ms", "--memory", "512MB"]

    @Test func decimalNumbersOnly() throws {
        try HostileReportTests.expectBad(["compare"] + w + ["--exchange-rate", "EUR=0x10"], "--exchange-rate: expected CUR=rate like EUR=1.16, got 'EUR=0x10'")
        try HostileReportTests.expectBad(["compare"] + w + ["--exchange-rate", "EUR=nan"], "--exchange-rate")
        try HostileReportTests.expectBad(["compare", "--requests", "\u{200B}5"], "--requests: requests: expected a count")
        try HostileReportTests.expectBad(["compare", "--requests", "5\u{00A0}"], "--requests: requests: expected a count")
        #expect(try RuncostBinary.run(["compare"] + w + ["--exchange-rate", "EUR=1.16", "--offering", "aws-lambda-arm"]).status == 0)
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let trace = dir.appendingPathComponent("t.csv").path
        try "timestamp,requests\n0x0,100\n0x3c,300\n".write(toFile: trace, atomically: true, encoding: .utf8)
        let r = try RuncostBinary.run(["compare", "--trace", trace, "--duration", "100ms", "--memory", "512MB"])
        #expect(r.status == 2 && r.stderr.contains("t.csv:2:"), "\(r.stderr)")
    }

    @Test func yamlTagsAreRefusedWhereTheyStand() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("w.yaml").path
        try "requests: !foo 1M\nduration: 100ms\nmemory: 512MB\n".write(toFile: file, atomically: true, encoding: .utf8)
        try HostileReportTests.expectBad(["compare", file], "w.yaml:1:11: YAML tag '!foo' is not supported; write the plain value")
        try "requests: 1M\nduration: !!float 0.1\nmemory: 512MB\n".write(toFile: file, atomically: true, encoding: .utf8)
        try HostileReportTests.expectBad(["compare", file], "w.yaml:2:11: YAML tag 'tag:yaml.org,2002:float' is not supported")
        try "requests: !!str 1M\nduration: '100ms'\nmemory: 512MB\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try RuncostBinary.run(["compare", file, "--offering", "aws-lambda-arm"]).status == 0)
    }

    @Test func maxAgeIsBounded() throws {
        try HostileReportTests.expectBad(["pricing", "validate", "--max-age", "9223372036854775807"], "--max-age: expected a number of days from 0 to 36500")
        try HostileReportTests.expectBad(["pricing", "validate", "--max-age", "36501"], "--max-age")
        #expect(try RuncostBinary.run(["pricing", "validate", "--max-age", "36500"]).status == 0)
    }

    @Test func aNegativeBaselineCostIsRefused() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let new = dir.appendingPathComponent("new.json").path, old = dir.appendingPathComponent("old.json").path
        let r = try RuncostBinary.run(["compare"] + w + ["--offering", "aws-lambda-arm", "--format", "json", "-o", new])
        #expect(r.status == 0)
        let text = try String(contentsOfFile: new, encoding: .utf8)
        let cost = try #require(text.split(separator: "\n").first { $0.contains("\"monthly_cost\"") })
        try text.replacingOccurrences(of: cost, with: "      \"monthly_cost\": -5,").write(toFile: old, atomically: true, encoding: .utf8)
        try HostileReportTests.expectBad(["diff", "--baseline", old, new], "'estimates[0].monthly_cost' is -5.0; a monthly cost is never negative")
    }

    @Test func unknownProviderListsTheKnownOnes() throws {
        try HostileReportTests.expectBad(["compare"] + w + ["--provider", "amazon"],
                                         "--provider: unknown provider 'amazon'; known providers: aws, azure, cloudflare, digitalocean, flyio, gcp, heroku, hetzner, ibm, knative, render")
        try HostileReportTests.expectBad(["compare"] + w + ["--provider", "azrue"], "unknown provider 'azrue' (did you mean 'azure'?)")
    }

    @Test func aProviderThatDoesNotMatchItsIdsIsPointedAt() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("t.yaml").path
        try """
            provider: amazon
            currency: USD
            offerings:
              - id: aws-thing
                name: Thing
                kind: vm
                region: us-east-1
                as_of: 2024-01-01
                source: https://example.com
                billing: { model: provisioned, per_instance_hour: 0.01, vcpu: 1, memory: 1GB }

            """.write(toFile: table, atomically: true, encoding: .utf8)
        try HostileReportTests.expectBad(["pricing", "validate", table],
                                         "t.yaml:1:11: provider: 'amazon' does not match offering id 'aws-thing' on line 4; every id starts with the provider and '-' ('aws-…' needs provider: aws)")
    }

    @Test func explainFormatsAreReal() throws {
        let md = try RuncostBinary.run(["explain", "aws-lambda-arm"] + w + ["--format", "markdown"])
        #expect(md.stdout.hasPrefix("### AWS Lambda (Arm64, Graviton2) (`aws-lambda-arm`)\n"))
        #expect(md.stdout.contains("| Requests | $0.20 | 1,000,000 requests × $0.20/1M |\n"))
        #expect(md.stdout.contains("| **Monthly total** | **$0.87** |  |\n"))
        let csv = try RuncostBinary.run(["explain", "aws-lambda-arm"] + w + ["--format", "csv"])
        #expect(csv.stdout.hasPrefix("offering,line_item,quantity,unit,unit_price_usd,cost_usd,formula\n"))
        // $0.20 + 50,000 GB-s × $0.0000133334 = $0.20 + $0.66667.
        #expect(csv.stdout.hasSuffix("aws-lambda-arm,Compute (GB-seconds),50000,GB-s,0.0000133334,0.66667,\"1,000,000 requests × 100ms × 0.5 GB = 50,000 GB-s = 50,000 × $0.0000133334\"\naws-lambda-arm,monthly total,,,,0.86667,\n"))
    }

    /// Help promises only what a command does, says each default once, and no example is wrapped
    /// by the help formatter (a wrapped example splits a flag from its value).
    @Test func helpMatchesBehaviour() throws {
        func help(_ command: String) throws -> String {   // wrapped lines joined, spaces squeezed
            try RuncostBinary.run([command, "--help"]).stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        }
        let breakeven = try help("breakeven")
        #expect(!breakeven.contains("grid") || !breakeven.contains("Twice"))
        #expect(breakeven.contains("default: breakeven 1024, capacity 512"))
        let capacity = try help("capacity")
        #expect(!capacity.contains("Twice for a grid"))
        let sweep = try help("sweep")
        #expect(sweep.contains("Twice for a grid") && sweep.contains("default 50; a grid 60 across × 20 down"))
        let compare = try help("compare")
        #expect(compare.contains("Currency to compare in. (default: USD)"))
        for command in ["compare", "explain", "sweep", "breakeven", "capacity", "check", "diff", "tui"] {
            let help = try RuncostBinary.run([command, "--help"]).stdout
            guard let start = help.range(of: "Example")?.lowerBound else { continue }
            let lines = help[start...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            var previous = ""
            for line in lines {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                let text = line.trimmingCharacters(in: .whitespaces)
                let continues = previous.hasSuffix("\\") || text.hasPrefix("(")
                #expect(text.hasPrefix("runcost ") || continues, "\(command) --help: a wrapped example line '\(text)' after '\(previous)'")
                previous = text
            }
        }
    }
}
