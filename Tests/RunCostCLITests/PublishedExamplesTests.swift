import Foundation
import Testing

/// Providers' own worked examples (and infracost golden files where providers publish none),
/// reproduced to the cent with the bundled pricing tables through `compare --format json`.
@Suite struct PublishedExamplesTests {
    func estimate(_ offering: String, _ args: [String]) throws -> [String: Any] { try RuncostBinary.estimate(offering, args) }

    func cents(_ e: [String: Any]) -> Double { RunCostCLITests.cents(e["monthly_cost"] as! Double) }

    // Cloudflare Workers pricing docs, "Example pricing: Standard Usage Model"
    // (cloudflare/cloudflare-docs, src/content/docs/workers/platform/pricing.mdx):
    // 1. 15M requests, 7 ms CPU: $5 + $1.50 + $1.50 = $8.00.
    @Test func cloudflareExample1() throws {
        let e = try estimate("cloudflare-workers-standard", ["--requests", "15M", "--duration", "50ms", "--cpu-time", "7ms", "--memory", "128MB"])
        #expect(cents(e) == 8.00)
    }

    // 2. A Cron Trigger: 720 requests, 3 min (180,000 ms) CPU each: $5 + $0 + $1.99 = $6.99.
    @Test func cloudflareExample2() throws {
        let e = try estimate("cloudflare-workers-standard", ["--requests", "720", "--duration", "3min", "--cpu-time", "180000ms", "--memory", "128MB"])
        #expect(cents(e) == 6.99)
    }

    // 3. 100M requests, 7 ms CPU: $5 + $27.00 + $13.40 = $45.40.
    @Test func cloudflareExample3() throws {
        let e = try estimate("cloudflare-workers-standard", ["--requests", "100M", "--duration", "20ms", "--cpu-time", "7ms", "--memory", "128MB"])
        #expect(cents(e) == 45.40)
    }

    // Microsoft, "Estimating Consumption plan costs" (azure-docs functions-consumption-costs.md):
    // memory is rounded up to the nearest 128 MB bucket — a process using 160 MB is charged for 256 MB.
    // 1M executions × 1 s × 0.25 GB = 250,000 GB-s × $0.000016 = $4.00, + 1M × $0.20/1M = $0.20.
    @Test func azureMemoryBucket() throws {
        let e = try estimate("azure-functions-consumption", ["--requests", "1M", "--duration", "1s", "--memory", "160MB"])
        #expect(cents(e) == 4.20)
        #expect((e["notes"] as! [String]).contains("billed 1s × 256MB per request"))
    }

    // Microsoft, "Estimating consumption-based costs" (azure-docs functions-consumption-costs.md,
    // Flex Consumption): 40 constant requests per second, 10 concurrent, 2,048 MB instances, no
    // always-ready instances, on-demand rates without free grants, for one hour. CPU-bound (HTTP
    // concurrency 1): 10 instances × 7,200 GB-s × $0.000026 = $1.872 + 0.144M × $0.40 = $0.0576 →
    // $1.9296. IO-bound (all 10 on one instance): $0.1872 + $0.0576 = $0.2448 ("$0.245").
    @Test func azureFlexCostExample() throws {
        let common = ["--rps", "40", "--hours", "1", "--duration", "250ms", "--memory", "2048MB", "--traffic", "constant"]
        let cpuBound = try estimate("azure-functions-flex", common + ["--concurrency", "1"])
        #expect(((cpuBound["monthly_cost"] as! Double) * 1e4).rounded() / 1e4 == 1.9296)
        let ioBound = try estimate("azure-functions-flex", common + ["--concurrency", "10", "--cpu-time", "10ms"])
        #expect(((ioBound["monthly_cost"] as! Double) * 1e4).rounded() / 1e4 == 0.2448)
    }

    // infracost golden aws/testdata/ecs_service_test (2025-07-07): a 1 vCPU, 2 GB Fargate task for
    // 730 h = $29.55 vCPU + $6.49 memory.
    @Test func fargateGolden() throws {
        let e = try estimate("aws-fargate-x86", ["--requests", "1k", "--duration", "100ms", "--memory", "2GB", "--vcpu", "1"])
        let items = (e["line_items"] as! [[String: Any]]).map { (($0["cost"] as! Double) * 100).rounded() / 100 }
        #expect(items == [29.55, 6.49])
    }

    // infracost golden aws/testdata/instance_test (2024-07-01): t3.medium on-demand 730 h = $30.37.
    @Test func ec2Golden() throws {
        // infracost instance_test: t3.medium 730 h = $30.37; runcost adds the 8 GB gp3 boot volume
        // ($0.64) and the public IPv4 address ($3.65) that infracost leaves out.
        let e = try estimate("aws-ec2-t3.medium", ["--requests", "1k", "--duration", "100ms", "--memory", "1GB"])
        #expect(cents(e) == 34.66)
        let bare = try estimate("aws-ec2-t3.medium", ["--requests", "1k", "--duration", "100ms", "--memory", "1GB", "--no-public-ip", "--disk", "0.001MB"])
        #expect(cents(bare) == 30.37)
    }
}
