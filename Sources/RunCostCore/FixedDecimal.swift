import Foundation

extension Format {
    /// `value` with exactly `digits` decimals, the text C's `%.*f` writes: the binary value
    /// rounded half to even at that decimal. Worked in integers because Foundation's
    /// `String(format:)` was most of the seventh of `runcost compare`'s run spent formatting
    /// numbers, and two fifths of a CSV sweep's; values out of the integer range (or subnormal)
    /// still go through it.
    public static func fixed(_ value: Double, digits: Int) -> String {
        decimal(value, digits: digits, trimmed: false)
    }

    /// `fixed` without the fraction's trailing zeros (and without a bare point): `1.5`, `2`.
    public static func trimmed(_ value: Double, maxFractionDigits digits: Int) -> String {
        decimal(value, digits: digits, trimmed: true)
    }

    private static func decimal(_ value: Double, digits: Int, trimmed: Bool) -> String {
        if value.sign == .minus { return "-" + decimal(-value, digits: digits, trimmed: trimmed) }
        var scaled: UInt64 = 0, digits = digits
        if value == 0, digits >= 0 {
            scaled = 0
        } else if value.isNormal, digits >= 0, digits < powersOfTen.count, let q = scaledRounded(value, digits) {
            scaled = q
        } else {
            var text = String(format: "%.\(digits)f", value)
            if trimmed && text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
        if trimmed { while digits > 0 && scaled % 10 == 0 { scaled /= 10; digits -= 1 } }
        var text = String(scaled)
        guard digits > 0 else { return text }
        if text.utf8.count <= digits { text = String(repeating: "0", count: digits + 1 - text.utf8.count) + text }
        text.insert(".", at: text.utf8.index(text.endIndex, offsetBy: -digits))
        return text
    }

    private static let powersOfTen: [UInt64] = (0...15).map { (0..<$0).reduce(1) { p, _ in p * 10 } }

    /// value × 10^digits rounded half to even, exactly, or nil when it does not fit in 62 bits.
    private static func scaledRounded(_ value: Double, _ digits: Int) -> UInt64? {
        // value = m × 2^shift exactly, m < 2^53; m × 10^digits < 2^103 as a 128-bit (hi, lo).
        let m = value.significandBitPattern | (1 << 52)
        let shift = Int(value.exponent) - 52
        let (hi, lo) = m.multipliedFullWidth(by: powersOfTen[digits])
        let limit: UInt64 = 1 << 62
        if shift >= 0 {
            guard hi == 0, shift < 62, lo < limit >> UInt64(shift) else { return nil }
            return lo << UInt64(shift)
        }
        let k = -shift
        // Shifted by more than 104 bits the product is below one half: it rounds to zero.
        guard k <= 104 else { return 0 }
        let quotient: UInt64, remainder: (UInt64, UInt64), half: (UInt64, UInt64)
        if k >= 64 {
            let s = UInt64(k - 64)
            quotient = hi >> s
            remainder = (s == 0 ? 0 : hi & ((1 << s) - 1), lo)
            half = s == 0 ? (0, 1 << 63) : (1 << (s - 1), 0)
        } else {
            let s = UInt64(k)
            guard hi >> s == 0 else { return nil }
            quotient = (hi << (64 - s)) | (lo >> s)
            remainder = (0, lo & ((1 << s) - 1))
            half = (0, 1 << (s - 1))
        }
        guard quotient < limit else { return nil }
        return remainder > half || (remainder == half && quotient & 1 == 1) ? quotient + 1 : quotient
    }
}
