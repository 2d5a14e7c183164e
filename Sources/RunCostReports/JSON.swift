import Foundation
import RunCostCore

/// A JSON value with ordered keys, so reports are deterministic and read in a sensible order.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.rendered() == b.rendered() }

    /// Non-finite numbers have no JSON form; they become null rather than invalid output.
    public static func number(_ value: Double?) -> JSON {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    public func rendered(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += JSON.format(n)
        case .string(let s): out += JSON.quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent + 1)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += end + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += pad + JSON.quote(key) + ": "
                value.write(to: &out, indent: indent + 1)
                out += i < pairs.count - 1 ? ",\n" : "\n"
            }
            out += end + "}"
        }
    }

    /// Shortest round-tripping form; whole numbers without a fraction.
    static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // Every hazard (C0, DEL, C1, bidi controls) stays escaped, so a terminal showing the JSON
            // never acts on it; a JSON reader gets the exact text back.
            case let c where SafeText.isHazard(c): out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// JSON text written piece by piece into one growing buffer, handed on in blocks: for documents
/// of millions of values (sweeps), where building a `JSON` tree per row and re-indenting it cost
/// twenty times the CSV. Keys that repeat on every row are quoted once by the caller (`quoted`).
public struct JSONText {
    public private(set) var text = ""
    static let block = 1 << 16

    public init() { text.reserveCapacity(JSONText.block + 4096) }

    public mutating func raw(_ s: String) { text.append(s) }
    public mutating func string(_ s: String) { text.append(JSON.quote(s)) }
    /// null for nil and non-finite values, like `JSON.number(_:)`.
    public mutating func number(_ n: Double?) {
        if let n, n.isFinite { text.append(JSON.format(n)) } else { text.append("null") }
    }

    /// `"key": ` ready to append, for keys written on every row.
    public static func quoted(_ key: String) -> String { JSON.quote(key) + ": " }

    /// Hands the buffer to `emit` once it holds a block (always when `force`).
    public mutating func flush(_ emit: (String) -> Void, force: Bool = false) {
        guard force || text.utf8.count >= JSONText.block, !text.isEmpty else { return }
        emit(text)
        text.removeAll(keepingCapacity: true)
    }
}
