import Testing
@testable import RunCostCore

/// Commitments and spot, hand-worked to the cent (docs/billing.md, "Commitments").
@Suite struct CommitmentTests {
    static let savingsPlan = CommitmentPlan(id: "compute-savings-plan", name: "Compute Savings Plan",
                                            discounts: [.oneYear: 0.32, .threeYear: 0.65],
                                            source: "https://example.com/sp", asOf: Fixtures.date, verified: false)

    static func vm(_ hourly: Double, plans: [CommitmentPlan] = [savingsPlan]) -> Offering {
        var o = Fixtures.vm(hourly: hourly, memoryMiB: 8192)
        o.commitments = plans
        return o
    }

    static func committed(_ w: Workload, _ term: CommitmentTerm = .oneYear, amount: Double? = nil, utilisation: Double? = nil) -> Workload {
        var w = w
        w.commitment = CommitmentChoice(term: term, amountPerHour: amount, utilisation: utilisation)
        return w
    }

    static let steady = Fixtures.workload(10e6, 0.1, 512)

    @Test func t3SmallOneYearComputeSavingsPlan() {
        // One t3.small all month: 730 h × $0.0208 = $15.184 on demand; the plan covers it at
        // $0.0208 × (1 − 32%) = $0.014144/h, 730 h = $10.32512.
        let e = Estimator.estimate(Self.vm(0.0208), Self.committed(Self.steady))
        #expect(cents(e.monthlyCost) == 10.33)
        let s = e.commitment!
        #expect(cents(s.onDemandCost) == 15.18)
        #expect(abs(s.committedPerHour - 0.014144) < 1e-12)
        #expect(cents(s.committedMonthly) == 10.33)
        #expect(abs(s.utilisation - 1) < 1e-9)
        #expect(abs(s.breakEvenUtilisation - 0.68) < 1e-12)
    }

    @Test func idleCapacityCountsAtTheCommittedRate() {
        // 10M requests a month is 3.8052 req/s on an instance that serves 14: 72.82% of the $70.08
        // instance is idle, $51.03 on demand; covered by a 32% plan it cost 68% of that, $34.70.
        let o = Self.vm(0.096)
        #expect(cents(Estimator.estimate(o, Self.steady).idleCost) == 51.03)
        #expect(cents(Estimator.estimate(o, Self.committed(Self.steady)).idleCost) == 34.70)
    }

    @Test func m5LargeOneAndThreeYears() {
        // $0.096 × 730 = $70.08; × 0.68 = $47.6544; × 0.35 = $24.528.
        #expect(cents(Estimator.estimate(Self.vm(0.096), Self.committed(Self.steady)).monthlyCost) == 47.65)
        #expect(cents(Estimator.estimate(Self.vm(0.096), Self.committed(Self.steady, .threeYear)).monthlyCost) == 24.53)
    }

    @Test func gcpOneYearFlexibleCUD() {
        // n2-standard-2 at $0.097118/h: 730 h = $70.89614; 28% off = $51.0452.
        let cud = CommitmentPlan(id: "flexible-cud", name: "Compute flexible committed use discount",
                                 discounts: [.oneYear: 0.28, .threeYear: 0.46], source: "https://cloud.google.com/run/cud",
                                 asOf: Fixtures.date, verified: true)
        #expect(cents(Estimator.estimate(Self.vm(0.097118, plans: [cud]), Self.committed(Self.steady)).monthlyCost) == 51.05)
    }

    @Test func reservedInstanceMatchesTheRecurringRate() {
        // t3.medium Standard RI 1-year no upfront: infracost's golden $19.05 for 730 h; the table's
        // 37.26% off $0.0416/h gives $0.0416 × 0.6274 × 730 = $19.0529.
        let ri = CommitmentPlan(id: "reserved-instance", name: "Standard Reserved Instance", basis: .instances,
                                discounts: [.oneYear: 0.3726], source: "https://example.com/ri", asOf: Fixtures.date, verified: true)
        let e = Estimator.estimate(Self.vm(0.0416, plans: [ri]), Self.committed(Self.steady))
        #expect(cents(e.monthlyCost) == 19.05)
        #expect(e.commitment?.instances == 1)
    }

    @Test func lambdaRequestsAreNotDiscounted() {
        // 10M × 100 ms × 0.5 GB = 500,000 GB-s × $0.0000166667 = $8.33335, × 0.88 = $7.33335;
        // requests 10 × $0.20 = $2.00 stay at list price: $9.33.
        var lambda = Fixtures.lambdaX86
        lambda.commitments = [CommitmentPlan(id: "compute-savings-plan", name: "Compute Savings Plan", discounts: [.oneYear: 0.12],
                                             source: "https://example.com", asOf: Fixtures.date, verified: false)]
        let e = Estimator.estimate(lambda, Self.committed(Self.steady))
        #expect(cents(e.monthlyCost) == 9.33)
        #expect(e.notes.contains { $0.contains("UNVERIFIED") })
    }

    @Test func overCommittingLosesBelowTheBreakEvenUtilisation() {
        // Sized so the steady instance fills half the commitment: $0.192/h × 0.68 × 730 = $95.3088,
        // more than the $70.08 on-demand bill. At 68% the two are equal.
        let o = Self.vm(0.096)
        let half = Estimator.estimate(o, Self.committed(Self.steady, utilisation: 0.5))
        #expect(cents(half.monthlyCost) == 95.31)
        #expect(abs(half.commitment!.utilisation - 0.5) < 1e-9)
        #expect(cents(half.idleCost) > 0)
        let even = Estimator.monthlyCost(o, Self.committed(Self.steady, utilisation: 0.68))!
        #expect(abs(even - 70.08) < 1e-9)
    }

    @Test func breakEvenSearchFindsOneMinusTheDiscount() {
        let o = Self.vm(0.096)
        let result = BreakEven.find([o, o.onDemandTwin], Self.committed(Self.steady), .commitmentUtilisation, from: 0.1, to: 1)
        #expect(result.crossovers.count == 1)
        #expect(abs(result.crossovers[0].value - 0.68) < 1e-6)
        #expect(result.crossovers[0].cheaperAbove == o.id)
    }

    @Test func requestsSweepCrossesWhereUsageMeetsTheCommitment() {
        // Commit $0.05/h at 12% off: covers $0.05 / 0.88 per hour of duration charges. Below the
        // coverage the bill is the fixed $36.50 plus requests; on demand it is usage plus requests,
        // so they cross where duration charges reach $36.50: 36.5 / (0.05 GB-s × $0.0000166667) requests.
        var lambda = Fixtures.lambdaX86
        lambda.commitments = [CommitmentPlan(id: "compute-savings-plan", name: "Compute Savings Plan", discounts: [.oneYear: 0.12],
                                             source: "https://example.com", asOf: Fixtures.date, verified: false)]
        let w = Self.committed(Fixtures.workload(1e6, 0.1, 512), amount: 0.05)
        let result = BreakEven.find([lambda, lambda.onDemandTwin], w, .requests, from: 1e6, to: 1e9)
        #expect(result.crossovers.count == 1)
        let expected = 36.5 / (0.05 * 0.0000166667)
        #expect(abs(result.crossovers[0].value - expected) / expected < 1e-6)
    }

    @Test func defaultSizingIsTheLowestHourlyUsage() {
        // Business hours: pay-per-use spend is zero outside them, so the steady baseline is zero and
        // a default-sized commitment buys nothing: the bill stays the on-demand one.
        var lambda = Fixtures.lambdaX86
        lambda.commitments = [Self.savingsPlan]
        var w = Self.committed(Self.steady)
        w.traffic = .businessHours
        let e = Estimator.estimate(lambda, w)
        #expect(e.commitment?.committedMonthly == 0)
        var plain = w
        plain.commitment = CommitmentChoice()
        #expect(abs(e.monthlyCost - Estimator.monthlyCost(lambda, plain)!) < 1e-9)
    }

    @Test func shapedFleetCommitsToItsFloor() {
        // 5 req/s on average in business hours (40 of 168 weekly hours at 4.2×, 21 req/s): 2 instances
        // of 14 req/s for 173.81 h, the 1-instance floor for 556.19 h. On demand $0.096 × 903.81 h =
        // $86.7657. The baseline is one instance: it covers $0.096 × 730 = $70.08 at $47.6544, so
        // the bill is $86.7657 − $70.08 + $47.6544 = $64.34.
        var w = Self.committed(Fixtures.workload(5 * 730 * 3600, 0.1, 512))
        w.traffic = .businessHours
        let e = Estimator.estimate(Self.vm(0.096), w)
        #expect(cents(e.commitment!.onDemandCost) == 86.77)
        #expect(abs(e.commitment!.coveragePerHour - 0.096) < 1e-6)   // slices bill whole seconds
        #expect(cents(e.monthlyCost) == 64.34)
    }

    @Test func spotAppliesTheIndicativeDiscount() {
        // $70.08 × (1 − 70%) = $21.024.
        var o = Self.vm(0.096)
        o.spot = SpotDiscount(discount: 0.7, source: "https://example.com/spot", asOf: Fixtures.date)
        var w = Self.steady
        w.spot = true
        let e = Estimator.estimate(o, w)
        #expect(cents(e.monthlyCost) == 21.02)
        #expect(e.lineItems.contains { $0.name.contains("unverified") })
    }

    @Test func offeringsWithoutTheOptionAreInfeasibleWithAReason() {
        let none = Fixtures.vm()
        #expect(Estimator.infeasibility(none, Self.committed(Self.steady)) == .noCommitment(term: .oneYear))
        var spot = Self.steady
        spot.spot = true
        #expect(Estimator.infeasibility(none, spot) == .noSpot)
        var both = Self.committed(Self.steady)
        both.spot = true
        #expect(Estimator.infeasibility(Self.vm(0.096), both) == .spotWithCommitment)
        #expect(Estimator.monthlyCost(none.onDemandTwin, Self.committed(Self.steady)) != nil)
    }

    @Test func sustainedUseDoesNotStackOnACommittedUseDiscount() {
        // n2-standard-2 at $0.097118/h with N2 sustained use (quarters at 100%, 86.67%, 73.33%, 60%
        // of list: 730 h pay 584 h, 80%): $70.89614 list, $56.716912 on demand. Google: sustained-use
        // discounts do not apply to usage a committed-use discount covers, so the covered instance
        // pays the CUD rate alone, 72% of list: $0.097118 × 0.72 × 730 = $51.0452 (stacked, 80% of
        // that would be $40.84). Covered $70.89614 at list, $14.179228 of sustained use given back.
        let cud = CommitmentPlan(id: "flexible-cud", name: "Compute flexible committed use discount",
                                 discounts: [.oneYear: 0.28], source: "https://cloud.google.com/run/cud",
                                 asOf: Fixtures.date, verified: true)
        var o = Self.vm(0.097118, plans: [cud])
        guard case .provisioned(var p) = o.billing else { Issue.record("not provisioned"); return }
        p.rules.sustainedUse = [1, 0.8667, 0.7333, 0.6]
        o.billing = .provisioned(p)
        #expect(cents(Estimator.estimate(o, Self.steady).monthlyCost) == 56.72)
        let e = Estimator.estimate(o, Self.committed(Self.steady))
        #expect(cents(e.monthlyCost) == 51.05)
        #expect(cents(Estimator.monthlyCost(o, Self.committed(Self.steady)) ?? 0) == 51.05)
        let s = e.commitment!
        #expect(cents(s.onDemandCost) == 56.72)
        #expect(cents(s.coveredOnDemand) == 70.90)
        #expect(cents(s.sustainedUseWithdrawn) == 14.18)
        #expect(e.lineItems.contains { $0.name == "Sustained-use discount withdrawn on covered usage" && cents($0.cost) == 14.18 })
    }

    @Test func computeSavingsPlanCoversProvisionedConcurrency() {
        // AWS: Compute Savings Plans cover "Duration, Provisioned Concurrency, and Duration
        // (Provisioned Concurrency)". One environment of 0.5 GB for 730 h: 1,314,000 GB-s ×
        // $0.0000041667 = $5.4750438; it serves all 10M × 100 ms × 0.5 GB = 500,000 GB-s at
        // $0.0000097222 = $4.8611; requests $2.00 stay at list. Eligible $10.3361438 at 12% off:
        // $9.09580654 + $2.00 = $11.10 (it was $12.34 when the PC rates were left undiscounted).
        var lambda = Fixtures.lambdaX86
        guard case .perRequest(var p) = lambda.billing else { Issue.record("not per-request"); return }
        p.provisionedConcurrency = ProvisionedConcurrencyPricing(gbSecond: 0.0000041667, durationGBSecond: 0.0000097222)
        lambda.billing = .perRequest(p)
        lambda.commitments = [CommitmentPlan(id: "compute-savings-plan", name: "Compute Savings Plan", discounts: [.oneYear: 0.12],
                                             source: "https://example.com", asOf: Fixtures.date, verified: false)]
        var w = Self.steady
        w.minInstances = 1
        #expect(cents(Estimator.estimate(lambda, w).monthlyCost) == 12.34)
        #expect(cents(Estimator.estimate(lambda, Self.committed(w)).monthlyCost) == 11.10)
    }
}
