import Foundation

/// Language runtimes with published start-up measurements (`--runtime`).
public enum Runtime: String, Sendable, CaseIterable {
    case python, node, java, go, rust, dotnet, container
}

/// What a start-up figure describes, for the "time from nothing to the first served request"
/// comparison across kinds (a paused serverless database has no offering, but is a row).
public enum StartUpCategory: String, Sendable, CaseIterable {
    case faas, container, paas, vm, database
}

/// How a platform starts instances and lets idle ones go: the table data behind the cold-start
/// model (docs/billing.md "Cold starts", docs/pricing-format.md "Cold-start tables").
/// A class, not a struct: every offering carries one, and the sweep kernel copies offerings, so one
/// reference to retain beats a dozen strings and collections.
public final class ColdStartProfile: Sendable, Equatable {
    public let platform: String
    public let category: StartUpCategory
    /// Offering ids this row describes; an entry ending in `*` is a prefix (`aws-ec2-*`).
    public let offerings: [String]
    /// Idle time before the platform reclaims an instance. `.infinity`: never while the service
    /// runs (always warm). nil: not known, so no cold-start share is estimated.
    public let keepAlive: Double?
    public let keepAliveSource: String?
    /// Requests one instance serves at once on this platform (Lambda: 1); nil = the workload's.
    public let instanceConcurrency: Double?
    /// Seconds from nothing to the first served request, by runtime.
    public let startUp: [Runtime: Double]
    /// The figure for any runtime not listed (a VM boots the same whatever runs on it).
    public let startUpAnyRuntime: Double?
    public let source: String
    /// The provider's text saying start-up time is billed; nil when it is not billed.
    public let startUpBillingSource: String?
    public let verified: Bool
    public let notes: String

    public init(platform: String, category: StartUpCategory, offerings: [String] = [], keepAlive: Double? = nil,
                keepAliveSource: String? = nil, instanceConcurrency: Double? = nil, startUp: [Runtime: Double] = [:],
                startUpAnyRuntime: Double? = nil, source: String, startUpBillingSource: String? = nil,
                verified: Bool = false, notes: String = "") {
        self.platform = platform; self.category = category; self.offerings = offerings
        self.keepAlive = keepAlive; self.keepAliveSource = keepAliveSource
        self.instanceConcurrency = instanceConcurrency; self.startUp = startUp
        self.startUpAnyRuntime = startUpAnyRuntime; self.source = source
        self.startUpBillingSource = startUpBillingSource; self.verified = verified; self.notes = notes
    }

    public static func == (a: ColdStartProfile, b: ColdStartProfile) -> Bool {
        a === b || (a.platform == b.platform && a.category == b.category && a.offerings == b.offerings
                    && a.keepAlive == b.keepAlive && a.keepAliveSource == b.keepAliveSource
                    && a.instanceConcurrency == b.instanceConcurrency && a.startUp == b.startUp
                    && a.startUpAnyRuntime == b.startUpAnyRuntime && a.source == b.source
                    && a.startUpBillingSource == b.startUpBillingSource && a.verified == b.verified && a.notes == b.notes)
    }

    public func matches(_ id: String) -> Bool {
        offerings.contains { $0.hasSuffix("*") ? id.hasPrefix($0.dropLast()) : id == $0 }
    }

    /// The start-up time for `runtime`, falling back to the any-runtime figure; nil if neither.
    public func startUp(for runtime: Runtime?) -> Double? {
        if let runtime, let seconds = startUp[runtime] { return seconds }
        return startUpAnyRuntime
    }

    /// The measured figure when no runtime is named: the any-runtime one, else the fastest.
    public var typicalStartUp: Double? { startUpAnyRuntime ?? startUp.values.min() }
}

/// The cold-start estimate of one offering for one workload. Computed for reports only, except
/// where the provider bills start-up time (then `ColdStartBilling` charges it in every path).
public struct ColdStartEstimate: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public var rps: Double
        public var hoursShare: Double
        public var coldShare: Double
    }
    /// Share of the month's requests that find no warm instance; nil when the platform's
    /// keep-alive is not known.
    public var share: Double?
    /// Seconds a cold request waits for its instance (0 when always warm); nil when unknown.
    public var startUp: Double?
    public var alwaysWarm: Bool
    /// The model's inputs, for `explain`.
    public var keepAlive: Double?
    public var concurrency: Double
    public var warmInstances: Double
    public var levels: [Level]
    public var profile: ColdStartProfile?

    /// Cold starts in the month.
    public func coldStarts(_ w: Workload) -> Double? { share.map { $0 * w.requestsPerMonth } }
}

/// The cold-start model (docs/billing.md "Cold starts").
///
/// Requests arrive as a Poisson process of rate λ and each holds an instance slot for the
/// duration d; an instance serves up to c at once; an instance idle for longer than the
/// keep-alive k is reclaimed; `m` instances are kept warm and are used first. A request is cold
/// when every warm instance is full.
///
/// With c = 1 and most-recently-used reuse this is exact: a request is cold if and only if the
/// number N of requests in flight when it arrives is the highest it has been in the last k (a
/// higher count would have left an instance idle for less than k). N is Poisson(λd) (M/G/∞), and
/// the chance that the count stayed ≤ j for k seconds is approximated by the Poisson-clumping
/// estimate exp(−λk·P(N = j)/P(N ≤ j)): attempts to exceed j arrive at rate λ while at j. So
///
///     P(cold) ≈ Σ_{j ≥ c·m, j ≡ 0 mod c} P(N = j) · exp(−λk · P(N = j) / P(N ≤ j))
///
/// For c > 1 instances are assumed packed (⌈N/c⌉ in use), so only counts at a multiple of c need
/// a new instance. With one instance (c large) this is exactly e^(−λ(k+d)): no arrival in the
/// k + d before the request. Start-up time is assumed short beside k (it does not lengthen the
/// cold request's hold), and traffic levels last long beside k (the ramp between levels is
/// ignored).
public enum ColdStartModel {
    /// Share of requests at one steady rate that find no warm instance.
    public static func share(rate λ: Double, duration d: Double, keepAlive k: Double,
                             concurrency: Double, warmInstances: Double = 0, exactUpTo: Double = 10_000) -> Double {
        guard λ > 0, λ.isFinite else { return 0 }
        guard k.isFinite else { return 0 }
        let c = max(1, concurrency.isFinite ? concurrency.rounded(.down) : 1e12)
        let m = max(0, warmInstances.rounded(.up))
        let μ = λ * max(0, d)
        let floor = c * m
        guard μ > 0 else { return floor > 0 ? 0 : exp(-λ * k) }
        // Walk the counts j down from far in the upper tail, where P(N ≤ j) ≈ 1. P(N = j)/P(N ≤ j)
        // rises as j falls (Poisson is log-concave), so once the exponent passes 40 every lower
        // term is < e^-40 and the walk stops. Up to 10,000 in flight the tail is summed exactly;
        // above, terms are taken every ~√μ/100 counts (they vary on the scale of √μ) with the
        // normal tail, so the walk stays near a thousand steps however busy the service is.
        let exact = μ <= exactUpTo
        var step = exact ? 1 : max(1, (μ.squareRoot() / 100).rounded(.up))
        step = c >= step ? c : (exact ? 1 : (step / c).rounded(.up) * c)
        let weight = exact ? 1 : step / c          // multiples of c that one visited term stands for
        var j = ((μ + 12 * μ.squareRoot() + 30) / c).rounded(.up) * c
        if exact { j = (μ + 12 * μ.squareRoot() + 30).rounded(.up) }
        var p = exp(-μ + j * log(μ) - lgamma(j + 1))
        var above = 0.0, total = 0.0
        while j >= floor {
            if !exact { p = exp(-μ + j * log(μ) - lgamma(j + 1)) }
            let atMost = exact ? max(1 - above, p) : max(1 - 0.5 * erfc((j + 0.5 - μ) / (2 * μ).squareRoot()), p)
            let exponent = λ * k * p / atMost
            if j.truncatingRemainder(dividingBy: c) == 0 { total += weight * p * exp(-exponent) }
            if exponent > 40 { break }
            if exact {
                above += p
                p *= j / μ
                j -= 1
            } else {
                j -= step
            }
        }
        return min(1, total)
    }

    /// The requests-weighted share over the workload's traffic levels.
    public static func share(_ w: Workload, keepAlive: Double, concurrency: Double, warmInstances: Double) -> Double {
        w.requestWeightedMean { rate in
            share(rate: rate, duration: w.duration, keepAlive: keepAlive, concurrency: concurrency, warmInstances: warmInstances)
        }
    }

    /// Instances the platform keeps warm for this workload.
    static func warmInstances(_ plan: PricingPlan, _ w: Workload) -> Double {
        switch plan.billing {
        case .sharedInstance(let p): return w.minInstances ?? p.minInstances
        case .perRequest(let p): return p.provisionedEnvironments(w)
        case .cpuTime, .provisioned: return 0
        }
    }

    static func concurrency(_ plan: PricingPlan, _ w: Workload) -> Double {
        plan.coldStart?.instanceConcurrency ?? max(1, min(w.concurrency, plan.limits.maxConcurrency ?? .infinity))
    }

    public static func estimate(_ o: Offering, _ w: Workload) -> ColdStartEstimate {
        estimate(PricingPlan(o), w)
    }

    /// Always-warm capacity: a provisioned fleet (sized hour by hour and kept up) or a platform
    /// whose table says instances are never reclaimed (`PricingPlan.alwaysWarm`).
    static func estimate(_ plan: PricingPlan, _ w: Workload) -> ColdStartEstimate {
        let profile = plan.coldStart
        let c = concurrency(plan, w), m = warmInstances(plan, w)
        if plan.alwaysWarm {
            return ColdStartEstimate(share: 0, startUp: 0, alwaysWarm: true, keepAlive: profile?.keepAlive,
                                     concurrency: c, warmInstances: m, levels: [], profile: profile)
        }
        let startUp = profile?.startUp(for: w.runtime)
        guard let k = profile?.keepAlive else {
            return ColdStartEstimate(share: nil, startUp: startUp, alwaysWarm: false, keepAlive: nil,
                                     concurrency: c, warmInstances: m, levels: [], profile: profile)
        }
        let levels = w.profile.levels.map { level in
            let rate = w.averageRPS * level.multiplier
            return ColdStartEstimate.Level(rps: rate, hoursShare: level.share,
                                           coldShare: share(rate: rate, duration: w.duration, keepAlive: k, concurrency: c, warmInstances: m))
        }
        return ColdStartEstimate(share: share(w, keepAlive: k, concurrency: c, warmInstances: m), startUp: startUp,
                                 alwaysWarm: false, keepAlive: k, concurrency: c, warmInstances: m, levels: levels, profile: profile)
    }
}

/// Start-up time as a line item where the provider bills it (Lambda INIT since 2025-08-01; Cloud
/// Run request-based billing bills instance start-up). Priced at the offering's own compute
/// rates: cold starts × start-up time × (billed memory × GB-s price, + vCPU × vCPU-s price).
/// Charged only when the workload names a runtime, because the start-up time depends on it.
enum ColdStartBilling {
    // These run in the sweep kernel: they take the family's pricing and the profile (a class
    // reference), never the whole Offering, whose copy per evaluation would halve the kernel's speed.

    /// The share of requests that are cold on a scale-to-zero family, from the pieces.
    static func share(_ profile: ColdStartProfile, _ limits: Limits, warmInstances: Double, _ w: Workload) -> Double? {
        guard let k = profile.keepAlive else { return nil }
        guard k.isFinite else { return 0 }
        let c = profile.instanceConcurrency ?? max(1, min(w.concurrency, limits.maxConcurrency ?? .infinity))
        return ColdStartModel.share(w, keepAlive: k, concurrency: c, warmInstances: warmInstances)
    }

    /// Lambda INIT (or SnapStart cache and restores instead).
    static func perRequest<L: Ledger>(_ p: PerRequestPricing, _ profile: ColdStartProfile?, _ limits: Limits, _ w: Workload,
                                      _ money: Money, _ ledger: inout L) {
        let warm = p.provisionedEnvironments(w)
        if w.snapStart, let snap = p.snapStart {
            if w.runtime == .java {
                ledger.note("SnapStart is not charged on Java runtimes")
            } else if let memory = p.billedMemoryMiB(w.memoryMiB) {
                let restores = profile.flatMap { share($0, limits, warmInstances: warm, w) }.map { $0 * w.requestsPerMonth } ?? 0
                p.chargeSnapStart(snap, restores: restores, w, gb: memory / 1024, money, &ledger)
            }
            // A restored environment skips INIT: restores are charged instead.
            return
        }
        guard let profile, let billedBy = profile.startUpBillingSource else { return }
        guard let runtime = w.runtime, let startUp = profile.startUp(for: runtime) else {
            ledger.note("start-up time is billed on this platform (\(billedBy)); give --runtime to price it")
            return
        }
        guard let share = share(profile, limits, warmInstances: warm, w), let memory = p.billedMemoryMiB(w.memoryMiB) else { return }
        let coldStarts = share * w.requestsPerMonth
        let gb = memory / 1024
        let seconds = p.billedDuration(startUp)
        var unitPrice = 0.0, units = "", free = 0.0
        if let tiers = p.gbSecond, let first = tiers.tiers.first {
            // The first tier: start-up GB-s are a sliver of a month's duration.
            unitPrice += gb * first.price
            units = "\(Format.grouped(gb, maxFractionDigits: 4)) GB × \(money.price(first.price))"
            if w.freeTier && warm == 0 {
                // What the requests' own duration left of the free GB-s.
                free = max(0, p.free.gbSeconds - w.requestsPerMonth * p.billedDuration(w.duration) * gb)
            }
        }
        if let vcpuSecond = p.vcpuSecond {
            let vcpu = p.vcpuPerGB.map { $0 * gb } ?? w.vcpu ?? 1
            unitPrice += vcpu * vcpuSecond
            units += (units.isEmpty ? "" : " + ") + "\(Format.grouped(vcpu, maxFractionDigits: 4)) vCPU × \(money.price(vcpuSecond))"
        }
        let gbSeconds = coldStarts * seconds * gb
        let freeUsed = min(free, gbSeconds)
        let cost = max(0, coldStarts * seconds * unitPrice - freeUsed * (p.gbSecond?.tiers.first?.price ?? 0))
        ledger.charge(cost, LineItem(
            name: "Start-up time (billed)", quantity: coldStarts * seconds, unit: "instance-s", unitPrice: unitPrice, cost: cost,
            formula: startUpFormula(coldStarts, share, w, runtime, seconds) + " × (\(units))"
                + (freeUsed > 0 ? " − \(Format.grouped(freeUsed)) free GB-s" : "")))
    }

    /// Cloud Run request-based billing: instance start-up at the active rates.
    static func sharedInstance<L: Ledger>(_ p: SharedInstancePricing, _ profile: ColdStartProfile?, _ limits: Limits, _ w: Workload,
                                          _ money: Money, _ ledger: inout L) {
        guard let profile, let billedBy = profile.startUpBillingSource else { return }
        guard let runtime = w.runtime, let startUp = profile.startUp(for: runtime) else {
            ledger.note("start-up time is billed on this platform (\(billedBy)); give --runtime to price it")
            return
        }
        guard let share = share(profile, limits, warmInstances: w.minInstances ?? p.minInstances, w) else { return }
        let coldStarts = share * w.requestsPerMonth
        let vcpu = w.vcpu ?? p.defaultVCPU
        let gib = w.memoryMiB / 1024
        let seconds = roundUp(startUp, to: p.granularity)
        let unitPrice = vcpu * p.vcpuSecond + gib * p.gibSecond
        let cost = coldStarts * seconds * unitPrice
        ledger.charge(cost, LineItem(
            name: "Start-up time (billed)", quantity: coldStarts * seconds, unit: "instance-s", unitPrice: unitPrice, cost: cost,
            formula: startUpFormula(coldStarts, share, w, runtime, seconds)
                + " × (\(Format.grouped(vcpu)) vCPU × \(money.price(p.vcpuSecond)) + \(Format.grouped(gib, maxFractionDigits: 4)) GiB × \(money.price(p.gibSecond)))"))
    }

    /// "12.3 cold starts (0.0012% of 1M requests) × 85ms python start-up".
    static func startUpFormula(_ coldStarts: Double, _ share: Double, _ w: Workload, _ runtime: Runtime, _ seconds: Double) -> String {
        "\(Format.grouped(coldStarts)) cold starts (\(ColdStartFormat.percent(share)) of \(Format.count(w.requestsPerMonth)) requests) × \(Format.duration(seconds)) \(runtime.rawValue) start-up"
    }
}

/// Shares as people read them: `0.42%`, `0.0031%`, `<0.0001%`, `0%`.
public enum ColdStartFormat {
    public static func percent(_ share: Double) -> String {
        guard share > 0 else { return "0%" }
        let percent = share * 100
        if percent < 0.0001 { return "<0.0001%" }
        if percent >= 1 { return Format.grouped(percent, maxFractionDigits: 1) + "%" }
        // Two significant digits below 1%.
        let digits = min(4, Int((-log10(percent)).rounded(.down)) + 2)
        return Format.grouped(percent, maxFractionDigits: digits) + "%"
    }
}
