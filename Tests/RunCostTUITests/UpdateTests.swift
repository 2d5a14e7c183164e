import Foundation
import Testing
import RunCostCore
import RunCostFiles
@testable import RunCostTUI

/// Key sequences through `update`, checking the model and the rendered text.
@Suite struct UpdateTests {
    @Test func startsOnTheCheapestWithEveryOfferingPriced() throws {
        let m = try Fixture.model()
        #expect(m.analysis.estimates.count == Fixture.catalog.offerings.filter { $0.currency == "USD" }.count)
        #expect(m.selectedID == m.analysis.estimates.first?.offering.id)
        let costs = m.analysis.estimates.filter(\.feasible).map(\.monthlyCost)
        #expect(costs == costs.sorted())
        #expect(m.previousCosts.isEmpty)
        #expect(m.analysis.breakEven != nil)
        #expect(!m.analysis.series.isEmpty)
    }

    @Test func quitKeys() throws {
        let m = try Fixture.model()
        #expect(update(m, .character("q")) == nil)
        #expect(update(m, .ctrl("c")) == nil)
        // Ctrl-C quits from any mode; q is text while typing.
        let editing = try #require(Fixture.press(m, [.enter]))
        #expect(update(editing, .ctrl("c")) == nil)
        #expect(update(editing, .character("q")) != nil)
    }

    @Test func rightStepsRequestsAndShowsTheChange() throws {
        let m = try Fixture.model()
        let up = try #require(Fixture.press(m, [.right]))
        #expect(up.workload.requestsPerMonth == 40e6)
        #expect(!up.previousCosts.isEmpty)
        let text = Fixture.text(up)
        #expect(text.contains("40M/month"))
        #expect(text.contains("▲"))
        let back = try #require(Fixture.press(up, [.character("h")]))
        #expect(back.workload.requestsPerMonth == 30e6)
        #expect(Fixture.text(back).contains("▼"))
    }

    @Test func selectingAnInputMovesTheChart() throws {
        let m = try #require(Fixture.press(try Fixture.model(), [.down, .character("j")]))
        #expect(m.field == .duration)
        #expect(m.analysis.parameter == .duration)
        #expect(Fixture.text(m).contains("Monthly cost vs duration"))
        // Inputs that are not numbers keep the last chart parameter.
        let traffic = try #require(Fixture.press(m, Array(repeating: .down, count: 5)))
        #expect(traffic.field == .traffic)
        #expect(traffic.analysis.parameter == .concurrency)
    }

    @Test func typingAnExactValue() throws {
        let m = try #require(Fixture.press(try Fixture.model(), [.down, .down, .enter] + Fixture.type("150ms") + [.enter]))
        #expect(m.workload.duration == 0.15)
        #expect(m.mode == .normal)
        #expect(m.message?.text == "duration set to 150ms.")
        #expect(Fixture.text(m).contains("150ms"))
    }

    @Test func badInputKeepsThePreviousValueAndSaysWhy() throws {
        let start = try Fixture.model()
        let m = try #require(Fixture.press(start, [.down, .down, .enter] + Fixture.type("fast") + [.enter]))
        #expect(m.workload.duration == start.workload.duration)
        guard case let .editing(field, text, error) = m.mode else { Issue.record("expected to stay in editing"); return }
        #expect(field == .duration)
        #expect(text == "fast")
        #expect(error?.contains("expected a duration like 120ms") == true)
        let screen = Fixture.text(m)
        #expect(screen.contains("✗ duration: expected a duration like 120ms"))
        #expect(screen.contains("120ms"))   // the panel still shows the old value
        // Fixing the text clears the error; Esc leaves everything as it was.
        let fixed = try #require(Fixture.press(m, [.backspace, .backspace, .backspace, .backspace] + Fixture.type("2s") + [.enter]))
        #expect(fixed.workload.duration == 2)
        let cancelled = try #require(Fixture.press(m, [.escape]))
        #expect(cancelled.mode == .normal)
        #expect(cancelled.workload == start.workload)
    }

    @Test func outOfRangeAndSpecialValues() throws {
        let start = try Fixture.model()
        let diurnalPeak = try #require(Fixture.press(start, Array(repeating: .down, count: 8) + [.enter] + Fixture.type("30") + [.enter]))
        guard case .editing(_, _, let error?) = diurnalPeak.mode else { Issue.record("expected an error"); return }
        #expect(error.contains("at most 24"))
        let instances = try #require(Fixture.press(start, Array(repeating: .down, count: 10) + [.enter] + Fixture.type("2.5") + [.enter]))
        guard case .editing(_, _, let wholeError?) = instances.mode else { Issue.record("expected an error"); return }
        #expect(wholeError.contains("whole number"))
        let auto = try #require(Fixture.press(start, Array(repeating: .down, count: 10) + [.enter] + Fixture.type("4") + [.enter, .enter] + Fixture.type("auto") + [.enter]))
        #expect(auto.workload.instances == nil)
    }

    @Test func kindKeysFilterAndRestore() throws {
        let m = try Fixture.model()
        let noVMs = try #require(Fixture.press(m, [.character("4")]))
        #expect(noVMs.analysis.estimates.allSatisfy { $0.offering.kind != .vm })
        #expect(noVMs.previousCosts.isEmpty)   // filtering is not an edit
        #expect(Fixture.text(noVMs).contains("hidden vm"))
        let back = try #require(Fixture.press(noVMs, [.character("4")]))
        #expect(back.analysis.estimates.count == m.analysis.estimates.count)
        let none = try #require(Fixture.press(m, Fixture.type("1234")))
        #expect(none.analysis.estimates.isEmpty)
        #expect(Fixture.text(none).contains("No offering matches the filters; a shows all."))
        #expect(try #require(Fixture.press(none, [.character("a")])).analysis.estimates.count == m.analysis.estimates.count)
    }

    @Test func searchNarrowsLiveAndEscRestores() throws {
        let m = try Fixture.model()
        let searching = try #require(Fixture.press(m, [.character("/")] + Fixture.type("lambda")))
        #expect(!searching.analysis.estimates.isEmpty)
        #expect(searching.analysis.estimates.allSatisfy { $0.offering.id.contains("lambda") })
        #expect(Fixture.text(searching).contains("/ lambda"))
        let kept = try #require(Fixture.press(searching, [.enter]))
        #expect(kept.filters.search == "lambda")
        #expect(kept.focus == .table)
        let cleared = try #require(Fixture.press(searching, [.escape]))
        #expect(cleared.filters.search == "")
        #expect(cleared.analysis.estimates.count == m.analysis.estimates.count)
    }

    @Test func hidingAndPickingOfferings() throws {
        let m = try Fixture.model()
        let first = try #require(m.selectedID)
        let hidden = try #require(Fixture.press(m, [.tab, .character(" ")]))
        #expect(!hidden.analysis.estimates.contains { $0.offering.id == first })
        #expect(hidden.selectedID != first)
        let provider = m.providers[0]
        let picked = try #require(Fixture.press(m, [.character("p"), .character(" ")]))
        #expect(picked.filters.hiddenProviders == [provider])
        #expect(Fixture.text(picked).contains("[ ] \(provider)"))
        let closed = try #require(Fixture.press(picked, [.escape]))
        #expect(closed.mode == .normal)
        #expect(!closed.analysis.estimates.contains { $0.offering.provider == provider })
        let offerings = try #require(Fixture.press(hidden, [.character("o"), .character("a"), .escape]))
        #expect(offerings.filters.hiddenOfferings.isEmpty)
    }

    @Test func whatIfPricesScaleTheSelectedOffering() throws {
        let m = try Fixture.model()
        let id = try #require(m.selectedID)
        let before = try #require(m.cost(id))
        let cut = try #require(Fixture.press(m, [.tab, .character("%")] + Fixture.type("-20%") + [.enter]))
        #expect(cut.priceFactors[id] == 0.8)
        #expect(abs(try #require(cut.cost(id)) - before * 0.8) < 1e-9)
        let text = Fixture.text(cut)
        #expect(text.contains("WHAT-IF PRICES"))
        #expect(text.contains("✎"))
        #expect(text.contains("what-if prices on 1 offering"))
        let stepped = try #require(Fixture.press(cut, [.character("+")]))
        #expect(abs(stepped.priceFactors[id]! - 0.85) < 1e-12)
        let reset = try #require(Fixture.press(cut, [.character("R")]))
        #expect(reset.priceFactors.isEmpty)
        #expect(reset.cost(id) == before)
    }

    @Test func providerPricesAndBadChanges() throws {
        let m = try #require(Fixture.press(try Fixture.model(), [.tab]))
        let provider = try #require(m.selectedEstimate?.offering.provider)
        let all = try #require(Fixture.press(m, [.character("$")] + Fixture.type("x0.5") + [.enter]))
        let ids = m.session.offerings.filter { $0.provider == provider }.map(\.id)
        #expect(Set(all.priceFactors.keys) == Set(ids))
        #expect(all.priceFactors.values.allSatisfy { $0 == 0.5 })
        let ambiguous = try #require(Fixture.press(m, [.character("%")] + Fixture.type("20%") + [.enter]))
        guard case .prompt(_, _, let error?) = ambiguous.mode else { Issue.record("expected an error"); return }
        #expect(error.contains("-20% for a cut or +20% for a rise"))
        #expect(ambiguous.priceFactors.isEmpty)
        #expect(Model.parsePriceChange("+15%") == .success(1.15))
        #expect(Model.parsePriceChange("0.8x") == .success(0.8))
        #expect(Model.parsePriceChange("−100%") == .success(0))
        #expect((try? Model.parsePriceChange("-150%").get()) == nil)
        #expect((try? Model.parsePriceChange("cheap").get()) == nil)
    }

    @Test func explainAndHelp() throws {
        let m = try Fixture.model()
        let explained = try #require(Fixture.press(m, [.character("e")]))
        #expect(explained.mode == .explain(scroll: 0))
        let text = Fixture.text(explained, 120, 40)
        #expect(text.contains("Explain · \(m.selectedID!)"))
        #expect(text.contains("Monthly total:"))
        let scrolled = try #require(Fixture.press(explained, [.down, .down, .up]))
        #expect(scrolled.mode == .explain(scroll: 1))
        #expect(try #require(Fixture.press(explained, [.escape])).mode == .normal)
        let viaEnter = try #require(Fixture.press(m, [.tab, .enter]))
        #expect(viaEnter.mode == .explain(scroll: 0))

        let help = try #require(Fixture.press(m, [.character("?")]))
        // Every key and what it does fits on the smallest screen.
        let helpText = Fixture.text(help, 80, 24)
        for (_, keys) in HelpView.left + HelpView.right {
            for (key, what) in keys {
                #expect(helpText.contains(" " + key + " ") && helpText.contains(what), "help at 80×24 lacks \(key)")
            }
        }
        #expect(try #require(Fixture.press(help, [.character("x")])).mode == .normal)
        #expect(update(help, .character("q")) == nil)
    }

    @Test func infeasibleOfferingsAreGreyedWithTheirReason() throws {
        let m = try #require(Fixture.press(try Fixture.model(), [.down, .down, .enter] + Fixture.type("20min") + [.enter, .tab, .end]))
        let last = try #require(m.analysis.estimates.last)
        #expect(!last.feasible)
        #expect(m.selectedID == last.offering.id)
        let screen = view(m, width: 200, height: 40)
        // An infeasible row that is not the selected one: greyed, with its reason.
        let y = try #require((0..<40).first { screen.row($0).contains("infeasible:") && !screen.row($0).contains("▸") })
        let row = screen.row(y)
        #expect(row.contains("exceeds the") || row.contains("runs jobs only") || row.contains("needs"))
        let x = row.distance(from: row.startIndex, to: try #require(row.range(of: "infeasible:")).lowerBound)
        #expect(screen[x, y]?.style.dim == true)
    }

    @Test func freeTierArchAndTrafficCycle() throws {
        let m = try Fixture.model()
        let free = try #require(Fixture.press(m, [.character("f")]))
        #expect(free.workload.freeTier)
        let arm = try #require(Fixture.press(m, Array(repeating: .down, count: 12) + [.right, .right]))
        #expect(arm.workload.arch == .arm)
        #expect(!arm.analysis.estimates.contains { $0.offering.id == "aws-lambda-x86" })
        let traffic = try #require(Fixture.press(m, Array(repeating: .down, count: 7) + [.right]))
        #expect(traffic.workload.traffic == .businessHours)
        let peak = try #require(Fixture.press(traffic, [.down, .right]))
        #expect(peak.workload == traffic.workload)
        #expect(peak.message?.isError == true)
    }
}
