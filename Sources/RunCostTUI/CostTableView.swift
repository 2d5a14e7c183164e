import RunCostCore
import RunCostReports

/// Every shown offering, cheapest first: kind, provider, monthly cost, change since the last edit,
/// a bar scaled to the most expensive, idle share; infeasible ones greyed with their reason.
enum CostTableView {
    struct Columns {
        var id = 19, kind = 0, provider = 0, cost = 9, delta = 7, bar = 0, idle = 0, cold = 0
        /// The split of the total with an application section: services first, compute with room.
        var compute = 0, services = 0
    }

    /// Widths for an interior `width` columns wide: id and cost always, then Δ, kind, idle and a
    /// bar; with more room a longer bar, the kind spelled out, wider money and the provider; what is
    /// left widens the id, then the bar.
    static func columns(_ width: Int, split: Bool = false) -> Columns {
        var c = Columns()
        var free = width - 1 - c.id - 1 - c.cost - 1 - c.delta
        func take(_ n: Int) -> Bool {
            guard free >= n + 1 else { return false }
            free -= n + 1
            return true
        }
        // With an application, what the services add to each total matters more than kind or idle.
        if split, take(8) { c.services = 8 }
        if take(1) { c.kind = 1 }
        if take(4) { c.idle = 4 }
        if split, take(8) { c.compute = 8 }
        if take(4) { c.bar = 4 }
        if c.bar > 0 { let extra = min(8, max(0, free)); c.bar += extra; free -= extra }
        if c.kind == 1, free >= 9 { c.kind = 10; free -= 9 }
        if free >= 10 { c.cost += 2; c.delta += 2; free -= 4 }
        if free >= 23, take(12) { c.provider = 12 }
        // The cold-start share only where the table is already roomy.
        if free >= 24, take(6) { c.cold = 6 }
        let toID = min(max(0, free), 28 - c.id)
        c.id += toID
        free -= toID
        if c.bar > 0 { c.bar += max(0, free) }
        return c
    }

    /// The rows shown when `visible` fit: the selected one in the middle where possible. Only
    /// these are formatted, however many offerings there are; the chart draws from them too.
    static func rowsInView(count: Int, visible: Int, selected: Int) -> Range<Int> {
        let offset = max(0, min(count - visible, selected - visible / 2))
        return offset..<max(offset, min(count, offset + visible))
    }

    static func kindText(_ kind: OfferingKind, _ width: Int) -> String {
        guard width < kind.rawValue.count else { return kind.rawValue }
        switch kind {
        case .serverless: return "S"
        case .paas: return "P"
        case .container: return "C"
        case .vm: return "V"
        }
    }

    static func draw(_ screen: inout Screen, _ m: Model, x: Int, y: Int, width: Int, height: Int) {
        let estimates = m.analysis.estimates
        let focused = m.focus == .table
        let visible = max(0, height - 3)
        let selected = m.selectedIndex ?? 0
        let offset = rowsInView(count: estimates.count, visible: visible, selected: selected).lowerBound
        let split = m.workload.application != nil
        var title = "Monthly cost" + (split ? " (\(m.workload.effectiveScope.rawValue))" : "") + " · \(estimates.count) offering\(estimates.count == 1 ? "" : "s")"
        if estimates.count > visible, visible > 0 {
            title += " · \(offset + 1)–\(min(estimates.count, offset + visible))"
        }
        screen.box(x: x, y: y, width: width, height: height, title: title, style: focused ? Theme.focusedFrame : Theme.frame)
        let inner = width - 2
        let c = columns(inner, split: split)
        let g = m.glyphs

        // Header row.
        var hx = x + 2
        func header(_ text: String, _ w: Int, right: Bool = false) {
            guard w > 0 else { return }
            screen.put(right ? Text.padLeft(text, w) : text, x: hx, y: y + 1, style: Theme.muted, maxWidth: w)
            hx += w + 1
        }
        header("offering", c.id)
        header(c.kind >= 10 ? "kind" : "k", c.kind)
        header("provider", c.provider)
        header("compute", c.compute, right: true)
        header("services", c.services, right: true)
        header(split ? "total" : "monthly", c.cost, right: true)
        header(g.unicode ? "Δ edit" : "change", c.delta, right: true)
        header("cost", c.bar)
        header("idle", c.idle, right: true)
        header("cold", c.cold, right: true)

        guard !estimates.isEmpty else {
            screen.put("No offering matches the filters; a shows all.", x: x + 2, y: y + 2, style: Theme.error, maxWidth: inner - 1)
            return
        }
        let maxCost = estimates.lazy.filter(\.feasible).map(\.monthlyCost).max() ?? 0
        let cheapestID = estimates.first(where: \.feasible)?.offering.id

        for row in 0..<min(visible, estimates.count - offset) {
            let index = offset + row
            let e = estimates[index]
            let ry = y + 2 + row
            let isSelected = index == selected
            let isCheapest = e.offering.id == cheapestID
            var base: Style = e.feasible ? Theme.label : Theme.infeasible
            if isCheapest { base = Theme.cheapest }
            if isSelected {
                base = focused ? Theme.selected : Theme.selectedUnfocused
                base.bold = isCheapest || base.bold
                screen.fill(x: x + 1, y: ry, width: inner, height: 1, style: base)
            }
            screen.put(isSelected ? g.pointer : " ", x: x + 1, y: ry, style: base)
            var cx = x + 2
            func cell(_ text: String, _ w: Int, right: Bool = false, style: Style? = nil) {
                guard w > 0 else { return }
                let clipped = Text.clip(text, w, ellipsis: g.ellipsis)
                screen.put(right ? Text.padLeft(clipped, w) : clipped, x: cx, y: ry, style: style ?? base)
                cx += w + 1
            }
            // The id, with a pencil when its prices are what-if prices (edited here, or loaded from a saved what-if table).
            if m.priceFactors[e.offering.id] != nil || e.offering.isWhatIf {
                let id = Text.clipMiddle(e.offering.id, c.id - 2, ellipsis: g.ellipsis)
                screen.put(id, x: cx, y: ry, style: base)
                var tag = isSelected ? base : Theme.edited
                tag.bold = true
                screen.put(" " + g.pencil, x: cx + id.count, y: ry, style: tag)
                cx += c.id + 1
            } else {
                cell(Text.clipMiddle(e.offering.id, c.id, ellipsis: g.ellipsis), c.id)
            }
            cell(kindText(e.offering.kind, c.kind), c.kind)
            cell(e.offering.provider, c.provider)
            guard e.feasible else {
                cell("—", c.compute, right: true)
                cell("—", c.services, right: true)
                cell("—", c.cost, right: true)
                let reason = "infeasible: " + e.reasons.joined(separator: "; ")
                screen.put(Text.clip(reason, x + width - 1 - cx, ellipsis: g.ellipsis), x: cx, y: ry, style: isSelected ? base : Theme.infeasible)
                continue
            }
            func money(_ v: Double, _ w: Int) -> String {
                let text = m.money(v)
                return text.count <= w ? text : Format.compactMoney(v, symbol: m.currencySymbol)
            }
            let parts = m.analysis.split(e, m.workload)
            // A part the scope leaves out of the total is shown as such, not as $0.
            let computeOut = m.workload.effectiveScope == .data, servicesOut = m.workload.effectiveScope == .compute
            cell(computeOut ? "–" : parts.map { money($0.compute, c.compute) } ?? "", c.compute, right: true,
                 style: computeOut && !isSelected ? Theme.muted : nil)
            cell(servicesOut ? "–" : parts.map { money($0.services, c.services) } ?? "", c.services, right: true,
                 style: servicesOut && !isSelected ? Theme.muted : nil)
            cell(money(e.monthlyCost, c.cost), c.cost, right: true)
            let (deltaText, deltaStyle) = delta(e, m)
            cell(deltaText, c.delta, right: true, style: isSelected ? base : deltaStyle)
            if c.bar > 0 {
                let barStyle = isSelected ? base : (isCheapest ? Theme.cheapestBar : Theme.bar)
                screen.put(bar(e.monthlyCost, maxCost, c.bar, g), x: cx, y: ry, style: barStyle)
                cx += c.bar + 1
            }
            let idle = e.monthlyCost > 0 ? e.idleCost / e.monthlyCost * 100 : 0
            cell(e.idleCost > 0 ? Format.grouped(idle, maxFractionDigits: 0) + "%" : "–", c.idle, right: true,
                 style: isSelected ? base : Theme.muted)
            cell(ColdStartReport.compactShare(e), c.cold, right: true, style: isSelected ? base : Theme.muted)
        }
    }

    /// "▲$1.20" when the cost rose with the last edit, "▼…" when it fell, blank when unchanged.
    static func delta(_ e: Estimate, _ m: Model) -> (String, Style) {
        guard let before = m.previousCosts[e.offering.id] else {
            return (m.previousCosts.isEmpty ? "" : "new", Theme.muted)
        }
        let d = e.monthlyCost - before
        guard abs(d) >= 0.005 else { return ("", Theme.muted) }
        let a = abs(d)
        let amount = a >= 1_000 ? Format.compactMoney(a, symbol: m.currencySymbol)
            : a >= 100 ? m.currencySymbol + Format.grouped(a, maxFractionDigits: 0)
            : m.money(a)
        return d > 0 ? (m.glyphs.up + amount, Theme.up) : (m.glyphs.down + amount, Theme.down)
    }

    /// A bar of `width` cells for `value` of `maximum`, in eighths of a cell where Unicode allows.
    static func bar(_ value: Double, _ maximum: Double, _ width: Int, _ g: Glyphs) -> String {
        guard maximum > 0, width > 0, value > 0 else { return "" }
        let eighths = Int((value / maximum * Double(width) * 8).rounded())
        let full = min(width, eighths / 8)
        var text = String(repeating: g.barFull, count: full)
        if full < width, eighths % 8 > 0 { text.append(g.eighths[eighths % 8]) }
        // Every non-zero cost shows at least a sliver.
        if text.allSatisfy({ $0 == " " }) || text.isEmpty { text = String(g.eighths[1] == " " ? "#" : g.eighths[1]) }
        return text
    }
}
