import RunCostCore

/// How reports show the application's services (docs/commands.md, `--scope`): the split of each
/// estimate into compute and services, the JSON `services` array and the scope line. A workload
/// without an application section renders exactly as before (its golden outputs do not change).
public enum ApplicationText {
    /// True when the reports show compute, services and total.
    public static func applies(_ w: Workload) -> Bool { w.application != nil }

    /// "Scope: application (compute + front door, data, …)" for the text and Markdown reports.
    public static func line(_ w: Workload) -> String? {
        guard w.application != nil else { return nil }
        switch w.scope {
        case .compute: return "Scope: compute only (--scope application adds the application's services)."
        case .application: return "Scope: application (compute + services: front door, data, events, identity, hosting, egress as described)."
        case .data: return "Scope: data (each row is the data service alone; no compute)."
        }
    }

    /// The JSON fields an estimate gains with an application section.
    public static func jsonFields(_ e: Estimate, _ w: Workload) -> [(String, JSON)] {
        guard w.application != nil else { return [] }
        return [
            ("scope", .string(e.scope.rawValue)),
            ("compute_cost", e.feasible ? .number(e.computeCost) : .null),
            ("services_cost", e.feasible ? .number(e.servicesCost) : .null),
            ("services", .array(e.services.map { s in
                .object([
                    ("id", .string(s.id)),
                    ("name", .string(s.name)),
                    ("category", .string(s.category.rawValue)),
                    ("role", .string(s.role.rawValue)),
                    ("verified", .bool(s.verified)),
                    ("monthly_cost", .number(s.cost)),
                    ("line_items", .array(s.lineItems.map(LineItemJSON.render))),
                ])
            })),
        ]
    }

    /// The workload's application section in the JSON `workload` object (sizes in GB of 2^30 bytes).
    public static func workloadFields(_ w: Workload) -> [(String, JSON)] {
        guard let app = w.application else { return [] }
        func service(_ c: ServiceChoice) -> JSON { .string(c.text) }
        var fields: [(String, JSON)] = [
            ("scope", .string(w.scope.rawValue)),
            ("front_door", service(app.frontDoor)),
            ("response_size_gb", .number(app.responseSizeGB)),
            ("egress_gb", .number(app.egressGB)),
        ]
        if let d = app.data {
            fields.append(("data", .object([("service", service(d.service)), ("reads_per_request", .number(d.readsPerRequest)),
                                            ("writes_per_request", .number(d.writesPerRequest)), ("item_size_gb", .number(d.itemSizeGB)),
                                            ("storage_gb", .number(d.storageGB))])))
        }
        if let e = app.events {
            fields.append(("events", .object([("service", service(e.service)), ("per_request", .number(e.perRequest)), ("size_gb", .number(e.sizeGB))])))
        }
        if let u = app.users { fields.append(("users", .object([("service", service(u.service)), ("monthly_active", .number(u.monthlyActive))]))) }
        if let h = app.hosting {
            fields.append(("hosting", .object([("service", service(h.service)), ("storage_gb", .number(h.storageGB)), ("transfer_gb", .number(h.transferGB))])))
        }
        return [("application", .object(fields))]
    }

    /// CSV: the total's header names the scope, and compute and services get columns.
    public static func csvHeaders(_ w: Workload, _ currency: String) -> [String] {
        guard w.application != nil else { return [] }
        return ["scope", CSV.moneyColumn("compute_cost", currency), CSV.moneyColumn("services_cost", currency), "services"]
    }

    public static func csvCells(_ e: Estimate, _ w: Workload) -> [CSV.Cell] {
        guard w.application != nil else { return [] }
        return [.text(e.scope.rawValue), .money(e.feasible ? e.computeCost : nil), .money(e.feasible ? e.servicesCost : nil),
                .text(e.services.map(\.id).joined(separator: " "))]
    }

    /// The total column's name: `monthly_cost_usd (application)` with an application section.
    public static func totalColumn(_ w: Workload, _ currency: String) -> String {
        CSV.moneyColumn("monthly_cost", currency) + (w.application != nil ? " (\(w.effectiveScope.rawValue))" : "")
    }
}

/// One line item in the JSON contract: `{name, quantity, unit, unit_price, cost, formula}`.
public enum LineItemJSON {
    public static func render(_ item: LineItem) -> JSON {
        .object([
            ("name", .string(item.name)),
            ("quantity", .number(item.quantity)),
            ("unit", .string(item.unit)),
            ("unit_price", .number(item.unitPrice)),
            ("cost", .number(item.cost)),
            ("formula", .string(item.formula)),
        ])
    }
}
