import Foundation
import Testing
import RunCostCore
@testable import RunCostTUI

/// Issue 11 item 14: the chart draws the rows the table shows (the cheapest five of them and the
/// selected one), so scrolling the table rescales the chart; its break-even search covers those lines.
@Suite struct ChartInViewTests {
    static func pressSized(_ model: Model, _ keys: [Key], width: Int = 100, height: Int = 30) -> Model? {
        var m = model
        for key in keys {
            guard let next = update(m, key, width: width, height: height) else { return nil }
            m = next
        }
        return m
    }

    @Test func theChartFollowsTheRowsInView() throws {
        let start = try Fixture.model()
        let m = try #require(Self.pressSized(start, [.tab] + Array(repeating: Key.down, count: 30)))
        // 100×30: a body of 27 rows, the table box 27 × 2/5 = 10 rows high, 7 of them offerings;
        // the 31st row selected sits in the middle of rows 28…34.
        #expect(m.tableRows == 7)
        let rows = CostTableView.rowsInView(count: m.analysis.estimates.count, visible: 7, selected: 30)
        #expect(rows == 27..<34)
        #expect(view(m, width: 100, height: 30).text().split(separator: "\n")[1].contains("· 28–34"))
        let inView = m.analysis.estimates[rows]
        let expected = inView.filter(\.feasible).prefix(5).map(\.offering.id)
        let selected = try #require(m.selectedID)
        #expect(m.analysis.charted == expected + (expected.contains(selected) ? [] : [selected]))
        #expect(!m.analysis.charted.contains(m.analysis.estimates[0].offering.id))
        // The break-even search is over the lines drawn, not the whole catalog.
        let named = Set(m.analysis.breakEven?.ranges.compactMap(\.offering) ?? [])
        #expect(!named.isEmpty && named.isSubset(of: Set(m.analysis.charted)))
        // Every line drawn costs, at the workload's value, what its row says.
        for (i, id) in m.analysis.charted.enumerated() {
            let row = try #require(m.analysis.estimates.first { $0.offering.id == id })
            #expect(m.analysis.series[i].contains { $0 != nil } == row.feasible)
        }
        // Back at the top, the chart draws the cheapest five, as before.
        let top = try #require(Self.pressSized(m, Array(repeating: Key.up, count: 30)))
        #expect(top.analysis.charted == top.analysis.estimates.filter(\.feasible).prefix(5).map(\.offering.id))
    }

    @Test func aTallerScreenChartsFromMoreRows() throws {
        let m = try #require(Self.pressSized(try Fixture.model(), [.ctrl("l")], width: 200, height: 60))
        // 200×60: a body of 57 rows, the table 57 × 2/5 = 22 rows high, 19 offerings shown.
        #expect(m.tableRows == 19)
        let small = try #require(Self.pressSized(m, [.ctrl("l")], width: 80, height: 24))
        // 80×24: a body of 21 rows, halved: 10, 7 offerings.
        #expect(small.tableRows == 7)
    }
}
