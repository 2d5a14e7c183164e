import Foundation
import Testing
import RunCostCore
@testable import RunCostFiles

/// Budget files and compare-JSON baselines: hand-worked figures from a small test table, and a
/// located error for every kind of bad input.
///
/// test-vm-small: one instance all month, 730 h × $0.0208 = $15.184 → $15.18.
/// test-faas: $1.00 per million requests and nothing else → $10.00 at 10M.
@Suite struct BudgetFileTests {
    static let pricing = """
        provider: test
        currency: USD
        offerings:
          - id: test-vm-small
            name: Test VM small
            kind: vm
            region: r1
            as_of: 2025-01-01
            source: https://example.com/vm
            billing: { model: provisioned, hourly: 0.0208, vcpu: 2, memory: 2GB }
          - id: test-faas
            name: Test FaaS
            kind: serverless
            region: r1
            as_of: 2025-06-01
            source: https://example.com/faas
            billing: { model: per-request, per_million_requests: 1.00 }
        """

    static let workload = """
        name: api
        requests: 10M
        duration: 100ms
        memory: 512MB
        """

    /// A folder with the test table, `api.yaml` and `budget.yaml` holding `budget`.
    static func setUp(_ budget: String) throws -> (dir: String, budget: String, catalog: Catalog) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("runcost-budget-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/pricing", withIntermediateDirectories: true)
        try pricing.write(toFile: dir + "/pricing/test.yaml", atomically: true, encoding: .utf8)
        try workload.write(toFile: dir + "/api.yaml", atomically: true, encoding: .utf8)
        try budget.write(toFile: dir + "/budget.yaml", atomically: true, encoding: .utf8)
        return (dir, dir + "/budget.yaml", try Catalog.load([dir + "/pricing"]))
    }

    static func load(_ budget: String) throws -> BudgetFile {
        let s = try setUp(budget)
        return try BudgetFile.load(s.budget, catalog: s.catalog)
    }

    /// The error `budget` raises, with the temporary folder replaced by `DIR`.
    static func error(_ budget: String) throws -> String {
        let s = try setUp(budget)
        do {
            _ = try BudgetFile.load(s.budget, catalog: s.catalog)
            return "no error"
        } catch let e as InputError {
            return e.description.replacingOccurrences(of: s.dir, with: "DIR")
        }
    }

    @Test func fileAndInlineWorkloads() throws {
        let s = try BudgetFileTests.setUp("""
            checks:
              - workload: api.yaml
                offering: test-vm-small
                rules:
                  max_monthly: 15.18
                  max_over_cheapest: { limit: 60%, severity: warn }
              - name: inline
                workload: { requests: 10M, duration: 100ms, memory: 512MB }
                offerings: [test-faas, test-vm-small]
                rules:
                  - max_monthly: 15.17 USD
                  - max_monthly: { limit: $20, severity: warn }
                  - max_price_age: 365d
            """)
        let file = try BudgetFile.load(s.budget, catalog: s.catalog)
        #expect(file.checks.map(\.name) == ["api", "inline"])
        #expect(file.inputFiles == [s.budget, s.dir + "/api.yaml"])
        #expect(file.checks[0].rules == [
            .init(.maxMonthly(15.18), location: "\(s.budget):5:20"),
            .init(.maxOverCheapest(percent: 60, among: .init()), severity: .warn, location: "\(s.budget):6:26"),
        ])
        #expect(file.checks[1].workload.requestsPerMonth == 10e6)
        #expect(file.checks[1].offerings.map(\.id) == ["test-faas", "test-vm-small"])
        #expect(file.checks[1].rules.map(\.kind) == [.maxMonthly(15.17), .maxMonthly(20), .maxPriceAge(days: 365)])

        let today = CalendarDate(year: 2026, month: 1, day: 1)!
        let report = Budget.evaluate(file.checks, catalog: s.catalog.offerings, today: today)
        let first = report.checks[0].results, second = report.checks[1].results
        // $15.18 meets 15.18; it is ($15.18 − $10.00) / $10.00 = 51.8% above test-faas.
        #expect(first.map(\.status) == [.pass, .pass])
        #expect(first[1].actual.map { abs($0 - 51.8) < 1e-9 } == true)
        // 15.17: FaaS $10.00 passes, the VM's $15.18 fails by a cent; $20 passes both;
        // as_of 2025-06-01 is 214 days old, 2025-01-01 is 365: both pass.
        #expect(second.map(\.status) == [.pass, .fail, .pass, .pass, .pass, .pass])
        #expect(second[1].message == "$15.18/month exceeds the $15.17 budget by $0.01")
        #expect(second.map(\.actual) == [10, 15.18, 10, 15.18, 214, 365])
        #expect(!report.passed)
    }

    @Test func unknownOfferingSuggestsTheNearest() throws {
        let message = try BudgetFileTests.error("""
            checks:
              - workload: api.yaml
                offering: test-vm-smal
                rules: { max_monthly: 10 }
            """)
        #expect(message == "DIR/budget.yaml:3:15: unknown offering 'test-vm-smal' (did you mean 'test-vm-small'?); `runcost pricing list` shows them all")
    }

    @Test func missingWorkloadFile() throws {
        let message = try BudgetFileTests.error("""
            checks:
              - workload: workloads/gone.yaml
                offering: test-faas
                rules: { max_monthly: 10 }
            """)
        #expect(message == "DIR/budget.yaml:2:15: workload: no such workload file 'workloads/gone.yaml' (looked for DIR/workloads/gone.yaml, relative to the budget file)")
    }

    @Test func malformedMoney() throws {
        let message = try BudgetFileTests.error("""
            checks:
              - workload: api.yaml
                offering: test-faas
                rules:
                  max_monthly: lots
            """)
        #expect(message == "DIR/budget.yaml:5:20: max_monthly: expected an amount like 250 or 250 USD, got 'lots'")
        #expect(try BudgetFileTests.error("checks:\n  - { workload: api.yaml, offering: test-faas, rules: { max_monthly: -5 } }\n")
                    == "DIR/budget.yaml:2:70: max_monthly: expected an amount like 250 or 250 USD, got '-5'")
        #expect(try BudgetFileTests.error("checks:\n  - { workload: api.yaml, offering: test-faas, rules: { max_monthly: 10 EUR } }\n")
                    == "DIR/budget.yaml:2:70: max_monthly: the limit is in EUR but test-faas is priced in USD")
    }

    @Test func unknownRuleSuggestsTheNearest() throws {
        let message = try BudgetFileTests.error("""
            checks:
              - workload: api.yaml
                offering: test-faas
                rules:
                  max_monthy: 10
            """)
        #expect(message == "DIR/budget.yaml:5:7: unknown field 'max_monthy' in rules (did you mean 'max_monthly'?)")
    }

    @Test func otherBadRules() throws {
        func rules(_ text: String) throws -> String {
            try BudgetFileTests.error("checks:\n  - workload: api.yaml\n    offering: test-faas\n    rules: \(text)\n")
        }
        #expect(try rules("{ max_over_cheapest: many }") == "DIR/budget.yaml:4:33: max_over_cheapest: expected a percentage like 20 or 20%, got 'many'")
        #expect(try rules("{ max_price_age: 1.5 }") == "DIR/budget.yaml:4:29: max_price_age: expected a whole number of days like 180 or 180d, got '1.5'")
        #expect(try rules("{ max_monthly: { limit: 10, severity: fatal } }") == "DIR/budget.yaml:4:50: severity: expected one of fail, warn, got 'fatal' (did you mean 'fail'?)")
        #expect(try rules("{ max_monthly: { limit: 10, kinds: [vm] } }") == "DIR/budget.yaml:4:40: unknown field 'kinds' in max_monthly")
        #expect(try rules("{ max_over_cheapest: { limit: 10, providers: [tset] } }") == "DIR/budget.yaml:4:58: providers: unknown provider 'tset' (did you mean 'test'?)")
        #expect(try rules("{}") == "DIR/budget.yaml:4:12: rules: a check needs at least one rule (max_monthly, max_over_cheapest, min_headroom_to_breakeven, max_price_age)")
        #expect(try rules("[{ max_monthly: 1, max_price_age: 2 }]") == "DIR/budget.yaml:4:13: each list item under rules names one rule, like `- max_monthly: 250 USD`")
    }

    @Test func badWorkloadsAndChecks() throws {
        // An inline value is located in the budget file, not reported as a flag.
        #expect(try BudgetFileTests.error("checks:\n  - workload: { requests: 1M, duration: fast, memory: 1GB }\n    offering: test-faas\n    rules: { max_monthly: 1 }\n")
                    == "DIR/budget.yaml:2:41: duration: expected a duration like 120ms, 2s, 15min or 1h, got 'fast'")
        #expect(try BudgetFileTests.error("checks:\n  - workload: api.yaml\n    rules: { max_monthly: 1 }\n")
                    .hasPrefix("DIR/budget.yaml:2:5: a check is missing the required field 'offering'"))
        #expect(try BudgetFileTests.error("checks: []\n") == "DIR/budget.yaml:1:9: checks: the list is empty; a budget needs at least one check")
        #expect(try BudgetFileTests.error("chekcs: []\n") == "DIR/budget.yaml:1:1: a budget file is missing the required field 'checks'")
    }

    // MARK: compare JSON

    static func parse(_ text: String) -> String {
        do {
            let s = try CompareJSON.parse(text, path: "old.json")
            return "\(s.entries.count) entries"
        } catch let e as InputError {
            return e.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func compareJSONFromAnotherTool() {
        let hint = "; expected a report from `runcost compare --format json`"
        #expect(BudgetFileTests.parse(#"{"foo": 1}"#) == "old.json: missing key 'currency'" + hint)
        #expect(BudgetFileTests.parse(#"{"currency": "USD", "foo": 1}"#) == "old.json: missing key 'estimates'" + hint)
        #expect(BudgetFileTests.parse("[1, 2]") == "old.json: the top level is an array, not an object" + hint)
        #expect(BudgetFileTests.parse("offering,monthly_cost\n") == "old.json: not valid JSON" + hint)
        #expect(BudgetFileTests.parse(#"{"currency": "USD", "estimates": []}"#) == "old.json: 'estimates' is empty" + hint)
        #expect(BudgetFileTests.parse(#"{"currency": "USD", "estimates": [{"offering": "a", "feasible": 1, "monthly_cost": 2}]}"#)
                    == "old.json: 'estimates[0].feasible' is a number, not true or false" + hint)
        #expect(BudgetFileTests.parse(#"{"currency": "USD", "estimates": [{"offering": "a", "feasible": true, "monthly_cost": "2"}]}"#)
                    == "old.json: 'estimates[0].monthly_cost' is a string, not a number" + hint)
        #expect(BudgetFileTests.parse(#"{"currency": "USD", "estimates": [{"offering": "a", "feasible": true, "monthly_cost": 2}]}"#)
                    == "old.json: missing key 'estimates[0].line_items'" + hint)
    }

    @Test func compareJSONRoundTrip() throws {
        let text = #"""
            {"currency": "USD", "free_tier": false,
             "workload": {"name": "api", "requests_per_month": 3000000, "arch": null, "fixed_fleet": false},
             "estimates": [
               {"offering": "test-faas", "name": "Test FaaS", "currency": "USD", "monthly_cost": 3, "feasible": true, "reasons": [],
                "line_items": [{"name": "Requests", "quantity": 3000000, "unit": "requests", "unit_price": 0.000001, "cost": 3, "formula": ""},
                               {"name": "Compute", "cost": 0.25}, {"name": "Compute", "cost": 0.5}]},
               {"offering": "test-vm-small", "monthly_cost": null, "feasible": false, "reasons": ["too big"], "line_items": []}
             ]}
            """#
        let s = try CompareJSON.parse(text, path: "new.json")
        #expect(s.currency == "USD")
        #expect(s.entries.map(\.id) == ["test-faas", "test-vm-small"])
        #expect(s.entries[0].monthlyCost == 3)
        #expect(s.entries[0].items.map(\.cost) == [3, 0.25, 0.5])
        #expect(s.entries[1].monthlyCost == nil)
        #expect(s.entries[1].reasons == ["too big"])
        #expect(s.inputs.map(\.key) == ["arch", "fixed_fleet", "name", "requests_per_month"])
        #expect(s.inputs.map(\.value) == ["null", "false", "api", "3,000,000"])
    }
}
