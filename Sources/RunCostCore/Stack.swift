/// The services an offering uses by default, from its compute table: a provider-wide `stack:` with
/// per-offering overrides (docs/pricing-format.md, "Stacks"). Nil means none; a nil front door is
/// built in (no charge).
public struct Stack: Sendable, Equatable {
    /// One id (or nil) per `StackKey`, in its order: one array, so copying an offering in the
    /// sweep kernel retains one reference here rather than seven strings.
    public private(set) var ids: [String?]

    public init(ids: [String?]) {
        self.ids = Array((ids + Array(repeating: nil, count: StackKey.allCases.count)).prefix(StackKey.allCases.count))
    }

    public init(frontDoor: String? = nil, functionURL: String? = nil, data: String? = nil, events: String? = nil,
                identity: String? = nil, hosting: String? = nil, egress: String? = nil) {
        ids = [frontDoor, functionURL, data, events, identity, hosting, egress]
    }

    public var frontDoor: String? { get { self[.frontDoor] } set { self[.frontDoor] = newValue } }
    public var functionURL: String? { get { self[.functionURL] } set { self[.functionURL] = newValue } }
    public var data: String? { get { self[.data] } set { self[.data] = newValue } }
    public var events: String? { get { self[.events] } set { self[.events] = newValue } }
    public var identity: String? { get { self[.identity] } set { self[.identity] = newValue } }
    public var hosting: String? { get { self[.hosting] } set { self[.hosting] = newValue } }
    public var egress: String? { get { self[.egress] } set { self[.egress] = newValue } }

    public subscript(key: StackKey) -> String? {
        get { ids[key.index] }
        set { ids[key.index] = newValue }
    }

    /// `self` with every key `other` sets replacing ours (an offering's stack over its table's).
    public func overridden(by other: Stack) -> Stack {
        var merged = self
        for key in StackKey.allCases { if let id = other[key] { merged[key] = id } }
        return merged
    }

    public var isEmpty: Bool { StackKey.allCases.allSatisfy { self[$0] == nil } }
}

/// A key of `stack:` and the category of service it must name.
public enum StackKey: String, Sendable, CaseIterable {
    case frontDoor = "front_door", functionURL = "function_url", data, events, identity, hosting, egress

    /// The way requests reach the compute: a front door or the function's own URL.
    var isFrontDoor: Bool { self == .frontDoor || self == .functionURL }

    /// Its place in `Stack.ids`.
    var index: Int {
        switch self {
        case .frontDoor: 0
        case .functionURL: 1
        case .data: 2
        case .events: 3
        case .identity: 4
        case .hosting: 5
        case .egress: 6
        }
    }

    public var category: ServiceCategory {
        switch self {
        case .frontDoor, .functionURL: .frontDoor
        case .data: .data
        case .events: .events
        case .identity: .identity
        case .hosting: .hosting
        case .egress: .egress
        }
    }
}

/// One service an offering's application uses, as resolved once per offering (never in the kernel).
public struct ResolvedService: Sendable, Equatable {
    public var service: Service
    /// The stack key it fills; the derived quantities depend on it (storage of data vs hosting).
    public var role: StackKey
    /// The data service provider's egress service, when data crosses clouds to reach the compute.
    public var crossCloud: Service?

    public init(service: Service, role: StackKey, crossCloud: Service? = nil) {
        self.service = service; self.role = role; self.crossCloud = crossCloud
    }
}

/// Why a stack cannot be resolved: the loader turns it into a located error.
public enum StackError: Error, Sendable, Equatable {
    case unknownService(id: String, key: StackKey)
    case wrongCategory(id: String, key: StackKey, category: ServiceCategory)
    case noFunctionURL(offering: String)
}

/// Turns an offering's stack and the workload's choices into the services it pays for.
public enum StackResolution {
    /// Services by id and each provider's egress service (for cross-cloud data).
    public struct Index: Sendable {
        public var services: [String: Service]
        public var egressByProvider: [String: Service]

        public init(services: [Service], stacks: [Offering]) {
            var byID: [String: Service] = [:]
            for s in services { byID[s.id] = s }
            self.services = byID
            var egress: [String: Service] = [:]
            // A provider's egress: what its compute tables' stacks name, else its first egress service.
            for o in stacks { if egress[o.provider] == nil, let id = o.stack.egress, let s = byID[id] { egress[o.provider] = s } }
            for s in services.sorted(by: { $0.id < $1.id }) where s.category == .egress && egress[s.provider] == nil { egress[s.provider] = s }
            egressByProvider = egress
        }
    }

    /// The offering with `services` (and `serviceProblem`, when a default is missing) filled in.
    /// Prices in another currency are converted with `rates`, else the offering is infeasible.
    /// `alone`: the offering was asked for by id, so a function URL it lacks is an error rather
    /// than a reason in a ranking.
    public static func resolve(_ offering: Offering, _ app: Application?, _ index: Index,
                               rates: [String: Double] = [:], alone: Bool = true) throws(StackError) -> Offering {
        var o = offering
        o.services = []
        o.serviceProblem = nil
        guard let app else { return o }
        func pick(_ choice: ServiceChoice, _ key: StackKey) throws(StackError) -> Service? {
            let id: String
            switch choice {
            case .none: return nil
            case .auto:
                guard let given = offering.stack[key] else {
                    // A front door left out is built in; any other missing default cannot be priced.
                    if key != .frontDoor, key != .egress, o.serviceProblem == nil { o.serviceProblem = .noDefaultService(key: key.rawValue) }
                    return nil
                }
                id = given
            case .functionURL:
                guard let given = offering.stack.functionURL else {
                    if alone { throw .noFunctionURL(offering: offering.id) }
                    if o.serviceProblem == nil { o.serviceProblem = .noFunctionURL }
                    return nil
                }
                id = given
            case .id(let given): id = given
            }
            guard let service = index.services[id] else { throw .unknownService(id: id, key: key) }
            guard service.category == key.category else { throw .wrongCategory(id: id, key: key, category: service.category) }
            return service
        }
        func add(_ service: Service?, _ key: StackKey) {
            guard var service else { return }
            if service.currency != o.currency {
                guard let rate = rates[service.currency] else {
                    if o.serviceProblem == nil { o.serviceProblem = .serviceCurrency(service: service.id, currency: service.currency) }
                    return
                }
                service = service.scalingPrices(by: rate)
                service.currency = o.currency
            }
            var resolved = ResolvedService(service: service, role: key)
            if key == .data, service.provider != offering.provider {
                resolved.crossCloud = index.egressByProvider[service.provider].map { e in
                    guard e.currency != o.currency, let rate = rates[e.currency] else { return e }
                    var converted = e.scalingPrices(by: rate); converted.currency = o.currency; return converted
                }
            }
            o.services.append(resolved)
        }
        let frontKey: StackKey = app.frontDoor == .functionURL ? .functionURL : .frontDoor
        add(try pick(app.frontDoor, frontKey), frontKey)
        if let data = app.data { add(try pick(data.service, .data), .data) }
        if let events = app.events { add(try pick(events.service, .events), .events) }
        if let users = app.users { add(try pick(users.service, .identity), .identity) }
        if let hosting = app.hosting { add(try pick(hosting.service, .hosting), .hosting) }
        if app.responseSizeGB > 0 || app.egressGB > 0 { add(try pick(.auto, .egress), .egress) }
        return o
    }
}
