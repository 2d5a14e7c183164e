import Testing
@testable import RunCostReports
import RunCostCore

/// CSV stays one record per line and formula-safe whatever a name holds (issue 13 item 4).
@Suite struct CSVTests {
    @Test func crlfInANameCannotStartARecord() {
        let row = CSV.row([.text("Acme\r\n=cmd|' /C calc'!A0"), .number(1)])
        #expect(row == "Acme\\u{D}\\u{A}=cmd|' /C calc'!A0,1\n")
        #expect(row.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count == 1)
    }

    @Test func formulasAreDefusedAndSpecialsQuoted() {
        #expect(CSV.row([.text("=1+1"), .text("-2"), .text("@x"), .text("+3")]) == "'=1+1,'-2,'@x,'+3\n")
        #expect(CSV.row([.text("\r=cmd")]) == "\\u{D}=cmd\n")
        #expect(CSV.row([.text("a,b"), .text("say \"hi\"")]) == "\"a,b\",\"say \"\"hi\"\"\"\n")
    }

    @Test func moneyHasAtMostSixDecimals() {
        #expect(CSV.row([.money(0.0008666699999999999), .money(2.6000100000000004), .money(70.08), .money(nil), .money(-0.0000001)])
                == "0.000867,2.60001,70.08,,0\n")
        #expect(CSV.row([.price(2.0000000000000002e-07), .price(0.0000166667), .price(0.0416)]) == "0.0000002,0.0000166667,0.0416\n")
    }

    @Test func markdownCellsCannotBreakTheRow() {
        let md = MarkdownTable.render(["a"], [.left], [["x|y\r\nz\u{1B}[2J"]])
        #expect(md == "| a |\n|---|\n| x\\|y\\u{D}\\u{A}z\\u{1B}[2J |\n")
    }

    @Test func textTablesNeutraliseEveryCell() {
        var t = TextTable(["name"], alignments: [.left])
        t.add(["bad\u{1B}]0;title\u{07}"])
        #expect(t.rendered() == "name\n──────────────────────\nbad\\u{1B}]0;title\\u{7}\n")
    }
}
