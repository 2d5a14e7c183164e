/// Commitments and spot: options bought on top of an offering's list price (design.md §8).
///
/// A commitment (Savings Plan, reserved instance, committed-use discount, Azure savings plan or
/// reservation) is paid every hour of the month whether used or not. It is modelled as a coverage
/// of `K` on-demand dollars per hour: eligible usage up to `K` in an hour is billed at the
/// discounted rate, the commitment `K × (1 − d)` is paid every hour, and usage above `K` is billed
/// on demand. With usage `U` per hour, the commitment beats on-demand when `K(1 − d) < min(U, K)`,
/// i.e. when the utilisation `U / K` exceeds `1 − d`: the break-even utilisation of docs/billing.md.
///
/// Spot (preemptible) capacity replaces the on-demand rate with an indicative discount; prices float,
/// so the tables mark every spot figure unverified and dated.

/// How long a commitment lasts; `none` is on-demand.
public enum CommitmentTerm: String, Sendable, CaseIterable, Equatable {
    case none, oneYear = "1y", threeYear = "3y"

    /// "1-year", for report lines.
    public var label: String {
        switch self {
        case .none: "on-demand"
        case .oneYear: "1-year"
        case .threeYear: "3-year"
        }
    }
}

/// One way a provider sells a commitment for an offering, as its pricing table gives it.
public struct CommitmentPlan: Sendable, Equatable {
    /// How the commitment is bought: a spend per hour (Savings Plans, flexible CUDs, Azure savings
    /// plan) or whole instances (reserved instances, resource-based CUDs, Azure reservations).
    public enum Basis: String, Sendable, CaseIterable, Equatable { case spend, instances }

    public var id: String                               // e.g. compute-savings-plan
    public var name: String                             // e.g. Compute Savings Plan
    public var basis: Basis
    /// Fraction off the on-demand rate of every eligible rate, per term.
    public var discounts: [CommitmentTerm: Double]
    public var source: String
    public var asOf: CalendarDate
    public var verified: Bool

    public init(id: String, name: String, basis: Basis = .spend, discounts: [CommitmentTerm: Double],
                source: String, asOf: CalendarDate, verified: Bool) {
        self.id = id; self.name = name; self.basis = basis; self.discounts = discounts
        self.source = source; self.asOf = asOf; self.verified = verified
    }
}

/// An indicative spot/preemptible discount: never a quote, always shown as unverified and dated.
public struct SpotDiscount: Sendable, Equatable {
    public var discount: Double
    public var source: String
    public var asOf: CalendarDate
    public var verified: Bool
    public init(discount: Double, source: String, asOf: CalendarDate, verified: Bool = false) {
        self.discount = discount; self.source = source; self.asOf = asOf; self.verified = verified
    }
}

/// What the workload asks for: a term, and optionally how much to commit.
public struct CommitmentChoice: Sendable, Equatable {
    public var term: CommitmentTerm = .none
    /// A plan id (`compute-savings-plan`); nil picks the plan with the deepest discount for the term.
    public var plan: String?
    /// Committed spend per hour, at the discounted rate (what a Savings Plan is bought in); nil
    /// sizes the commitment to the workload's steady baseline.
    public var amountPerHour: Double?
    /// Sizes the commitment so the baseline fills this share of it (the `commitment-utilisation`
    /// sweep parameter); wins over `amountPerHour`.
    public var utilisation: Double?
    public init(term: CommitmentTerm = .none, plan: String? = nil, amountPerHour: Double? = nil, utilisation: Double? = nil) {
        self.term = term; self.plan = plan; self.amountPerHour = amountPerHour; self.utilisation = utilisation
    }
}

/// The figures of a commitment applied to one estimate (JSON `commitment`).
public struct CommitmentSummary: Sendable, Equatable {
    public var term: CommitmentTerm
    public var planID: String
    public var planName: String
    public var basis: CommitmentPlan.Basis
    public var discount: Double
    /// On-demand dollars per hour the commitment covers (K).
    public var coveragePerHour: Double
    /// What is paid per hour, used or not: K × (1 − d).
    public var committedPerHour: Double
    public var committedMonthly: Double
    /// Reserved instances, for an instance-based plan.
    public var instances: Double?
    /// On-demand spend the commitment replaced this month, at list price.
    public var coveredOnDemand: Double
    /// The sustained-use discount the covered usage would have earned and no longer does (GCP:
    /// sustained-use discounts do not apply to usage a committed-use discount covers); 0 elsewhere.
    public var sustainedUseWithdrawn: Double = 0
    /// The month's cost with no commitment.
    public var onDemandCost: Double
    /// The part of it the plan's discount applies to.
    public var eligibleOnDemand: Double
    /// Share of the paid coverage the workload used.
    public var utilisation: Double
    /// Below this utilisation the commitment loses to on-demand: 1 − d.
    public var breakEvenUtilisation: Double { 1 - discount }
    public var source: String
    public var asOf: CalendarDate
    public var verified: Bool
}

extension Offering {
    /// The plan priced for `choice`: the named one, else the deepest discount for the term.
    public func commitmentPlan(for choice: CommitmentChoice) -> CommitmentPlan? {
        let offered = commitments.filter { $0.discounts[choice.term] != nil }
        if let id = choice.plan { return offered.first { $0.id == id } }
        return offered.max { ($0.discounts[choice.term]!, $1.id) < ($1.discounts[choice.term]!, $0.id) }
    }

    /// The on-demand twin that sweeps and break-even searches draw next to a committed offering.
    public var onDemandTwin: Offering {
        var twin = self
        twin.id = id + "-on-demand"
        twin.name = name + " — on-demand"
        twin.onDemandOnly = true
        return twin
    }
}

extension BillingModel {
    /// The same prices with every rate a commitment or spot discount covers multiplied by
    /// `factor`: compute time (duration, vCPU, memory, instance hours) and Lambda Provisioned
    /// Concurrency (AWS: Compute Savings Plans cover "Duration, Provisioned Concurrency, and Duration
    /// (Provisioned Concurrency)"), not per-request charges ("no discount on Requests"), SnapStart,
    /// fixed fees such as a cluster's management fee, nor what is attached to an instance rather
    /// than its compute: boot disks, public IPv4 addresses, task storage, and burstable surplus
    /// CPU, billed per vCPU-hour apart from the instance rate the plans discount.
    func discountingEligibleRates(by factor: Double) -> BillingModel {
        switch self {
        case .perRequest(var p):
            p.gbSecond = p.gbSecond?.scaled(by: factor); p.vcpuSecond = p.vcpuSecond.map { $0 * factor }
            p.ephemeralStorage?.gbSecond *= factor
            p.provisionedConcurrency?.gbSecond *= factor; p.provisionedConcurrency?.durationGBSecond *= factor
            return .perRequest(p)
        case .sharedInstance(var p):
            p.vcpuSecond *= factor; p.gibSecond *= factor
            p.idleVCPUSecond *= factor; p.idleGiBSecond *= factor
            return .sharedInstance(p)
        case .cpuTime(var p):
            p.cpuMsOverage *= factor
            return .cpuTime(p)
        case .provisioned(var p):
            p.rate = p.rate.scaled(by: factor); p.monthlyCap = p.monthlyCap.map { $0 * factor }
            return .provisioned(p)
        }
    }
}

/// Prices a workload that asks for a commitment or spot capacity. Called by `Estimator.evaluate`;
/// the on-demand line items are charged first, then the option's own lines adjust them, so the
/// explaining and the summing paths still share one formula.
enum CommitmentPricing {
    @inline(never)   // kept out of the sweep kernel's inlined path, like evaluateKeptWarm
    static func evaluate<L: Ledger>(_ o: Offering, _ w: Workload, _ ledger: inout L) -> Infeasibility? {
        var base = w
        base.commitment = CommitmentChoice()
        base.spot = false
        if w.spot {
            if w.commitment.term != .none { return .spotWithCommitment }
            guard let spot = o.spot else { return .noSpot }
            return evaluateSpot(o, base, spot, &ledger)
        }
        switch figures(o, base, w.commitment) {
        case .failure(let problem): return problem
        case .success(let s):
            // Idle capacity the commitment covers is paid at the discounted rate.
            let coveredShare = s.eligibleOnDemand > 0 ? min(1, s.coveredOnDemand / s.eligibleOnDemand) : 0
            var scaled = IdleScalingLedger(inner: ledger, factor: 1 - s.discount * coveredShare)
            if let problem = Estimator.evaluateCompute(o, base, &scaled) { return problem }
            ledger = scaled.inner
            let money = Money(currency: o.currency)
            let what = "\(s.term.label) \(s.planName)"
            let sized = s.instances.map { "\(Format.grouped($0)) instance\($0 == 1 ? "" : "s") reserved, " } ?? ""
            ledger.charge(s.committedMonthly, LineItem(
                name: "\(what) commitment", quantity: s.committedMonthly / max(s.committedPerHour, .leastNonzeroMagnitude),
                unit: "h", unitPrice: s.committedPerHour, cost: s.committedMonthly,
                formula: "\(sized)\(money.price(s.coveragePerHour))/h on-demand × (1 − \(Format.percent(s.discount))) = \(money.price(s.committedPerHour))/h, paid every hour used or not"))
            ledger.charge(-s.coveredOnDemand, LineItem(
                name: "On-demand usage covered by the commitment", quantity: s.coveredOnDemand, unit: o.currency,
                unitPrice: -1, cost: -s.coveredOnDemand,
                formula: "eligible usage up to \(money.price(s.coveragePerHour))/h each hour; utilisation \(Format.percent(s.utilisation)), break-even \(Format.percent(s.breakEvenUtilisation))"))
            if s.sustainedUseWithdrawn > 0 {
                ledger.charge(s.sustainedUseWithdrawn, LineItem(
                    name: "Sustained-use discount withdrawn on covered usage", quantity: s.sustainedUseWithdrawn, unit: o.currency,
                    unitPrice: 1, cost: s.sustainedUseWithdrawn,
                    formula: "sustained-use discounts do not apply to usage a committed-use discount covers: \(money.money(s.coveredOnDemand)) covered at list × the month's sustained-use share given back = \(money.money(s.sustainedUseWithdrawn))"))
            }
            ledger.idle(s.committedMonthly * max(0, 1 - s.utilisation))
            ledger.note(s.verified
                ? "\(what): \(Format.percent(s.discount)) off eligible rates (source \(s.source), as of \(s.asOf))."
                : "\(what): \(Format.percent(s.discount)) off eligible rates is UNVERIFIED (source \(s.source), as of \(s.asOf)).")
            return nil
        }
    }

    static func evaluateSpot<L: Ledger>(_ o: Offering, _ base: Workload, _ spot: SpotDiscount, _ ledger: inout L) -> Infeasibility? {
        var onDemand = TotalLedger(), discounted = TotalLedger()
        if let problem = Estimator.evaluateCompute(o, base, &onDemand) { return problem }
        var cheap = o
        cheap.billing = o.billing.discountingEligibleRates(by: 1 - spot.discount)
        _ = Estimator.evaluateCompute(cheap, base, &discounted)
        var scaled = IdleScalingLedger(inner: ledger, factor: 1 - spot.discount)
        _ = Estimator.evaluateCompute(o, base, &scaled)
        ledger = scaled.inner
        let saving = onDemand.total - discounted.total
        ledger.charge(-saving, LineItem(
            name: "Spot discount (indicative\(spot.verified ? "" : ", unverified"), as of \(spot.asOf))",
            quantity: saving, unit: o.currency, unitPrice: -spot.discount, cost: -saving,
            formula: "\(Format.percent(spot.discount)) off eligible rates; spot prices float and capacity can be reclaimed"))
        ledger.note("Spot: \(Format.percent(spot.discount)) off is indicative\(spot.verified ? "" : " and UNVERIFIED") (source \(spot.source), as of \(spot.asOf)).")
        return nil
    }

    /// The commitment's figures for a workload that has none applied (`base`).
    static func figures(_ o: Offering, _ base: Workload, _ choice: CommitmentChoice) -> Result<CommitmentSummary, Infeasibility> {
        guard let plan = o.commitmentPlan(for: choice), let d = plan.discounts[choice.term] else {
            return .failure(.noCommitment(term: choice.term))
        }
        guard let onDemand = Estimator.monthlyCost(o, base) else {
            return .failure(Estimator.infeasibility(o, base) ?? .noCapacity)
        }
        // The commitment is sized and credited at list price: a sustained-use discount (GCP) is
        // earned only by usage the commitment does not cover, so it is given back for the covered part.
        let sustainedUse = o.sustainedUseRules
        let o = o.withoutSustainedUse
        let listOnDemand = Estimator.monthlyCost(o, base) ?? onDemand
        var discounted = o
        discounted.billing = o.billing.discountingEligibleRates(by: 1 - d)
        let eligible = (listOnDemand - (Estimator.monthlyCost(discounted, base) ?? listOnDemand)) / d
        // Sized to the baseline, only the quietest level matters (every level spends at least as
        // much, so the coverage is used every hour): price that one slice instead of all of them.
        let onlyBaseline = choice.utilisation == nil && choice.amountPerHour == nil
        let hourly = hourlyEligibleSpend(o, discounted, base, d, eligible: eligible, quietestOnly: onlyBaseline)

        // Coverage K: the steady baseline (lowest hourly eligible spend while the service runs),
        // or sized from a utilisation, or from the committed amount.
        let baseline = hourly.map(\.spend).min() ?? 0
        var coverage: Double
        if let u = choice.utilisation { coverage = u > 0 ? baseline / u : 0 }
        else if let amount = choice.amountPerHour { coverage = amount / (1 - d) }
        else { coverage = baseline }
        var instances: Double?
        if plan.basis == .instances, case .provisioned(let p) = o.billing, case .success(let size) = p.instanceSize(for: base), size.hourly > 0 {
            let n = max(0, (coverage / size.hourly + 1e-9).rounded(.down))   // whole instances only
            instances = n
            coverage = n * size.hourly
        }
        // A commitment is paid for every hour of the month, even hours the service does not run.
        let paidHours = max(730, base.hoursPerMonth)
        let covered = onlyBaseline ? min(eligible, coverage * base.hoursPerMonth)
                                   : hourly.reduce(0) { $0 + min($1.spend, coverage) * $1.hours }
        let committedPerHour = coverage * (1 - d)
        let utilisation = coverage > 0 ? covered / (coverage * paidHours) : 0
        // Covered usage is taken as running every hour the service does: the discount it forgoes is
        // its list price less that of an instance running those hours under sustained use (usage
        // above the baseline runs fewer hours and forgoes less, so this errs high).
        let withdrawn = sustainedUse.map { covered * (1 - $0.sustainedHours(base.hoursPerMonth, monthHours: monthHours) / base.hoursPerMonth) } ?? 0
        return .success(CommitmentSummary(
            term: choice.term, planID: plan.id, planName: plan.name, basis: plan.basis, discount: d,
            coveragePerHour: coverage, committedPerHour: committedPerHour, committedMonthly: committedPerHour * paidHours,
            instances: instances, coveredOnDemand: covered, sustainedUseWithdrawn: withdrawn, onDemandCost: onDemand,
            eligibleOnDemand: eligible, utilisation: utilisation,
            source: plan.source, asOf: plan.asOf, verified: plan.verified))
    }

    /// Eligible on-demand spend per hour in each traffic level, and the hours of each level. Each
    /// level is priced as a steady slice of the month, then the slices are scaled to the month's
    /// eligible total (so free tiers and volume tiers stay the month's).
    static func hourlyEligibleSpend(_ o: Offering, _ discounted: Offering, _ w: Workload, _ d: Double,
                                    eligible: Double, quietestOnly: Bool) -> [(spend: Double, hours: Double)] {
        var levels = w.profile.levels.filter { $0.share > 0 }   // sorted by load, quietest first
        guard levels.count > 1 else { return [(eligible / w.hoursPerMonth, w.hoursPerMonth)] }
        if quietestOnly { levels = [levels[0]] }
        var slices: [(spend: Double, hours: Double)] = []
        for level in levels {
            var slice = w
            slice.peakToAverage = nil
            slice.traffic = .constant
            slice.hoursPerMonth = w.hoursPerMonth * level.share
            slice.requestsPerMonth = w.requestsPerMonth * level.multiplier * level.share
            slice.freeTier = false    // a slice must not get the month's whole allowance
            let full = Estimator.monthlyCost(o, slice) ?? 0
            let cut = Estimator.monthlyCost(discounted, slice) ?? full
            slices.append(((full - cut) / d, slice.hoursPerMonth))
        }
        let total = slices.reduce(0) { $0 + $1.spend }
        let scale = quietestOnly ? 1 : total > 0 ? eligible / total : 0
        return slices.map { ($0.spend * scale / $0.hours, $0.hours) }
    }
}

extension Estimator {
    /// The commitment's figures for this workload on this offering, or nil when it asks for none.
    public static func commitment(_ o: Offering, _ w: Workload) -> CommitmentSummary? {
        guard w.commitment.term != .none, !w.spot, !o.onDemandOnly else { return nil }
        var base = w
        base.commitment = CommitmentChoice()
        if case .success(let s) = CommitmentPricing.figures(o, base, w.commitment) { return s }
        return nil
    }
}

extension Offering {
    /// The sustained-use rule of a provisioned offering, if it has one.
    var sustainedUseRules: ProvisionedRules.Values? {
        guard case .provisioned(let p) = billing, p.rules.sustainedUse != nil else { return nil }
        return p.rules.values
    }

    /// The same offering billed at list price, without its sustained-use discount.
    var withoutSustainedUse: Offering {
        guard case .provisioned(var p) = billing, p.rules.sustainedUse != nil else { return self }
        var copy = self
        p.rules.sustainedUse = nil
        copy.billing = .provisioned(p)
        return copy
    }
}

extension Format {
    /// 0.28 → "28%", 0.3726 → "37.26%".
    public static func percent(_ fraction: Double) -> String {
        grouped(fraction * 100, maxFractionDigits: 2) + "%"
    }
}

/// Passes charges through and scales idle cost: idle capacity bought at a discount is worth less.
struct IdleScalingLedger<Inner: Ledger>: Ledger {
    var inner: Inner
    let factor: Double
    @inline(__always) mutating func charge(_ cost: Double, _ item: @autoclosure () -> LineItem) { inner.charge(cost, item()) }
    @inline(__always) mutating func idle(_ cost: Double) { inner.idle(cost * factor) }
    @inline(__always) mutating func note(_ text: @autoclosure () -> String) { inner.note(text()) }
}
