import RunCostCore

/// `runcost pricing list --services` and `pricing show <service id>`: the application services
/// of the service tables (docs/pricing-format.md, "Service tables").
public enum ServiceListReport {
    public static func render(_ services: [Service], format: String) -> String {
        let headers = ["service", "provider", "category", "meters", "region", "currency", "as_of", "verified"]
        let rows = services.map { s in
            [s.id, s.provider, s.category.rawValue, s.meters.map(\.name).joined(separator: "; "), s.region, s.currency,
             s.asOf.description, s.verified ? "yes" : "no"]
        }
        switch format {
        case "csv": return CSV.header(headers) + rows.map { CSV.row($0.map { .text($0) }) }.joined()
        case "markdown": return MarkdownTable.render(headers, headers.map { _ in .left }, rows)
        case "json":
            return JSON.array(services.map { s in
                .object([("service", .string(s.id)), ("name", .string(s.name)), ("provider", .string(s.provider)),
                         ("category", .string(s.category.rawValue)), ("region", .string(s.region)), ("currency", .string(s.currency)),
                         ("as_of", .string(s.asOf.description)), ("verified", .bool(s.verified)), ("source", .string(s.source)),
                         ("meters", .array(s.meters.map { .string($0.name) }))])
            }).rendered() + "\n"
        default:
            var table = TextTable(headers, alignments: headers.map { _ in .left })
            rows.forEach { table.add($0) }
            return SafeText.neutralised(table.rendered(), keepingLineBreaks: true)
        }
    }

    public static func detail(_ s: Service) -> String {
        let symbol = Format.symbol(for: s.currency)
        var out = "\(s.name) (\(s.id))\n"
        out += "  provider \(s.provider), category \(s.category.rawValue), region \(s.region), currency \(s.currency)\n"
        out += "  as_of \(s.asOf), source \(s.source)\(s.verified ? "" : "  [UNVERIFIED]")\n"
        for m in s.meters {
            let per = m.per == 1 ? m.measure.unit : (m.measure.isSize ? Format.grouped(m.per) + " " + m.measure.unit : Format.count(m.per) + " " + m.measure.unit + "s")
            let prices = m.price.tiers.map { t in
                Format.price(t.price, symbol: symbol) + (t.upTo.isFinite ? " up to \(Format.grouped(t.upTo))" : "")
            }.joined(separator: ", then ")
            out += "  meter \(m.name): \(m.measure.rawValue), \(prices) per \(per)"
            if let c = m.chunk { out += ", in chunks of \(Format.memory(c * 1024))" }
            if m.free > 0 { out += ", \(Format.grouped(m.free)) free" }
            if m.minimum > 0 { out += ", minimum \(Format.grouped(m.minimum))" }
            if let r = m.capacity {
                out += "\n    capacity: max of " + r.dimensions.map { "\($0.measure.rawValue) ÷ \(Format.grouped($0.perUnit))" }.joined(separator: ", ")
                out += "; step \(Format.grouped(r.step)), minimum \(Format.grouped(r.minimum))" + (r.maximum.map { ", maximum \(Format.grouped($0))" } ?? "")
                out += ", \(r.scaling.rawValue)" + (r.autoPause ? ", auto-pause" : "")
            }
            out += "\n"
        }
        let l = s.limits
        let limits = [l.maxDuration.map { "duration ≤ \(Format.duration($0))" }, l.maxPayloadKiB.map { "payload ≤ \(Format.grouped($0))KB" },
                      l.maxMonthlyActiveUsers.map { "users ≤ \(Format.count($0))" },
                      s.capacityLimit.map { "\($0.measure.rawValue) ≤ \(Format.grouped($0.perSecond))/s" }].compactMap { $0 }
        if !limits.isEmpty { out += "  limits: " + limits.joined(separator: ", ") + "\n" }
        if !s.notes.isEmpty { out += "  notes: \(s.notes)\n" }
        return SafeText.neutralised(out, keepingLineBreaks: true)
    }
}
