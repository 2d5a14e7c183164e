import Testing
@testable import RunCostReports
import RunCostCore

/// Issue 11 item 13: a wide sweep table on a terminal keeps the cheapest columns that fit, and
/// says so; files and pipes (no terminal width) keep every column.
@Suite struct SweepTableWidthTests {
    /// Pay per request only: $1, $2 or $3 per million requests.
    static func offering(_ id: String, perMillion: Double) -> Offering {
        var p = PerRequestPricing()
        p.requestPrice = perMillion / 1e6
        return Offering(id: id, name: id, provider: String(id.prefix(2)), kind: .serverless, region: "test",
                        asOf: CalendarDate(year: 2026, month: 1, day: 1)!, source: "https://example.com", billing: .perRequest(p))
    }

    static func render(width: Int?) -> String {
        // Listed dearest first, so the kept columns are chosen by cost, not by position.
        let offerings = [offering("cc-six", perMillion: 3), offering("aa-one", perMillion: 1), offering("bb-two", perMillion: 2)]
        let report = SweepReport(offerings: offerings, workload: Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 128),
                                 parameter: .requests, range: SweepRange(from: 1e6, to: 3e6, points: 3), layout: .wide, terminalWidth: width)
        var out = ""
        report.render(.table, emit: { out += $0 })
        return out
    }

    @Test func terminalKeepsTheCheapestColumnsThatFit() {
        // "requests/month" is 14 wide, each offering column 6 + 2 spaces: 30 columns hold two of three.
        let out = Self.render(width: 30)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "requests/month  aa-one  bb-two")
        #expect(lines[2] == "            1M   $1.00   $2.00")
        #expect(lines[4] == "            3M   $3.00   $6.00")
        #expect(out.contains("Showing the 2 cheapest of 3 offerings to fit 30 columns; --format csv, -o FILE or a pipe shows all, --offering ID chooses."))
    }

    @Test func filesAndPipesKeepEveryColumn() {
        let out = Self.render(width: nil)
        #expect(out.hasPrefix("requests/month  cc-six  aa-one  bb-two\n"))
        #expect(!out.contains("Showing"))
        #expect(Self.render(width: 38) == out)   // everything fits: no note
    }
}
