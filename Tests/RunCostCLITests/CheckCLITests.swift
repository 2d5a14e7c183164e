import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
import RunCostTestSupport
#endif

/// `runcost check` and `runcost diff` end to end: exit statuses, located errors, deterministic
/// output in every format.
///
/// Bundled aws-ec2-t3.small: $0.0208/h; 1M requests of 100 ms CPU need 0.38 req/s of the 14 req/s
/// one instance serves (2 vCPU × 70% / 0.1 s), so one instance all month: 730 h × $0.0208 = $15.184.
@Suite struct CheckCLITests {
    static let today = "2026-01-15"

    /// A scratch folder with `budget.yaml` holding `text`.
    static func budget(_ text: String) throws -> (dir: URL, path: String) {
        let dir = try ScratchFolder.create()
        let path = dir.appendingPathComponent("budget.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    static func t3Budget(_ limit: String) -> String {
        """
        checks:
          - name: t3
            workload: { requests: 1M, duration: 100ms, memory: 512MB }
            offering: aws-ec2-t3.small
            rules:
              max_monthly: \(limit)
        """
    }

    @Test func budgetMetExactlyPassesAndOneCentOverFails() throws {
        let met = try CheckCLITests.budget(CheckCLITests.t3Budget("19.47 USD"))
        let pass = try RuncostBinary.run(["check", met.path, "--today", CheckCLITests.today])
        #expect(pass.status == 0, "stderr: \(pass.stderr)")
        #expect(pass.stdout.contains("PASS    max_monthly  aws-ec2-t3.small  $19.47  ≤ $19.47  $19.47/month is within the $19.47 budget (100% of the budget)"))

        let over = try CheckCLITests.budget(CheckCLITests.t3Budget("19.46"))
        let fail = try RuncostBinary.run(["check", over.path, "--today", CheckCLITests.today])
        #expect(fail.status == 1)
        #expect(fail.stdout.contains("$19.47/month exceeds the $19.46 budget by $0.01"))
        #expect(fail.stderr == "runcost check: 1 failed, 0 warnings, 0 passed in 1 check\n")

        // A warning alone keeps the status at 0.
        let warn = try CheckCLITests.budget(CheckCLITests.t3Budget("{ limit: 19.46, severity: warn }"))
        #expect(try RuncostBinary.run(["check", warn.path, "--today", CheckCLITests.today]).status == 0)
    }

    @Test func exampleBudgetIsDeterministicInEveryFormat() throws {
        for format in ["text", "markdown", "json", "junit"] {
            let args = ["check", "examples/budget.yaml", "--today", CheckCLITests.today, "--format", format]
            let first = try RuncostBinary.run(args), second = try RuncostBinary.run(args)
            #expect(first.status == 0 || first.status == 1, "\(format): \(first.stderr)")
            #expect(!first.stdout.isEmpty)
            #expect(first.stdout == second.stdout, "\(format) output differs between runs")
        }
    }

    @Test func formats() throws {
        let b = try CheckCLITests.budget("""
            checks:
              - name: t3 & co
                workload: { requests: 1M, duration: 100ms, memory: 512MB }
                offering: aws-ec2-t3.small
                rules:
                  max_monthly: 19.46
                  max_price_age: { limit: 30, severity: warn }
                  max_over_cheapest: 100000%
            """)
        let json = try RuncostBinary.run(["check", b.path, "--today", "2024-08-01", "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        #expect(object["today"] as? String == "2024-08-01")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["failures"] as? Int == 1 && summary["warnings"] as? Int == 1 && summary["passed"] as? Int == 1)
        let check = try #require((object["checks"] as? [[String: Any]])?.first)
        let results = try #require(check["results"] as? [[String: Any]])
        #expect(results.map { $0["status"] as? String } == ["fail", "warn", "pass"])
        #expect(results[0]["actual"] as? Double == 19.47)
        #expect(results[0]["location"] as? String == "\(b.path):6:20")
        // t3.small prices are as of 2024-07-01: 31 days before 2024-08-01.
        #expect(results[1]["actual"] as? Double == 31)
        #expect((check["offerings"] as? [[String: Any]])?.first?["monthly_cost"] as? Double == 0.0208 * 730 + 8 * 0.08 + 730 * 0.005)   // instance + 8 GB boot volume + public IPv4

        let markdown = try RuncostBinary.run(["check", b.path, "--today", "2024-08-01", "--format", "markdown"]).stdout
        #expect(markdown.hasPrefix("## ❌ runcost budget check: FAILED — 1 failed, 1 warning, 1 passed in 1 check\n"))
        #expect(markdown.contains("| ❌ | max_monthly | aws-ec2-t3.small | $19.47 | ≤ $19.46 | $19.47/month exceeds the $19.46 budget by $0.01 |"))
        #expect(markdown.contains("| ⚠️ | max_price_age (warn) | aws-ec2-t3.small | 31 days | ≤ 30 days |"))
        #expect(markdown.contains("**Cheapest alternative:** "))

        let junit = try RuncostBinary.run(["check", b.path, "--today", "2024-08-01", "--format", "junit"]).stdout
        #expect(junit.contains(#"<testsuites name="runcost check" tests="3" failures="1" errors="0" skipped="0">"#))
        #expect(junit.contains(#"<testsuite name="t3 &amp; co" tests="3" failures="1" errors="0" skipped="0">"#))
        #expect(junit.contains(#"<failure type="max_monthly" message="$19.47/month exceeds the $19.46 budget by $0.01">"#))
        #expect(junit.contains("<system-out>WARNING: aws-ec2-t3.small prices are 31 days old"))
        #expect(XMLParser(data: Data(junit.utf8)).parse(), "JUnit output is not well-formed XML")
    }

    @Test func outputIsWrittenAtomicallyAndNeverOverAnInput() throws {
        let b = try CheckCLITests.budget(CheckCLITests.t3Budget("20"))
        let out = b.dir.appendingPathComponent("report.md").path
        let written = try RuncostBinary.run(["check", b.path, "--format", "markdown", "--output", out, "--today", CheckCLITests.today])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("## ✅ runcost budget check: passed"))
        let refused = try RuncostBinary.run(["check", b.path, "--output", b.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "runcost: \(b.path): refusing to overwrite an input file\n")
    }

    /// Bad input: exit 2 and a located message, never a pass.
    @Test(arguments: [
        ("offering: aws-ec2-t3.smal", "budget.yaml:4:15: unknown offering 'aws-ec2-t3.smal' (did you mean 'aws-ec2-t3.small'?)"),
        ("workload: gone.yaml", "budget.yaml:3:15: workload: no such workload file 'gone.yaml'"),
        ("max_monthly: lots", "budget.yaml:6:20: max_monthly: expected an amount like 250 or 250 USD, got 'lots'"),
        ("max_montly: 10", "budget.yaml:6:7: unknown field 'max_montly' in rules (did you mean 'max_monthly'?)"),
    ])
    func badBudgets(_ replacement: String, _ expected: String) throws {
        var text = """
            checks:
              - name: api
                workload: { requests: 1M, duration: 100ms, memory: 512MB }
                offering: aws-ec2-t3.small
                rules:
                  max_monthly: 10
            """
        let key = replacement.split(separator: ":")[0]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.drop { $0 == " " }
            let keyOfLine = trimmed.split(separator: ":").first.map(String.init) ?? ""
            let same = keyOfLine == key || (key == "max_montly" && keyOfLine == "max_monthly")
            return same ? String(line.prefix(line.count - trimmed.count)) + replacement : String(line)
        }
        text = lines.joined(separator: "\n")
        let b = try CheckCLITests.budget(text)
        let r = try RuncostBinary.run(["check", b.path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("runcost: " + b.dir.path + "/" + expected), "stderr: \(r.stderr)")
    }

    @Test func badToday() throws {
        let b = try CheckCLITests.budget(CheckCLITests.t3Budget("20"))
        let r = try RuncostBinary.run(["check", b.path, "--today", "2026-02-30"])
        #expect(r.status == 2)
        #expect(r.stderr == "runcost: --today: expected a date YYYY-MM-DD, got '2026-02-30'\n")
    }

    // MARK: diff

    /// Table text with runs of spaces collapsed, so expectations do not depend on column widths.
    static func squeeze(_ s: String) -> String {
        var out = ""
        for c in s where !(c == " " && out.last == " ") { out.append(c) }
        return out
    }

    static func table(_ hourly: String) -> String {
        """
        provider: test
        currency: USD
        offerings:
          - id: test-vm
            name: Test VM
            kind: vm
            region: r1
            as_of: 2025-01-01
            source: https://example.com/vm
            billing: { model: provisioned, hourly: \(hourly), vcpu: 2, memory: 2GB }
          - id: test-faas
            name: Test FaaS
            kind: serverless
            region: r1
            as_of: 2025-01-01
            source: https://example.com/faas
            billing: { model: per-request, per_million_requests: 1.00 }
        """
    }

    /// old/ and new/ pricing folders (the VM goes from $0.0208/h to $0.0210/h: $15.184 → $15.33),
    /// a 20M-request workload (FaaS $20.00) and the two compare reports.
    static func diffFixture() throws -> URL {
        let dir = try ScratchFolder.create()
        for (name, hourly) in [("old", "0.0208"), ("new", "0.0210")] {
            let folder = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try table(hourly).write(to: folder.appendingPathComponent("test.yaml"), atomically: true, encoding: .utf8)
        }
        try "name: api\nrequests: 20M\nduration: 100ms\nmemory: 512MB\n".write(to: dir.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        for name in ["old", "new"] {
            let r = try RuncostBinary.run(["compare", dir.appendingPathComponent("api.yaml").path, "--no-bundled-pricing",
                                           "--pricing", dir.appendingPathComponent(name).path, "--format", "json",
                                           "--output", dir.appendingPathComponent(name + ".json").path])
            #expect(r.status == 0, "stderr: \(r.stderr)")
        }
        return dir
    }

    @Test func diffOfTwoCompareReports() throws {
        let dir = try CheckCLITests.diffFixture()
        let old = dir.appendingPathComponent("old.json").path, new = dir.appendingPathComponent("new.json").path
        let table = try RuncostBinary.run(["diff", "--baseline", old, new])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(CheckCLITests.squeeze(table.stdout).contains("test-vm $15.18 $15.33 +$0.15 +0.99% increased Instances $15.18 → $15.33 (+$0.15)\n"))
        // Only changed rows by default (issue 11 item 16); --all lists the unchanged one too.
        #expect(!table.stdout.contains("test-faas"))
        #expect(table.stdout.contains("1 increased, 0 decreased, 1 unchanged.\n1 unchanged offering not shown (--all lists them).\n"))
        let all = try RuncostBinary.run(["diff", "--baseline", old, new, "--all"])
        #expect(CheckCLITests.squeeze(all.stdout).contains("test-faas $20.00 $20.00 $0.00 0% unchanged\n"))

        // The VM rose 0.99%: above 0.5%, within 1%.
        let gate = try RuncostBinary.run(["diff", "--baseline", old, new, "--offering", "test-vm", "--fail-above", "0.5"])
        #expect(gate.status == 1)
        #expect(gate.stderr == "runcost diff: test-vm: $15.18 → $15.33/month (+0.99%) rose more than 0.5%\n")
        #expect(try RuncostBinary.run(["diff", "--baseline", old, new, "--offering", "test-vm", "--fail-above", "1"]).status == 0)
        // Default: the cheapest in NEW (the VM at $15.33).
        #expect(try RuncostBinary.run(["diff", "--baseline", old, new, "--fail-above", "0.5%"]).status == 1)

        let json = try RuncostBinary.run(["diff", "--baseline", old, new, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["offerings"] as? [[String: Any]])
        #expect(rows.map { $0["offering"] as? String } == ["test-vm", "test-faas"])
        #expect(rows[0]["status"] as? String == "increased")
        #expect(abs((rows[0]["change"] as? Double ?? 0) - 0.15) < 1e-9)

        let markdown = try RuncostBinary.run(["diff", "--baseline", old, new, "--format", "markdown"]).stdout
        #expect(markdown.contains("| test-vm | $15.18 | $15.33 | +$0.15 | +0.99% | increased | Instances $15.18 → $15.33 (+$0.15) |"))
    }

    @Test func diffOfTwoPricingFolders() throws {
        let dir = try CheckCLITests.diffFixture()
        let r = try RuncostBinary.run(["diff", "--no-bundled-pricing", "--baseline-pricing", dir.appendingPathComponent("old").path,
                                       "--pricing", dir.appendingPathComponent("new").path, dir.appendingPathComponent("api.yaml").path,
                                       "--offering", "test-vm", "--fail-above", "0.5"])
        #expect(r.status == 1)
        #expect(CheckCLITests.squeeze(r.stdout).contains("test-vm $15.18 $15.33 +$0.15 +0.99% increased"))
    }

    @Test func diffRejectsOtherJSON() throws {
        let dir = try CheckCLITests.diffFixture()
        let new = dir.appendingPathComponent("new.json").path
        for (content, message) in [(#"{"foo": 1}"#, "missing key 'currency'"), ("[1, 2]", "the top level is an array, not an object"),
                                   ("name,cost\n", "not valid JSON")] {
            let bad = dir.appendingPathComponent("other.json").path
            try content.write(toFile: bad, atomically: true, encoding: .utf8)
            let r = try RuncostBinary.run(["diff", "--baseline", bad, new, "--fail-above", "5"])
            #expect(r.status == 2)
            #expect(r.stderr == "runcost: \(bad): \(message); expected a report from `runcost compare --format json`\n")
        }
        let unknown = try RuncostBinary.run(["diff", "--baseline", dir.appendingPathComponent("old.json").path, new,
                                             "--offering", "test-wm", "--fail-above", "5"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "runcost: --offering: offering 'test-wm' is not in the new report (did you mean 'test-vm'?)\n")
    }
}
