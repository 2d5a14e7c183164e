import Foundation
import Testing
import RunCostCore
import RunCostFiles
@testable import RunCostTUI

/// The rendered screen as text, at the sizes people use.
@Suite struct ViewTests {
    @Test(arguments: [(80, 24), (100, 30), (120, 40), (200, 60), (301, 91)])
    func everyPanelAtEverySize(_ size: (Int, Int)) throws {
        let m = try Fixture.model()
        let screen = view(m, width: size.0, height: size.1)
        #expect(screen.width == size.0 && screen.height == size.1)
        let text = screen.text()
        for expected in ["runcost · mobile-api", "Workload", "requests", "30M/month", "120ms", "512MB", "diurnal",
                         "Monthly cost · \(m.analysis.estimates.count) offerings", "Monthly cost vs requests/month",
                         "examples/api.yaml", "pricing: ", "as_of 20"] {
            #expect(text.contains(expected), "\(size): missing \(expected)")
        }
        // A break-even sentence: where another offering takes over, or that the cheapest stays so.
        #expect(["becomes cheapest above", "is cheapest below", "stays cheapest from"].contains { text.contains($0) }, "\(size): no break-even sentence")
        #expect(text.contains(m.selectedID!) || text.contains("…"))
        // The chart draws braille dots and marks the current value.
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(text.contains("▲30M"))
        // Nothing is drawn past the grid: every row fits.
        for y in 0..<screen.height { #expect(screen.row(y).count <= screen.width) }
    }

    @Test(arguments: [(79, 24), (80, 23), (70, 20), (20, 5), (1, 1), (0, 0)])
    func tooSmall(_ size: (Int, Int)) throws {
        let screen = view(try Fixture.model(), width: size.0, height: size.1)
        if size.0 >= 40 {
            #expect(screen.text().contains("terminal too small (need 80×24)"))
            #expect(screen.text().contains("now \(size.0)×\(size.1)"))
        }
        #expect(!screen.text().contains("Workload"))
    }

    @Test func extremeInputsRenderWithoutTrapping() throws {
        let start = try Fixture.model()
        let extremes: [(Int, String)] = [(0, "0"), (0, "1e15"), (2, "31d"), (2, "1us"), (3, "1TB"), (4, "0"), (6, "1000000"),
                                         (8, "23.9"), (9, "0.001"), (9, "744")]
        for (row, value) in extremes {
            guard let m = Fixture.press(start, Array(repeating: .down, count: row) + [.enter] + Fixture.type(value) + [.enter]) else {
                Issue.record("quit"); continue
            }
            for (w, h) in [(80, 24), (200, 60)] {
                for style in [m, try #require(Fixture.press(m, [.character("g")]))] {
                    let text = view(style, width: w, height: h).text()
                    #expect(text.contains("Workload"), "\(value) at \(w)×\(h)")
                }
            }
        }
    }

    @Test func resizeIsHarmless() throws {
        let m = try Fixture.model()
        let resized = try #require(update(m, .resize))
        #expect(view(resized, width: 80, height: 24) == view(m, width: 80, height: 24))
        #expect(view(resized, width: 150, height: 50).text().contains("Workload"))
    }

    @Test func asciiWithoutUnicodeOrColour() throws {
        let m = try Fixture.model(unicode: false, color: false)
        #expect(m.chartStyle == .ascii)
        let text = Fixture.text(try #require(Fixture.press(m, [.right])), 120, 40)
        #expect(!text.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
        for glyph in ["▲", "▼", "▸", "━", "█"] { #expect(!text.contains(glyph), "\(glyph) in ASCII mode") }
        #expect(text.contains("^40M"))
        #expect(text.contains("a aws") || text.contains("a digitalocean") || text.contains("a "))
        #expect(text.contains("Up/Down"))
        // Everything on screen is ASCII in the C locale, the too-small message too.
        #expect(text.allSatisfy { $0.isASCII })
        #expect(view(m, width: 70, height: 20).text().contains("need 80x24"))
        #expect(try #require(Fixture.press(m, [.character("g")])).chartStyle == .ascii)
    }

    @Test func chartStyleToggles() throws {
        let m = try Fixture.model()
        #expect(m.chartStyle == .braille)
        let ascii = try #require(Fixture.press(m, [.character("g")]))
        #expect(ascii.chartStyle == .ascii)
        #expect(!Fixture.text(ascii).unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    @Test func cheapestIsHighlightedAndTheSelectionReversed() throws {
        let m = try #require(Fixture.press(try Fixture.model(), [.tab, .down]))
        let screen = view(m, width: 100, height: 30)
        let cheapest = m.analysis.estimates[0].offering.id
        let selected = try #require(m.selectedID)
        #expect(selected != cheapest)
        // Ids may be shortened in the middle: find rows by their start.
        let cheapestRow = try #require((0..<30).first { screen.row($0).contains(" " + cheapest.prefix(8)) && screen.row($0).contains("$") })
        let selectedRow = try #require((0..<30).first { screen.row($0).contains("▸" + selected.prefix(8)) })
        let column = 30
        #expect(screen[column, cheapestRow]?.style.bold == true)
        #expect(screen[column, cheapestRow]?.style.foreground == .green)
        #expect(screen[column, selectedRow]?.style.reverse == true)
    }

    @Test func barsScaleToTheMostExpensive() {
        let g = Glyphs(unicode: true)
        #expect(CostTableView.bar(10, 10, 4, g) == "████")
        #expect(CostTableView.bar(5, 10, 4, g) == "██")
        #expect(CostTableView.bar(0.01, 1000, 4, g) == "▏")
        #expect(CostTableView.bar(0, 10, 4, g) == "")
        #expect(CostTableView.bar(5, 10, 4, Glyphs(unicode: false)) == "##")
    }

    @Test func tableColumnsFit() {
        for width in 40...300 {
            let c = CostTableView.columns(width)
            let used = 1 + c.id + 1 + c.cost + 1 + c.delta + [c.kind, c.provider, c.bar, c.idle].filter { $0 > 0 }.map { $0 + 1 }.reduce(0, +)
            #expect(used <= width, "columns overflow at \(width)")
        }
        #expect(CostTableView.columns(50).kind == 1)
        #expect(CostTableView.columns(170).provider == 12)
    }

    @Test func textHelpers() {
        #expect(Text.clip("abcdef", 4) == "abc…")
        #expect(Text.clipMiddle("digitalocean-s-1vcpu-1gb", 19) == "digitalo…-1vcpu-1gb")
        #expect(Text.wrap("one two three", 7) == ["one two", "three"])
        #expect(Text.wrap("  - alpha beta gamma", 12) == ["  - alpha", "    beta", "    gamma"])
        #expect(Text.wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
        #expect(Format.compactMoney(1234, symbol: "$") == "$1.23k")
        #expect(Format.compactMoney(0.5, symbol: "$") == "$0.5")
    }

    @Test func brailleCanvasDots() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.set(0, 0, owner: 3)
        canvas.set(1, 3, owner: 4)
        #expect(canvas.cell(0, 0)?.0 == "⢁")
        #expect(canvas.cell(0, 0)?.1 == 4)
        #expect(canvas.cell(1, 0) == nil)
        canvas.set(99, 99, owner: 1)   // outside: ignored
    }
}
