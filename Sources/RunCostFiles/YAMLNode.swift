/// One node of a parsed YAML document, as runcost reads it: scalars keep their text exactly as
/// written (runcost parses every value itself), and every node keeps where it starts, for located
/// errors. Lighter than Yams' `Node` (no tag object, anchor or resolver per node): a table of
/// 10,000 offerings has about a million of them.
public enum YAMLNode: Equatable, Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Line and column (both from 1, columns counted in characters) where a node starts.
    public struct Mark: Equatable, Sendable {
        public var line: Int { Int(storedLine) }
        public var column: Int { Int(storedColumn) }
        let storedLine: UInt32, storedColumn: UInt32

        public init(line: Int, column: Int) {
            storedLine = UInt32(clamping: line); storedColumn = UInt32(clamping: column)
        }
    }

    public struct Scalar: Equatable, Sendable {
        public var string: String
        public var style: Style
        public var mark: Mark?

        /// How the value was written (libyaml's scalar styles): a plain `~` is null, a quoted one is text.
        public enum Style: UInt8, Sendable {
            case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
        }
    }

    public struct Mapping: Equatable, Sendable, RandomAccessCollection {
        public var pairs: [(key: YAMLNode, value: YAMLNode)]
        public var mark: Mark?

        public var startIndex: Int { 0 }
        public var endIndex: Int { pairs.count }
        public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
        public var keys: [YAMLNode] { pairs.map(\.key) }

        public static func == (a: Mapping, b: Mapping) -> Bool {
            a.mark == b.mark && a.pairs.elementsEqual(b.pairs) { $0.key == $1.key && $0.value == $1.value }
        }
    }

    public struct Sequence: Equatable, Sendable, RandomAccessCollection {
        public var items: [YAMLNode]
        public var mark: Mark?

        public var startIndex: Int { 0 }
        public var endIndex: Int { items.count }
        public subscript(position: Int) -> YAMLNode { items[position] }
    }

    public var mark: Mark? {
        switch self {
        case .scalar(let s): s.mark
        case .mapping(let m): m.mark
        case .sequence(let s): s.mark
        }
    }

    public var scalar: Scalar? { if case .scalar(let s) = self { s } else { nil } }
}

/// The loaders were written against Yams' `Node`; this module's name shadows Yams' in every file
/// here, so they read the lighter tree unchanged.
public typealias Node = YAMLNode
