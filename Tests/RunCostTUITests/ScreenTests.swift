import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RunCostFiles
@testable import RunCostTUI

@Suite struct ScreenTests {
    @Test func blankScreenIsEmptyRows() {
        let screen = Screen(width: 4, height: 3)
        #expect(screen.text() == "\n\n")
        #expect(screen[0, 0] == Cell.blank)
    }

    @Test func putClipsAtRightEdge() {
        var screen = Screen(width: 5, height: 2)
        let end = screen.put("hello world", x: 0, y: 0)
        #expect(screen.text() == "hello\n")
        #expect(end == 5)
    }

    @Test func putClipsNegativeX() {
        var screen = Screen(width: 6, height: 1)
        screen.put("abcdef", x: -2, y: 0)
        #expect(screen.row(0) == "cdef")
    }

    @Test func putHonoursMaxWidth() {
        var screen = Screen(width: 8, height: 1)
        let end = screen.put("abcdef", x: 1, y: 0, maxWidth: 3)
        #expect(screen.row(0) == " abc")
        #expect(end == 4)
        screen.put("zz", x: 0, y: 0, maxWidth: 0)
        screen.put("zz", x: 0, y: 0, maxWidth: -5)
        #expect(screen.row(0) == " abc")
    }

    @Test func putCountsCharactersNotBytes() {
        var screen = Screen(width: 4, height: 3)
        screen.put("e\u{301}t€!x", x: 0, y: 0)   // combining accent stays with its letter
        screen.put("東京都庁舎", x: 0, y: 1)        // wide characters count one column each
        screen.put("🇯🇵👍🏽ab", x: 0, y: 2)
        #expect(screen.text() == "e\u{301}t€!\n東京都庁\n🇯🇵👍🏽ab")
    }

    @Test func putReplacesControlCharacters() {
        var screen = Screen(width: 8, height: 1)
        screen.put("a\tb\nc\r\nd", x: 0, y: 0)
        #expect(screen.row(0) == "a b c d")
    }

    @Test func putKeepsStyle() {
        var screen = Screen(width: 3, height: 1)
        let bold = Style(foreground: .green, bold: true)
        screen.put("ab", x: 1, y: 0, style: bold)
        #expect(screen[0, 0]?.style == .plain)
        #expect(screen[1, 0] == Cell(character: "a", style: bold))
        #expect(screen[2, 0]?.style == bold)
    }

    @Test func outOfRangeNeverTraps() {
        var screen = Screen(width: 3, height: 2)
        screen.put("x", x: 0, y: -1)
        screen.put("x", x: 0, y: 2)
        screen.put("x", x: 3, y: 0)
        screen.put("x", x: Int.max, y: Int.max)
        screen.put("x", x: Int.min, y: Int.min)
        screen.put("abc", x: Int.max - 1, y: 0, maxWidth: Int.max)
        screen.put("abc", x: Int.min, y: 0, maxWidth: Int.max)
        screen.fill(x: Int.min, y: Int.min, width: Int.max, height: Int.max, character: "#")
        screen.fill(x: Int.max, y: Int.max, width: Int.max, height: Int.max, character: "!")
        screen.fill(x: 1, y: 1, width: -4, height: -4, character: "!")
        screen.box(x: Int.min, y: Int.min, width: Int.max, height: Int.max)
        screen.box(x: Int.max, y: Int.max, width: Int.max, height: Int.max, title: "t")
        screen.box(x: 10, y: 10, width: 4, height: 4)
        screen.set(Cell(character: "!"), x: -1, y: 0)
        #expect(screen.text() == "\n")
        #expect(screen[-1, 0] == nil)
        #expect(screen[3, 0] == nil)
        #expect(screen[0, 2] == nil)
        #expect(screen.row(-1) == "")
        #expect(screen.row(2) == "")
    }

    @Test func degenerateSizes() {
        var empty = Screen(width: 0, height: 0)
        empty.put("abc", x: 0, y: 0)
        empty.box(x: 0, y: 0, width: 3, height: 3)
        empty.fill(width: 5, height: 5, character: "#")
        #expect(empty.text() == "")
        let negative = Screen(width: -3, height: -1)
        #expect(negative.width == 0 && negative.height == 0)
    }

    @Test func fillRectangleClipped() {
        var screen = Screen(width: 5, height: 4)
        screen.fill(x: 1, y: 1, width: 3, height: 2, character: "#")
        screen.fill(x: 3, y: 2, width: 10, height: 10, character: "+")
        #expect(screen.text() == "\n ###\n ##++\n   ++")
    }

    @Test func boxWithTitle() {
        var screen = Screen(width: 7, height: 4)
        screen.box(x: 0, y: 0, width: 6, height: 3, title: "Hi")
        #expect(screen.text() == "┌ Hi ┐\n│    │\n└────┘\n")
    }

    @Test func boxTitleIsClipped() {
        var screen = Screen(width: 8, height: 2)
        screen.box(x: 0, y: 0, width: 8, height: 2, title: "Totals")
        #expect(screen.text() == "┌ Total┐\n└──────┘")
        var narrow = Screen(width: 4, height: 2)
        narrow.box(x: 0, y: 0, width: 4, height: 2, title: "Totals")
        #expect(narrow.text() == "┌──┐\n└──┘")
    }

    @Test func boxLeavesInteriorAndClipsAtEdges() {
        var screen = Screen(width: 4, height: 3)
        screen.put("abcd", x: 0, y: 0)
        screen.box(x: -1, y: -1, width: 4, height: 3)
        #expect(screen.text() == "ab│d\n──┘\n")
        var tiny = Screen(width: 3, height: 3)
        tiny.box(x: 0, y: 0, width: 1, height: 3)
        tiny.box(x: 0, y: 0, width: 3, height: 1)
        #expect(tiny.text() == "\n\n")
        tiny.box(x: 0, y: 0, width: 2, height: 2)
        #expect(tiny.text() == "┌┐\n└┘\n")
    }

    @Test func boxStyleApplied() {
        var screen = Screen(width: 3, height: 3)
        let style = Style(foreground: .gray, dim: true)
        screen.box(x: 0, y: 0, width: 3, height: 3, style: style)
        #expect(screen[0, 0]?.style == style)
        #expect(screen[1, 1]?.style == .plain)
    }
}

@Suite struct KeyDecodingTests {
    @Test func controlCharacters() {
        #expect(Terminal.characterKey(3) == .ctrl("c"))
        #expect(Terminal.characterKey(1) == .ctrl("a"))
        #expect(Terminal.characterKey(26) == .ctrl("z"))
        #expect(Terminal.characterKey(9) == .tab)
        #expect(Terminal.characterKey(10) == .enter)
        #expect(Terminal.characterKey(13) == .enter)
        #expect(Terminal.characterKey(27) == .escape)
        #expect(Terminal.characterKey(127) == .backspace)
        #expect(Terminal.characterKey(8) == .backspace)
    }

    @Test func printableAndInvalid() {
        #expect(Terminal.characterKey(0x71) == .character("q"))
        #expect(Terminal.characterKey(0x4E2D) == .character("中"))
        #expect(Terminal.characterKey(0xD800) == nil)
    }

    @Test(.enabled(if: isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0))
    func refusesWithoutATerminal() {
        #expect(throws: TerminalError.notATerminal) { try Terminal() }
        #expect(TerminalError.notATerminal.description.contains("runcost compare"))
    }
}

/// Names from pricing tables reach the terminal only as harmless text.
@Suite struct NeutralisedTextTests {
    @Test func controlAndBidiScalarsNeverReachACell() {
        var screen = Screen(width: 40, height: 1)
        // ESC sequence, BEL, CR LF (one Character), C1 CSI, a letter carrying a C1 control, bidi overrides.
        let hostile = "a\u{1B}]0;t\u{7}b\r\nc\u{9B}2Jd\u{202E}e\u{2066}f"
        screen.put(hostile, x: 0, y: 0)
        let scalars = screen.text().unicodeScalars
        #expect(!scalars.contains { $0.properties.generalCategory == .control || $0.properties.isBidiControl })
        #expect(screen.text() == "a?]0;t?b c?2Jd?e?f")
        #expect(Cell.neutralised("\r\n") == " ")
        #expect(Cell.neutralised("é") == "é")
        #expect(Cell.neutralised("\u{1F468}\u{200D}\u{1F469}") == "\u{1F468}\u{200D}\u{1F469}")
    }

    @Test func hostileOfferingNamesAreShownNeutralised() throws {
        var offering = try #require(Fixture.catalog.offering("aws-lambda-arm"))
        offering.id = "aws-evil\u{1B}[2J\u{202E}x"
        offering.name = "Evil\u{7}\r\nname"
        let session = Session(offerings: [offering], today: Fixture.today)
        let model = Model(session: session, workload: try WorkloadSpec(file: Fixture.root.appendingPathComponent("examples/api.yaml").path).build())
        for mode in [[], [Key.tab, .character("e")]] {
            let m = try #require(Fixture.press(model, mode))
            let text = view(m, width: 100, height: 30).text()
            #expect(text.contains("aws-evil?[2J?x"))
            #expect(!text.unicodeScalars.contains { ($0.properties.generalCategory == .control && $0 != "\n") || $0.properties.isBidiControl })
        }
    }
}
