import Foundation
import RunCostCore

/// Reads back a report written by `runcost compare --format json` (design.md §4) for `runcost diff`.
/// Anything else — another tool's JSON, an array, not JSON at all — is an `InputError` naming the
/// file and the key that is missing or wrong, never an empty report that would pass a gate.
public enum CompareJSON {
    public static func load(_ path: String) throws -> CostSnapshot {
        let text = try YAMLFile.readText(path)
        return try parse(text, path: path)
    }

    /// A JSON value, decoded strictly: `true` is a boolean, never the number 1.
    enum Value: Decodable {
        case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([Value].self) { self = .array(a) }
            else { self = .object(try c.decode([String: Value].self)) }
        }

        var kind: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    public static func parse(_ text: String, path: String) throws -> CostSnapshot {
        let hint = "; expected a report from `runcost compare --format json`"
        func fail(_ message: String) -> InputError { InputError(.wholeFile(path), message + hint) }
        let value: Value
        do {
            value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw fail("not valid JSON")
        }
        guard case .object(let root) = value else { throw fail("the top level is \(value.kind), not an object") }
        func field(_ object: [String: Value], _ key: String, _ context: String) throws -> Value {
            guard let v = object[key] else { throw fail("missing key '\(context)\(key)'") }
            return v
        }
        func string(_ object: [String: Value], _ key: String, _ context: String) throws -> String {
            let v = try field(object, key, context)
            guard case .string(let s) = v else { throw fail("'\(context)\(key)' is \(v.kind), not a string") }
            return s
        }
        func number(_ object: [String: Value], _ key: String, _ context: String) throws -> Double? {
            let v = try field(object, key, context)
            switch v {
            case .null: return nil
            case .number(let n): return n
            default: throw fail("'\(context)\(key)' is \(v.kind), not a number")
            }
        }

        let currency = try string(root, "currency", "")
        let list = try field(root, "estimates", "")
        guard case .array(let estimates) = list else { throw fail("'estimates' is \(list.kind), not an array") }
        guard !estimates.isEmpty else { throw fail("'estimates' is empty") }

        var entries: [CostSnapshot.Entry] = []
        for (i, item) in estimates.enumerated() {
            let at = "estimates[\(i)]."
            guard case .object(let e) = item else { throw fail("'estimates[\(i)]' is \(item.kind), not an object") }
            let id = try string(e, "offering", at)
            let feasibleValue = try field(e, "feasible", at)
            guard case .bool(let feasible) = feasibleValue else { throw fail("'\(at)feasible' is \(feasibleValue.kind), not true or false") }
            let cost = try number(e, "monthly_cost", at)
            if feasible && cost == nil { throw fail("'\(at)monthly_cost' is null for a feasible offering") }
            if let cost, !(cost >= 0 && cost.isFinite) { throw fail("'\(at)monthly_cost' is \(cost); a monthly cost is never negative") }
            var reasons: [String] = []
            if case .array(let rs)? = e["reasons"] {
                for case .string(let r) in rs { reasons.append(r) }
            }
            var items: [CostSnapshot.Item] = []
            if let raw = e["line_items"] {
                guard case .array(let list) = raw else { throw fail("'\(at)line_items' is \(raw.kind), not an array") }
                for (j, li) in list.enumerated() {
                    let lat = "\(at)line_items[\(j)]."
                    guard case .object(let l) = li else { throw fail("'\(at)line_items[\(j)]' is \(li.kind), not an object") }
                    let name = try string(l, "name", lat)
                    guard let c = try number(l, "cost", lat) else { throw fail("'\(lat)cost' is null") }
                    items.append(.init(name: name, cost: c))
                }
            } else if feasible {
                throw fail("missing key '\(at)line_items'")
            }
            // With an application section, line_items end with the services' meters: shown per service.
            if case .array(let services)? = e["services"] {
                var serviceItems: [CostSnapshot.Item] = [], meterCount = 0
                for (j, sv) in services.enumerated() {
                    let sat = "\(at)services[\(j)]."
                    guard case .object(let o) = sv else { throw fail("'\(at)services[\(j)]' is \(sv.kind), not an object") }
                    let sid = try string(o, "id", sat)
                    guard let c = try number(o, "monthly_cost", sat) else { throw fail("'\(sat)monthly_cost' is null") }
                    if case .array(let meters)? = o["line_items"] { meterCount += meters.count }
                    serviceItems.append(.init(name: CostSnapshot.serviceItemName(sid), cost: c))
                }
                items = Array(items.dropLast(min(meterCount, items.count))) + serviceItems
            }
            guard !entries.contains(where: { $0.id == id }) else { throw fail("offering '\(id)' appears twice in 'estimates'") }
            var name = id, entryCurrency = currency
            if case .string(let n)? = e["name"] { name = n }
            if case .string(let c)? = e["currency"] { entryCurrency = c }
            entries.append(.init(id: id, name: name, currency: entryCurrency,
                                 monthlyCost: feasible ? cost : nil, reasons: reasons, items: items))
        }

        // The workload's normalised inputs, to say what changed between the two reports.
        var inputs: [CostSnapshot.Input] = []
        if case .object(let workload)? = root["workload"] {
            for key in workload.keys.sorted() {
                let text: String
                switch workload[key]! {
                case .null: text = "null"
                case .bool(let b): text = b ? "true" : "false"
                case .number(let n): text = Format.grouped(n, maxFractionDigits: 6)
                case .string(let s): text = s
                case .array, .object: continue
                }
                inputs.append(.init(key: key, value: text))
            }
        }
        return CostSnapshot(label: path, currency: currency, entries: entries, inputs: inputs)
    }
}
