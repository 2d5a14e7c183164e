import RunCostCore

/// Writes pricing tables as Swift source: the tables' text (for `pricing export` and `validate`) and
/// the offerings they decode to, as Swift values, so the binary starts without parsing YAML.
/// Run at build time by Plugins/EmbedPricingTables; a bad table fails the build with its
/// `pricing/file.yaml:line:column`.
public enum CatalogSwiftSource {
    /// The source of `enum GeneratedTables` with `tables` and `offerings()`.
    public static func generate(_ tables: [EmbeddedTable], folder: String) throws -> String {
        let catalog = try Catalog.decode(tables, folder: folder)
        // Offerings are written without their cold-start rows; `Catalog(layer:offerings:coldStarts:)`
        // attaches them again at run time, as `Catalog.load` does.
        let offerings = catalog.offerings.map { o -> Offering in var o = o; o.coldStart = nil; return o }
        var out = """
        // Generated at build time from \(folder)/*.yaml by runcost-embed-pricing (Plugins/EmbedPricingTables).
        // Do not edit: edit the tables.
        import RunCostCore
        import RunCostFiles

        enum GeneratedTables {
            static let tables: [EmbeddedTable] = [

        """
        for table in tables {
            out += "        EmbeddedTable(name: \(literal(table.name)), text: \(literal(table.text))),\n"
        }
        out += "    ]\n\n    /// Nil entries cannot happen (every date was checked when this file was generated).\n"
        out += "    static func offerings() -> [Offering] {\n        [\n"
        for i in offerings.indices { out += "            offering\(i)(),\n" }
        out += "        ].compactMap { $0 }\n    }\n\n"
        var builder = Builder()
        let rows = try catalog.coldStarts.map { try builder.expression($0) }
        out += "    static func coldStarts() -> [ColdStartProfile] {\n"
            + builder.statements.map { "        " + $0 + "\n" }.joined()
            + "        return [\n" + rows.map { "            \($0),\n" }.joined() + "        ]\n    }\n\n"
        // Services (service tables), one function each like offerings.
        out += "    static func services() -> [Service] {\n        [\n"
        for i in catalog.services.indices { out += "            service\(i)(),\n" }
        out += "        ].compactMap { $0 }\n    }\n}\n"
        for (i, service) in catalog.services.enumerated() {
            var builder = Builder()
            let expression = try builder.expression(service)
            out += "\nprivate func service\(i)() -> Service? {\n"
                + builder.statements.map { "    " + $0 + "\n" }.joined()
                + "    return \(expression)\n}\n"
        }
        for (i, offering) in offerings.enumerated() { out += "\n" + (try function("offering\(i)", offering)) }
        return out
    }

    static func function(_ name: String, _ offering: Offering) throws -> String {
        var builder = Builder()
        let expression = try builder.expression(offering)
        return "private func \(name)() -> Offering? {\n"
            + builder.statements.map { "    " + $0 + "\n" }.joined()
            + "    return \(expression)\n}\n"
    }

    /// Builds Swift source for a value by reflection, so a field added to the model is carried
    /// without changing this file. Structs are built with their memberwise-style initialiser
    /// (labels and order of the stored properties), except the pricing families, whose
    /// initialisers take no or few arguments: those are built by assigning every stored property.
    /// A model type this cannot express fails to compile in the generated file, never silently.
    struct Builder {
        var statements: [String] = []

        /// The families and rules built as `var v = T(…)` followed by `v.field = …` for every stored property.
        mutating func initialValue(_ type: Any.Type, _ mirror: Mirror) throws -> String? {
            let name = String(reflecting: type)
            switch type {
            case is PerRequestPricing.Type, is SharedInstancePricing.Type, is CPUTimePricing.Type,
                 is ProvisionedRules.Type, is ProvisionedRules.Values.Type:
                return "\(name)()"
            case is SustainedUse.Type:
                return "\(name)(0, 0, 0, 0)"
            case is ProvisionedPricing.Type:
                guard let rate = mirror.children.first(where: { $0.label == "rate" })?.value else {
                    throw InputError(nil, "ProvisionedPricing has no stored 'rate'; update CatalogSwiftSource.Builder")
                }
                return "\(name)(rate: \(try expression(rate)))"
            default:
                return nil
            }
        }

        mutating func local(_ statement: (String) -> String) -> String {
            let name = "v\(statements.count)"
            statements.append(statement(name))
            return name
        }

        mutating func expression(_ value: Any) throws -> String {
            switch value {
            case let number as Double: return CatalogSwiftSource.number(number)
            case let text as String: return literal(text)
            case let flag as Bool: return flag ? "true" : "false"
            case let integer as Int: return "\(integer)"
            case let date as CalendarDate:
                // The only failable initialiser in the model: checked once, here, by the generated code.
                return local { "guard let \($0) = CalendarDate(year: \(date.year), month: \(date.month), day: \(date.day)) else { return nil }" }
            default: break
            }
            let mirror = Mirror(reflecting: value)
            let type = String(reflecting: Swift.type(of: value))
            switch mirror.displayStyle {
            case .optional:
                guard let wrapped = mirror.children.first else { return "nil" }
                return try expression(wrapped.value)
            case .collection:
                return "[" + (try mirror.children.map { try expression($0.value) }).joined(separator: ", ") + "]"
            case .enum:
                guard let payload = mirror.children.first, let caseName = payload.label else { return "\(type).\(value)" }
                let inner = Mirror(reflecting: payload.value)
                guard inner.displayStyle == .tuple else { return "\(type).\(caseName)(\(try expression(payload.value)))" }
                let arguments = try inner.children.map { child in
                    let label = child.label.map { $0.hasPrefix(".") ? "" : $0 + ": " } ?? ""
                    return label + (try expression(child.value))
                }
                return "\(type).\(caseName)(\(arguments.joined(separator: ", ")))"
            case .dictionary:
                let pairs = try mirror.children.map { child -> String in
                    let pair = Mirror(reflecting: child.value).children.map(\.value)
                    return "\(try expression(pair[0])): \(try expression(pair[1]))"
                }.sorted()   // a dictionary's order is not stable; the generated file should be
                return pairs.isEmpty ? "[:]" : "[" + pairs.joined(separator: ", ") + "]"
            case .struct, .class where value is ColdStartProfile:
                if let initial = try initialValue(Swift.type(of: value), mirror) {
                    let name = local { "var \($0) = \(initial)" }
                    for child in mirror.children {
                        // ProvisionedPricing's rate was given to its initialiser.
                        guard let label = child.label, !(value is ProvisionedPricing && label == "rate") else { continue }
                        let value = try expression(child.value)
                        statements.append("\(name).\(label) = \(value)")
                    }
                    return name
                }
                let arguments = try mirror.children.map { "\($0.label ?? "_"): \(try expression($0.value))" }
                return "\(type)(\(arguments.joined(separator: ", ")))"
            default:
                throw InputError(nil, "cannot write a \(type) as Swift source; teach CatalogSwiftSource.Builder about it")
            }
        }
    }

    /// A Swift literal that reads back as exactly `value`: Swift prints the shortest digits that
    /// round-trip, and the compiler rounds a literal correctly.
    static func number(_ value: Double) -> String {
        if value == .infinity { return "Double.infinity" }
        if value == -.infinity { return "-Double.infinity" }
        return "\(value)"
    }

    static func number(_ value: Double?) -> String { value.map(number) ?? "nil" }

    /// A Swift string literal: ASCII kept, everything else escaped, so any text survives.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return out + "\""
    }
}
