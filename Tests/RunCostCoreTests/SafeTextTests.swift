import Testing
@testable import RunCostCore

/// The one sanitiser every text, Markdown and CSV report uses, tested scalar by scalar.
@Suite struct SafeTextTests {
    /// Every hazard class: C0 (NUL, BEL, TAB, LF, CR, ESC, US), DEL, C1 (U+0080, CSI U+009B, U+009F),
    /// bidi embeddings, overrides, isolates and marks, and the Unicode line separators.
    static let hazards: [UInt32] = [0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F,
                                    0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                    0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029]

    @Test(arguments: hazards)
    func everyHazardIsWrittenAsAVisibleEscape(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let text = "a" + String(Character(scalar)) + "b"
        let expected = "a\\u{" + String(value, radix: 16, uppercase: true) + "}b"
        #expect(SafeText.neutralised(text) == expected)
        #expect(SafeText.isHazard(scalar))
    }

    @Test func crlfIsTwoScalarsAndBothAreNeutralised() {
        // "\r\n" is a single Character: a Character-based check would see neither "\r" nor "\n".
        let text = "Acme\r\n=cmd|' /C calc'!A0"
        #expect(Array(text).contains("\r\n") && !Array(text).contains("\n"))
        #expect(SafeText.neutralised(text) == "Acme\\u{D}\\u{A}=cmd|' /C calc'!A0")
        #expect(SafeText.neutralised(text, keepingLineBreaks: true) == "Acme\\u{D}\n=cmd|' /C calc'!A0")
    }

    @Test func harmlessTextIsUntouched() {
        for text in ["AWS Lambda (Arm64, Graviton2)", "Kōbe €0.20/1M", "naïve e\u{301}", "👩‍💻 ✅ ⚠️", "زمن", "x\u{200D}y", ""] {
            #expect(SafeText.neutralised(text) == text)
        }
        #expect(SafeText.neutralised("a\nb", keepingLineBreaks: true) == "a\nb")
    }
}

/// Grid points people can read (issue 11 item 11).
@Suite struct RoundGridTests {
    @Test func threePointsADecadeFollowOneTwoFive() {
        let r = SweepRange(from: 1e4, to: 1e7, points: 10, scale: .log)
        #expect((0..<10).map(r.value(at:)) == [1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7])
    }

    @Test func denserGridsKeepFourSignificantDigitsAndExactEnds() {
        let r = SweepRange(from: 512, to: 122_880, points: 40, scale: .log)
        let values = (0..<40).map(r.value(at:))
        #expect(values.first == 512 && values.last == 122_880)
        #expect(values[1] == 589.3 && values[38] == 106_800)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
        // 10,000 points over one decade need more digits to stay distinct; they get them.
        let dense = SweepRange(from: 1, to: 10, points: 10_000, scale: .log)
        #expect(zip((0..<10_000).map(dense.value(at:)), (1..<10_000).map(dense.value(at:))).allSatisfy { $0 < $1 })
    }

    @Test func linearPointsLoseBinaryNoise() {
        let r = SweepRange(from: 0.1, to: 0.7, points: 7, scale: .linear)
        #expect((0..<7).map(r.value(at:)) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func significantDigitsLandOnTheDecimal() {
        #expect(Format.significant(2.499999999999999, digits: 12) == 2.5)
        #expect(Format.significant(9_999_999.999999998, digits: 12) == 10_000_000)
        #expect(Format.significant(3498.6666666666665, digits: 4) == 3499)
        #expect(Format.significant(0.0008666699999999999, digits: 6) == 0.00086667)
        #expect(Format.significant(-0.5, digits: 3) == -0.5)
    }

    @Test func requestsAreWhole() {
        #expect(SweepParameter.requests.isWhole)
        let r = SweepRange(from: 1, to: 100, points: 7, scale: .log)
        var w = Workload(requestsPerMonth: 1, duration: 0.1, memoryMiB: 128)
        SweepParameter.requests.set(r.value(at: 1), on: &w)
        #expect(w.requestsPerMonth == w.requestsPerMonth.rounded())
    }
}
