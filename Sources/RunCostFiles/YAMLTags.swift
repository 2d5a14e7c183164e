import RunCostCore
import Yams

extension YAMLFile {
    /// The tags an untagged node resolves to. runcost reads every value as text and parses it
    /// itself, so any other tag (`!foo 1M`, `!!float 1`) would be silently ignored: it is refused
    /// where it stands. (`!!str`, `!!map`, `!!seq` say what runcost assumes anyway.)
    static let plainTags: Set<String> = ["tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]

    static let plainStr = "tag:yaml.org,2002:str", plainMap = "tag:yaml.org,2002:map", plainSeq = "tag:yaml.org,2002:seq"

    static func rejectTags(_ node: Yams.Node, path: String) throws {
        let name = node.tag.description
        // Compared, not hashed: every node of a 10,000-offering table passes here.
        guard name == plainStr || name == plainMap || name == plainSeq || plainTags.contains(name) else {
            let at = node.mark.map { Origin.file(path, line: $0.line, column: $0.column) } ?? .wholeFile(path)
            throw InputError(at, "YAML tag '\(name)' is not supported; write the plain value")
        }
        switch node {
        case .mapping(let m): for (k, v) in m { try rejectTags(k, path: path); try rejectTags(v, path: path) }
        case .sequence(let s): for item in s { try rejectTags(item, path: path) }
        default: break
        }
    }
}
