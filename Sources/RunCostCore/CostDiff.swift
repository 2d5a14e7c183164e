// MARK: cost diffs

/// What each offering cost in one report (a `compare --format json` file, or a pricing folder),
/// reduced to what a diff needs.
public struct CostSnapshot: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var name: String
        public var cost: Double
        public init(name: String, cost: Double) { self.name = name; self.cost = cost }
    }

    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String
        public var currency: String
        /// Nil when the offering cannot run the workload.
        public var monthlyCost: Double?
        public var reasons: [String]
        public var items: [Item]

        public init(id: String, name: String, currency: String, monthlyCost: Double?, reasons: [String] = [], items: [Item] = []) {
            self.id = id; self.name = name; self.currency = currency
            self.monthlyCost = monthlyCost; self.reasons = reasons; self.items = items
        }
    }

    /// A workload input as written in the report (`requests_per_month` → `3000000`).
    public struct Input: Sendable, Equatable {
        public var key: String
        public var value: String
        public init(key: String, value: String) { self.key = key; self.value = value }
    }

    public var label: String
    public var currency: String
    public var entries: [Entry]
    public var inputs: [Input]

    public init(label: String, currency: String, entries: [Entry], inputs: [Input] = []) {
        self.label = label; self.currency = currency; self.entries = entries; self.inputs = inputs
    }

    /// A service's changes show as one item per service (`service aws-alb`), not meter by meter.
    public static func serviceItemName(_ id: String) -> String { "service " + id }

    public init(label: String, currency: String, estimates: [Estimate]) {
        self.init(label: label, currency: currency, entries: estimates.map { e in
            Entry(id: e.offering.id, name: e.offering.name, currency: e.offering.currency,
                  monthlyCost: e.feasible ? e.monthlyCost : nil, reasons: e.reasons,
                  items: e.computeLineItems.map { Item(name: $0.name, cost: $0.cost) }
                    + e.services.map { Item(name: CostSnapshot.serviceItemName($0.id), cost: $0.cost) })
        })
    }
}

/// Old against new, per offering: costs, the change in money and percent, the line items that moved.
/// Money is compared in cents, as it is shown.
public struct CostDiff: Sendable, Equatable {
    public enum Change: String, Sendable, Equatable {
        case increased, decreased, unchanged, added, removed
        case nowInfeasible = "now-infeasible", nowFeasible = "now-feasible", infeasible
    }

    public struct ItemChange: Sendable, Equatable {
        public var name: String
        public var old: Double?
        public var new: Double?
        public var delta: Double { (new ?? 0) - (old ?? 0) }
    }

    public struct Row: Sendable, Equatable {
        public var id: String
        public var name: String
        public var currency: String
        public var old: Double?
        public var new: Double?
        public var oldPresent: Bool
        public var newPresent: Bool
        public var reasons: [String]
        public var change: Change
        /// The items whose cost moved by at least a cent, or that appeared or disappeared.
        public var items: [ItemChange]

        public var delta: Double? {
            guard let old, let new else { return nil }
            return Budget.cents(new) - Budget.cents(old)
        }

        /// Nil when either side is missing or infeasible; infinite when a free offering starts costing.
        public var percent: Double? {
            guard let old, let new else { return nil }
            return Budget.over(Budget.cents(new), Budget.cents(old))
        }
    }

    public struct InputChange: Sendable, Equatable {
        public var key: String
        public var old: String?
        public var new: String?
    }

    public var old: String
    public var new: String
    public var rows: [Row]
    public var inputs: [InputChange]

    public static func between(_ a: CostSnapshot, _ b: CostSnapshot) -> CostDiff {
        var rows: [Row] = []
        for n in b.entries {
            let o = a.entries.first { $0.id == n.id }
            rows.append(row(o, n))
        }
        for o in a.entries where !b.entries.contains(where: { $0.id == o.id }) { rows.append(row(o, nil)) }
        rows.sort { x, y in
            // New cost, cheapest first; then offerings infeasible now; then those removed.
            func rank(_ r: Row) -> Int { r.newPresent ? (r.new != nil ? 0 : 1) : 2 }
            if rank(x) != rank(y) { return rank(x) < rank(y) }
            if let p = x.new, let q = y.new, p != q { return p < q }
            return x.id < y.id
        }
        var inputs: [InputChange] = []
        for i in b.inputs {
            let before = a.inputs.first { $0.key == i.key }?.value
            if before != i.value { inputs.append(InputChange(key: i.key, old: before, new: i.value)) }
        }
        for i in a.inputs where !b.inputs.contains(where: { $0.key == i.key }) {
            inputs.append(InputChange(key: i.key, old: i.value, new: nil))
        }
        return CostDiff(old: a.label, new: b.label, rows: rows, inputs: inputs)
    }

    static func row(_ o: CostSnapshot.Entry?, _ n: CostSnapshot.Entry?) -> Row {
        let any = (n ?? o)!
        let change: Change
        switch (o, n) {
        case (nil, _): change = .added
        case (_, nil): change = .removed
        case let (o?, n?):
            switch (o.monthlyCost, n.monthlyCost) {
            case let (p?, q?):
                let d = Budget.cents(q) - Budget.cents(p)
                change = abs(d) < 0.005 ? .unchanged : d > 0 ? .increased : .decreased
            case (_?, nil): change = .nowInfeasible
            case (nil, _?): change = .nowFeasible
            case (nil, nil): change = .infeasible
            }
        }
        // Line items by name (tiers share a name: summed), in the new report's order, then old-only ones.
        func sums(_ e: CostSnapshot.Entry?) -> [(String, Double)] {
            var out: [(String, Double)] = []
            for item in e?.items ?? [] {
                if let i = out.firstIndex(where: { $0.0 == item.name }) { out[i].1 += item.cost } else { out.append((item.name, item.cost)) }
            }
            return out
        }
        let before = sums(o), after = sums(n)
        var items: [ItemChange] = []
        for (name, cost) in after {
            let old = before.first { $0.0 == name }?.1
            if old.map({ abs(Budget.cents(cost) - Budget.cents($0)) >= 0.005 }) ?? true {
                items.append(ItemChange(name: name, old: old, new: cost))
            }
        }
        for (name, cost) in before where !after.contains(where: { $0.0 == name }) {
            items.append(ItemChange(name: name, old: cost, new: nil))
        }
        return Row(id: any.id, name: any.name, currency: any.currency, old: o?.monthlyCost, new: n?.monthlyCost,
                   oldPresent: o != nil, newPresent: n != nil, reasons: n?.reasons ?? [], change: change, items: items)
    }

    /// The cheapest offering that can run the workload in the new report.
    public var cheapestNew: Row? { rows.first { $0.new != nil } }

    /// `--fail-above`: whether the chosen offering's cost rose by more than `percent`. Nil with a
    /// message when it cannot be judged (not in either report); a rise from infeasible or from
    /// nothing counts as exceeding, so a gate never passes by accident.
    public func exceeds(_ percent: Double, offering: String?) -> Result<(row: Row, exceeded: Bool, message: String), GateError> {
        let row: Row
        if let offering {
            guard let r = rows.first(where: { $0.id == offering && $0.newPresent }) else {
                return .failure(GateError(message: "offering '\(offering)' is not in the new report" + Suggestion.hint(offering, in: rows.filter(\.newPresent).map(\.id))))
            }
            row = r
        } else {
            guard let r = cheapestNew else { return .failure(GateError(message: "no offering in the new report can run the workload")) }
            row = r
        }
        guard row.oldPresent else {
            return .failure(GateError(message: "offering '\(row.id)' is not in the baseline, so its change cannot be measured"))
        }
        guard let new = row.new else {
            return .success((row, true, "\(row.id) can no longer run the workload: " + row.reasons.joined(separator: "; ")))
        }
        guard row.old != nil, let change = row.percent else {
            return .success((row, true, "\(row.id) could not run the workload in the baseline; it now costs \(Money(currency: row.currency).money(new))/month"))
        }
        let money = Money(currency: row.currency)
        let shown = Budget.percentText(change, digits: 2)
        let text = "\(row.id): \(money.money(row.old!)) → \(money.money(new))/month (\(shown.hasPrefix("-") ? "" : "+")\(shown))"
        if change > percent + 1e-9 { return .success((row, true, text + " rose more than \(Budget.percentText(percent, digits: 2))")) }
        return .success((row, false, text + " is within \(Budget.percentText(percent, digits: 2))"))
    }

    public struct GateError: Error, Sendable, Equatable {
        public var message: String
    }
}
