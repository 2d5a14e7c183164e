/// What the billing formulas read of an offering, built once per sweep (or per estimate): the
/// billing model, limits, cold-start profile and options, and constants derived from them once
/// instead of at every point. No id, name, provider or notes (reports read those from the
/// `Offering`); only the commitment plans keep their names and sources, for the commitment's own
/// line items, read when a workload asks for one.
///
/// A final class with `let` fields, so the kernel reads every number where it lies: the optimiser
/// may borrow an immutable field across calls, where it had to copy a whole `Offering` (its
/// strings and arrays, a retain and a release each) for every evaluation (docs/performance.md).
public final class PricingPlan: Sendable {
    let billing: BillingModel
    /// The billing model unpacked into a plain tag and one field per family, read in place by the
    /// kernel: binding an enum payload (`case .perRequest(let p)`) copied it, with a retain and a
    /// release per array in it, at every evaluation. Only the field of `family` is meaningful.
    let family: Family
    let perRequest: PerRequestPricing
    let sharedInstance: SharedInstancePricing
    let cpuTime: CPUTimePricing
    let provisioned: ProvisionedPricing
    let limits: Limits
    let coldStart: ColdStartProfile?
    /// Commitments and spot as the table prices them; empty and nil on an on-demand twin.
    let commitments: [CommitmentPlan]
    let spot: SpotDiscount?
    let onDemandOnly: Bool
    /// Derived once: every instance stays warm, so a cold-start limit changes nothing.
    let alwaysWarm: Bool
    /// Derived once: the table prices a way to keep instances warm (minimum instances, Provisioned Concurrency).
    let canKeepWarm: Bool
    /// The application's services, resolved once per offering (StackResolution), priced after compute.
    let services: [ResolvedService]
    let serviceProblem: Infeasibility?
    let provider: String

    public convenience init(_ o: Offering) {
        self.init(billing: o.billing, limits: o.limits, coldStart: o.coldStart,
                  commitments: o.commitments, spot: o.spot, onDemandOnly: o.onDemandOnly,
                  services: o.services, serviceProblem: o.serviceProblem, provider: o.provider)
    }

    init(billing: BillingModel, limits: Limits, coldStart: ColdStartProfile?, commitments: [CommitmentPlan],
         spot: SpotDiscount?, onDemandOnly: Bool, services: [ResolvedService] = [], serviceProblem: Infeasibility? = nil,
         provider: String = "") {
        self.billing = billing; self.limits = limits; self.coldStart = coldStart
        self.services = services; self.serviceProblem = serviceProblem; self.provider = provider
        self.commitments = commitments; self.spot = spot; self.onDemandOnly = onDemandOnly
        var perRequest = PerRequestPricing(), sharedInstance = SharedInstancePricing(), cpuTime = CPUTimePricing()
        var provisioned = ProvisionedPricing(rate: .perInstanceHour(0, vcpu: 0, memoryMiB: 0))
        switch billing {
        case .perRequest(let p): family = .perRequest; perRequest = p
        case .sharedInstance(let p): family = .sharedInstance; sharedInstance = p
        case .cpuTime(let p): family = .cpuTime; cpuTime = p
        case .provisioned(let p): family = .provisioned; provisioned = p
        }
        self.perRequest = perRequest; self.sharedInstance = sharedInstance
        self.cpuTime = cpuTime; self.provisioned = provisioned
        if coldStart?.keepAlive == .infinity {
            alwaysWarm = true
        } else if case .provisioned = billing {
            alwaysWarm = coldStart?.keepAlive == nil
        } else {
            alwaysWarm = false
        }
        switch billing {
        case .sharedInstance: canKeepWarm = true
        case .perRequest(let p): canKeepWarm = p.provisionedConcurrency != nil
        case .cpuTime, .provisioned: canKeepWarm = false
        }
    }

    /// The same plan billed with other rates (commitment and spot discounts, list price).
    func withBilling(_ billing: BillingModel) -> PricingPlan {
        PricingPlan(billing: billing, limits: limits, coldStart: coldStart, commitments: commitments,
                    spot: spot, onDemandOnly: onDemandOnly, services: services, serviceProblem: serviceProblem,
                    provider: provider)
    }

    /// The billing family (design.md §2), as a tag without payload.
    enum Family: UInt8, Sendable { case perRequest, sharedInstance, cpuTime, provisioned }

    /// Plans for a sweep: one per offering, in order.
    public static func plans(_ offerings: [Offering]) -> [PricingPlan] { offerings.map(PricingPlan.init) }
}
