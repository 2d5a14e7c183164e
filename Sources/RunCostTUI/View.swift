import Foundation
import RunCostCore
import RunCostFiles

/// The smallest screen the layout is designed for.
public let minimumSize = (width: 80, height: 24)

/// Renders the model into a `width`×`height` grid. Pure: reads only the model's cached analysis.
///
///     ┌ header: workload name, what-if marker, offering count, ? help ────────────────┐
///     │ Workload panel │ Cost table (sorted, bars, Δ since last edit)                  │
///     │ (inputs)       ├──────────────────────────────────────────────────────────────┤
///     │ summary/errors │ Break-even chart + next break-even sentences                   │
///     ├ message line: prompts, errors, hints ──────────────────────────────────────────┤
///     └ status line: workload file, pricing layers and their as_of dates ──────────────┘
public func view(_ model: Model, width: Int, height: Int) -> Screen {
    var screen = layout(model, width: width, height: height)
    if !model.session.unicode {
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                guard var cell = screen[x, y], !cell.character.isASCII else { continue }
                cell.character = Glyphs.ascii(cell.character)
                screen.set(cell, x: x, y: y)
            }
        }
    }
    return screen
}

func layout(_ model: Model, width: Int, height: Int) -> Screen {
    var screen = Screen(width: width, height: height)
    guard width >= minimumSize.width, height >= minimumSize.height else {
        drawTooSmall(&screen)
        return screen
    }
    let leftWidth = width >= 120 ? 32 : 28
    let bodyTop = 1, bodyHeight = height - 3
    drawHeader(&screen, model)
    let panelHeight = drawWorkloadPanel(&screen, model, x: 0, y: bodyTop, width: leftWidth)
    drawSummary(&screen, model, x: 0, y: bodyTop + panelHeight, width: leftWidth, height: bodyHeight - panelHeight)

    let rightX = leftWidth, rightWidth = width - leftWidth
    switch model.mode {
    case .explain(let scroll):
        ExplainView.draw(&screen, model, x: rightX, y: bodyTop, width: rightWidth, height: bodyHeight, scroll: scroll)
    case let .picker(kind, cursor):
        PickerView.draw(&screen, model, kind: kind, cursor: cursor, x: rightX, y: bodyTop, width: rightWidth, height: bodyHeight)
    default:
        let tableBox = tableHeight(model, bodyHeight: bodyHeight)
        CostTableView.draw(&screen, model, x: rightX, y: bodyTop, width: rightWidth, height: tableBox)
        ChartView.draw(&screen, model, x: rightX, y: bodyTop + tableBox, width: rightWidth, height: bodyHeight - tableBox)
    }
    drawMessageLine(&screen, model, y: height - 2)
    drawStatusLine(&screen, model, y: height - 1)
    if model.mode == .help { HelpView.draw(&screen, model) }
    return screen
}

/// The cost table's height in a body `bodyHeight` rows high. A folded chart keeps a box with its
/// break-even sentences; otherwise small screens split the rows about evenly and large ones give
/// the chart three fifths.
func tableHeight(_ model: Model, bodyHeight: Int) -> Int {
    let rows = model.analysis.estimates.count
    return model.chartCollapsed
        ? max(6, bodyHeight - ChartView.collapsedHeight)
        : max(6, min(rows + 3, bodyHeight < 24 ? bodyHeight / 2 : bodyHeight * 2 / 5))
}

/// How many table rows a `height`-row screen shows (the table's box, less its frame and header).
func tableRowsShown(_ model: Model, height: Int) -> Int {
    max(0, tableHeight(model, bodyHeight: height - 3) - 3)
}

/// The whole message, wrapped to the window however small, centred; keys wait until it is enlarged.
func drawTooSmall(_ screen: inout Screen) {
    let paragraphs = [("terminal too small (need \(minimumSize.width)×\(minimumSize.height))", Theme.error),
                      ("now \(screen.width)×\(screen.height): enlarge the window, or q to quit", Theme.label)]
    let lines = paragraphs.flatMap { text, style in Text.wrap(text, screen.width).map { ($0, style) } }
    let top = max(0, (screen.height - lines.count) / 2)
    for (i, (line, style)) in lines.prefix(screen.height).enumerated() {
        screen.put(line, x: max(0, (screen.width - line.count) / 2), y: top + i, style: style)
    }
}

func drawHeader(_ screen: inout Screen, _ m: Model) {
    screen.fill(y: 0, width: screen.width, height: 1, style: Theme.header)
    var title = " runcost"
    if let name = m.workloadName { title += " · " + name }
    if let description = m.workloadDescription { title += " — " + description }
    let shown = m.analysis.offerings.count, total = m.session.offerings.count
    let right = "\(shown)/\(total) offerings · ? help · q quit "
    var x = screen.width - right.count
    if m.pricesEdited {
        let tag = " \(m.glyphs.pencil) WHAT-IF PRICES (\(m.priceFactors.count)) "
        x -= tag.count + 1
        screen.put(tag, x: x, y: 0, style: Theme.editedTag)
    }
    screen.put(right, x: screen.width - right.count, y: 0, style: Theme.header)
    screen.put(Text.clip(title, max(0, x - 1), ellipsis: m.glyphs.ellipsis), x: 0, y: 0, style: Style(bold: true, reverse: true))
}

/// The inputs, one per row; returns the panel's height.
func drawWorkloadPanel(_ screen: inout Screen, _ m: Model, x: Int, y: Int, width: Int) -> Int {
    let fields = InputField.visible(for: m.workload)
    let height = fields.count + 2
    let focused = m.focus == .workload
    screen.box(x: x, y: y, width: width, height: height, title: "Workload", style: focused ? Theme.focusedFrame : Theme.frame)
    let labelWidth = 12, valueX = x + 1 + 1 + labelWidth, valueWidth = width - 3 - labelWidth
    for (i, field) in fields.enumerated() {
        let row = y + 1 + i
        let selected = field == m.field
        var editing: (text: String, error: String?)?
        if case let .editing(f, text, error) = m.mode, f == field { editing = (text, error) }
        let rowStyle: Style = selected ? (focused ? Theme.selected : Theme.selectedUnfocused) : Theme.label
        if selected { screen.fill(x: x + 1, y: row, width: width - 2, height: 1, style: rowStyle) }
        screen.put(selected ? m.glyphs.pointer : " ", x: x + 1, y: row, style: rowStyle)
        screen.put(field.label, x: x + 2, y: row, style: rowStyle, maxWidth: labelWidth)
        if let editing {
            screen.fill(x: valueX, y: row, width: valueWidth, height: 1, style: Theme.input)
            let visible = String(editing.text.suffix(max(0, valueWidth - 1)))
            let end = screen.put(visible, x: valueX, y: row, style: Theme.input)
            screen.put(String(m.glyphs.cursor), x: end, y: row, style: Style(bold: true))
            if editing.error != nil { screen.put("!", x: x + 1, y: row, style: Theme.error) }
        } else {
            var style = selected ? rowStyle : Theme.value
            style.bold = true
            screen.put(Text.clip(field.display(m.workload, glyphs: m.glyphs), valueWidth, ellipsis: m.glyphs.ellipsis),
                       x: valueX, y: row, style: style)
        }
    }
    return height
}

/// Under the inputs: the typing error in full, or the cheapest offering and the active filters.
func drawSummary(_ screen: inout Screen, _ m: Model, x: Int, y: Int, width: Int, height: Int) {
    guard height > 0 else { return }
    var lines: [(String, Style)] = []
    if case let .editing(field, _, error) = m.mode {
        if let error {
            lines += Text.wrap("✗ " + error, width - 1).map { ($0, Theme.error) }
        } else {
            lines += Text.wrap("\(field.label): \(field.example)", width - 1).map { ($0, Theme.info) }
        }
    } else {
        if let best = m.analysis.estimates.first, best.feasible, height < 3 {
            // 80×24 leaves one line under the inputs: the cheapest in one, cost first so it survives clipping.
            lines.append(("cheapest " + m.money(best.monthlyCost) + " " + best.offering.id, Theme.cheapest))
        } else if let best = m.analysis.estimates.first, best.feasible {
            lines.append(("cheapest:", Theme.muted))
            lines.append((" " + Text.clipMiddle(best.offering.id, width - 2, ellipsis: m.glyphs.ellipsis), Theme.cheapest))
            lines.append((" " + m.money(best.monthlyCost) + "/month", Theme.cheapest))
        } else if !m.analysis.estimates.isEmpty {
            lines.append(("nothing can run this", Theme.error))
        }
        var filters: [String] = []
        if !m.filters.hiddenKinds.isEmpty {
            filters.append("hidden " + OfferingKind.allCases.filter(m.filters.hiddenKinds.contains).map(\.rawValue).joined(separator: ","))
        }
        if !m.filters.hiddenProviders.isEmpty { filters.append("\(m.filters.hiddenProviders.count) providers off") }
        if !m.filters.hiddenOfferings.isEmpty { filters.append("\(m.filters.hiddenOfferings.count) offerings off") }
        if !m.filters.search.isEmpty { filters.append("search “\(m.filters.search)”") }
        if !filters.isEmpty {
            lines.append(("filters (a clears):", Theme.muted))
            for f in filters { lines.append((" " + f, Theme.label)) }
        }
    }
    for (i, line) in lines.prefix(height).enumerated() {
        screen.put(Text.clip(line.0, width - 1, ellipsis: m.glyphs.ellipsis), x: x + 1, y: y + i, style: line.1)
    }
}

func drawMessageLine(_ screen: inout Screen, _ m: Model, y: Int) {
    let width = screen.width
    func promptLine(_ label: String, _ text: String, _ hint: String, _ error: String?) {
        var x = screen.put(label, x: 1, y: y, style: Theme.title)
        x = screen.put(text, x: x, y: y, style: Theme.input)
        x = screen.put(String(m.glyphs.cursor), x: x, y: y, style: Style(bold: true))
        if let error {
            screen.put("  ✗ " + error, x: x, y: y, style: Theme.error, maxWidth: width - x)
        } else {
            screen.put("  " + hint, x: x, y: y, style: Theme.muted, maxWidth: width - x)
        }
    }
    switch m.mode {
    case let .editing(field, text, error):
        promptLine("\(field.label) = ", text, "type \(field.example) · Enter sets · Esc cancels", error)
    case .search:
        promptLine("/ ", m.filters.search, "search offerings · Enter keeps · Esc clears", nil)
    case let .prompt(prompt, text, error):
        let label: String
        switch prompt {
        case .saveWorkload: label = "Save workload as: "
        case .exportCSV: label = "Export table as CSV: "
        case .priceOffering(let id): label = "Price change for \(id): "
        case .priceProvider(let p): label = "Price change for every \(p) offering: "
        }
        let hint: String = switch prompt {
        case .saveWorkload, .exportCSV: "Enter writes · Esc cancels"
        case .priceOffering, .priceProvider: "e.g. -20%, +15%, x0.8, 0% resets · Esc cancels"
        }
        promptLine(label, text, hint, error)
    case let .confirmOverwrite(_, paths):
        screen.put(" " + Text.clip(paths.joined(separator: ", "), width / 2) + " already exists. Overwrite? (y/n) ",
                   x: 0, y: y, style: Style(foreground: .yellow, bold: true, reverse: true))
    default:
        if let message = m.message {
            screen.put(Text.clip(" " + message.text, width, ellipsis: m.glyphs.ellipsis), x: 0, y: y,
                       style: message.isError ? Theme.error : Theme.info)
        } else {
            let hint = m.focus == .workload
                ? "↑↓ input ←→ step Enter type Tab table e explain / search s save x csv ? help"
                : "↑↓ offering ←→ step Enter explain Space hide -/+ price Tab inputs ? help"
            screen.put(" " + Text.clip(m.session.unicode ? hint : ascii(hint), width - 1), x: 0, y: y, style: Theme.muted)
        }
    }
}

/// The hint line in the C locale.
func ascii(_ text: String) -> String {
    text.replacingOccurrences(of: "↑↓", with: "Up/Down").replacingOccurrences(of: "←→", with: "Left/Right")
}

func drawStatusLine(_ screen: inout Screen, _ m: Model, y: Int) {
    var parts: [String] = [m.session.workloadPath ?? "workload from flags"]
    if m.pricesEdited { parts.append("what-if prices on \(m.priceFactors.count) offering\(m.priceFactors.count == 1 ? "" : "s") (R resets)") }
    let layers = m.session.layers.map { layer in
        "\(layer.path)" + (layer.oldestAsOf.map { " (as_of \($0)\(layerDates(layer, m)))" } ?? "")
    }
    parts.append("pricing: " + (layers.isEmpty ? "given offerings" : layers.joined(separator: " < ")))
    if let note = m.session.leftOutNote { parts.append(note) }
    screen.fill(y: y, width: screen.width, height: 1, style: Theme.muted)
    screen.put(Text.clip(" " + parts.joined(separator: " · "), screen.width, ellipsis: m.glyphs.ellipsis), x: 0, y: y, style: Theme.muted)
}

/// "…2025-10-01" when a layer's offerings carry more than one date: the newest.
func layerDates(_ layer: PricingLayer, _ m: Model) -> String {
    let ids = Set(layer.offeringIDs)
    let dates = m.session.offerings.filter { ids.contains($0.id) }.map(\.asOf)
    guard let newest = dates.max(), let oldest = layer.oldestAsOf, newest != oldest else { return "" }
    return "…\(newest)"
}
