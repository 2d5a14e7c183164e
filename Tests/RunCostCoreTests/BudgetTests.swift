import Testing
@testable import RunCostCore

/// Budget rules with hand-worked figures.
///
/// t3.small (Fixtures.vm): 2 vCPU at 70% / 0.1 s CPU = 14 req/s per instance, far above the
/// 0.38 req/s of 1M requests a month, so one instance all month: 730 h × $0.0208 = $15.184 → $15.18.
/// Lambda x86, no free tier, 512 MB, 100 ms: per request 0.05 GB-s × $0.0000166667 + $0.0000002
/// = $0.00000103333 → $1.033335 per 1M requests (linear below the 6B GB-s tier edge).
@Suite struct BudgetTests {
    static let today = CalendarDate(year: 2026, month: 1, day: 15)!

    static func workload(_ requests: Double) -> Workload { Fixtures.workload(requests, 0.1, 512) }

    static func check(_ offering: Offering, _ rules: [Budget.Rule], requests: Double = 1e6) -> Budget.Check {
        Budget.Check(name: "api", workload: workload(requests), offerings: [offering], rules: rules)
    }

    static func run(_ offering: Offering, _ rules: [Budget.Rule], requests: Double = 1e6,
                    catalog: [Offering] = [Fixtures.lambdaX86, Fixtures.vm()], today: CalendarDate = today) -> Budget.CheckResult {
        Budget.evaluate(check(offering, rules, requests: requests), catalog: catalog, today: today)
    }

    // MARK: max_monthly

    @Test func budgetMetToTheCentPasses() {
        let r = BudgetTests.run(Fixtures.vm(), [.init(.maxMonthly(15.18))])
        #expect(r.estimates[0].monthlyCost == 0.0208 * 730)
        #expect(r.results[0].actual == 15.18)
        #expect(r.results[0].status == .pass)
        #expect(r.results[0].message == "$15.18/month is within the $15.18 budget (100% of the budget)")
    }

    @Test func budgetExceededByOneCentFails() {
        let r = BudgetTests.run(Fixtures.vm(), [.init(.maxMonthly(15.17))])
        #expect(r.results[0].status == .fail)
        #expect(r.results[0].message == "$15.18/month exceeds the $15.17 budget by $0.01")
    }

    @Test func exactCentCostAgainstBudgets() {
        // $0.02/h × 730 h = $14.60 exactly.
        let vm = Fixtures.vm(hourly: 0.02)
        #expect(BudgetTests.run(vm, [.init(.maxMonthly(14.60))]).results[0].status == .pass)
        #expect(BudgetTests.run(vm, [.init(.maxMonthly(14.59))]).results[0].status == .fail)
        #expect(BudgetTests.run(vm, [.init(.maxMonthly(14.59), severity: .warn)]).results[0].status == .warn)
    }

    @Test func infeasibleChosenOfferingNeverPasses() {
        var c = BudgetTests.check(Fixtures.vm(), [.init(.maxMonthly(1e6)), .init(.maxOverCheapest(percent: 1e6, among: .init()))])
        c.workload.memoryMiB = 4096   // a 2 GB instance cannot hold it
        let r = Budget.evaluate(c, catalog: [Fixtures.lambdaX86], today: BudgetTests.today)
        #expect(r.results.map(\.status) == [.fail, .fail])
        #expect(r.results[0].message.hasPrefix("aws-ec2-t3.small cannot run this workload: needs 4GB of memory"))
    }

    // MARK: max_over_cheapest

    @Test func overCheapest() {
        // ($15.18 − $1.03) / $1.03 = 1,373.79% above Lambda.
        let fail = BudgetTests.run(Fixtures.vm(), [.init(.maxOverCheapest(percent: 1000, among: .init()))])
        #expect(fail.results[0].status == .fail)
        #expect(abs(fail.results[0].actual! - (15.18 - 1.03) / 1.03 * 100) < 1e-9)
        #expect(fail.results[0].against == "aws-lambda-x86")
        #expect(fail.results[0].againstCost == 1.03)
        #expect(fail.alternative?.offering.id == "aws-lambda-x86")
        #expect(fail.results[0].message == "$15.18/month is 1,373.8% above the cheapest, aws-lambda-x86 at $1.03; the limit is 1,000%")

        let pass = BudgetTests.run(Fixtures.vm(), [.init(.maxOverCheapest(percent: 1400, among: .init()))])
        #expect(pass.results[0].status == .pass)

        // Compared with VMs only, the t3.small is the cheapest.
        let vmsOnly = BudgetTests.run(Fixtures.vm(), [.init(.maxOverCheapest(percent: 0, among: .init(kinds: [.vm])))])
        #expect(vmsOnly.results[0].status == .pass)
        #expect(vmsOnly.results[0].actual == 0)

        // Lambda is itself the cheapest.
        let lambda = BudgetTests.run(Fixtures.lambdaX86, [.init(.maxOverCheapest(percent: 0, among: .init()))])
        #expect(lambda.results[0].status == .pass)
        #expect(lambda.cheapest?.offering.id == "aws-lambda-x86")
        #expect(lambda.alternative?.offering.id == "aws-ec2-t3.small")
    }

    // MARK: min_headroom_to_breakeven

    /// Lambda = $1.033335 per 1M, t3.small = $15.184 up to 36.79M requests, so they cross at
    /// 15.184 / 1.033335e-6 = 14,694,169.85 requests a month.
    static let crossing = 15.184 / 1.033335e-6

    @Test func headroomAboveTheVolume() throws {
        // On Lambda at 10M, the VM becomes cheaper 46.94% higher.
        let tight = BudgetTests.run(Fixtures.lambdaX86, [.init(.minHeadroomToBreakeven(percent: 50, among: .init()))], requests: 10e6)
        let r = tight.results[0]
        #expect(r.status == .fail)
        #expect(r.against == "aws-ec2-t3.small")
        #expect(abs(try #require(r.breakEven) / BudgetTests.crossing - 1) < 1e-6)
        #expect(abs(try #require(r.actual) - (BudgetTests.crossing - 10e6) / 10e6 * 100) < 1e-4)
        #expect(r.message == "aws-ec2-t3.small becomes cheaper above 14.694M requests/month, 46.9% from the expected 10M; at least 50% is required")

        let loose = BudgetTests.run(Fixtures.lambdaX86, [.init(.minHeadroomToBreakeven(percent: 40, among: .init()), severity: .warn)], requests: 10e6)
        #expect(loose.results[0].status == .pass)
    }

    @Test func headroomBelowTheVolume() throws {
        // On the VM at 20M, Lambda is cheaper below 14.69M: 26.53% below.
        let r = BudgetTests.run(Fixtures.vm(), [.init(.minHeadroomToBreakeven(percent: 30, among: .init()), severity: .warn)], requests: 20e6).results[0]
        #expect(r.status == .warn)
        #expect(r.against == "aws-lambda-x86")
        #expect(abs(try #require(r.actual) - (20e6 - BudgetTests.crossing) / 20e6 * 100) < 1e-4)
        #expect(BudgetTests.run(Fixtures.vm(), [.init(.minHeadroomToBreakeven(percent: 25, among: .init()))], requests: 20e6).results[0].status == .pass)
    }

    @Test func noBreakEvenInWindowPasses() {
        // At 1M the VM is 14.7× Lambda's cost; nothing crosses Lambda within [100k, 10M].
        let r = BudgetTests.run(Fixtures.lambdaX86, [.init(.minHeadroomToBreakeven(percent: 50, among: .init()))]).results[0]
        #expect(r.status == .pass)
        #expect(r.actual == nil)
    }

    @Test func zeroVolumeCannotPass() {
        let r = BudgetTests.run(Fixtures.lambdaX86, [.init(.minHeadroomToBreakeven(percent: 10, among: .init()))], requests: 0).results[0]
        #expect(r.status == .fail)
    }

    // MARK: max_price_age

    @Test func priceAge() {
        // Fixture prices are as of 2025-10-01: 365 days before 2026-10-01.
        let day365 = CalendarDate(year: 2026, month: 10, day: 1)!, day366 = CalendarDate(year: 2026, month: 10, day: 2)!
        let ok = BudgetTests.run(Fixtures.vm(), [.init(.maxPriceAge(days: 365))], today: day365).results[0]
        #expect(ok.status == .pass)
        #expect(ok.actual == 365)
        let old = BudgetTests.run(Fixtures.vm(), [.init(.maxPriceAge(days: 365))], today: day366).results[0]
        #expect(old.status == .fail)
        #expect(old.message == "aws-ec2-t3.small prices are 366 days old (as_of 2025-10-01, today 2026-10-02); the limit is 365 days")
    }

    // MARK: reports and several offerings

    @Test func severalOfferingsAndTheOverallVerdict() {
        let c = Budget.Check(name: "api", workload: BudgetTests.workload(1e6), offerings: [Fixtures.lambdaX86, Fixtures.vm()],
                             rules: [.init(.maxMonthly(10)), .init(.maxPriceAge(days: 30), severity: .warn)])
        let report = Budget.evaluate([c], catalog: [Fixtures.lambdaX86, Fixtures.vm()], today: BudgetTests.today)
        let r = report.checks[0].results
        #expect(r.map(\.offering) == ["aws-lambda-x86", "aws-ec2-t3.small", "aws-lambda-x86", "aws-ec2-t3.small"])
        #expect(r.map(\.status) == [.pass, .fail, .warn, .warn])
        #expect(!report.passed)
        #expect(report.summary == "1 failed, 2 warnings, 1 passed in 1 check")

        let warnOnly = Budget.evaluate([Budget.Check(name: "w", workload: BudgetTests.workload(1e6), offerings: [Fixtures.vm()],
                                                     rules: [.init(.maxMonthly(10), severity: .warn)])],
                                       catalog: [], today: BudgetTests.today)
        #expect(warnOnly.passed)
        #expect(warnOnly.status == .warn)
    }

    // MARK: cost diffs

    @Test func diffOfTwoPricings() throws {
        let w = BudgetTests.workload(1e6)
        let removed = Fixtures.workers
        let old = CostSnapshot(label: "old", currency: "USD", estimates: Estimator.compare([Fixtures.lambdaX86, Fixtures.vm(), removed], w))
        let new = CostSnapshot(label: "new", currency: "USD", estimates: Estimator.compare([Fixtures.lambdaX86, Fixtures.vm(hourly: 0.0210)], w))
        let diff = CostDiff.between(old, new)
        #expect(diff.rows.map(\.id) == ["aws-lambda-x86", "aws-ec2-t3.small", "cloudflare-workers-standard"])
        #expect(diff.rows.map(\.change) == [.unchanged, .increased, .removed])
        let vm = diff.rows[1]
        // $15.184 → $15.33: +$0.15, +0.988%.
        #expect(abs(try #require(vm.delta) - 0.15) < 1e-9)
        #expect(abs(try #require(vm.percent) - 0.15 / 15.18 * 100) < 1e-9)
        #expect(vm.items.map(\.name) == ["Instances"])
        #expect(diff.rows[0].items.isEmpty)

        // The cheapest in NEW is Lambda, unchanged: within any limit.
        #expect(try diff.exceeds(0, offering: nil).get().exceeded == false)
        #expect(try diff.exceeds(0.9, offering: "aws-ec2-t3.small").get().exceeded == true)
        #expect(try diff.exceeds(1.0, offering: "aws-ec2-t3.small").get().exceeded == false)
        #expect(try diff.exceeds(1.0, offering: "aws-ec2-t3.small").get().message == "aws-ec2-t3.small: $15.18 → $15.33/month (+0.99%) is within 1%")
        // Not in the new report: an error that suggests, never a pass.
        guard case .failure(let e) = diff.exceeds(5, offering: "aws-ec2-t3.smal") else { Issue.record("expected an error"); return }
        #expect(e.message == "offering 'aws-ec2-t3.smal' is not in the new report (did you mean 'aws-ec2-t3.small'?)")
    }
}
