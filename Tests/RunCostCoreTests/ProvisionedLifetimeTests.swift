import Foundation
import Testing
@testable import RunCostCore

/// Issue 8 (App Engine standard idle shutdown): "Basic or automatic scaling: billing ends fifteen
/// minutes after an instance finishes processing its last request" (cloud.google.com/appengine/pricing).
/// An autoscaled provisioned fleet with an instance lifetime bills the one instance of a quiet
/// level while a request's hold (duration + lifetime) covers the moment, as shared-instance does.
@Suite struct ProvisionedLifetimeTests {
    /// App Engine F1 as the table has it: $0.05 an instance-hour, 0.25 vCPU, 128 MB, per second, may scale to zero.
    static func f1(lifetime: Double) -> Offering {
        var o = Fixtures.vm(hourly: 0.05, vcpu: 0.25, memoryMiB: 128, minimum: 0)
        guard case .provisioned(var p) = o.billing else { return o }
        p.minInstances = 0
        p.rules.instanceLifetime = lifetime
        o.billing = .provisioned(p)
        return o
    }

    /// 1,000 requests a month of 100 ms, constant: λ = 1,000 / 2,628,000 s = 0.00038052/s.
    static let quiet = Fixtures.workload(1000, 0.1, 64)

    // Hold h = 0.1 s + 900 s = 900.1 s; λh = 0.342504. With no minimum and no rounding of the
    // period, the up share is 1 − e^(−λh) = 0.290010: 730 h × 0.290010 = 211.7070 h, rounded up to
    // the second = 211.7072 h × $0.05 = $10.585 → $10.59. Without the lifetime rule the fleet
    // keeps its one instance all 730 hours: $36.50.
    @Test func quietServiceBillsTheInstanceUntilItShutsDown() {
        let e = Estimator.estimate(Self.f1(lifetime: 900), Self.quiet)
        #expect(cents(e.monthlyCost) == 10.59)
        #expect(e.notes.contains { $0.contains("shuts down 15min after its last request") })
        #expect(cents(Estimator.estimate(Self.f1(lifetime: 0), Self.quiet).monthlyCost) == 36.50)
        // The kernel agrees with the itemised estimate.
        #expect(Estimator.monthlyCost(Self.f1(lifetime: 900), Self.quiet) == e.monthlyCost)
    }

    /// Busy levels need an instance all the time: e^(−λh) vanishes and the lifetime changes nothing.
    @Test func busyServiceRunsAllMonth() {
        let busy = Fixtures.workload(30e6, 0.1, 64)
        #expect(Estimator.monthlyCost(Self.f1(lifetime: 900), busy) == Estimator.monthlyCost(Self.f1(lifetime: 0), busy))
    }

    /// Minimum instances, a fixed fleet or a plan that does not autoscale keep instances up: no shutdown.
    @Test func instancesKeptUpAreNotShutDown() {
        var warm = Self.quiet
        warm.minInstances = 1
        #expect(cents(Estimator.estimate(Self.f1(lifetime: 900), warm).monthlyCost) == 36.50)
        var fixed = Self.quiet
        fixed.fixedFleet = true
        #expect(cents(Estimator.estimate(Self.f1(lifetime: 900), fixed).monthlyCost) == 36.50)
    }

    /// Business hours: nights and weekends need nothing; in working hours (40 of 168) the rate is
    /// 4.2 × the average, λ = 0.0015982/s, λh = 1.438516, up = 1 − e^(−1.438516) = 0.762720 of
    /// 173.81 h = 132.568 h × $0.05 = $6.63.
    @Test func businessHoursBillOnlyTheUpShareOfWorkingHours() {
        var w = Self.quiet
        w.traffic = .businessHours
        #expect(cents(Estimator.estimate(Self.f1(lifetime: 900), w).monthlyCost) == 6.63)
    }
}
