/// One priced way to run a workload, e.g. `aws-lambda-arm` or `hetzner-cx22`.
/// Every number comes from a pricing table; nothing here is provider-specific.
public struct Offering: Sendable, Equatable {
    public var id: String
    public var name: String
    public var provider: String
    public var kind: OfferingKind
    public var region: String
    public var currency: String
    public var asOf: CalendarDate
    public var source: String
    /// False when a figure in the table could not be checked against the provider's own text.
    public var verified: Bool
    public var notes: String
    public var arch: Arch?
    public var billing: BillingModel
    public var limits: Limits
    // Commitments and spot (Commitment.swift): options priced from the table's data.
    public var commitments: [CommitmentPlan] = []
    public var spot: SpotDiscount?
    /// True for the on-demand twin drawn next to a committed offering: options are not applied.
    public var onDemandOnly = false
    /// Start-up time and keep-alive, from a cold-start table (docs/pricing-format.md); nil if none.
    public var coldStart: ColdStartProfile? = nil
    /// The services this offering's application uses by default (`stack:` in its table).
    public var stack: Stack = Stack()
    /// The services resolved for the workload's application section (StackResolution), once per
    /// offering before pricing; empty in a catalog.
    public var services: [ResolvedService] = []
    /// Why the application cannot be priced on this offering (a default its table lacks).
    public var serviceProblem: Infeasibility? = nil

    public init(id: String, name: String, provider: String, kind: OfferingKind, region: String,
                currency: String = "USD", asOf: CalendarDate, source: String, verified: Bool = true,
                notes: String = "", arch: Arch? = nil, billing: BillingModel, limits: Limits = Limits(),
                commitments: [CommitmentPlan] = [], spot: SpotDiscount? = nil, onDemandOnly: Bool = false,
                coldStart: ColdStartProfile? = nil, stack: Stack = Stack(), services: [ResolvedService] = [],
                serviceProblem: Infeasibility? = nil) {
        self.id = id; self.name = name; self.provider = provider; self.kind = kind
        self.region = region; self.currency = currency; self.asOf = asOf; self.source = source
        self.verified = verified; self.notes = notes; self.arch = arch
        self.billing = billing; self.limits = limits
        self.commitments = commitments; self.spot = spot; self.onDemandOnly = onDemandOnly; self.coldStart = coldStart
        self.stack = stack; self.services = services; self.serviceProblem = serviceProblem
    }

    /// The same offering with every price multiplied by `factor` (what-if price edits).
    public func scalingPrices(by factor: Double) -> Offering {
        var copy = self
        copy.billing = billing.scaled(by: factor)
        copy.services = services.map { r in
            var r = r
            r.service = r.service.scalingPrices(by: factor)
            r.crossCloud = r.crossCloud?.scalingPrices(by: factor)
            return r
        }
        return copy
    }

    /// Ids like `aws-lambda-x86` and `aws-lambda-arm` share the family `aws-lambda`.
    public var archFamily: String? {
        guard let arch else { return nil }
        let suffix = "-" + arch.rawValue
        return id.hasSuffix(suffix) ? String(id.dropLast(suffix.count)) : nil
    }
}

public enum OfferingKind: String, Sendable, CaseIterable, Comparable {
    case serverless, paas, container, vm

    public static func < (a: OfferingKind, b: OfferingKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum Arch: String, Sendable, CaseIterable {
    case x86, arm
}

/// Hard limits of a platform. Exceeding one makes the offering infeasible, never cheap.
public struct Limits: Sendable, Equatable {
    public var maxDuration: Double?        // seconds of wall time per request
    public var maxCPUTime: Double?         // seconds of CPU per request
    public var maxMemoryMiB: Double?
    public var maxVCPU: Double?
    public var maxConcurrency: Double?     // requests one instance may serve at once
    public var maxPayloadKiB: Double?

    public init(maxDuration: Double? = nil, maxCPUTime: Double? = nil, maxMemoryMiB: Double? = nil,
                maxVCPU: Double? = nil, maxConcurrency: Double? = nil, maxPayloadKiB: Double? = nil) {
        self.maxDuration = maxDuration; self.maxCPUTime = maxCPUTime; self.maxMemoryMiB = maxMemoryMiB
        self.maxVCPU = maxVCPU; self.maxConcurrency = maxConcurrency; self.maxPayloadKiB = maxPayloadKiB
    }
}
