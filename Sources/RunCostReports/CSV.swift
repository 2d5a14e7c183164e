/// RFC 4180 CSV: quoted where needed, CRLF-free, a final newline, and text cells that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'`.
public enum CSV {
    public enum Cell: Sendable {
        case text(String)
        case number(Double?)   // nil → empty cell
    }

    public static func row(_ cells: [Cell]) -> String {
        cells.map(render).joined(separator: ",") + "\n"
    }

    public static func header(_ names: [String]) -> String { row(names.map { .text($0) }) }

    static func render(_ cell: Cell) -> String {
        switch cell {
        case .number(let n): return n.flatMap { $0.isFinite ? JSON.format($0) : nil } ?? ""
        case .text(var s):
            if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { s = "'" + s }
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
    }
}
