import RunCostCore

/// Resolves each offering's stack against the workload's application section, once, before any
/// pricing (StackResolution in the core), and turns a bad choice into a located error: the
/// workload field or flag that named it, what was expected, and the nearest id.
public enum ApplicationResolver {
    public static func resolve(_ offerings: [Offering], _ spec: WorkloadSpec, _ workload: Workload, _ catalog: Catalog,
                               rates: [String: Double] = [:]) throws -> [Offering] {
        guard let app = workload.application else { return offerings }
        let index = StackResolution.Index(services: catalog.services, stacks: catalog.offerings)
        var resolved: [Offering] = []
        resolved.reserveCapacity(offerings.count)
        for o in offerings {
            do throws(StackError) { resolved.append(try StackResolution.resolve(o, app, index, rates: rates, alone: offerings.count == 1)) } catch {
                throw located(error, o, spec, catalog)
            }
        }
        return resolved
    }

    /// " (did you mean 'x'?)": the nearest id, or the one id the given text begins
    /// (`aws-dynamo` → `aws-dynamodb-on-demand`), as long ids differ from a short guess by much.
    static func serviceHint(_ id: String, _ candidates: [String]) -> String {
        let hint = Suggestion.hint(id, in: candidates)
        guard hint.isEmpty else { return hint }
        let starting = candidates.filter { $0.hasPrefix(id) }.sorted()
        return starting.isEmpty ? "" : " (did you mean '\(starting[0])'?)"
    }

    /// The workload field that chooses the service for a stack key.
    static func field(_ key: StackKey) -> WorkloadField {
        switch key {
        case .frontDoor, .functionURL: .frontDoor
        case .data: .dataService
        case .events: .eventService
        case .identity: .identityService
        case .hosting: .hostingService
        case .egress: .egress
        }
    }

    static func located(_ error: StackError, _ o: Offering, _ spec: WorkloadSpec, _ catalog: Catalog) -> InputError {
        switch error {
        case let .unknownService(id, key):
            let candidates = catalog.services.filter { $0.category == key.category }.map(\.id)
            let hint = serviceHint(id, candidates.isEmpty ? catalog.services.map(\.id) : candidates)
            let value = spec.value(field(key))
            if let value, value.text.contains(id) {
                return InputError(value.origin, "\(field(key).rawValue): unknown \(key.category.rawValue) service '\(id)'\(hint); `runcost pricing list --services` shows them all")
            }
            return InputError(value?.origin, "\(o.id): its table's stack names unknown \(key.category.rawValue) service '\(id)' (\(key.rawValue))\(hint)")
        case let .wrongCategory(id, key, category):
            let value = spec.value(field(key))
            return InputError(value?.origin, "\(field(key).rawValue): '\(id)' is a \(category.rawValue) service; expected a \(key.category.rawValue) service"
                              + Suggestion.hint(id, in: catalog.services.filter { $0.category == key.category }.map(\.id)))
        case let .noFunctionURL(offering):
            return InputError(spec.value(.frontDoor)?.origin, "front_door: function-url, but \(offering) has no function URL (its table's stack names no function_url); choose auto, none or a front-door service id")
        }
    }

    /// For `--scope data` with `data.service` ids (one or several): one row per data service, with no
    /// compute, so `sweep` and `breakeven` compare the databases themselves.
    public static func dataServiceRows(_ spec: WorkloadSpec, _ workload: Workload, _ catalog: Catalog) throws -> [Offering] {
        guard workload.scope == .data, let data = workload.application?.data else { return [] }
        let ids = spec.dataServiceIDs
        guard !ids.isEmpty else { return [] }
        let origin = spec.value(.dataService)?.origin
        let index = StackResolution.Index(services: catalog.services, stacks: catalog.offerings)
        return try ids.map { id in
            guard let service = index.services[id] else {
                throw InputError(origin, "data.service: unknown data service '\(id)'" + serviceHint(id, catalog.services.filter { $0.category == .data }.map(\.id)))
            }
            guard service.category == .data else {
                throw InputError(origin, "data.service: '\(id)' is a \(service.category.rawValue) service; expected a data service")
            }
            var row = Offering.dataServiceRow(service)
            var only = data
            only.service = .id(id)
            row = try StackResolution.resolve(row, Application.dataOnly(only), index)
            return row
        }
    }

    /// Every stack names services that exist and are of the key's category (`pricing validate`).
    public static func validateStacks(_ catalog: Catalog) throws {
        let byID = Dictionary(catalog.services.map { ($0.id, $0) }, uniquingKeysWith: { _, later in later })
        guard !catalog.services.isEmpty else { return }
        for o in catalog.offerings {
            for key in StackKey.allCases {
                guard let id = o.stack[key] else { continue }
                guard let service = byID[id] else {
                    throw InputError(nil, "\(o.id): stack \(key.rawValue) names unknown service '\(id)'" + Suggestion.hint(id, in: byID.keys.sorted()))
                }
                guard service.category == key.category else {
                    throw InputError(nil, "\(o.id): stack \(key.rawValue) names '\(id)', a \(service.category.rawValue) service; expected \(key.category.rawValue)")
                }
            }
        }
    }
}
