import Testing
@testable import RunCostCore

/// Cloud Run functions bill the vCPU their memory tier gets (step table in pricing/gcp.yaml).
@Suite struct VCPUForMemoryTests {
    static let steps = VCPUForMemory(steps: [
        .init(aboveMiB: 0, vcpu: 0.083), .init(aboveMiB: 128, vcpu: 0.167), .init(aboveMiB: 256, vcpu: 0.333),
        .init(aboveMiB: 512, vcpu: 0.583), .init(aboveMiB: 1024, vcpu: 1), .init(aboveMiB: 4096, vcpu: 2),
        .init(aboveMiB: 8192, vcpu: 4), .init(aboveMiB: 16384, vcpu: 6), .init(aboveMiB: 24576, vcpu: 8)])

    static var functions: Offering {
        var p = PerRequestPricing()
        p.requestPrice = 0.40 / 1e6
        p.gbSecond = TieredPrice(flat: 0.0000025)
        p.vcpuSecond = 0.000024
        p.vcpuForMemory = steps
        p.granularity = 0.1
        p.minimumMemoryMiB = 128
        return Offering(id: "gcp-cloud-run-functions", name: "Cloud Run functions", provider: "gcp", kind: .serverless,
                        region: "us-central1", asOf: Fixtures.date, source: "https://cloud.google.com/run/pricing", billing: .perRequest(p))
    }

    @Test func lookup() {
        #expect(Self.steps.vcpu(forMemoryMiB: 128) == 0.083)
        #expect(Self.steps.vcpu(forMemoryMiB: 129) == 0.167)
        #expect(Self.steps.vcpu(forMemoryMiB: 3072) == 1)
        #expect(Self.steps.vcpu(forMemoryMiB: 8192) == 2)
        #expect(Self.steps.vcpu(forMemoryMiB: 8193) == 4)
        #expect(VCPUForMemory(steps: [.init(aboveMiB: 4096, vcpu: 2)]).vcpu(forMemoryMiB: 4096) == nil)
    }

    // 1M requests of 1 s. 2 GiB: 1 vCPU → $24 vCPU + 2 GB × $0.0000025 × 1M = $5 + $0.40 = $29.40.
    // 8 GiB: 2 vCPU → $48 + $20 + $0.40 = $68.40 (0.6667 vCPU per GB billed 5.33 vCPU: $148.40).
    // 10 GiB: 4 vCPU → $96 + $25 + $0.40 = $121.40.
    @Test func billedVCPUFollowsTheTable() {
        for (gib, expected) in [(2.0, 29.40), (8.0, 68.40), (10.0, 121.40)] {
            let cost = Estimator.monthlyCost(Self.functions, Fixtures.workload(1e6, 1, gib * 1024))!
            #expect(abs(cost - expected) < 1e-9)
        }
    }
}
