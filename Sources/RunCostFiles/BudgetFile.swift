import Foundation
import RunCostCore
import Yams

/// A budget file (format: docs/ci.md): checks, each a workload, the offering(s) it
/// runs on and rules. Every problem is an `InputError` located at `file:line:column`.
public struct BudgetFile: Sendable {
    public var path: String
    public var checks: [Budget.Check]
    /// The budget file and every workload and trace file it names (never to be overwritten).
    public var inputFiles: [String]

    static let rootFields = ["checks"]
    static let checkFields = ["name", "workload", "offering", "offerings", "rules"]
    static let ruleFields = ["limit", "severity", "kinds", "providers"]

    /// Reads `path`, resolving offering ids in `catalog` and workload paths relative to the file.
    public static func load(_ path: String, catalog: Catalog) throws -> BudgetFile {
        let yaml = try YAMLFile(path: path)
        var root = try yaml.mapping(yaml.root, "a budget file")
        let checksNode = try root.required("checks")
        try root.rejectUnknown(known: rootFields)
        let items = try yaml.sequence(checksNode, "checks")
        guard !items.isEmpty else { throw InputError(yaml.origin(of: checksNode), "checks: the list is empty; a budget needs at least one check") }
        var file = BudgetFile(path: path, checks: [], inputFiles: [path])
        for (i, item) in items.enumerated() {
            file.checks.append(try file.loadCheck(yaml, item, number: i + 1, catalog: catalog))
        }
        return file
    }

    var folder: String { path == "-" ? "" : FilePath.folder(of: path) }   // `-`: relative to the current folder

    func relative(_ p: String) -> String {
        FilePath.join(folder, p)
    }

    mutating func loadCheck(_ yaml: YAMLFile, _ node: Node, number: Int, catalog: Catalog) throws -> Budget.Check {
        var f = try yaml.mapping(node, "a check")
        let name = try f.optional("name").map { try yaml.string($0, "name") }
        let (spec, workload) = try loadWorkload(yaml, f.required("workload"))

        var offerings: [Offering] = []
        let single = f.optional("offering"), several = f.optional("offerings")
        switch (single, several) {
        case let (node?, nil):
            offerings = [try catalog.require(yaml.string(node, "offering"), origin: yaml.origin(of: node))]
        case let (nil, node?):
            let ids = try yaml.sequence(node, "offerings")
            guard !ids.isEmpty else { throw InputError(yaml.origin(of: node), "offerings: the list is empty") }
            for id in ids {
                let o = try catalog.require(yaml.string(id, "offering id"), origin: yaml.origin(of: id))
                guard !offerings.contains(where: { $0.id == o.id }) else { throw InputError(yaml.origin(of: id), "offering '\(o.id)' is listed twice") }
                offerings.append(o)
            }
        case let (_?, node?):
            throw InputError(yaml.origin(of: node), "give offering or offerings, not both")
        case (nil, nil):
            throw InputError(yaml.origin(of: node), "a check is missing the required field 'offering' (the offering id it runs on, or 'offerings' for several)")
        }

        let rules = try loadRules(yaml, f.required("rules"), offerings: offerings, catalog: catalog)
        try f.rejectUnknown(known: Self.checkFields)
        // Rules apply to the scope's total: each offering's services resolved for this workload.
        offerings = try ApplicationResolver.resolve(offerings, spec, workload, catalog)
        var check = Budget.Check(name: name ?? spec.name ?? "check \(number)", workload: workload, workloadName: spec.name,
                                 offerings: offerings, rules: rules, location: yaml.origin(of: node).description)
        if workload.application != nil { check.pool = try ApplicationResolver.resolve(catalog.offerings, spec, workload, catalog) }
        return check
    }

    // MARK: workload

    /// A path to a workload file (relative to the budget file) or an inline mapping of its fields.
    mutating func loadWorkload(_ yaml: YAMLFile, _ node: Node) throws -> (WorkloadSpec, Workload) {
        if case .scalar = node {
            let given = try yaml.string(node, "workload")
            let resolved = relative(given)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw InputError(yaml.origin(of: node), "workload: no such workload file '\(given)'"
                                 + (resolved == given ? "" : " (looked for \(resolved), relative to the budget file)"))
            }
            let spec = try WorkloadSpec(file: resolved)
            inputFiles.append(resolved)
            if let trace = spec.value(.trace), case .file = trace.origin {
                inputFiles.append(trace.text.hasPrefix("/") ? trace.text : FilePath.join(FilePath.folder(of: resolved), trace.text))
            }
            return (spec, try spec.build())
        }
        // Inline fields are read exactly as a workload file's: located values, no override
        // semantics, so `requests` beside `rps` or `traffic` beside `trace` is refused here too.
        var f = try yaml.mapping(node, "an inline workload")
        var spec = WorkloadSpec()
        try WorkloadSpec.read(yaml, &f) { field, value in
            var value = value
            if field == .trace {
                value.text = relative(value.text)
                inputFiles.append(value.text)
            }
            spec.set(field, value)
        }
        return (spec, try spec.build())
    }

    // MARK: rules

    /// `rules:` as a mapping (`max_monthly: 250 USD`) or a list of one-rule mappings, so a rule may
    /// appear twice (a warning at 200 USD, a failure at 250 USD).
    func loadRules(_ yaml: YAMLFile, _ node: Node, offerings: [Offering], catalog: Catalog) throws -> [Budget.Rule] {
        var rules: [Budget.Rule] = []
        func read(_ mapping: Node) throws {
            var f = try yaml.mapping(mapping, "rules")
            for key in f.keys where Budget.RuleKind.names.contains(key) {
                guard let value = f.optional(key) else { throw InputError(yaml.origin(of: mapping), "\(key): needs a limit") }
                rules.append(try loadRule(yaml, key, value, offerings: offerings, catalog: catalog))
            }
            try f.rejectUnknown(known: Budget.RuleKind.names)
        }
        switch node {
        case .sequence(let items):
            for item in items {
                let f = try yaml.mapping(item, "a rule")
                guard f.keys.count == 1 else {
                    throw InputError(yaml.origin(of: item), "each list item under rules names one rule, like `- max_monthly: 250 USD`")
                }
                try read(item)
            }
        default:
            try read(node)
        }
        guard !rules.isEmpty else { throw InputError(yaml.origin(of: node), "rules: a check needs at least one rule (\(Budget.RuleKind.names.joined(separator: ", ")))") }
        return rules
    }

    /// One rule: a scalar limit (`25%`), or a mapping `{ limit: 25%, severity: warn, kinds: [...], providers: [...] }`.
    func loadRule(_ yaml: YAMLFile, _ name: String, _ node: Node, offerings: [Offering], catalog: Catalog) throws -> Budget.Rule {
        let location = yaml.origin(of: node).description
        var limitNode = node
        var severity = Budget.Severity.fail
        var scope = Budget.Scope()
        let comparative = name == "max_over_cheapest" || name == "min_headroom_to_breakeven"
        if case .mapping = node {
            var f = try yaml.mapping(node, name)
            limitNode = try f.required("limit")
            severity = try f.optional("severity").map { try yaml.choice($0, "severity", Budget.Severity.self) } ?? .fail
            if comparative {
                if let kinds = f.optional("kinds") {
                    scope.kinds = try yaml.sequence(kinds, "kinds").map { try yaml.choice($0, "kinds", OfferingKind.self) }
                }
                if let providers = f.optional("providers") {
                    let known = Set(catalog.offerings.map(\.provider)).sorted()
                    scope.providers = try yaml.sequence(providers, "providers").map { item in
                        let p = try yaml.string(item, "providers")
                        guard known.contains(p) else {
                            throw InputError(yaml.origin(of: item), "providers: unknown provider '\(p)'" + Suggestion.hintOrList(p, in: known, noun: "providers"))
                        }
                        return p
                    }
                }
            }
            try f.rejectUnknown(known: comparative ? Self.ruleFields : ["limit", "severity"])
        }
        let text = try yaml.scalar(limitNode, name)
        let origin = yaml.origin(of: limitNode)
        let kind: Budget.RuleKind
        switch name {
        case "max_monthly":
            let amount: Double, currency: String?
            switch Quantity.money(text) {
            case .success(let m): (amount, currency) = m
            case .failure(let error): throw InputError(origin, "max_monthly: \(error.message)")
            }
            if let currency, let other = offerings.first(where: { $0.currency != currency }) {
                throw InputError(origin, "max_monthly: the limit is in \(currency) but \(other.id) is priced in \(other.currency)")
            }
            kind = .maxMonthly(amount)
        case "max_over_cheapest":
            kind = .maxOverCheapest(percent: try Self.percent(text, name, origin), among: scope)
        case "min_headroom_to_breakeven":
            kind = .minHeadroomToBreakeven(percent: try Self.percent(text, name, origin), among: scope)
        default:
            kind = .maxPriceAge(days: try Self.days(text, name, origin))
        }
        return Budget.Rule(kind, severity: severity, location: location)
    }

    /// `25`, `25%` or `12.5 %`: percent, 0 to 1,000,000.
    public static func percent(_ text: String, _ what: String, _ origin: Origin) throws -> Double {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("%") { body.removeLast() }
        guard case .success(let value) = Quantity.parse(body, as: .number), value <= 1e6 else {
            throw InputError(origin, "\(what): expected a percentage like 20 or 20%, got '\(text)'")
        }
        return value
    }

    /// `365`, `365d` or `365 days`: a whole number of days.
    public static func days(_ text: String, _ what: String, _ origin: Origin) throws -> Int {
        var body = text.trimmingCharacters(in: .whitespaces)
        for suffix in [" days", "days", " day", "day", " d", "d"] where body.hasSuffix(suffix) {
            body.removeLast(suffix.count)
            break
        }
        guard case .success(let value) = Quantity.parse(body, as: .number), value == value.rounded(), value <= 100_000 else {
            throw InputError(origin, "\(what): expected a whole number of days like 180 or 180d, got '\(text)'")
        }
        return Int(value)
    }
}
