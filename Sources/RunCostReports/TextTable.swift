import RunCostCore

/// A plain-text table with aligned columns, for terminals and `--format table`.
public struct TextTable {
    public enum Alignment: Sendable { case left, right }
    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(_ headers: [String], alignments: [Alignment]) {
        self.headers = headers; self.alignments = alignments
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func rendered() -> String {
        let all = ([headers] + rows).map { $0.map { SafeText.neutralised($0) } }
        let widths = headers.indices.map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return alignments[c] == .right ? pad + cells[c] : cells[c] + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(all[0]), rule] + all.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }
}

/// A Markdown pipe table. Cells are neutralised (no control or bidi scalar, so no line break can
/// end a row early) and `|` is escaped.
public enum MarkdownTable {
    public static func render(_ headers: [String], _ alignments: [TextTable.Alignment], _ rows: [[String]]) -> String {
        func escape(_ s: String) -> String { SafeText.neutralised(s).replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + alignments.map { $0 == .right ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
