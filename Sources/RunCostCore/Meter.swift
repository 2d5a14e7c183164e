/// One priced quantity of a service: a measure derived from the workload, through a free
/// allowance, a minimum, size chunks and tiers, to a price (docs/pricing-format.md, "Meters").
public struct Meter: Sendable, Equatable {
    public var name: String
    public var measure: Measure
    /// How many base units the price covers (1M requests, 1 GB); 1 if the table gives none.
    public var per: Double
    /// Price per `per` base units; tier `upTo` bounds are in base units (cumulative).
    public var price: TieredPrice
    /// Each chunk of the item's size counts as one unit (GB; DynamoDB 4 KB reads, EventBridge 64 KB).
    public var chunk: Double?
    /// Monthly allowance in base units, applied with --free-tier.
    public var free: Double
    /// Smallest billed quantity, in base units, when the measure is not zero.
    public var minimum: Double
    /// `request_units`: units per read and per write (Cosmos DB RU).
    public var readUnits: Double
    public var writeUnits: Double
    /// `event_bytes`: the least size billed per event, GB (Pub/Sub: 1,000 bytes).
    public var minimumSize: Double
    /// `capacity`: how units are sized from the load, level by level.
    public var capacity: CapacityRule?

    public init(name: String, measure: Measure, per: Double = 1, price: TieredPrice, chunk: Double? = nil,
                free: Double = 0, minimum: Double = 0, readUnits: Double = 1, writeUnits: Double = 1,
                minimumSize: Double = 0, capacity: CapacityRule? = nil) {
        self.name = name; self.measure = measure; self.per = per; self.price = price; self.chunk = chunk
        self.free = free; self.minimum = minimum; self.readUnits = readUnits; self.writeUnits = writeUnits
        self.minimumSize = minimumSize; self.capacity = capacity
    }
}

/// The quantity a meter prices. Sizes are GB of 2^30 bytes, as the rest of runcost reads sizes.
public enum Measure: String, Sendable, CaseIterable {
    case hours, requests, reads, writes
    case requestUnits = "request_units"
    case events
    case eventBytes = "event_bytes"
    case storage, egress, processed, users, capacity

    /// The base unit, as line items name it.
    public var unit: String {
        switch self {
        case .hours: "hour"
        case .requests: "request"
        case .reads, .writes: "operation"
        case .requestUnits: "unit"
        case .events: "event"
        case .eventBytes, .egress, .processed: "GB"
        case .storage: "GB-month"
        case .users: "MAU"
        case .capacity: "unit-hour"
        }
    }

    /// Sizes are read as sizes (`1GB`), everything else as counts (`1M`).
    public var isSize: Bool { self == .eventBytes || self == .egress || self == .processed || self == .storage }
}

/// How a capacity meter sizes its units for each traffic level (ALB LCU, Aurora ACU, RCU/WCU, RU/s):
/// units = clamp(step_up(max over dimensions of rate ÷ per_unit ÷ target_utilization), minimum, maximum).
public struct CapacityRule: Sendable, Equatable {
    public struct Dimension: Sendable, Equatable {
        public var measure: Measure
        /// One unit serves this much per second (counts) or per hour (GB measures).
        public var perUnit: Double
        /// As on a meter: each chunk of the item's size counts once (DynamoDB RCU: 4 KB).
        public var chunk: Double?

        public init(measure: Measure, perUnit: Double, chunk: Double? = nil) {
            self.measure = measure; self.perUnit = perUnit; self.chunk = chunk
        }
    }

    public enum Scaling: String, Sendable, CaseIterable { case hourly, peak }

    public var dimensions: [Dimension]
    public var step: Double
    public var minimum: Double
    public var maximum: Double?
    public var targetUtilization: Double
    public var scaling: Scaling
    /// A level without requests bills no units (Aurora Serverless v2 at 0 ACU).
    public var autoPause: Bool

    public init(dimensions: [Dimension], step: Double = 0, minimum: Double = 0, maximum: Double? = nil,
                targetUtilization: Double = 1, scaling: Scaling = .hourly, autoPause: Bool = false) {
        self.dimensions = dimensions; self.step = step; self.minimum = minimum; self.maximum = maximum
        self.targetUtilization = targetUtilization; self.scaling = scaling; self.autoPause = autoPause
    }
}
