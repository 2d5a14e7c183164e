import Foundation

/// Lambda Provisioned Concurrency: environments kept initialised, billed per GB-s configured,
/// and a lower duration price for the requests they serve (aws.amazon.com/lambda/pricing,
/// "Provisioned Concurrency Pricing"). On a per-request offering, `--min-instances N` means N of
/// Provisioned Concurrency for the hours the workload runs.
public struct ProvisionedConcurrencyPricing: Sendable, Equatable {
    public var gbSecond: Double             // per GB-s configured
    public var durationGBSecond: Double     // per GB-s of duration served by it
    /// Configured time is "rounded up to the nearest 5 minutes".
    public var increment: Double = 300
    public init(gbSecond: Double, durationGBSecond: Double, increment: Double = 300) {
        self.gbSecond = gbSecond; self.durationGBSecond = durationGBSecond; self.increment = increment
    }
}

/// SnapStart: a snapshot cached while the function version is active (minimum 3 hours, then per
/// ms) and a charge per GB restored each time an environment resumes from it, both by the memory
/// configured (aws.amazon.com/lambda/pricing, "SnapStart Pricing"; not charged on Java runtimes).
public struct SnapStartPricing: Sendable, Equatable {
    public var cacheGBSecond: Double
    public var restoreGB: Double
    public var minimumCache: Double = 3 * 3600
    public init(cacheGBSecond: Double, restoreGB: Double, minimumCache: Double = 3 * 3600) {
        self.cacheGBSecond = cacheGBSecond; self.restoreGB = restoreGB; self.minimumCache = minimumCache
    }

    /// Cache: GB × max(3 h, active seconds) × price; restore: restores × GB × price.
    public func charges(gb: Double, activeSeconds: Double, restores: Double) -> (cacheGBs: Double, cache: Double, restore: Double) {
        let cacheGBs = gb * max(minimumCache, activeSeconds)
        return (cacheGBs, cacheGBs * cacheGBSecond, restores * gb * restoreGB)
    }
}

extension PerRequestPricing {
    /// Environments of Provisioned Concurrency the workload asks for (0 when the offering has none).
    func provisionedEnvironments(_ w: Workload) -> Double {
        provisionedConcurrency == nil ? 0 : max(0, w.minInstances ?? 0)
    }

    /// Share of the month's requests (and so of duration GB-s) that `n` environments serve. Per
    /// hour-level, the environments take the average load up to n in flight, min(1, n / λd); the
    /// rest spills over to on-demand. Like provisioned fleets, this sizes by the average load of
    /// the hour and ignores Poisson spill-over above it, as AWS's published examples do.
    func provisionedShare(_ w: Workload, environments n: Double, seconds: Double) -> Double {
        w.requestWeightedMean { rate in min(1, n / (rate * seconds)) }
    }

    /// The configured charge and the duration of the requests the environments serve.
    func chargeProvisionedConcurrency<L: Ledger>(_ pc: ProvisionedConcurrencyPricing, _ w: Workload, environments n: Double,
                                                 gb: Double, servedGBs: Double, _ money: Money, _ ledger: inout L) {
        let seconds = roundUp(w.hoursPerMonth * 3600, to: pc.increment)
        let configured = n * gb * seconds
        ledger.charge(configured * pc.gbSecond, LineItem(
            name: "Provisioned Concurrency", quantity: configured, unit: "GB-s", unitPrice: pc.gbSecond, cost: configured * pc.gbSecond,
            formula: "\(Format.grouped(n)) environments × \(Format.grouped(gb, maxFractionDigits: 4)) GB × \(Format.grouped(seconds)) s = \(Format.grouped(configured)) GB-s × \(money.price(pc.gbSecond))"))
        ledger.idle(max(0, configured - servedGBs) * pc.gbSecond)
        ledger.charge(servedGBs * pc.durationGBSecond, LineItem(
            name: "Compute on Provisioned Concurrency", quantity: servedGBs, unit: "GB-s", unitPrice: pc.durationGBSecond,
            cost: servedGBs * pc.durationGBSecond,
            formula: "\(Format.grouped(servedGBs)) GB-s of duration served warm × \(money.price(pc.durationGBSecond))"))
        ledger.note("\(Format.grouped(n)) environments of Provisioned Concurrency for \(Format.grouped(w.hoursPerMonth)) h; the free tier does not apply to functions with it")
    }

    /// SnapStart cache and restore charges (the caller checked that the workload turns it on).
    func chargeSnapStart<L: Ledger>(_ s: SnapStartPricing, restores: Double, _ w: Workload, gb: Double, _ money: Money, _ ledger: inout L) {
        let c = s.charges(gb: gb, activeSeconds: w.hoursPerMonth * 3600, restores: restores)
        ledger.charge(c.cache, LineItem(
            name: "SnapStart cache", quantity: c.cacheGBs, unit: "GB-s", unitPrice: s.cacheGBSecond, cost: c.cache,
            formula: "\(Format.grouped(gb, maxFractionDigits: 4)) GB × max(3 h, \(Format.grouped(w.hoursPerMonth)) h active) = \(Format.grouped(c.cacheGBs)) GB-s × \(money.price(s.cacheGBSecond))"))
        ledger.charge(c.restore, LineItem(
            name: "SnapStart restore", quantity: restores * gb, unit: "GB", unitPrice: s.restoreGB, cost: c.restore,
            formula: "\(Format.grouped(restores)) restores (cold starts) × \(Format.grouped(gb, maxFractionDigits: 4)) GB × \(money.price(s.restoreGB))"))
    }
}
