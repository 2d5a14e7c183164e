import Foundation
import Testing
import RunCostTestSupport

/// The application section through the binary, on a small inline provider (AcmeApplication in
/// RunCostTestSupport) so the figures are hand-worked here and independent of the bundled service
/// tables (whose published examples are ServicePublishedExamplesTests').
@Suite struct ApplicationCLITests {
    /// Runs runcost with the acme tables (and no bundled ones) and `workload.yaml` in a scratch folder.
    static func run(_ args: [String], workload: String = AcmeApplication.workload) throws -> RuncostBinary.Result {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try AcmeApplication.write(into: dir, workload: workload)
        let mapped = args.map { $0 == "WORKLOAD" ? written.workload.path : $0 }
        return try RuncostBinary.run(mapped + ["--no-bundled-pricing", "--pricing", written.tables.path])
    }

    static func json(_ args: [String]) throws -> [[String: Any]] {
        let r = try run(args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try #require(root["estimates"] as? [[String: Any]])
    }

    // Hand-worked, 10M requests: compute 10M × $0.20/1M = $2.00. Gateway 10M × $1.00/1M = $10.00.
    // KV: 20M reads × $0.25/1M = $5.00, 5M writes × $1.25/1M = $6.25, 20 GB × $0.25 = $5.00.
    // Egress: 10M × 8,192 B = 81,920,000,000 B = 76.2939453125 GB × $0.09 = $6.866455078125.
    // Services $33.116455078125, total $35.116455078125.
    @Test func compareJSONHasTheServices() throws {
        let e = try #require(try Self.json(["compare", "WORKLOAD", "--offering", "acme-fn"]).first)
        #expect(e["scope"] as? String == "application")
        #expect(abs((e["monthly_cost"] as! Double) - 35.116455078125) < 1e-9)
        #expect(abs((e["compute_cost"] as! Double) - 2.00) < 1e-9)
        let services = try #require(e["services"] as? [[String: Any]])
        #expect(services.map { $0["id"] as! String } == ["acme-gateway", "acme-kv", "acme-egress"])
        #expect(services.map { $0["category"] as! String } == ["front-door", "data", "egress"])
        #expect(services.map { (($0["monthly_cost"] as! Double) * 1e6).rounded() / 1e6 } == [10.0, 16.25, 6.866455])
    }

    @Test func scopeComputeLeavesTheServicesOut() throws {
        let e = try #require(try Self.json(["compare", "WORKLOAD", "--offering", "acme-fn", "--scope", "compute"]).first)
        #expect(e["scope"] as? String == "compute")
        #expect(abs((e["monthly_cost"] as! Double) - 2.00) < 1e-9)
        #expect((e["services"] as? [Any])?.isEmpty == true)
    }

    @Test func tableAndCSVShowTheSplit() throws {
        let table = try Self.run(["compare", "WORKLOAD"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains(" offering  provider  kind        compute  services   total  per 1M req"))
        #expect(table.stdout.contains("2  acme-fn   acme      serverless    $2.00    $33.12  $35.12"))
        #expect(table.stdout.contains("Scope: application"))
        let csv = try Self.run(["compare", "WORKLOAD", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("rank,offering,name,provider,kind,region,currency,monthly_cost_usd (application),"))
        #expect(csv.stdout.components(separatedBy: "\n")[0].hasSuffix(",scope,compute_cost_usd,services_cost_usd,services"))
    }

    // The VM has no front door in its stack: built in, no charge, and said so.
    @Test func explainHasASectionPerService() throws {
        let r = try Self.run(["explain", "acme-fn", "WORKLOAD"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  front-door: Acme Gateway (acme-gateway): $10.00\n    API calls: $10.00\n        10M requests × $1.00 per 1M = $10.00\n"))
        #expect(r.stdout.contains("    writes: $6.25\n        5M operations × $1.25 per 1M = $6.25\n"))
        #expect(r.stdout.contains("        76.2939 GB × $0.09 per GB = $6.87\n"))
        #expect(r.stdout.contains("  Services: $33.12\n"))
        #expect(r.stdout.contains("  Monthly total: $35.12"))
        let vm = try Self.run(["explain", "acme-box", "WORKLOAD"])
        #expect(vm.stdout.contains("front door: built in, no charge"))
    }

    // The gateway's 30 s timeout: a 31 s request is infeasible on acme-fn's stack, with the reason.
    @Test func serviceLimitIsAReason() throws {
        let e = try #require(try Self.json(["compare", "WORKLOAD", "--offering", "acme-fn", "--duration", "31s"]).first)
        #expect(e["feasible"] as? Bool == false)
        #expect(e["reasons"] as? [String] == ["acme-gateway: duration 31s exceeds its 30s timeout"])
    }

    // SQL: 730 h × $0.10 + 20 GB × $0.115 = $75.30 flat; KV: $5.00 + 1.125e-6 a request (2 reads ×
    // $0.25/1M + 0.5 writes × $1.25/1M). They cross at (75.30 − 5) / 1.125e-6 = 62,488,888.9 requests.
    // SQL's 100 reads/s ceiling ends it at 100 × 2,628,000 s ÷ 2 reads = 131.4M requests.
    @Test func breakevenBetweenTwoDatabasesAlone() throws {
        let r = try Self.run(["breakeven", "WORKLOAD", "--scope", "data", "--data-service", "acme-kv,acme-sql",
                              "--vary", "requests", "--from", "1M", "--to", "1B"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("below 62.489M requests/month: acme-kv"), "\(r.stdout)")
        #expect(r.stdout.contains("from 62.489M requests/month to 131.4M: acme-sql"))
        #expect(r.stdout.contains("at 62.489M requests/month ($75.30/month): acme-sql becomes cheaper than acme-kv"))
        #expect(r.stdout.contains("acme-sql becomes infeasible with above 131.4M requests/month"))
    }

    @Test func dataScopeRowsInCompare() throws {
        let rows = try Self.json(["compare", "WORKLOAD", "--scope", "data", "--data-service", "acme-kv,acme-sql"])
        #expect(rows.map { $0["offering"] as! String } == ["acme-kv", "acme-sql"])
        #expect(rows.map { (($0["monthly_cost"] as! Double) * 100).rounded() / 100 } == [16.25, 75.30])
        #expect(rows.map { $0["kind"] as! String } == ["serverless", "vm"])
    }

    // 200M requests × 2 reads a month at constant traffic = 152.2 reads/s, over acme-sql's 100/s.
    @Test func throughputCeilingMakesTheDatabaseInfeasible() throws {
        let rows = try Self.json(["compare", "WORKLOAD", "--scope", "data", "--data-service", "acme-kv,acme-sql", "--requests", "200M"])
        let sql = try #require(rows.first { $0["offering"] as? String == "acme-sql" })
        #expect(sql["feasible"] as? Bool == false)
        #expect((sql["reasons"] as? [String])?.first?.hasPrefix("acme-sql: 152.21 reads per second at the peak exceeds its 100/s limit") == true)
    }

    @Test func sweepVariesAnApplicationVolume() throws {
        let r = try Self.run(["sweep", "WORKLOAD", "--offering", "acme-fn", "--vary", "reads-per-request", "--from", "0", "--to", "4",
                              "--points", "3", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        // 0, 2, 4 reads: the KV read charge is $0, $5.00, $10.00 on top of $30.116455.
        let costs = r.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",").last ?? "") }
        #expect(costs == ["30.116455", "35.116455", "40.116455"], "\(r.stdout)")
    }

    /// Bad application input: one located line, exit status 2.
    @Test(arguments: [
        (["--data-service", "acme-k"], "--data-service: data.service: unknown data service 'acme-k' (did you mean 'acme-kv'?)"),
        (["--data-service", "acme-gateway"], "--data-service: data.service: 'acme-gateway' is a front-door service; expected a data service"),
        (["--front-door", "acme-kv"], "--front-door: front_door: 'acme-kv' is a data service; expected a front-door service"),
        (["--response-size=-1KB"], "--response-size: response_size: expected a memory size like 512MB or 1.5GB, got '-1KB': must not be negative"),
        (["--storage", "nan"], "--storage: data.storage: expected a memory size like 512MB or 1.5GB, got 'nan'"),
        (["--scope", "everything"], "--scope: scope: expected one of compute, application, data, got 'everything'"),
        (["--front-door", "function-url", "--offering", "acme-fn"], "--front-door: front_door: function-url, but acme-fn has no function URL (its table's stack names no function_url); choose auto, none or a front-door service id"),
    ])
    func badFlags(_ extra: [String], _ expected: String) throws {
        let r = try Self.run(["compare", "WORKLOAD"] + extra)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("runcost: " + expected), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func dataSectionWithoutVolumes() throws {
        let r = try Self.run(["compare", "WORKLOAD"], workload: "requests: 1M\ndata:\n  service: acme-kv\n  storage: 0GB\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("workload.yaml:3:12: data: expected volumes: reads_per_request, writes_per_request or storage"), "\(r.stderr)")
    }

    @Test func unknownFieldInASection() throws {
        let r = try Self.run(["compare", "WORKLOAD"], workload: "requests: 1M\ndata:\n  reads_per_requst: 2\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("workload.yaml:3:3: unknown field 'reads_per_requst' in data (did you mean 'reads_per_request'?)"), "\(r.stderr)")
    }

    @Test func unknownMeasureInAServiceTable() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("services-bad.yaml")
        try """
        provider: acme
        currency: USD
        services:
          - { id: acme-q, name: Q, category: events, region: r, as_of: 2026-09-20, source: "https://e.com", meters: [{ name: m, measure: mesages, price: 1 }] }
        """.write(to: table, atomically: true, encoding: .utf8)
        let r = try RuncostBinary.run(["pricing", "validate", table.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("services-bad.yaml:4:131: measure: expected one of hours, requests, reads, writes, request_units, events, event_bytes, storage, egress, processed, users, capacity, got 'mesages' (did you mean 'events'?)") || r.stderr.contains("measure: expected one of"), "\(r.stderr)")
    }

    @Test func pricingListsServices() throws {
        let r = try Self.run(["pricing", "list", "--services"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("acme-sql") && r.stdout.contains("front-door"))
    }

    // A budget on the application total: $35.12 is over $35 and under $36.
    @Test func checkUsesTheApplicationTotal() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        try AcmeApplication.services.write(to: dir.appendingPathComponent("services-acme.yaml"), atomically: true, encoding: .utf8)
        try AcmeApplication.compute.write(to: dir.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        let budget = dir.appendingPathComponent("budget.yaml")
        func check(_ limit: String) throws -> Int32 {
            try """
            checks:
              - name: app
                workload: { requests: 10M, duration: 100ms, memory: 128MB, response_size: 8KB, data: { reads_per_request: 2, writes_per_request: 0.5, storage: 20GB } }
                offering: acme-fn
                rules: { max_monthly: \(limit) }
            """.write(to: budget, atomically: true, encoding: .utf8)
            return try RuncostBinary.run(["check", budget.path, "--no-bundled-pricing", "--pricing", dir.appendingPathComponent("acme.yaml").path,
                                          "--pricing", dir.appendingPathComponent("services-acme.yaml").path]).status
        }
        #expect(try check("35") == 1)
        #expect(try check("36") == 0)
    }
}
