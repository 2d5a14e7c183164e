import Foundation
import RunCostCore
import Yams

/// Reads a YAML file into Yams nodes, turning every failure into an `InputError` that names the
/// file, line and column. Decoding is by hand so that unknown keys and wrong types are located.
public struct YAMLFile {
    public let path: String
    public let root: YAMLNode

    /// Loads and parses `path`. Missing, directory, binary, empty and malformed files are errors.
    public init(path: String) throws {
        try self.init(text: YAMLFile.readText(path), path: path == "-" ? "<stdin>" : path)
    }

    /// Parses `text` already in memory (a table compiled into the binary); errors name `path`.
    public init(text: String, path: String) throws {
        try self.init(text: text, path: path, composer: .events)
    }

    /// How text becomes a tree: from libyaml's events (fast), or with Yams' composer, which the
    /// events path hands anything unusual to (so that every error reads as it always has) and
    /// which the tests compare it with.
    enum Composer { case events, yams }

    init(text: String, path: String, composer: Composer) throws {
        self.path = path
        let node: YAMLNode?
        switch composer {
        case .events:
            switch YAMLEventReader.compose(text) {
            case .document(let root): node = root
            case .unusual: node = try YAMLFile.composeWithYams(text, path: path)
            }
        case .yams:
            node = try YAMLFile.composeWithYams(text, path: path)
        }
        guard let node, !(node.scalar.map { $0.string.isEmpty } ?? false) else {
            throw InputError(.wholeFile(self.path), "the file is empty; expected a YAML mapping")
        }
        root = node
    }

    /// Composes with Yams, checks tags, and converts the tree; errors located as runcost reports them.
    static func composeWithYams(_ text: String, path: String) throws -> YAMLNode? {
        let node: Yams.Node?
        do {
            // Every value is read as text and parsed by runcost, so skip Yams' regex tag resolution.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw YAMLFile.locate(error, path: path)
        }
        guard let node else { return nil }
        // An empty document is reported as such before any tag on it.
        if let scalar = node.scalar, scalar.string.isEmpty { return converted(node) }
        try YAMLFile.rejectTags(node, path: path)
        return converted(node)
    }

    static func converted(_ node: Yams.Node) -> YAMLNode {
        let mark = node.mark.map { YAMLNode.Mark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let s):
            return .scalar(.init(string: s.string, style: YAMLNode.Scalar.Style(rawValue: UInt8(truncatingIfNeeded: s.style.rawValue)) ?? .any, mark: mark))
        case .mapping(let m):
            return .mapping(.init(pairs: m.map { (converted($0.key), converted($0.value)) }, mark: mark))
        case .sequence(let s):
            return .sequence(.init(items: s.map(converted), mark: mark))
        case .alias:
            // Yams' composer replaces every alias with the node it names.
            return .scalar(.init(string: "", style: .any, mark: mark))
        }
    }

    /// The most runcost reads from one file or stream: far above any real table, workload or
    /// trace (a year of per-minute counts is ~15 MB), and a stream has no size to check first.
    public static let sizeLimit = 64 << 20

    /// Reads a UTF-8 text file, or any readable stream (`/dev/stdin`, a FIFO, `<(…)`); `-` is
    /// standard input. Refuses folders, binary data, missing and unreadable files with the real cause.
    public static func readText(_ path: String) throws -> String {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw InputError(.wholeFile(path), "no such file")
            case EACCES: throw InputError(.wholeFile(path), "cannot be read: permission denied")
            default: throw InputError(.wholeFile(path), "cannot be read: \(SystemIO.explain(code))")
            }
        }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw InputError(.wholeFile(path), "is a directory; expected a file")
        }
        let bytes: [UInt8]
        switch SystemIO.readAll(fd, limit: sizeLimit) {
        case .success(let b): bytes = b
        case .failure(.tooLarge):
            throw InputError(.wholeFile(path), "is larger than \(sizeLimit >> 20) MiB, the most runcost reads from one file")
        case .failure(.errno(let code)):
            throw InputError(.wholeFile(path), "cannot be read: \(SystemIO.explain(code))")
        }
        var data = bytes[...]
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }   // a byte-order mark, as spreadsheets write
        guard !data.contains(0), let text = String(validating: data, as: UTF8.self) else {
            throw InputError(.wholeFile(path), "is not a UTF-8 text file")
        }
        return text
    }

    static func locate(_ error: YamlError, path: String) -> InputError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return InputError(.file(path, line: mark.line, column: mark.column), "malformed YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams refuses duplicate keys before runcost's own check sees them; say it the same way.
            let key = duplicates.first ?? "a key"
            let (line, column) = secondOccurrence(of: key, in: context.text) ?? (context.mark.line, context.mark.column)
            return InputError(.file(path, line: line, column: column), "'\(key)' appears twice in the same mapping")
        case let .reader(problem, _, _, _):
            return InputError(.wholeFile(path), "cannot read YAML: \(problem)")
        default:
            return InputError(.wholeFile(path), "malformed YAML: \(error)")
        }
    }

    /// Line and column of the second `key:` at one indentation within one block mapping.
    static func secondOccurrence(of key: String, in text: String) -> (Int, Int)? {
        var seenAt: [Int: Bool] = [:]   // indentation → key already seen in the current block
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let content = line.drop { $0 == " " || $0 == "-" }
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            let indent = line.count - content.count
            for level in seenAt.keys where level > indent { seenAt[level] = nil }   // that block ended
            if line.prefix(indent).contains("-") { seenAt[indent] = nil }   // a list item starts a new mapping
            let name = content.prefix { $0 != ":" }
            let bare = name.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            guard bare == key, content.dropFirst(name.count).first == ":" else { continue }
            if seenAt[indent] == true { return (index + 1, indent + 1) }
            seenAt[indent] = true
        }
        return nil
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
        return items.items
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
    private var entries: [(key: String, keyMark: YAMLNode.Mark?, value: YAMLNode, read: Bool)] = []
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
        for (key, value) in mapping.pairs {
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
