/// `--max-cold-start-rate`: per offering, the cheapest way to keep cold starts within the limit.
/// The warmth options priced today are minimum instances (shared-instance idle rates) and
/// Provisioned Concurrency (per-request offerings whose table prices it); cost rises with every
/// warm instance, so the fewest that meet the limit is the cheapest. Always-warm capacity meets
/// any limit; an offering with no known keep-alive, or no priced way to keep warm, is infeasible.
enum ColdStartConstraint {
    /// Raises the workload's minimum instances to the fewest that keep cold starts ≤ the limit.
    static func apply(_ plan: PricingPlan, _ w: inout Workload) -> Infeasibility? {
        guard let limit = w.maxColdStartShare, !plan.alwaysWarm else { return nil }
        guard let k = plan.coldStart?.keepAlive else { return .coldStartsUnknown(limit: limit) }
        let c = ColdStartModel.concurrency(plan, w)
        func share(_ warm: Double) -> Double { ColdStartModel.share(w, keepAlive: k, concurrency: c, warmInstances: warm) }
        var low = ColdStartModel.warmInstances(plan, w)
        let now = share(low)
        guard now > limit else { return nil }
        guard plan.canKeepWarm else { return .coldStartsOverLimit(share: now, limit: limit) }
        // Enough instances for every count the model sums over at the peak leaves no cold start.
        let μ = w.peakRPS * w.duration
        var high = max(low + 1, ((μ + 12 * μ.squareRoot() + 31) / max(1, c.rounded(.down))).rounded(.up) + 1)
        while share(high) > limit { high *= 2 }          // a guard against rounding, seldom taken
        while high - low > 1 {
            let mid = ((low + high) / 2).rounded(.down)
            if share(mid) > limit { low = mid } else { high = mid }
        }
        w.minInstances = high
        return nil
    }
}
