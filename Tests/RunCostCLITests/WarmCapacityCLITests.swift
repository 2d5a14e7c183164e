import Foundation
import Testing

/// Ways to keep warm priced from the bundled tables: Azure Functions Premium, Lambda Managed
/// Instances and minimum instances on Cloud Run, Container Apps and Code Engine. Every figure is
/// worked by hand from the table's rates (pricing/*.yaml cites each).
@Suite struct WarmCapacityCLITests {
    func estimates(_ args: [String]) throws -> [String: [String: Any]] { try RuncostBinary.estimatesByID(args) }

    func cost(_ e: [String: Any]?) -> Double { e?["monthly_cost"] as? Double ?? .nan }
    func item(_ e: [String: Any]?, _ name: String) -> Double? {
        (e?["line_items"] as? [[String: Any]])?.first { $0["name"] as? String == name }?["cost"] as? Double
    }
    func feasible(_ e: [String: Any]?) -> Bool { e?["feasible"] as? Bool ?? false }

    static let functions = ["--offering", "azure-functions-premium-ep1", "--offering", "azure-functions-consumption",
                            "--offering", "azure-functions-flex"]

    /// Low load: Premium bills its always-ready instance and, once requests arrive, the pre-warmed
    /// one: 2 × 730 h × ($0.173 + 3.5 GB × $0.0123) = 2 × 730 × $0.21605 = $315.43, far above
    /// Consumption's 1M × 100 ms × 0.5 GB × $0.000016 + 1M × $0.20/1M = $0.80 + $0.20 = $1.00.
    @Test func premiumLosesAtLowLoad() throws {
        let e = try estimates(["--requests", "1M", "--duration", "100ms", "--memory", "512MB"] + Self.functions)
        #expect(abs(cost(e["azure-functions-premium-ep1"]) - 315.433) < 0.001)
        #expect(abs(cost(e["azure-functions-consumption"]) - 1.00) < 1e-9)
        #expect(cost(e["azure-functions-flex"]) < cost(e["azure-functions-premium-ep1"]))
        #expect(e["azure-functions-premium-ep1"]?["cold_start_share"] as? Double == 0)
    }

    /// High, IO-bound load: 1B requests of 500 ms using 2 ms of CPU, 80 at once. Premium EP1
    /// serves min(1 vCPU × 70% / 2 ms, 80 / 0.5 s) = 160 req/s; 380.52 req/s needs 3 instances + 1
    /// pre-warmed = 4 × 730 × $0.21605 = $630.87. Consumption bills every execution:
    /// 1B × 0.5 s × 0.5 GB × $0.000016 + 1B × $0.20/1M = $4,000 + $200 = $4,200. Flex packs 80
    /// to an instance: 1B × 0.5 s / 80 = 6.25M instance-s × 0.5 GB × $0.000026 = $81.25, plus 1B ×
    /// $0.40/1M = $400: $481.25. Premium now beats Consumption, and still loses to Flex.
    @Test func premiumBeatsConsumptionAtHighIOBoundLoad() throws {
        let e = try estimates(["--requests", "1B", "--duration", "500ms", "--cpu-time", "2ms", "--memory", "512MB",
                               "--concurrency", "80"] + Self.functions)
        #expect(abs(cost(e["azure-functions-premium-ep1"]) - 4 * 730 * 0.21605) < 1e-6)
        #expect(abs(cost(e["azure-functions-consumption"]) - 4200) < 1e-6)
        #expect(abs(cost(e["azure-functions-flex"]) - 481.25) < 1e-6)
    }

    /// Zero cold starts: Premium meets the limit with the instance it already bills; Consumption
    /// has no priced way to keep warm; Flex has no sourced keep-alive.
    @Test func premiumMeetsAZeroColdStartLimitAtNoExtraCost() throws {
        let e = try estimates(["--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--max-cold-start-rate", "0"] + Self.functions)
        #expect(feasible(e["azure-functions-premium-ep1"]))
        #expect(abs(cost(e["azure-functions-premium-ep1"]) - 315.433) < 0.001)
        #expect(!feasible(e["azure-functions-consumption"]))
        #expect(!feasible(e["azure-functions-flex"]))
    }

    /// Lambda Managed Instances: 3 m7g.xlarge (AWS launches three by default) × 730 h × $0.1632 =
    /// $357.41; the 15% fee, 2,190 h × $0.02448 = $53.61; 30M × $0.20/1M = $6.00: $417.02, and no
    /// cold starts. Under a 1-year Compute Savings Plan (32%, unverified) only the EC2 part is
    /// discounted: $357.41 × 0.68 = $243.04 replaces it, the fee and requests stay: $302.65.
    @Test func lambdaManagedInstances() throws {
        let args = ["--requests", "30M", "--duration", "120ms", "--cpu-time", "15ms", "--memory", "512MB",
                    "--offering", "aws-lambda-managed-m7g.xlarge"]
        let e = try estimates(args)["aws-lambda-managed-m7g.xlarge"]
        #expect(abs(cost(e) - 417.0192) < 1e-6)
        #expect(abs((item(e, "Management fee") ?? 0) - 53.6112) < 1e-6)
        #expect(abs((item(e, "Requests") ?? 0) - 6) < 1e-9)
        #expect(e?["cold_start_share"] as? Double == 0)
        let committed = try estimates(args + ["--commitment", "1y"])["aws-lambda-managed-m7g.xlarge"]
        #expect(abs(cost(committed) - (53.6112 + 6 + 357.408 * 0.68)) < 1e-6)
        #expect(abs((item(committed, "Management fee") ?? 0) - 53.6112) < 1e-6)
    }

    /// Cloud Run request-based: a minimum instance idle all month at $0.0000025 per vCPU-s and per
    /// GiB-s (Google's firebase-tools rates, companion facts F1): 2,628,000 s × (1 × $0.0000025 +
    /// 0.5 × $0.0000025) = $9.855 ("$9.86"); for the 200 hours the workload runs, 720,000 s: $2.70.
    @Test func cloudRunMinimumInstanceAtTheIdleRate() throws {
        let base = ["--requests", "0", "--memory", "512MB", "--min-instances", "1", "--offering", "gcp-cloud-run-request"]
        #expect(abs(cost(try estimates(base)["gcp-cloud-run-request"]) - 9.855) < 1e-9)
        #expect(abs(cost(try estimates(base + ["--hours", "200"])["gcp-cloud-run-request"]) - 2.70) < 1e-9)
    }

    /// Container Apps: a minimum replica between requests is idle, not waiting out the 300 s
    /// cool-down at the active rate (billing.md: idle "only if the revision has min replicas > 0
    /// and is scaled to the minimum"). 1,000 requests of 1 s on 0.5 vCPU / 1 GiB: the CPU floor
    /// makes each 2 active instance-s, 2,000 × (0.5 × $0.000024 + 1 × $0.000003) = $0.030; the
    /// other 2,626,000 s idle × (0.5 × $0.000003 + 1 × $0.000003) = $11.817; requests $0.0004:
    /// $11.8474. (Before, 78 h of cool-down were billed at the active rate as well.)
    @Test func containerAppsMinimumReplicaIsIdleBetweenRequests() throws {
        let e = try estimates(["--requests", "1000", "--duration", "1s", "--memory", "1GiB", "--vcpu", "0.5", "--min-instances", "1",
                               "--offering", "azure-container-apps"])["azure-container-apps"]
        #expect(abs(cost(e) - 11.8474) < 1e-9)
        #expect(abs((item(e, "Idle instances") ?? 0) - 11.817) < 1e-9)
    }

    /// Code Engine bills a minimum-scale instance at the full rate (IBM codeengine-pricing):
    /// 2,628,000 s × (1 × $0.00003431 + 2 GB × $0.00000356) = $108.88.
    @Test func codeEngineMinimumInstanceAtTheFullRate() throws {
        let e = try estimates(["--requests", "0", "--memory", "2GB", "--vcpu", "1", "--min-instances", "1",
                               "--offering", "ibm-code-engine-app"])["ibm-code-engine-app"]
        #expect(abs(cost(e) - 108.87804) < 1e-9)
    }

    /// `breakeven --vary max-cold-start-rate`: Lambda stops paying for Provisioned Concurrency
    /// exactly where the limit reaches its own cold share, which `compare` reports; below it Cloud
    /// Run (cold share < 0.0001%) is the cheaper way to keep sign-ins warm.
    @Test func breakEvenOverTheColdStartLimitCrossesAtLambdasColdShare() throws {
        let lambda = try #require(try estimates(["examples/login-api.yaml", "--offering", "aws-lambda-arm"])["aws-lambda-arm"])
        let share = try #require(lambda["cold_start_share"] as? Double)
        let r = try RuncostBinary.run(["breakeven", "examples/login-api.yaml", "--vary", "max-cold-start-rate", "--from", "0.001%", "--to", "1%",
                                       "--offering", "aws-lambda-arm", "--offering", "gcp-cloud-run-request", "--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["parameter"] as? String == "max-cold-start-rate")
        let crossovers = json["crossovers"] as! [[String: Any]]
        #expect(crossovers.count == 1)
        let value = try #require(crossovers.first?["value"] as? Double)
        #expect(abs(value - share) <= 1e-6 * share)
        #expect(crossovers.first?["cheaper_below"] as? String == "gcp-cloud-run-request")
        #expect(crossovers.first?["cheaper_above"] as? String == "aws-lambda-arm")
        // Above the crossing Lambda keeps nothing warm: 2M × ($0.20/1M + 0.15 s × 0.5 GB × $0.0000133334) = $2.40, plus $0.002 of billed INIT.
        #expect(abs((crossovers.first?["monthly_cost"] as? Double ?? 0) - 2.40) < 0.005)
        let sweep = try RuncostBinary.run(["sweep", "examples/login-api.yaml", "--vary", "max-cold-start-rate", "--from", "0.001%", "--to", "1%",
                                           "--points", "3", "--offering", "aws-lambda-arm", "--format", "csv"])
        #expect(sweep.stdout.hasPrefix("max_cold_start_rate,aws-lambda-arm_monthly_cost_usd\n1e-05,"))
    }
}
