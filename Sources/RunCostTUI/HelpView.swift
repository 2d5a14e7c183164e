/// The `?` overlay: every key, in two columns so it fits 80×24.
enum HelpView {
    typealias Section = (title: String, keys: [(key: String, what: String)])

    static let left: [Section] = [
        ("Workload", [
            ("↑↓ j k", "select an input"),
            ("←→ h l", "step it (~×1.25)"),
            ("Enter", "type it: 120ms, 3M"),
            ("f", "free tier on/off"),
        ]),
        ("Offerings", [
            ("Tab", "switch inputs/table"),
            ("↑↓ PgUp/Dn", "select an offering"),
            ("Enter e", "explain: line items"),
            ("1 2 3 4", "serverless/paas/ctr/vm"),
            ("p o", "pick providers/offerings"),
            ("Space", "hide the selected one"),
            ("/ a", "search; a shows all"),
        ]),
        ("Application", [
            ("A", "application inputs/back"),
            ("Enter", "on a service: pick one"),
            ("S", "scope compute/app"),
        ]),
    ]

    static let right: [Section] = [
        ("What-if prices", [
            ("- +", "offering prices −/+5%"),
            ("%", "offering: -20%, x0.8"),
            ("$", "its whole provider"),
            ("R", "reset all prices"),
        ]),
        ("Files and screen", [
            ("s", "save workload (+prices)"),
            ("x", "export table as CSV"),
            ("c", "fold/unfold the chart"),
            ("g", "chart: braille/ASCII"),
            ("Ctrl-L", "redraw"),
            ("?", "this help"),
            ("q Ctrl-C", "quit"),
        ]),
    ]

    /// A column's lines: section titles (bold) and `key  what` rows.
    static func lines(_ sections: [Section], unicode: Bool) -> [(text: String, title: Bool)] {
        var out: [(String, Bool)] = []
        for section in sections {
            if !out.isEmpty { out.append(("", false)) }
            out.append((section.title, true))
            for (key, what) in section.keys {
                let k = unicode ? key : key.replacingOccurrences(of: "↑↓", with: "Up/Dn").replacingOccurrences(of: "←→", with: "Lt/Rt")
                out.append((" " + Text.padRight(k, 11) + what, false))
            }
        }
        return out
    }

    static func draw(_ screen: inout Screen, _ m: Model) {
        let columns = [lines(left, unicode: m.session.unicode), lines(right, unicode: m.session.unicode)]
        let width = min(screen.width - 2, 90)
        let height = min(screen.height - 2, columns.map(\.count).max()! + 2)
        let x = (screen.width - width) / 2, y = max(1, (screen.height - height) / 2)
        screen.fill(x: x, y: y, width: width, height: height)
        screen.box(x: x, y: y, width: width, height: height, title: "Keys · any key closes", style: Theme.focusedFrame)
        let columnWidth = (width - 3) / 2
        for (c, column) in columns.enumerated() {
            for (i, line) in column.prefix(height - 2).enumerated() {
                screen.put(line.text, x: x + 2 + c * (columnWidth + 1), y: y + 1 + i,
                           style: line.title ? Theme.title : Theme.label, maxWidth: columnWidth - 1)
            }
        }
    }
}
