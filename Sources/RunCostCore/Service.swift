/// A priced part of an application beside its compute: a front door, a database, an event bus,
/// sign-in, static hosting or data transfer out (docs/pricing-format.md, "Service tables").
/// Every figure comes from a service table; the one formula that prices it is ApplicationBilling.
public struct Service: Sendable, Equatable {
    public var id: String
    public var name: String
    public var provider: String
    public var category: ServiceCategory
    public var region: String
    public var currency: String
    public var asOf: CalendarDate
    public var source: String
    /// False when a figure could not be checked against the provider's own text.
    public var verified: Bool
    public var notes: String
    public var limits: ServiceLimits
    public var meters: [Meter]
    /// A provisioned database's throughput ceiling (an assumption the table marks unverified).
    public var capacityLimit: CapacityLimit?

    public init(id: String, name: String, provider: String, category: ServiceCategory, region: String,
                currency: String, asOf: CalendarDate, source: String, verified: Bool, notes: String,
                limits: ServiceLimits, meters: [Meter], capacityLimit: CapacityLimit?) {
        self.id = id; self.name = name; self.provider = provider; self.category = category
        self.region = region; self.currency = currency; self.asOf = asOf; self.source = source
        self.verified = verified; self.notes = notes; self.limits = limits; self.meters = meters
        self.capacityLimit = capacityLimit
    }

    /// Billed by the hour whether used or not (a provisioned database), rather than by use.
    public var isProvisioned: Bool { meters.contains { $0.measure == .hours } }

    /// The same service with every price multiplied by `factor` (what-if price edits, currency).
    public func scalingPrices(by factor: Double) -> Service {
        var copy = self
        copy.meters = meters.map { m in var m = m; m.price = m.price.scaled(by: factor); return m }
        return copy
    }
}

/// What a service does for the application; a stack names one service per category.
public enum ServiceCategory: String, Sendable, CaseIterable {
    case frontDoor = "front-door", data, events, identity, hosting, egress, network
}

/// Hard limits of a service: beyond them the stack cannot serve the workload (never cheap).
public struct ServiceLimits: Sendable, Equatable {
    /// Longest request the service waits for, seconds (API Gateway HTTP API: 30 s).
    public var maxDuration: Double?
    /// Largest request payload, KiB.
    public var maxPayloadKiB: Double?
    /// Most monthly active users a plan covers (Auth0 brackets); beyond it the plan does not apply.
    public var maxMonthlyActiveUsers: Double?

    public init(maxDuration: Double? = nil, maxPayloadKiB: Double? = nil, maxMonthlyActiveUsers: Double? = nil) {
        self.maxDuration = maxDuration; self.maxPayloadKiB = maxPayloadKiB; self.maxMonthlyActiveUsers = maxMonthlyActiveUsers
    }
}

/// `capacity_limit: { measure: request_units, per_second: N }`: the most a provisioned service serves.
public struct CapacityLimit: Sendable, Equatable {
    public var measure: Measure
    public var perSecond: Double

    public init(measure: Measure, perSecond: Double) { self.measure = measure; self.perSecond = perSecond }
}
