import Foundation
import RunCostCore
import Yams

/// Reads a YAML file into Yams nodes, turning every failure into an `InputError` that names the
/// file, line and column. Decoding is by hand so that unknown keys and wrong types are located.
public struct YAMLFile {
    public let path: String
    public let root: Node

    /// Loads and parses `path`. Missing, directory, binary, empty and malformed files are errors.
    public init(path: String) throws {
        self.path = path
        let text = try YAMLFile.readText(path)
        let node: Node?
        do {
            // Every value is read as text and parsed by runcost, so skip Yams' regex tag resolution.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw YAMLFile.locate(error, path: path)
        }
        guard let node, !(node.scalar.map { $0.string.isEmpty } ?? false) else {
            throw InputError(.wholeFile(path), "the file is empty; expected a YAML mapping")
        }
        try YAMLFile.rejectTags(node, path: path)
        root = node
    }

    /// Reads a UTF-8 text file; refuses directories, binary data and missing files with a clear error.
    public static func readText(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.wholeFile(path), "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(.wholeFile(path), "is a directory; expected a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.wholeFile(path), "cannot be read (permission denied?)")
        }
        // Over the bytes at once: Data's element iterator and `String(data:encoding:)` took a
        // tenth of loading a table of 10,000 offerings.
        let text = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            let utf8 = bytes.bindMemory(to: UInt8.self)
            guard !utf8.contains(0) else { return nil }
            // A byte-order mark is not text (libyaml would skip it too).
            let bom = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return String(validating: UnsafeBufferPointer(rebasing: utf8[bom...]), as: UTF8.self)
        }
        guard let text else { throw InputError(.wholeFile(path), "is not a UTF-8 text file") }
        return text
    }

    static func locate(_ error: YamlError, path: String) -> InputError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return InputError(.file(path, line: mark.line, column: mark.column), "malformed YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams' own text for this error quotes the whole document: name the key and its place.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return InputError(.file(path, line: context.mark.line, column: context.mark.column),
                              "\(keys) appears more than once in one mapping (first here)")
        case let .reader(problem, _, _, _):
            return InputError(.wholeFile(path), "cannot read YAML: \(problem)")
        default:
            return InputError(.wholeFile(path), "malformed YAML: \(error)")
        }
    }

    public func origin(of node: Node) -> Origin {
        node.mark.map { .file(path, line: $0.line, column: $0.column) } ?? .wholeFile(path)
    }

    public func mapping(_ node: Node, _ what: String) throws -> Fields {
        try Fields(self, node, what)
    }

    public func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard case .sequence(let items) = node else {
            throw InputError(origin(of: node), "\(what) must be a list")
        }
        return Array(items)
    }

    /// The text of a scalar (numbers too, exactly as written); anything else is an error.
    public func scalar(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw InputError(origin(of: node), "\(what) must be a single value, not a \(node.isMapping ? "mapping" : "list")")
        }
        return scalar.string
    }

    public func string(_ node: Node, _ what: String) throws -> String {
        let text = YAMLFile.trimmingWhitespace(try scalar(node, what))
        guard !text.isEmpty else { throw InputError(origin(of: node), "\(what) must not be empty") }
        return text
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when neither end can be
    /// white space (an ASCII character other than space and tab): almost every value.
    static func trimmingWhitespace(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last,
           first < 0x80, first != 0x20, first != 0x09, last < 0x80, last != 0x20, last != 0x09 {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A quantity in base units, checked against `range`.
    public func quantity(_ node: Node, _ what: String, _ kind: Quantity.Kind, _ range: ClosedRange<Double>) throws -> Double {
        try Fields.check(scalar(node, what), what, kind, range, origin(of: node))
    }

    public func bool(_ node: Node, _ what: String) throws -> Bool {
        try Fields.bool(scalar(node, what), what, origin(of: node))
    }

    public func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, _ type: T.Type) throws -> T where T.RawValue == String {
        try Fields.choice(string(node, what), what, type, origin(of: node))
    }
}

/// A YAML mapping being decoded: remembers which keys were read so leftovers can be reported
/// as unknown fields with the nearest known name. Per entry a flag, and the names asked for in a
/// list: a pricing table has tens of thousands of mappings of a few keys each, where hashing
/// every name cost more than scanning the entries.
public struct Fields {
    public let file: YAMLFile
    public let node: Node
    let what: String
    /// Each key with where it stands (not its node: copying nodes cost more than reading them).
    private var entries: [(key: String, keyMark: Mark?, value: Node, read: Bool)] = []
    /// Every name asked for, in order (with repeats): the known names when no list is given.
    private var asked: [String] = []

    /// Up to this many keys, duplicates are found by scanning; above it, with a set.
    static let scanLimit = 16

    init(_ file: YAMLFile, _ node: Node, _ what: String) throws {
        self.file = file; self.node = node; self.what = what
        guard case .mapping(let mapping) = node else {
            throw InputError(file.origin(of: node), "\(what) must be a mapping of field: value")
        }
        entries.reserveCapacity(mapping.count)
        asked.reserveCapacity(24)   // the longest list of optional fields, once
        var seen: Set<String>? = mapping.count > Fields.scanLimit ? [] : nil
        for (key, value) in mapping {
            guard case .scalar(let k) = key else { throw InputError(file.origin(of: key), "keys must be plain names") }
            let name = k.string
            let repeated = seen != nil ? seen?.insert(name).inserted == false : entries.contains { $0.key == name }
            guard !repeated else {
                throw InputError(file.origin(of: key), "'\(name)' appears twice in \(what)")
            }
            entries.append((name, k.mark, value, false))
        }
    }

    public var keys: [String] { entries.map(\.key) }

    public mutating func optional(_ key: String) -> Node? {
        asked.append(key)
        guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
        entries[i].read = true
        let value = entries[i].value
        if case .scalar(let s) = value, s.style == .plain, s.string.isEmpty || s.string == "~" || s.string == "null" {
            return nil
        }
        return value
    }

    public mutating func required(_ key: String) throws -> Node {
        guard let value = optional(key) else {
            throw InputError(file.origin(of: node), "\(what) is missing the required field '\(key)'")
        }
        return value
    }

    /// Fails on the first key that was never read, suggesting the nearest known one.
    public func rejectUnknown(known: [String]) throws {
        for entry in entries where !entry.read {
            throw InputError(entry.keyMark.map { .file(file.path, line: $0.line, column: $0.column) } ?? .wholeFile(file.path),
                             "unknown field '\(entry.key)' in \(what)" + Suggestion.hint(entry.key, in: known))
        }
    }

    public func rejectUnknown() throws {
        guard entries.contains(where: { !$0.read }) else { return }
        var names: [String] = []
        for name in asked where !names.contains(name) { names.append(name) }
        try rejectUnknown(known: names)
    }

    // Shared value checks, used for YAML fields and command-line flags alike.

    public static func check(_ text: String, _ what: String, _ kind: Quantity.Kind, _ range: ClosedRange<Double>, _ origin: Origin) throws -> Double {
        switch Quantity.parse(text, as: kind) {
        case .failure(let error): throw InputError(origin, "\(what): \(error.message)")
        case .success(let value):
            guard range.contains(value) else {
                throw InputError(origin, "\(what): '\(text)' is out of range; expected \(describe(range, kind))")
            }
            return value
        }
    }

    static func describe(_ range: ClosedRange<Double>, _ kind: Quantity.Kind) -> String {
        func show(_ v: Double) -> String {
            switch kind {
            case .duration: Format.duration(v)
            case .memory: Format.memory(v)
            case .count: Format.count(v)
            default: Format.grouped(v, maxFractionDigits: 6)
            }
        }
        if range.lowerBound == 0 { return "at most \(show(range.upperBound))" }
        return "from \(show(range.lowerBound)) to \(show(range.upperBound))"
    }

    public static func bool(_ text: String, _ what: String, _ origin: Origin) throws -> Bool {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw InputError(origin, "\(what): expected true or false, got '\(text)'")
        }
    }

    public static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ what: String, _ type: T.Type, _ origin: Origin) throws -> T where T.RawValue == String {
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        throw InputError(origin, "\(what): expected one of \(names.joined(separator: ", ")), got '\(text)'" + Suggestion.hint(text, in: names))
    }
}

extension Node {
    var isMapping: Bool { if case .mapping = self { true } else { false } }
}
