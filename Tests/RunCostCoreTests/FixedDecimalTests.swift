import Foundation
import Testing
import RunCostTestSupport
@testable import RunCostCore

/// `Format.fixed` must write exactly what `String(format: "%.Nf")` writes (it replaced it in
/// every renderer), ties and binary noise included.
struct FixedDecimalTests {
    @Test func tiesRoundHalfToEvenOnTheBinaryValue() {
        #expect(Format.fixed(0.125, digits: 2) == "0.12")      // an exact tie: to even
        #expect(Format.fixed(0.375, digits: 2) == "0.38")
        #expect(Format.fixed(2.5, digits: 0) == "2")
        #expect(Format.fixed(3.5, digits: 0) == "4")
        #expect(Format.fixed(1.005, digits: 2) == "1.00")      // 1.00499999999999989…
        #expect(Format.fixed(0.0000166667, digits: 10) == "0.0000166667")
        #expect(Format.fixed(0, digits: 3) == "0.000")
        #expect(Format.fixed(0.4, digits: 0) == "0")
        #expect(Format.fixed(9.995, digits: 2) == "9.99")      // 9.99499999999999921…
        #expect(Format.fixed(123456789.125, digits: 2) == "123456789.12")
    }

    @Test func matchesPrintfOverEveryMagnitude() {
        var rng = SplitMix64(seed: 20261130)
        var checked = 0
        for digits in 0...15 {
            for _ in 0..<4_000 {
                // Magnitudes from 1e-18 to 1e22, half of them on a decimal grid (ties and near-ties).
                let exponent = Double(rng.next() % 41) - 18
                var value = pow(10, exponent) * Double(rng.next() % 1_000_000) / 1e5
                if rng.next() % 2 == 0 { value = (value * 1000).rounded() / 1000 + Double(rng.next() % 3) * 0.0005 }
                #expect(Format.fixed(value, digits: digits) == String(format: "%.\(digits)f", value), "\(value) \(digits)")
                #expect(Format.trimmed(value, maxFractionDigits: digits) == Self.trimmedPrintf(value, digits), "\(value) \(digits)")
                checked += 1
            }
        }
        for value in [-0.0, -1e-9, -0.125, -2.5, -1234.5678, -Double.infinity, Double.infinity] {
            for digits in [0, 2, 6, 10] { #expect(Format.fixed(value, digits: digits) == String(format: "%.\(digits)f", value)) }
        }
        for value in [Double.leastNormalMagnitude, .leastNonzeroMagnitude, 4.5e15, 9.007199254740993e15, 1e300, 0.5, 1.5, 1e-5] {
            for digits in 0...15 { #expect(Format.fixed(value, digits: digits) == String(format: "%.\(digits)f", value)) }
        }
        #expect(checked == 64_000)
    }

    @Test func trimmedDropsOnlyTheFractionsZeros() {
        #expect(Format.trimmed(1.5, maxFractionDigits: 3) == "1.5")
        #expect(Format.trimmed(2, maxFractionDigits: 3) == "2")
        #expect(Format.trimmed(100, maxFractionDigits: 0) == "100")
        #expect(Format.trimmed(1e10, maxFractionDigits: 0) == "10000000000")
        #expect(Format.trimmed(0.0000166667, maxFractionDigits: 10) == "0.0000166667")
        #expect(Format.trimmed(-0.25, maxFractionDigits: 6) == "-0.25")
    }

    /// What the renderers did before: printf, then the fraction's zeros and a bare point removed.
    static func trimmedPrintf(_ value: Double, _ digits: Int) -> String {
        var text = String(format: "%.\(digits)f", value)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
