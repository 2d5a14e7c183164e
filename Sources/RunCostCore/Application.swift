/// The application around the compute, as the workload describes it (docs/workloads.md,
/// "Application"). Every field is optional; a section left out is not priced. Sizes are GB of
/// 2^30 bytes (runcost reads `1KB` as 1 KiB and `1GB` as 1 GiB, as providers bill).
public struct Application: Sendable, Equatable {
    public var frontDoor: ServiceChoice = .auto
    /// Bytes out per request, GB.
    public var responseSizeGB: Double = 0
    /// Other data out to the internet per month, GB.
    public var egressGB: Double = 0
    public var data: DataUse?
    public var events: EventUse?
    public var users: UserUse?
    public var hosting: HostingUse?

    public init() {}

    public struct DataUse: Sendable, Equatable {
        public var service: ServiceChoice = .auto
        public var readsPerRequest = 0.0
        public var writesPerRequest = 0.0
        /// Size of one item read or written, GB (default 1 KB).
        public var itemSizeGB = 1.0 / 1_048_576
        /// Stored data, GB-month.
        public var storageGB = 0.0
        public init() {}
    }

    public struct EventUse: Sendable, Equatable {
        public var service: ServiceChoice = .auto
        public var perRequest = 0.0
        /// Size of one event, GB (default 1 KB).
        public var sizeGB = 1.0 / 1_048_576
        public init() {}
    }

    public struct UserUse: Sendable, Equatable {
        public var service: ServiceChoice = .auto
        public var monthlyActive = 0.0
        public init() {}
    }

    public struct HostingUse: Sendable, Equatable {
        public var service: ServiceChoice = .auto
        public var storageGB = 0.0
        public var transferGB = 0.0
        public init() {}
    }
}

/// A workload's choice of service for one stack key.
public enum ServiceChoice: Sendable, Equatable {
    /// The offering's stack default.
    case auto
    /// Leave the category out.
    case none
    /// `front_door: function-url`: the offering's `function_url` service.
    case functionURL
    case id(String)

    public var text: String {
        switch self {
        case .auto: "auto"
        case .none: "none"
        case .functionURL: "function-url"
        case .id(let id): id
        }
    }
}

/// What the estimates' totals cover: the compute alone, the whole application, or only its data
/// service (to compare databases with each other).
public enum CostScope: String, Sendable, CaseIterable {
    case compute, application, data
}

extension Application {
    /// An application of just this data use (a row of `--scope data`).
    public static func dataOnly(_ data: DataUse) -> Application {
        var app = Application()
        app.frontDoor = .none
        app.data = data
        return app
    }
}

extension Offering {
    /// A row that stands for a data service alone (`--scope data`): no compute, the service's
    /// own provider, id and name; provisioned (hours-billed) databases count as `vm`, the rest as
    /// `serverless`.
    public static func dataServiceRow(_ s: Service) -> Offering {
        var o = Offering(id: s.id, name: s.name, provider: s.provider, kind: s.isProvisioned ? .vm : .serverless,
                         region: s.region, currency: s.currency, asOf: s.asOf, source: s.source, verified: s.verified,
                         notes: s.notes, billing: .cpuTime(CPUTimePricing()))
        o.stack.data = s.id
        return o
    }
}
