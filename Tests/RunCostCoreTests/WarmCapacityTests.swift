import Foundation
import Testing
@testable import RunCostCore

/// The provisioned rules behind Azure Functions Premium and Lambda Managed Instances:
/// pre-warmed instances, a management fee on the on-demand price, and a request price.
@Suite struct WarmCapacityTests {
    /// An EP1-sized Premium instance: $0.173 per vCPU-hour + 3.5 GB × $0.0123 = $0.21605 an hour.
    static var premium: Offering {
        var p = ProvisionedPricing(rate: .perResource(vcpuHour: 0.173, gbHour: 0.0123,
                                                      sizes: [.init(vcpu: 1, minMemoryMiB: 3584, maxMemoryMiB: 3584, memoryStepMiB: 3584)]))
        p.billingIncrementHours = 1.0 / 3600
        p.minInstances = 1
        p.rules.prewarmedInstances = 1
        return Offering(id: "azure-functions-premium-ep1", name: "EP1", provider: "azure", kind: .serverless, region: "eastus",
                        asOf: Fixtures.date, source: "https://azure.microsoft.com/pricing/details/functions/", billing: .provisioned(p))
    }

    /// Microsoft's example: five always-ready instances and the default one pre-warmed make "six
    /// provisioned instances" once requests arrive: 6 × 730 h × $0.21605 = $946.299.
    @Test func prewarmedInstanceComesOnTopOfTheAlwaysReadyOnes() {
        var w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 512)
        w.minInstances = 5
        #expect(abs(Estimator.monthlyCost(Self.premium, w)! - 6 * 730 * 0.21605) < 1e-9)
        // Without requests no instance is pre-warmed: the one always-ready instance alone.
        w.minInstances = nil
        w.requestsPerMonth = 0
        #expect(abs(Estimator.monthlyCost(Self.premium, w)! - 730 * 0.21605) < 1e-9)
        // However few the requests, an hour with any gets its pre-warmed instance.
        w.requestsPerMonth = 1
        #expect(abs(Estimator.monthlyCost(Self.premium, w)! - 2 * 730 * 0.21605) < 1e-9)
    }

    /// A management fee is a share of the on-demand price: a 32% commitment discounts the
    /// instances but not the fee. 1 instance × 730 h × $0.10 = $73.00 on demand, fee $10.95 (15%),
    /// requests 1M × $0.20/1M = $0.20.
    @Test func managementFeeStaysOnTheOnDemandPrice() {
        var p = ProvisionedPricing(rate: .perInstanceHour(0.10, vcpu: 4, memoryMiB: 16384))
        p.rules.managementFee = 0.15
        p.rules.requestPrice = 0.20 / 1e6
        let o = Offering(id: "aws-lambda-managed-test", name: "LMI", provider: "aws", kind: .serverless, region: "us-east-1",
                         asOf: Fixtures.date, source: "https://aws.amazon.com/lambda/pricing/", billing: .provisioned(p))
        let w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 512)
        let e = Estimator.estimate(o, w)
        #expect(abs(e.monthlyCost - (73 + 10.95 + 0.20)) < 1e-9)
        #expect(abs((e.lineItems.first { $0.name == "Management fee" }?.cost ?? 0) - 10.95) < 1e-9)
        let discounted = o.billing.discountingEligibleRates(by: 0.68)
        guard case .provisioned(let d) = discounted else { Issue.record("not provisioned"); return }
        var cheap = o
        cheap.billing = .provisioned(d)
        #expect(abs(Estimator.monthlyCost(cheap, w)! - (73 * 0.68 + 10.95 + 0.20)) < 1e-9)
    }
}
