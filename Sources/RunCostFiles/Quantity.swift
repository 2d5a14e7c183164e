import Foundation
import RunCostCore

/// Human quantities as people write them: `3M`, `1.5e9`, `120ms`, `15min`, `512MB`, `1.5GiB`, `70%`.
/// Results are in base units: counts, seconds, MiB, or plain numbers.
public enum Quantity {
    public enum Kind: Sendable {
        case count, duration, memory, number, fraction

        /// The unit table, built once: a table per call cost more than the number itself.
        var units: [String: Double] {
            switch self {
            case .count: Kind.countUnits
            case .duration: Kind.durationUnits
            case .memory: Kind.memoryUnits
            case .number: Kind.numberUnits
            case .fraction: Kind.fractionUnits
            }
        }
        static let countUnits: [String: Double] = ["": 1, "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9]
        static let durationUnits: [String: Double] = ["ms": 0.001, "s": 1, "sec": 1, "min": 60, "h": 3600, "hr": 3600, "d": 86400]
        static let memoryUnits: [String: Double] = ["KB": 1.0 / 1024, "KiB": 1.0 / 1024, "MB": 1, "MiB": 1, "GB": 1024, "GiB": 1024, "TB": 1_048_576, "TiB": 1_048_576]
        static let numberUnits: [String: Double] = ["": 1]
        static let fractionUnits: [String: Double] = ["": 1, "%": 0.01]

        var example: String {
            switch self {
            case .count: "a count like 3M, 250k or 1.5e9"
            case .duration: "a duration like 120ms, 2s, 15min or 1h"
            case .memory: "a memory size like 512MB or 1.5GB"
            case .number: "a number"
            case .fraction: "a fraction like 0.7 or 70%"
            }
        }
    }

    static let blanks = CharacterSet(charactersIn: " \t")

    /// A plain decimal number (`16`, `1.16`, `6e1`), or nil: no hex (`0x10`), no `nan`/`inf`, no
    /// invisible characters, which `Double(_:)` would accept.
    public static func decimal(_ text: String) -> Double? {
        try? parse(text, as: .number).get()
    }

    /// Parses `text`; on failure returns a message saying what was expected.
    public static func parse(_ text: String, as kind: Kind) -> Result<Double, QuantityError> {
        if let value = parseASCII(text, as: kind) { return .success(value) }
        return parseCharacters(text, as: kind)
    }

    /// The same grammar as `parseCharacters` over the bytes of an all-ASCII text, without
    /// grapheme breaking or Foundation trimming: a loader reads tens of thousands of quantities.
    /// Nil for anything else (non-ASCII text, or any error), which the full parser then reports.
    static func parseASCII(_ text: String, as kind: Kind) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var lo = 0, hi = bytes.count
            while lo < hi, isBlank(bytes[lo]) { lo += 1 }
            while hi > lo, isBlank(bytes[hi - 1]) { hi -= 1 }
            guard lo < hi, bytes[lo] != UInt8(ascii: "-") else { return nil }
            if bytes[lo] == UInt8(ascii: "+") { lo += 1 }
            var end = lo
            while end < hi, isDigit(bytes[end]) { end += 1 }
            if end < hi, bytes[end] == UInt8(ascii: ".") { end += 1; while end < hi, isDigit(bytes[end]) { end += 1 } }
            if end < hi, bytes[end] == UInt8(ascii: "e") || bytes[end] == UInt8(ascii: "E") {
                var e = end + 1
                if e < hi, bytes[e] == UInt8(ascii: "+") || bytes[e] == UInt8(ascii: "-") { e += 1 }
                if e < hi, isDigit(bytes[e]) { end = e; while end < hi, isDigit(bytes[end]) { end += 1 } }
            }
            guard end > lo, !(end == lo + 1 && bytes[lo] == UInt8(ascii: ".")) else { return nil }
            var unitStart = end
            while unitStart < hi, isBlank(bytes[unitStart]) { unitStart += 1 }
            let unit = String(decoding: UnsafeBufferPointer(rebasing: bytes[unitStart..<hi]), as: UTF8.self)
            guard let factor = kind.units[unit],
                  let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<end]), as: UTF8.self)),
                  value.isFinite else { return nil }
            let result = unit == "%" ? value / 100 : value * factor   // as in parseCharacters
            return result.isFinite ? result : nil
        }
    }

    static func parseCharacters(_ text: String, as kind: Kind) -> Result<Double, QuantityError> {
        // Only ASCII blanks are trimmed: a zero-width or other invisible space is not a number.
        let trimmed = text.trimmingCharacters(in: Quantity.blanks)
        guard !trimmed.isEmpty else { return .failure(QuantityError("expected \(kind.example), got nothing")) }
        var scalars = Substring(trimmed)
        if scalars.hasPrefix("-") { return .failure(QuantityError("expected \(kind.example), got '\(text)': must not be negative")) }
        if scalars.hasPrefix("+") { scalars = scalars.dropFirst() }
        // The number: digits, optional fraction, optional exponent. Nothing lenient.
        var end = scalars.startIndex
        func take(_ allowed: (Character) -> Bool) { while end < scalars.endIndex, allowed(scalars[end]) { end = scalars.index(after: end) } }
        take { $0.isASCII && $0.isNumber }
        if end < scalars.endIndex, scalars[end] == "." { end = scalars.index(after: end); take { $0.isASCII && $0.isNumber } }
        if end < scalars.endIndex, scalars[end] == "e" || scalars[end] == "E" {
            var e = scalars.index(after: end)
            if e < scalars.endIndex, scalars[e] == "+" || scalars[e] == "-" { e = scalars.index(after: e) }
            if e < scalars.endIndex, scalars[e].isASCII, scalars[e].isNumber { end = e; take { $0.isASCII && $0.isNumber } }
        }
        let numberText = scalars[..<end]
        let unit = scalars[end...].trimmingCharacters(in: Quantity.blanks)
        guard !numberText.isEmpty, numberText != ".", let value = Double(numberText) else {
            return .failure(QuantityError("expected \(kind.example), got '\(text)'"))
        }
        guard value.isFinite else { return .failure(QuantityError("expected \(kind.example), got '\(text)': out of range")) }
        guard let factor = kind.units[unit] else {
            let known = kind.units.keys.filter { !$0.isEmpty }.sorted()
            let what = unit.isEmpty ? "a unit is required" : "unknown unit '\(unit)'" + Suggestion.hint(unit, in: known)
            return .failure(QuantityError("expected \(kind.example), got '\(text)': \(what)" + (known.isEmpty ? "" : "; units: " + known.joined(separator: ", "))))
        }
        let result = unit == "%" ? value / 100 : value * factor   // 70 / 100 is exactly 0.7; 70 × 0.01 is not
        guard result.isFinite else { return .failure(QuantityError("expected \(kind.example), got '\(text)': out of range")) }
        return .success(result)
    }
}

public struct QuantityError: Error, Sendable, Equatable {
    public var message: String
    init(_ message: String) { self.message = message }
}

extension Quantity {
    /// Money as `250`, `250 USD`, `$250` or `12.5 EUR`. Never lenient: `lots` or `eight cents` is an
    /// error, not zero. Returns the amount and the currency code if one was written.
    public static func money(_ text: String) -> Result<(amount: Double, currency: String?), QuantityError> {
        var body = text.trimmingCharacters(in: .whitespaces)
        var currency: String?
        if body.hasPrefix("$") { currency = "USD"; body.removeFirst() }
        else if body.hasPrefix("€") { currency = "EUR"; body.removeFirst() }
        let parts = body.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 2, currency == nil {
            let code = String(parts[1])
            guard code.count == 3, code.allSatisfy({ $0.isUppercase && $0.isLetter }) else {
                return .failure(QuantityError("expected an amount like 250 or 250 USD, got '\(text)'"))
            }
            currency = code
            body = String(parts[0])
        }
        switch parse(body, as: .number) {
        case .success(let amount) where amount <= 1e12: return .success((amount, currency))
        case .success: return .failure(QuantityError("expected an amount like 250 or 250 USD, got '\(text)': out of range"))
        case .failure: return .failure(QuantityError("expected an amount like 250 or 250 USD, got '\(text)'"))
        }
    }
}
