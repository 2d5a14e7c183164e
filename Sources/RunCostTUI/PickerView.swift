import RunCostCore

/// A checklist of providers or offerings: Space toggles, `a` turns all on, Esc closes.
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
        }
    }

    static func draw(_ screen: inout Screen, _ m: Model, kind: PickerKind, cursor: Int, x: Int, y: Int, width: Int, height: Int) {
        let title = (kind == .providers ? "Providers" : "Offerings") + " · Space toggles · a all · Esc done"
        screen.box(x: x, y: y, width: width, height: height, title: title, style: Theme.focusedFrame)
        let list = items(m, kind)
        let rows = height - 2
        let top = max(0, min(cursor - rows / 2, list.count - rows))
        for (row, index) in (top..<min(list.count, top + rows)).enumerated() {
            let item = list[index]
            let selected = index == cursor
            let style: Style = selected ? Theme.selected : (item.shown ? Theme.label : Theme.muted)
            if selected { screen.fill(x: x + 1, y: y + 1 + row, width: width - 2, height: 1, style: style) }
            let box = item.shown ? "[" + m.glyphs.check + "] " : "[ ] "
            screen.put(box + item.label, x: x + 2, y: y + 1 + row, style: style, maxWidth: width - 3)
        }
        if kind == .offerings, !m.filters.hiddenKinds.isEmpty || !m.filters.hiddenProviders.isEmpty {
            let note = " kind and provider filters also apply "
            screen.put(note, x: x + width - note.count - 2, y: y + height - 1, style: Theme.muted)
        }
    }
}
