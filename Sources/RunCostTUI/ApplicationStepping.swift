import RunCostCore
import RunCostFiles

/// ←/→ and typed values for the application pane: the same what-if editing as the compute inputs.
/// A change to a section the workload leaves out adds that section (service `auto`), as the same
/// field would in a workload file.
enum ApplicationStepping {
    /// Largest size accepted, MiB (a petabyte is far beyond any monthly volume).
    static let sizes: ClosedRange<Double> = 0...1e12
    /// Per-request counts (reads, writes, events), as the workload loader bounds them.
    static let perRequest: ClosedRange<Double> = 0...1e6

    /// The choices a service field cycles through: auto, none, function-url for the front door, then
    /// every service of the field's category, by id.
    static func choices(_ field: ApplicationField, _ services: [Service]) -> [ServiceChoice] {
        guard let key = field.stackKey else { return [] }
        let ids = services.filter { $0.category == key.category }.map(\.id).sorted()
        return [.auto, .none] + (field == .frontDoor ? [.functionURL] : []) + ids.map { .id($0) }
    }

    /// The workload with `field` moved one step, or why it cannot move.
    static func step(_ field: ApplicationField, _ w: Workload, up: Bool, services: [Service]) -> Result<Workload, StepError> {
        switch field.kind {
        case .scope:
            return toggledScope(w, up: up)
        case .service:
            let options = choices(field, services)
            let current = choice(field, w) ?? .auto
            let index = options.firstIndex(of: current) ?? 0
            return set(field, choice: options[(index + (up ? 1 : options.count - 1)) % options.count], on: w)
        case .size, .number, .count:
            let v = value(field, w)
            let start = startValue(field)
            let next: Double
            if up {
                next = v <= 0 ? start : field.kind == .size ? niceSize(v, up: true) : Stepping.nice(v, up: true)
            } else {
                guard v > 0 else { return .failure(StepError("\(field.name) is already 0")) }
                if v <= start * (1 + 1e-9) {
                    // Sizes of one item or event cannot be 0; a volume steps from its first step to 0.
                    guard minimum(field) == 0 else { return .failure(StepError("\(field.name) is at its minimum (\(ApplicationField.size(minimum(field) / 1024)))")) }
                    next = 0
                } else {
                    next = field.kind == .size ? niceSize(v, up: false) : Stepping.nice(v, up: false)
                }
            }
            guard next <= maximum(field) else { return .failure(StepError("\(field.name) is at its maximum")) }
            return .success(setting(field, max(next, minimum(field)), on: w))
        }
    }

    /// The workload with `field` set from typed text, validated like the same field in a workload file.
    static func parse(_ field: ApplicationField, _ text: String, _ w: Workload, services: [Service]) -> Result<Workload, StepError> {
        let text = text.trimmingCharacters(in: .whitespaces)
        let word = text.lowercased()
        let origin = Origin.flag(field.name)
        switch field.kind {
        case .scope:
            guard w.application != nil else { return toggledScope(w) }
            guard let scope = CostScope(rawValue: word), scope != .data || w.application?.data != nil else {
                return .failure(StepError("scope: expected application, compute" + (w.application?.data != nil ? " or data" : "") + ", got '\(text)'"))
            }
            var w = w
            w.scope = scope
            return .success(w)
        case .service:
            let options = choices(field, services)
            guard let picked = options.first(where: { $0.text.lowercased() == word }) else {
                let key = field.stackKey?.category.rawValue ?? ""
                return .failure(StepError("\(field.name): unknown \(key) service '\(text)'" + Suggestion.hint(word, in: options.map(\.text))
                                          + "; Enter on an empty line lists them"))
            }
            return set(field, choice: picked, on: w)
        case .size, .number, .count:
            do {
                let v: Double
                switch field.kind {
                case .size: v = try Fields.check(text, field.name, .memory, minimum(field)...maximum(field), origin)
                case .count: v = try Fields.check(text, field.name, .count, Ranges.count, origin)
                default: v = try Fields.check(text, field.name, .number, perRequest, origin)
                }
                return .success(setting(field, v, on: w))
            } catch let error as InputError {
                return .failure(StepError(error.message))
            } catch {
                return .failure(StepError("\(error)"))
            }
        }
    }

    /// application → compute → data (with a data section: the database alone) → application; `up:
    /// false` the other way. Without an application section the scope is compute and stays so.
    static func toggledScope(_ w: Workload, up: Bool = true) -> Result<Workload, StepError> {
        guard let app = w.application else {
            return .failure(StepError("no application section: compute only (A lists the application's inputs; set one to add it)"))
        }
        let scopes: [CostScope] = app.data == nil ? [.application, .compute] : [.application, .compute, .data]
        let index = scopes.firstIndex(of: w.scope) ?? 0
        var w = w
        w.scope = scopes[(index + (up ? 1 : scopes.count - 1)) % scopes.count]
        return .success(w)
    }

    static func choice(_ field: ApplicationField, _ w: Workload) -> ServiceChoice? {
        let app = w.application
        switch field {
        case .frontDoor: return app?.frontDoor
        case .dataService: return app?.data?.service
        case .eventService: return app?.events?.service
        case .identityService: return app?.users?.service
        case .hostingService: return app?.hosting?.service
        default: return nil
        }
    }

    /// The workload with a service chosen; a missing section is added. A new data section gets
    /// one read per request, since a database with no volumes is not priced (nor loadable).
    static func set(_ field: ApplicationField, choice: ServiceChoice, on w: Workload) -> Result<Workload, StepError> {
        var w = w
        var app = w.application ?? Application()
        switch field {
        case .frontDoor: app.frontDoor = choice
        case .dataService:
            var data = app.data ?? { var d = Application.DataUse(); d.readsPerRequest = 1; return d }()
            data.service = choice
            app.data = data
        case .eventService: app.events = app.events ?? Application.EventUse(); app.events?.service = choice
        case .identityService: app.users = app.users ?? Application.UserUse(); app.users?.service = choice
        case .hostingService: app.hosting = app.hosting ?? Application.HostingUse(); app.hosting?.service = choice
        default: return .failure(StepError("\(field.name) is not a service choice"))
        }
        w.application = app
        return .success(w)
    }

    /// The numeric value behind a volume field: MiB for sizes, 0 when its section is absent.
    static func value(_ field: ApplicationField, _ w: Workload) -> Double {
        let app = w.application
        switch field {
        case .responseSize: return (app?.responseSizeGB ?? 0) * 1024
        case .egress: return (app?.egressGB ?? 0) * 1024
        case .readsPerRequest: return app?.data?.readsPerRequest ?? 0
        case .writesPerRequest: return app?.data?.writesPerRequest ?? 0
        case .itemSize: return (app?.data?.itemSizeGB ?? 0) * 1024
        case .storage: return (app?.data?.storageGB ?? 0) * 1024
        case .eventsPerRequest: return app?.events?.perRequest ?? 0
        case .eventSize: return (app?.events?.sizeGB ?? 0) * 1024
        case .monthlyActiveUsers: return app?.users?.monthlyActive ?? 0
        case .hostingStorage: return (app?.hosting?.storageGB ?? 0) * 1024
        case .hostingTransfer: return (app?.hosting?.transferGB ?? 0) * 1024
        default: return 0
        }
    }

    /// The workload with a volume set (sizes in MiB), adding its section when absent. A data
    /// section left with no reads, writes or storage is dropped, as a workload file cannot say it.
    static func setting(_ field: ApplicationField, _ v: Double, on w: Workload) -> Workload {
        var w = w
        var app = w.application ?? Application()
        func data(_ change: (inout Application.DataUse) -> Void) {
            var d = app.data ?? Application.DataUse()
            change(&d)
            app.data = d.readsPerRequest == 0 && d.writesPerRequest == 0 && d.storageGB == 0 && d.service != .none ? nil : d
        }
        func events(_ change: (inout Application.EventUse) -> Void) { var e = app.events ?? .init(); change(&e); app.events = e }
        func users(_ change: (inout Application.UserUse) -> Void) { var u = app.users ?? .init(); change(&u); app.users = u }
        func hosting(_ change: (inout Application.HostingUse) -> Void) { var h = app.hosting ?? .init(); change(&h); app.hosting = h }
        let gb = v / 1024
        switch field {
        case .responseSize: app.responseSizeGB = gb
        case .egress: app.egressGB = gb
        case .readsPerRequest: data { $0.readsPerRequest = v }
        case .writesPerRequest: data { $0.writesPerRequest = v }
        case .itemSize: data { $0.itemSizeGB = gb }
        case .storage: data { $0.storageGB = gb }
        case .eventsPerRequest: events { $0.perRequest = v }
        case .eventSize: events { $0.sizeGB = gb }
        case .monthlyActiveUsers: users { $0.monthlyActive = v }
        case .hostingStorage: hosting { $0.storageGB = gb }
        case .hostingTransfer: hosting { $0.transferGB = gb }
        default: break
        }
        w.application = app
        // The data scope prices the database alone: without one, back to the whole application.
        if app.data == nil, w.scope == .data { w.scope = .application }
        return w
    }

    /// The first step up from 0: 1 KB for sizes per request or item, 1 GB for monthly sizes.
    static func startValue(_ field: ApplicationField) -> Double {
        switch field {
        case .responseSize, .itemSize, .eventSize: 1.0 / 1024
        case .egress, .storage, .hostingStorage, .hostingTransfer: 1024
        case .monthlyActiveUsers: 1000
        default: 1
        }
    }

    static func minimum(_ field: ApplicationField) -> Double {
        field == .itemSize || field == .eventSize ? 1.0 / 1024 : 0
    }

    static func maximum(_ field: ApplicationField) -> Double {
        switch field.kind {
        case .size: sizes.upperBound
        case .count: Ranges.count.upperBound
        default: perRequest.upperBound
        }
    }

    /// Round sizes about ×1.25 apart in the unit they read in (…, 8KB, 10KB, 12KB, …, 1GB, 1.2GB, …).
    static func niceSize(_ mib: Double, up: Bool) -> Double {
        let unit: Double = mib * (1 + 1e-9) < 1 ? 1.0 / 1024 : mib * (1 + 1e-9) < 1024 ? 1 : 1024
        var next = Stepping.nice(mib / unit, up: up) * unit
        // Down from 1MB reads 800KB, not 0.8MB (819.2KB): the stepping continues in the smaller unit.
        if !up, next < unit, unit > 1.0 / 1024 { next = Stepping.nice(1, up: false) * 1000 * unit / 1024 }
        return next
    }
}
