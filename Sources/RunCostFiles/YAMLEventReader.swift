import CYaml

/// Builds a `YAMLNode` tree straight from libyaml's event stream, for the common case: one
/// document, no tags, keys that are single values and appear once per mapping. Anything else
/// (a syntax error, a tag, a repeated or composite key, an unknown alias, a second document) is
/// `.unusual`: the caller then composes the text with Yams, whose errors runcost reports as they
/// always were, so every message stays the same. Yams' composer made a tag object per node and a
/// dictionary per mapping to find repeated keys; that was half of loading a large table.
enum YAMLEventReader {
    enum Outcome: Equatable {
        /// The document's root, or nil when the text holds no document.
        case document(YAMLNode?)
        /// Let Yams compose it (see above).
        case unusual
    }

    static func compose(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { compose($0) }
    }

    /// A collection whose end event has not come yet; its children so far are
    /// `children[start...]` (keys and values in turn for a mapping).
    private struct Open {
        var isMapping: Bool
        var mark: YAMLNode.Mark
        var anchor: String?
        var start: Int
    }

    /// Up to this many keys, a repeated key is found by scanning; above it, with a set.
    static let scanLimit = 16

    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .unusual }
        defer { yaml_parser_delete(&parser) }
        // As Yams reads a Swift string (UTF-8), so that libyaml counts lines and columns alike.
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var event = yaml_event_t()
        var open: [Open] = []
        // The children of every open collection, innermost last: one buffer that grows once, and
        // each collection is copied out at its end into an array of exactly its size.
        var children: [YAMLNode] = []
        children.reserveCapacity(256)
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?
        var documents = 0

        /// Hands a finished node to the collection around it; false when it makes the document unusual.
        func place(_ node: YAMLNode, anchor: String?) -> Bool {
            if let anchor { anchors[anchor] = node }   // after the node ends, as Yams registers it
            guard let top = open.last else { root = node; return true }
            if top.isMapping, (children.count - top.start) % 2 == 0 {   // a key
                guard case .scalar = node else { return false }
            }
            children.append(node)
            return true
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .unusual }
            defer { yaml_event_delete(&event) }
            let mark = YAMLNode.Mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                return .document(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else { return .unusual }
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                guard s.tag == nil else { return .unusual }
                let string = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let style = YAMLNode.Scalar.Style(rawValue: UInt8(truncatingIfNeeded: s.style.rawValue)) ?? .any
                guard place(.scalar(.init(string: string, style: style, mark: mark)), anchor: text(s.anchor)) else { return .unusual }
            case YAML_SEQUENCE_START_EVENT:
                guard event.data.sequence_start.tag == nil else { return .unusual }
                open.append(Open(isMapping: false, mark: mark, anchor: text(event.data.sequence_start.anchor), start: children.count))
            case YAML_MAPPING_START_EVENT:
                guard event.data.mapping_start.tag == nil else { return .unusual }
                open.append(Open(isMapping: true, mark: mark, anchor: text(event.data.mapping_start.anchor), start: children.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let ended = open.popLast() else { return .unusual }
                let count = children.count - ended.start
                let node: YAMLNode
                if ended.isMapping {
                    guard count % 2 == 0 else { return .unusual }
                    let pairs = [(key: YAMLNode, value: YAMLNode)](unsafeUninitializedCapacity: count / 2) { buffer, initialized in
                        for i in 0..<count / 2 {
                            buffer.initializeElement(at: i, to: (children[ended.start + 2 * i], children[ended.start + 2 * i + 1]))
                        }
                        initialized = count / 2
                    }
                    guard !hasRepeatedKey(pairs) else { return .unusual }
                    node = .mapping(.init(pairs: pairs, mark: ended.mark))
                } else {
                    node = .sequence(.init(items: Array(children[ended.start...]), mark: ended.mark))
                }
                children.removeLast(count)
                guard place(node, anchor: ended.anchor) else { return .unusual }
            case YAML_ALIAS_EVENT:
                guard let name = text(event.data.alias.anchor), let node = anchors[name] else { return .unusual }
                guard place(node, anchor: nil) else { return .unusual }
            default:
                return .unusual
            }
        }
    }

    /// Whether two keys have the same text (all keys here are untagged scalars, so Yams would
    /// call them equal and refuse the mapping).
    static func hasRepeatedKey(_ pairs: [(key: YAMLNode, value: YAMLNode)]) -> Bool {
        func name(_ node: YAMLNode) -> String { node.scalar?.string ?? "" }
        if pairs.count <= scanLimit {
            for i in pairs.indices.dropFirst() {
                let key = name(pairs[i].key)
                for j in 0..<i where name(pairs[j].key) == key { return true }
            }
            return false
        }
        var seen = Set<String>(minimumCapacity: pairs.count)
        return pairs.contains { !seen.insert(name($0.key)).inserted }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
