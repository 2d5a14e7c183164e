import RunCostCore

/// Which inputs the left panel lists: the compute's (`InputField`) or the application's (`A` switches).
public enum Pane: Sendable, Equatable { case compute, application }

/// The application's inputs (docs/workloads.md, "Application"), in the order the panel lists them:
/// each service choice above the volumes it prices.
public enum ApplicationField: Int, CaseIterable, Sendable {
    case frontDoor, responseSize, egress
    case dataService, readsPerRequest, writesPerRequest, itemSize, storage
    case eventService, eventsPerRequest, eventSize
    case identityService, monthlyActiveUsers
    case hostingService, hostingStorage, hostingTransfer
    case scope

    var label: String {
        switch self {
        case .frontDoor: "front door"
        case .responseSize: "response"
        case .egress: "egress"
        case .dataService: "data"
        case .readsPerRequest: " reads/req"
        case .writesPerRequest: " writes/req"
        case .itemSize: " item size"
        case .storage: " storage"
        case .eventService: "events"
        case .eventsPerRequest: " per req"
        case .eventSize: " size"
        case .identityService: "sign-in"
        case .monthlyActiveUsers: " MAU"
        case .hostingService: "hosting"
        case .hostingStorage: " stored"
        case .hostingTransfer: " transfer"
        case .scope: "scope"
        }
    }

    /// The workload-file name, for messages: "data.reads_per_request set to 2".
    var name: String {
        switch self {
        case .frontDoor: "front_door"
        case .responseSize: "response_size"
        case .egress: "egress"
        case .dataService: "data.service"
        case .readsPerRequest: "data.reads_per_request"
        case .writesPerRequest: "data.writes_per_request"
        case .itemSize: "data.item_size"
        case .storage: "data.storage"
        case .eventService: "events.service"
        case .eventsPerRequest: "events.per_request"
        case .eventSize: "events.size"
        case .identityService: "users.service"
        case .monthlyActiveUsers: "users.monthly_active"
        case .hostingService: "hosting.service"
        case .hostingStorage: "hosting.storage"
        case .hostingTransfer: "hosting.transfer"
        case .scope: "scope"
        }
    }

    /// The stack key a service field chooses for; nil for volumes.
    var stackKey: StackKey? {
        switch self {
        case .frontDoor: .frontDoor
        case .dataService: .data
        case .eventService: .events
        case .identityService: .identity
        case .hostingService: .hosting
        default: nil
        }
    }

    enum Kind { case service, size, number, count, scope }

    var kind: Kind {
        switch self {
        case .frontDoor, .dataService, .eventService, .identityService, .hostingService: .service
        case .responseSize, .egress, .itemSize, .storage, .eventSize, .hostingStorage, .hostingTransfer: .size
        case .readsPerRequest, .writesPerRequest, .eventsPerRequest: .number
        case .monthlyActiveUsers: .count
        case .scope: .scope
        }
    }

    /// The parameter the break-even chart varies while this field is selected; nil keeps the last one.
    var sweepParameter: SweepParameter? {
        switch self {
        case .responseSize: .responseSize
        case .readsPerRequest: .readsPerRequest
        case .storage: .storage
        case .monthlyActiveUsers: .monthlyActiveUsers
        default: nil
        }
    }

    /// What Enter expects, for the prompt.
    var example: String {
        switch kind {
        case .service: "auto, none or a service id" + (self == .frontDoor ? " (or function-url)" : "")
        case .size: self == .responseSize || self == .itemSize || self == .eventSize ? "8KB, 1KB or 1.5MB" : "50GB, 500MB or 2TB"
        case .number: "a number per request, e.g. 2 or 0.5"
        case .count: "40k, 1.5M or 250"
        case .scope: "application, compute or data (the database alone)"
        }
    }

    /// The value in human units; "—" for a volume of a section the workload leaves out.
    func display(_ w: Workload) -> String {
        let app = w.application
        let absent = "—"
        switch self {
        case .frontDoor: return app.map { $0.frontDoor.text } ?? absent
        case .responseSize: return app.map { Self.size($0.responseSizeGB) } ?? absent
        case .egress: return app.map { Self.size($0.egressGB) } ?? absent
        case .dataService: return app?.data.map { $0.service.text } ?? absent
        case .readsPerRequest: return app?.data.map { Format.grouped($0.readsPerRequest, maxFractionDigits: 3) } ?? absent
        case .writesPerRequest: return app?.data.map { Format.grouped($0.writesPerRequest, maxFractionDigits: 3) } ?? absent
        case .itemSize: return app?.data.map { Self.size($0.itemSizeGB) } ?? absent
        case .storage: return app?.data.map { Self.size($0.storageGB) } ?? absent
        case .eventService: return app?.events.map { $0.service.text } ?? absent
        case .eventsPerRequest: return app?.events.map { Format.grouped($0.perRequest, maxFractionDigits: 3) } ?? absent
        case .eventSize: return app?.events.map { Self.size($0.sizeGB) } ?? absent
        case .identityService: return app?.users.map { $0.service.text } ?? absent
        case .monthlyActiveUsers: return app?.users.map { Format.count($0.monthlyActive) } ?? absent
        case .hostingService: return app?.hosting.map { $0.service.text } ?? absent
        case .hostingStorage: return app?.hosting.map { Self.size($0.storageGB) } ?? absent
        case .hostingTransfer: return app?.hosting.map { Self.size($0.transferGB) } ?? absent
        case .scope: return w.effectiveScope.rawValue
        }
    }

    /// GB (of 2^30 bytes) as `8KB`, `500MB` or `50GB`: the units the workload file takes.
    static func size(_ gb: Double) -> String {
        let mib = gb * 1024
        if mib == 0 { return "0" }
        if mib > 0, mib * (1 + 1e-9) < 1 { return Format.grouped(mib * 1024, maxFractionDigits: 2) + "KB" }
        return Format.memory(mib)
    }
}
