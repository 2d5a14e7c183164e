import Testing
import RunCostCore
@testable import RunCostTUI

/// The documented minimum, 80×24: room for the table, a readable chart, and a clear "too small".
@Suite struct SmallScreenTests {
    /// The rows the table title says are shown, e.g. "1–7" → 7.
    func shownRows(_ m: Model, _ width: Int = 80, _ height: Int = 24) -> Int? {
        let title = view(m, width: width, height: height).text().split(separator: "\n")[1]
        guard let range = title.split(separator: "·").dropFirst(2).first?.split(separator: " ").first else { return nil }
        let ends = range.split(separator: "–").compactMap { Int($0) }
        return ends.count == 2 ? ends[1] - ends[0] + 1 : nil
    }

    // At 80×24 the table showed 4 of 60 rows.
    @Test func theTableGetsTheRoomAndTheChartFolds() throws {
        let m = try Fixture.model()
        #expect(shownRows(m) == 7)
        let folded = try #require(Fixture.press(m, [.character("c")]))
        #expect(shownRows(folded) == 14)
        let text = view(folded, width: 80, height: 24).text()
        #expect(text.contains("Break-even vs requests/month · c shows the chart"))
        // The folded chart still says where the cheapest changes, in a sentence.
        #expect(text.contains("is cheapest below") || text.contains("becomes cheapest above"))
        #expect(shownRows(try #require(Fixture.press(folded, [.character("c")]))) == 7)
    }

    // With every workload input listed, 80×24 leaves one line under them: the cheapest offering
    // and its cost still show there (once only the word "cheapest:" fitted).
    @Test func theCheapestFitsUnderTheInputsAt80x24() throws {
        let m = try Fixture.model()
        let best = try #require(m.analysis.estimates.first)
        let text = view(m, width: 80, height: 24).text()
        #expect(text.contains("cheapest " + m.money(best.monthlyCost)), "\(text)")
    }

    @Test func axisEndsAreRoundNumbers() {
        #expect(ChartView.round(654.47, up: true) == 1_000)
        #expect(ChartView.round(252, up: true) == 500)
        #expect(ChartView.round(3.6, up: false) == 2)
        #expect(ChartView.round(4, up: false) == 2)
        #expect(ChartView.round(0.0042, up: true) == 0.005)
        #expect(ChartView.round(50, up: true) == 50)
        #expect(ChartView.round(50, up: false) == 50)
    }

    @Test func chartLabelsOnScreenAreRound() throws {
        let text = view(try Fixture.model(), width: 100, height: 30).text()
        let labels = text.split(separator: "\n").compactMap { line -> Substring? in
            // At 100 columns the chart's frame is column 28, its 7-column labels follow, then the axis.
            let cells = Array(line)
            guard cells.count > 36, cells[28] == "│", cells[36] == "│" else { return nil }
            let label = String(cells[29..<36]).trimmingCharacters(in: .whitespaces)
            return label.hasPrefix("$") ? Substring(label) : nil
        }
        #expect(labels.count == 3, "\(text)")
        for label in labels {
            let digits = label.drop { $0 == "$" }.filter { $0.isNumber }.drop { $0 == "0" }.filter { $0 != "0" }
            #expect(["1", "2", "5"].contains(String(digits)), "label \(label) is not 1, 2 or 5 × 10ⁿ")
        }
    }

    // The cost axis ran to the dearest line at the far end of the range (here $200 at 3B requests),
    // squashing the offerings in view at the bottom; now it ends a decade above their costs now.
    @Test func costAxisFollowsTheOfferingsDrawn() throws {
        let m = try Fixture.model()
        let drawn = m.analysis.charted.prefix(2).compactMap { id in m.analysis.estimates.first { $0.offering.id == id }?.monthlyCost }
        let dearestNow = try #require(drawn.max())
        let rows = view(m, width: 80, height: 24).text().split(separator: "\n").map(Array.init)
        let top = rows.first { $0.count > 36 && $0[28] == "│" && $0[36] == "│" && $0[29..<36].contains("$") }
        let label = try #require(top.map { String($0[29..<36]).trimmingCharacters(in: .whitespaces) })
        #expect(label == Format.compactMoney(ChartView.round(dearestNow * 10, up: true), symbol: "$"))
        #expect(label == "$100")
    }

    // After an edit the table followed the selected offering down the list.
    @Test func anInputEditReturnsToTheCheapest() throws {
        let m = try Fixture.model()
        let cheapest = m.analysis.estimates[0].offering.id
        let away = try #require(Fixture.press(m, [.tab, .down, .down, .down, .down, .down, .tab]))
        #expect(away.selectedID != cheapest)
        let edited = try #require(Fixture.press(away, [.right]))
        #expect(edited.selectedID == edited.analysis.estimates.first(where: \.feasible)?.offering.id)
        #expect(view(edited, width: 80, height: 24).text().split(separator: "\n")[1].contains("· 1–"))
        // Working in the table, a price edit keeps the offering being edited.
        let inTable = try #require(Fixture.press(m, [.tab, .down, .down, .character("+")]))
        #expect(inTable.selectedID == m.analysis.estimates[2].offering.id)
    }

    // Keys changed the model unseen while the screen said "too small".
    @Test func keysWaitWhileTooSmallExceptQuit() throws {
        let m = try Fixture.model()
        for key in [Key.right, .down, .character("s"), .tab, .character("f")] {
            let after = try #require(update(m, key, width: 70, height: 20))
            #expect(after.workload == m.workload)
            #expect(after.mode == m.mode && after.focus == m.focus && after.field == m.field)
        }
        #expect(update(m, .character("q"), width: 70, height: 20) == nil)
        #expect(update(m, .ctrl("c"), width: 79, height: 30) == nil)
        #expect(try #require(update(m, .right, width: 80, height: 24)).workload != m.workload)
    }

    @Test func tooSmallMessageFitsTheWindow() throws {
        let m = try Fixture.model()
        for (width, height) in [(79, 24), (40, 10), (20, 8), (12, 12)] {
            let text = view(m, width: width, height: height).text()
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            #expect(words.contains("terminal too small (need 80×24)"), "\(width)×\(height):\n\(text)")
            #expect(words.contains("now \(width)×\(height): enlarge the window, or q to quit"), "\(width)×\(height):\n\(text)")
        }
    }
}
