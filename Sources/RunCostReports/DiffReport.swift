import RunCostCore

/// `runcost diff`: old and new monthly cost per offering, the change in money and percent, and the
/// line items that moved. Rows in the new report's order (cheapest first), then removed offerings.
public struct DiffReport: Sendable {
    public var diff: CostDiff
    /// The `--fail-above` verdict, when one was asked for.
    public var gate: String?
    /// Tables list every offering, or (the default) only those that changed; JSON always has all.
    public var showUnchanged: Bool

    public init(_ diff: CostDiff, gate: String? = nil, showUnchanged: Bool = false) {
        self.diff = diff; self.gate = gate; self.showUnchanged = showUnchanged
    }

    /// Unchanged: the same cost, or infeasible before and after.
    var shownRows: [CostDiff.Row] { showUnchanged ? diff.rows : diff.rows.filter { $0.change != .unchanged && $0.change != .infeasible } }

    /// "12 unchanged offerings not shown (--all lists them)." or nothing.
    var hiddenNote: String? {
        let hidden = diff.rows.count - shownRows.count
        return hidden > 0 ? "\(hidden) unchanged offering\(hidden == 1 ? "" : "s") not shown (--all lists them)." : nil
    }

    static func money(_ v: Double?, _ currency: String) -> String {
        guard let v else { return "–" }
        return Format.money(v, symbol: Format.symbol(for: currency))
    }

    static func signedMoney(_ v: Double?, _ currency: String) -> String {
        guard let v else { return "–" }
        let cents = Budget.cents(v)
        return (cents > 0 ? "+" : "") + Format.money(cents, symbol: Format.symbol(for: currency))
    }

    static func signedPercent(_ p: Double?) -> String {
        guard let p else { return "–" }
        guard p.isFinite else { return "+∞%" }
        let text = Format.grouped(p, maxFractionDigits: 2)
        return (p > 0 && text != "0" ? "+" : "") + text + "%"
    }

    static func side(_ present: Bool, _ cost: Double?, _ currency: String) -> String {
        present ? (cost.map { money($0, currency) } ?? "infeasible") : "absent"
    }

    /// "Compute (GB-seconds) $4.20 → $5.10 (+$0.90); Requests +$0.20 (new)".
    static func items(_ r: CostDiff.Row) -> String {
        r.items.map { i in
            switch (i.old, i.new) {
            case let (o?, n?): "\(i.name) \(money(o, r.currency)) → \(money(n, r.currency)) (\(signedMoney(i.delta, r.currency)))"
            case let (nil, n?): "\(i.name) \(money(n, r.currency)) (new)"
            case let (o?, nil): "\(i.name) \(money(o, r.currency)) (gone)"
            case (nil, nil): i.name
            }
        }.joined(separator: "; ")
    }

    static let headers = ["offering", "old", "new", "change", "%", "status", "line items that moved"]
    static let alignments: [TextTable.Alignment] = [.left, .right, .right, .right, .right, .left, .left]

    var rows: [[String]] {
        shownRows.map { r in
            [r.id, Self.side(r.oldPresent, r.old, r.currency), Self.side(r.newPresent, r.new, r.currency),
             Self.signedMoney(r.delta, r.currency), Self.signedPercent(r.percent), r.change.rawValue, Self.items(r)]
        }
    }

    var inputLines: [String] {
        diff.inputs.map { "\($0.key): \($0.old ?? "absent") → \($0.new ?? "absent")" }
    }

    var summary: String {
        let up = diff.rows.filter { $0.change == .increased }.count, down = diff.rows.filter { $0.change == .decreased }.count
        let other = diff.rows.filter { ![.increased, .decreased, .unchanged, .infeasible].contains($0.change) }.count
        return "\(up) increased, \(down) decreased, \(diff.rows.count - up - down - other) unchanged" + (other > 0 ? ", \(other) added, removed or (in)feasible" : "")
    }

    public func table() -> String {
        var out = "Cost diff: \(diff.old) → \(diff.new)\n"
        if !inputLines.isEmpty { out += "Workload changed: " + inputLines.joined(separator: "; ") + "\n" }
        if rows.isEmpty { out += "\nNo offering's cost changed.\n" } else {
            var table = TextTable(Self.headers, alignments: Self.alignments)
            rows.forEach { table.add($0) }
            out += "\n" + table.rendered()
        }
        out += "\n" + summary + ".\n" + (hiddenNote.map { $0 + "\n" } ?? "")
        if let gate { out += gate + "\n" }
        return SafeText.neutralised(out, keepingLineBreaks: true)
    }

    public func markdown() -> String {
        var out = "## runcost cost diff\n\n`\(diff.old)` → `\(diff.new)`\n\n"
        if !inputLines.isEmpty { out += "**Workload changed:** " + inputLines.joined(separator: "; ") + "\n\n" }
        out += (rows.isEmpty ? "No offering's cost changed.\n" : MarkdownTable.render(Self.headers, Self.alignments, rows))
        out += "\n" + summary + ".\n" + (hiddenNote.map { "\n" + $0 + "\n" } ?? "")
        if let gate { out += "\n**Gate:** " + gate + "\n" }
        return SafeText.neutralised(out, keepingLineBreaks: true)
    }

    public func json() -> String {
        JSON.object([
            ("old", .string(diff.old)),
            ("new", .string(diff.new)),
            ("workload_changes", .array(diff.inputs.map { i in
                .object([("key", .string(i.key)), ("old", i.old.map { .string($0) } ?? .null), ("new", i.new.map { .string($0) } ?? .null)])
            })),
            ("offerings", .array(diff.rows.map { r in
                .object([
                    ("offering", .string(r.id)),
                    ("name", .string(r.name)),
                    ("currency", .string(r.currency)),
                    ("status", .string(r.change.rawValue)),
                    ("old_monthly_cost", JSON.number(r.old)),
                    ("new_monthly_cost", JSON.number(r.new)),
                    ("change", JSON.number(r.delta)),
                    ("change_percent", JSON.number(r.percent)),
                    ("reasons", .array(r.reasons.map { .string($0) })),
                    ("line_items", .array(r.items.map { i in
                        .object([("name", .string(i.name)), ("old", JSON.number(i.old)), ("new", JSON.number(i.new)), ("change", .number(i.delta))])
                    })),
                ])
            })),
            ("gate", gate.map { .string($0) } ?? .null),
        ]).rendered() + "\n"
    }
}
