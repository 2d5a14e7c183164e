import Foundation
import Testing
import RunCostTestSupport

@Suite struct SweepCLITests {
    let lambda = ["--offering", "aws-lambda-x86", "--offering", "aws-ec2-m5.large"]

    // 1k requests × 600 s × 1 GB × $0.0000166667 + 1k × $0.20/1M = $10.00022 on Lambda x86.
    // Lambda is infeasible above 15 min: an empty CSV cell (wide), a reason (long), null (JSON).
    @Test func infeasiblePointsAcrossFormats() throws {
        let base = ["sweep", "--requests", "1k", "--memory", "1GB", "--duration", "1min", "--vary", "duration", "--from", "10min", "--to", "20min", "--points", "3"] + lambda
        let wide = try RuncostBinary.run(base + ["--format", "csv"])
        #expect(wide.status == 0)
        #expect(wide.stdout.split(separator: "\n").map(String.init) == [
            "duration_s,aws-lambda-x86_monthly_cost_usd,aws-ec2-m5.large_monthly_cost_usd",
            "600,10.00022,74.37", "900,15.00023,74.37", "1200,,74.37"])
        let long = try RuncostBinary.run(base + ["--format", "csv", "--layout", "long"])
        #expect(long.stdout.contains("1200,aws-lambda-x86,,false,duration 20min exceeds the 15min limit\n"))
        let json = try RuncostBinary.run(base + ["--format", "json"])
        let points = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["points"] as! [[String: Any]]
        #expect(points.count == 3)
        #expect((points[2]["costs"] as! [String: Any])["aws-lambda-x86"] is NSNull)
    }

    @Test func gridHoldsTheCheapestPerCell() throws {
        let r = try RuncostBinary.run(["sweep", "examples/api.yaml", "--vary", "requests", "--from", "1M", "--to", "1B", "--points", "2",
                                       "--vary", "duration", "--from", "10ms", "--to", "1s", "--points", "2", "--format", "csv",
                                       "--offering", "aws-lambda-arm", "--offering", "aws-ec2-t3.small"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "requests_per_month,duration_s,cheapest,monthly_cost_usd")
        #expect(rows.count == 5)
        #expect(rows[1].hasPrefix("1000000,0.01,aws-lambda-arm,"))
        #expect(rows[2].hasPrefix("1000000000,0.01,aws-ec2-t3.small,"))
    }

    @Test func breakevenJSON() throws {
        let r = try RuncostBinary.run(["breakeven", "examples/api.yaml", "--vary", "requests", "--from", "100k", "--to", "10B",
                                       "--offering", "aws-lambda-arm", "--offering", "aws-ec2-t3.small", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let ranges = json["cheapest_ranges"] as! [[String: Any]]
        #expect(ranges.map { $0["offering"] as! String } == ["aws-lambda-arm", "aws-ec2-t3.small"])
        // Lambda Arm at $1.00 per 1M requests for this workload meets one t3.small ($15.184 + $0.64 boot
        // volume + $3.65 public IPv4 = $19.474) at 19.474M.
        let crossing = (json["crossovers"] as! [[String: Any]])[0]["value"] as! Double
        #expect(abs(crossing / 19.474e6 - 1) < 1e-4)
    }

    @Test func svgChartIsAStandaloneDocument() throws {
        let r = try RuncostBinary.run(["breakeven", "examples/long-task.yaml", "--vary", "duration", "--from", "10s", "--to", "1h",
                                       "--offering", "aws-lambda-arm", "--offering", "aws-ec2-m5.large", "--format", "svg"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<?xml") || r.stdout.hasPrefix("<svg"))
        #expect(r.stdout.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!r.stdout.contains("NaN") && !r.stdout.contains("inf"))
        #expect(r.stdout.contains("aws-lambda-arm"))
    }

    @Test func capacityForABudget() throws {
        let r = try RuncostBinary.run(["capacity", "examples/api.yaml", "--budget", "100 USD", "--offering", "aws-lambda-arm", "--format", "csv"])
        #expect(r.status == 0)
        // 0.12 s × 0.5 GB × $0.0000133334 + $0.0000002 = $1.000004 per million → 99,999,600 requests for $100.
        let row = r.stdout.split(separator: "\n")[1].split(separator: ",")
        #expect(abs(Double(row[3])! / 99_999_600 - 1) < 1e-6)
        let bad = try RuncostBinary.run(["capacity", "examples/api.yaml", "--budget", "lots"])
        #expect(bad.status == 2 && bad.stderr.contains("--budget: expected an amount like 250 or 250 USD, got 'lots'"))
    }

    @Test func traceSizesTheFleet() throws {
        let r = try RuncostBinary.run(["compare", "examples/traced-api.yaml", "--format", "json", "--offering", "aws-lambda-arm"])
        #expect(r.status == 0)
        let workload = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["workload"] as! [String: Any]
        #expect(workload["traffic"] as? String == "trace")
        // The trace peaks at 26,100 requests in an hour against a daily mean of 274,550 / 24.
        #expect(abs((workload["peak_to_average"] as! Double) - 26_100.0 / (274_550.0 / 24)) < 1e-9)
    }

    @Test func badRangesAndTraces() throws {
        let dir = try ScratchFolder.create()
        let trace = dir.appendingPathComponent("t.csv").path
        try "timestamp,requests\n2026-11-02T00:00:00Z,10\n2026-11-02T01:00:00Z,-3\n".write(toFile: trace, atomically: true, encoding: .utf8)
        let badTrace = try RuncostBinary.run(["compare", "--trace", trace, "--duration", "1s", "--memory", "1GB"])
        #expect(badTrace.status == 2)
        #expect(badTrace.stderr.contains("\(trace):3:22: requests: expected a count like 3M, 250k or 1.5e9, got '-3': must not be negative"))
        let backwards = try RuncostBinary.run(["sweep", "examples/api.yaml", "--vary", "requests", "--from", "1B", "--to", "1M"])
        #expect(backwards.status == 2 && backwards.stderr.contains("--from (1B) must be below --to (1M)"))
        let unknown = try RuncostBinary.run(["sweep", "examples/api.yaml", "--vary", "colour", "--from", "1", "--to", "2"])
        #expect(unknown.status == 2)
    }
}
