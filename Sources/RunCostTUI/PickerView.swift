import RunCostCore

/// A checklist of providers or offerings (Space toggles, `a` turns all on, Esc closes), or the
/// choice of one service for an application field (Enter picks).
enum PickerView {
    static func items(_ m: Model, _ kind: PickerKind) -> [(label: String, shown: Bool)] {
        switch kind {
        case .providers:
            return m.providers.map { p in
                let count = m.session.offerings.filter { $0.provider == p }.count
                return ("\(p) (\(count) offering\(count == 1 ? "" : "s"))", !m.filters.hiddenProviders.contains(p))
            }
        case .offerings:
            return m.session.offerings.map { o in
                (Text.padRight(o.id, 30) + " " + Text.padRight(o.kind.rawValue, 10) + " " + o.provider,
                 !m.filters.hiddenOfferings.contains(o.id))
            }
        case .service(let field):
            let current = ApplicationStepping.choice(field, m.workload) ?? .auto
            let names = Dictionary(m.session.services.map { ($0.id, $0) }, uniquingKeysWith: { _, later in later })
            return ApplicationStepping.choices(field, m.session.services).map { choice in
                let label: String = switch choice {
                case .auto: "auto  (each offering's stack default)"
                case .none: "none  (leave it out)"
                case .functionURL: "function-url  (the offering's own URL)"
                case .id(let id): Text.padRight(id, 26) + " " + (names[id].map { "\($0.provider) · \($0.name)" + ($0.verified ? "" : " [U]") } ?? "")
                }
                return (label, choice == current)
            }
        }
    }

    static func draw(_ screen: inout Screen, _ m: Model, kind: PickerKind, cursor: Int, x: Int, y: Int, width: Int, height: Int) {
        let title: String = switch kind {
        case .providers: "Providers · Space toggles · a all · Esc done"
        case .offerings: "Offerings · Space toggles · a all · Esc done"
        case .service(let field): "\(field.name) · Enter picks · Esc keeps"
        }
        screen.box(x: x, y: y, width: width, height: height, title: title, style: Theme.focusedFrame)
        let radio: Bool = if case .service = kind { true } else { false }
        let list = items(m, kind)
        let rows = height - 2
        let top = max(0, min(cursor - rows / 2, list.count - rows))
        for (row, index) in (top..<min(list.count, top + rows)).enumerated() {
            let item = list[index]
            let selected = index == cursor
            let style: Style = selected ? Theme.selected : (item.shown ? Theme.label : Theme.muted)
            if selected { screen.fill(x: x + 1, y: y + 1 + row, width: width - 2, height: 1, style: style) }
            let box = radio ? (item.shown ? "(" + m.glyphs.check + ") " : "( ) ") : item.shown ? "[" + m.glyphs.check + "] " : "[ ] "
            screen.put(box + item.label, x: x + 2, y: y + 1 + row, style: style, maxWidth: width - 3)
        }
        if kind == .offerings, !m.filters.hiddenKinds.isEmpty || !m.filters.hiddenProviders.isEmpty {
            let note = " kind and provider filters also apply "
            screen.put(note, x: x + width - note.count - 2, y: y + height - 1, style: Theme.muted)
        }
    }
}
