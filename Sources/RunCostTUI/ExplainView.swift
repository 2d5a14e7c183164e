import RunCostCore
import RunCostReports

/// One offering's line items, formulas and assumptions (the text of `runcost explain`), scrollable.
enum ExplainView {
    static func lines(_ m: Model, width: Int) -> [String] {
        guard let e = m.selectedEstimate else { return ["No offering selected."] }
        var text = ""
        if let factor = m.priceFactors[e.offering.id] {
            text += "What-if: prices \(Model.percentText(factor)) of the table (R resets all edits).\n\n"
        }
        text += ExplainReport.text(e, m.workload, workloadName: m.workloadName)
        if !m.session.unicode { text = text.replacingOccurrences(of: "─", with: "-").replacingOccurrences(of: "—", with: "-") }
        return Text.wrap(text, width)
    }

    static func draw(_ screen: inout Screen, _ m: Model, x: Int, y: Int, width: Int, height: Int, scroll: Int) {
        let id = m.selectedID ?? ""
        screen.box(x: x, y: y, width: width, height: height, title: "Explain · \(id) · ↑↓ scroll · Esc closes", style: Theme.focusedFrame)
        let body = lines(m, width: width - 3)
        let rows = height - 2
        let top = max(0, min(scroll, body.count - rows))
        for (i, line) in body.dropFirst(top).prefix(rows).enumerated() {
            let style: Style = line.hasPrefix("Infeasible") ? Theme.error
                : line.hasPrefix("What-if") ? Theme.edited
                : line.hasPrefix("  Monthly total") ? Theme.value
                : Theme.label
            screen.put(line, x: x + 2, y: y + 1 + i, style: style, maxWidth: width - 3)
        }
        if body.count > rows {
            let more = "\(top + 1)–\(min(body.count, top + rows)) of \(body.count)"
            screen.put(" \(more) ", x: x + width - more.count - 4, y: y + height - 1, style: Theme.muted)
        }
    }
}
