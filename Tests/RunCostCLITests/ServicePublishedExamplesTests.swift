import Foundation
import Testing

/// The bundled service tables (pricing/services-*.yaml) against providers' own worked examples, the
/// infracost golden quantities (shared/companion-facts.md [G] rows) and hand-worked figures, to
/// the cent, through `compare --format json` and its `services` array.
@Suite struct ServicePublishedExamplesTests {
    func estimate(_ offering: String, _ args: [String]) throws -> [String: Any] {
        let result = try RuncostBinary.run(["compare", "--offering", offering, "--format", "json"] + args)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return (json["estimates"] as! [[String: Any]])[0]
    }

    /// The estimate's service `id`, or a recorded failure.
    func service(_ e: [String: Any], _ id: String) throws -> [String: Any] {
        let services = e["services"] as? [[String: Any]] ?? []
        return try #require(services.first { $0["id"] as? String == id }, "no \(id) in \(services.map { $0["id"] ?? "?" })")
    }

    func cost(_ s: [String: Any]) -> Double { s["monthly_cost"] as! Double }
    func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    /// Line item costs by name.
    func items(_ s: [String: Any]) -> [String: Double] {
        var byName: [String: Double] = [:]
        for item in s["line_items"] as! [[String: Any]] { byName[item["name"] as! String] = item["cost"] as? Double }
        return byName
    }
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    // MARK: front doors

    // API Gateway pricing page, HTTP API example (transcribed 2026-09-20 in api-evangelist's
    // amazon-web-services plans file): "$1.00/million" for the first 300 million, "132 million *
    // $0.90/million (over 300 million)": 432M requests = $300.00 + $118.80 = $418.80.
    @Test func apiGatewayHTTPTiers() throws {
        let e = try estimate("aws-lambda-arm", ["--requests", "432M", "--duration", "100ms", "--memory", "128MB",
                                                "--front-door", "aws-api-gateway-http"])
        #expect(cents(cost(try service(e, "aws-api-gateway-http"))) == 418.80)
    }

    // "HTTP APIs are metered in 512 KB increments" (AWS whitepaper, API Gateway private APIs, table
    // 4): a 600 KB payload is two calls, 10M requests = 20M calls = $20.00.
    @Test func apiGatewayHTTP512KBIncrements() throws {
        let e = try estimate("aws-lambda-arm", ["--requests", "10M", "--duration", "100ms", "--memory", "128MB",
                                                "--payload", "600KB", "--front-door", "aws-api-gateway-http"])
        #expect(cents(cost(try service(e, "aws-api-gateway-http"))) == 20.00)
    }

    // REST API tiers (same whitepaper table): 1.5B calls = 333M × $3.50 + 667M × $2.80 + 500M ×
    // $2.38 = $1,165.50 + $1,867.60 + $1,190.00 = $4,223.10.
    @Test func apiGatewayRESTTiers() throws {
        let e = try estimate("aws-lambda-arm", ["--requests", "1.5B", "--duration", "100ms", "--memory", "128MB",
                                                "--front-door", "aws-api-gateway-rest"])
        #expect(cents(cost(try service(e, "aws-api-gateway-rest"))) == 4223.10)
    }

    // HTTP API integrations time out after 30 s: a 31 s request cannot be served through it, but
    // can through a function URL (Lambda's own 15 min limit).
    @Test func apiGatewayTimeoutMakesTheStackInfeasible() throws {
        let args = ["--requests", "1M", "--duration", "31s", "--memory", "128MB"]
        let gateway = try estimate("aws-lambda-arm", args + ["--front-door", "aws-api-gateway-http"])
        #expect(gateway["feasible"] as? Bool == false)
        let url = try estimate("aws-lambda-arm", args + ["--front-door", "function-url"])
        #expect(url["feasible"] as? Bool == true)
        #expect(cost(try service(url, "aws-lambda-function-url")) == 0)
    }

    // ALB (ELB pricing page, transcribed 2026-09-20; infracost golden lb_test): $0.0225 per
    // ALB-hour (730 h = $16.43) and $0.008 per LCU-hour ($5.84 per LCU-month). 25 new connections a
    // second is one LCU: 25 requests/s all month = 730 LCU-hours = $5.84; total $22.265.
    @Test func albNewConnectionsDimension() throws {
        let e = try estimate("aws-fargate-arm", ["--rps", "25", "--traffic", "constant", "--duration", "50ms",
                                                 "--memory", "512MB", "--response-size", "1KB"])
        let alb = try service(e, "aws-alb")
        #expect(items(alb).values.map(cents).sorted() == [5.84, 16.43])
        #expect(close(cost(alb), 16.425 + 5.84))
    }

    // 1 GB processed an hour is one LCU: 4,096 responses of 512 KB an hour = 2 GB/h = 2 LCU
    // (new connections: 4,096/3,600/25 = 0.05 LCU), 1,460 LCU-hours = $11.68.
    @Test func albProcessedBytesDimension() throws {
        let e = try estimate("aws-fargate-arm", ["--requests", "2990080", "--traffic", "constant", "--duration", "50ms",
                                                 "--memory", "512MB", "--response-size", "512KB"])
        #expect(cents(items(try service(e, "aws-alb"))["LCU-hours"] ?? 0) == 11.68)
    }

    // infracost golden azure api_management_test (2024-07-01): Consumption, 10M calls = $35.00.
    @Test func apiManagementConsumptionGolden() throws {
        let e = try estimate("azure-functions-consumption", ["--requests", "10M", "--duration", "100ms", "--memory", "128MB",
                                                             "--front-door", "azure-api-management-consumption"])
        #expect(cents(cost(try service(e, "azure-api-management-consumption"))) == 35.00)
    }

    // MARK: data

    // infracost golden dynamodb_table_test (2024-11-15, after the price cut): 3M WRU = $1.88,
    // 8M RRU = $1.00. 1M requests × 3 writes and × 8 reads of 1 KB items.
    @Test func dynamoDBOnDemandGolden() throws {
        let e = try estimate("aws-lambda-arm", ["--requests", "1M", "--duration", "100ms", "--memory", "128MB",
                                                "--reads-per-request", "8", "--writes-per-request", "3"])
        let table = items(try service(e, "aws-dynamodb-on-demand"))
        #expect(cents(table["read request units"] ?? 0) == 1.00)
        #expect(cents(table["write request units"] ?? 0) == 1.88)
    }

    // Request units per item size: a 5 KB item is 2 read units (4 KB each) and 5 write units (1 KB
    // each): 8M reads → 16M RRU = $2.00; 3M writes → 15M WRU = $9.375.
    @Test func dynamoDBItemSizeChunks() throws {
        let e = try estimate("aws-lambda-arm", ["--requests", "1M", "--duration", "100ms", "--memory", "128MB",
                                                "--reads-per-request", "8", "--writes-per-request", "3", "--item-size", "5KB"])
        let table = items(try service(e, "aws-dynamodb-on-demand"))
        #expect(close(table["read request units"] ?? 0, 2.00))
        #expect(close(table["write request units"] ?? 0, 9.375))
    }

    // infracost golden dynamodb_table_test: 20 WCU × 730 h = $9.49, 30 RCU × 730 h = $2.85. With
    // auto scaling at 70%: 14 writes/s and 21 reads/s all month provision 20 WCU and 30 RCU.
    @Test func dynamoDBProvisionedGolden() throws {
        let e = try estimate("aws-lambda-arm", ["--requests", "36792000", "--traffic", "constant", "--duration", "100ms",
                                                "--memory", "128MB", "--data-service", "aws-dynamodb-provisioned",
                                                "--reads-per-request", "1.5", "--writes-per-request", "1"])
        let table = items(try service(e, "aws-dynamodb-provisioned"))
        #expect(cents(table["WCU-hours"] ?? 0) == 9.49)
        #expect(cents(table["RCU-hours"] ?? 0) == 2.85)
    }

    // AWS agent-toolkit, Aurora serverless-advisory worked example: "Aurora serverless typical
    // 13.5 x $0.12 x 730 = $1,183/mo compute, storage 1000 x $0.10 = $100". 3,300 reads/s at the
    // table's 250 operations/s per ACU need 13.2 ACU, bought in 0.5-ACU steps: 13.5 ACU, $1,182.60.
    @Test func auroraServerlessWorkedExample() throws {
        let e = try estimate("aws-lambda-arm", ["--rps", "3300", "--traffic", "constant", "--duration", "100ms",
                                                "--memory", "128MB", "--data-service", "aws-aurora-serverless-v2",
                                                "--reads-per-request", "1", "--storage", "1000GB"])
        let aurora = items(try service(e, "aws-aurora-serverless-v2"))
        #expect(cents(aurora["ACU-hours"] ?? 0) == 1182.60)
        #expect(cents(aurora["storage"] ?? 0) == 100.00)
    }

    // The 0.5 ACU floor: 0.5 × $0.12 × 730 h = $43.80 a month however little the load ("~$45/month",
    // agent-toolkit). With auto-pause and office-hours traffic (40 of 168 hours busy) only busy
    // hours bill: 0.5 × $0.12 × 730 × 40/168 = $10.43.
    @Test func auroraFloorAndAutoPause() throws {
        let args = ["--requests", "10k", "--traffic", "business-hours", "--duration", "100ms", "--memory", "128MB",
                    "--reads-per-request", "1"]
        let always = try estimate("aws-lambda-arm", args + ["--data-service", "aws-aurora-serverless-v2"])
        #expect(close(items(try service(always, "aws-aurora-serverless-v2"))["ACU-hours"] ?? 0, 43.80))
        let paused = try estimate("aws-lambda-arm", args + ["--data-service", "aws-aurora-serverless-v2-auto-pause"])
        #expect(close(items(try service(paused, "aws-aurora-serverless-v2-auto-pause"))["ACU-hours"] ?? 0, 0.5 * 0.12 * 730 * 40 / 168))
    }

    // infracost golden google sql_database_instance_test (2024-07-01): db-f1-micro zonal, 730 h =
    // $7.67 ($0.0105 an hour).
    @Test func cloudSQLGolden() throws {
        let e = try estimate("gcp-cloud-run-request", ["--requests", "1M", "--duration", "100ms", "--memory", "512MB",
                                                       "--data-service", "gcp-cloud-sql-postgres-f1-micro", "--reads-per-request", "1"])
        #expect(close(items(try service(e, "gcp-cloud-sql-postgres-f1-micro"))["instance-hours"] ?? 0, 7.665))
    }

    // infracost golden azure cosmosdb_sql_database_test (2024-08-30): serverless, 10M RU = $2.79.
    // 10M point reads of 1 KB items are 10M RU.
    @Test func cosmosDBServerlessGolden() throws {
        let e = try estimate("azure-functions-consumption", ["--requests", "10M", "--duration", "100ms", "--memory", "128MB",
                                                             "--reads-per-request", "1"])
        #expect(cents(items(try service(e, "azure-cosmos-db-serverless"))["request units"] ?? 0) == 2.79)
    }

    // A provisioned database's throughput limit (an assumption the table marks): db.t4g.micro
    // serves 200 operations a second; 300/s at the peak makes the stack infeasible.
    @Test func rdsThroughputLimit() throws {
        let e = try estimate("aws-lambda-arm", ["--rps", "300", "--traffic", "constant", "--duration", "100ms", "--memory", "128MB",
                                                "--data-service", "aws-rds-postgres-t4g-micro", "--reads-per-request", "1"])
        #expect(e["feasible"] as? Bool == false)
    }

    // MARK: events

    // EventBridge pricing page: "Each 64 KB chunk of a payload is billed as one event (for example,
    // an event with a 256 KB payload is billed as 4 events)": 1M such events = 4M × $1.00/M = $4.00.
    @Test func eventBridge64KBChunks() throws {
        let e = try estimate("aws-lambda-arm", ["--requests", "1M", "--duration", "100ms", "--memory", "128MB",
                                                "--events-per-request", "1", "--event-size", "256KB"])
        #expect(cents(cost(try service(e, "aws-eventbridge"))) == 4.00)
    }

    // Pub/Sub: "$40 per TiB" published and again delivered, "The first 10 GiB are free": 1M events
    // of 1 KB = 1,024,000,000 bytes = 0.9537 GiB each way, 2 × 0.9537/1024 × $40 = $0.0745; with
    // --free-tier the publish side is free. (The 1,000-byte minimum is in the table, but workloads
    // cannot give events under 1 KB yet.)
    @Test func pubSubThroughput() throws {
        let args = ["--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--events-per-request", "1", "--event-size", "1KB"]
        let oneWay = 1_024_000_000 / 1_073_741_824 / 1024 * 40.0
        let e = try estimate("gcp-cloud-run-request", args)
        #expect(close(cost(try service(e, "gcp-pubsub")), 2 * oneWay))
        let free = try estimate("gcp-cloud-run-request", args + ["--free-tier"])
        #expect(close(cost(try service(free, "gcp-pubsub")), oneWay))
    }

    // Step Functions Standard, $0.025 per 1,000 transitions, 5 transitions per event: 1,000 events
    // = $0.125.
    @Test func stepFunctionsPerExecution() throws {
        let e = try estimate("aws-lambda-arm", ["--requests", "1000", "--duration", "100ms", "--memory", "128MB",
                                                "--events-per-request", "1", "--event-service", "aws-step-functions-standard"])
        #expect(close(cost(try service(e, "aws-step-functions-standard")), 0.125))
    }

    // MARK: identity

    // Cognito pricing page examples (transcribed 2026-09-20): Essentials "Price / MAU charged above
    // the free tier = $0.015" with 10,000 free: 40k MAU = 30,000 × $0.015 = $450.00. Lite: "First
    // 10,000 (Free-tier)", then $0.0055, and "850,000 MAUs x $0.0046": 950,000 MAU = 90,000 ×
    // $0.0055 + 850,000 × $0.0046 = $495.00 + $3,910.00 = $4,405.00.
    @Test func cognitoExamples() throws {
        let common = ["--requests", "1M", "--duration", "100ms", "--memory", "128MB", "--free-tier"]
        let essentials = try estimate("aws-lambda-arm", common + ["--monthly-active-users", "40k"])
        #expect(cents(cost(try service(essentials, "aws-cognito-essentials"))) == 450.00)
        let lite = try estimate("aws-lambda-arm", common + ["--monthly-active-users", "950k", "--identity-service", "aws-cognito-lite"])
        #expect(cents(cost(try service(lite, "aws-cognito-lite"))) == 4405.00)
    }

    // Auth0 publishes prices only for its first brackets: Free up to 25,000 MAU, Essentials $35 a
    // month up to 500. Beyond a bracket the stack is infeasible, never a guessed price.
    @Test func auth0Brackets() throws {
        let common = ["--requests", "1M", "--duration", "100ms", "--memory", "128MB"]
        let essentials = try estimate("aws-lambda-arm", common + ["--monthly-active-users", "400", "--identity-service", "auth0-essentials"])
        #expect(cents(cost(try service(essentials, "auth0-essentials"))) == 35.00)
        let over = try estimate("aws-lambda-arm", common + ["--monthly-active-users", "600", "--identity-service", "auth0-essentials"])
        #expect(over["feasible"] as? Bool == false)
        let free = try estimate("aws-lambda-arm", common + ["--monthly-active-users", "30k", "--identity-service", "auth0-free"])
        #expect(free["feasible"] as? Bool == false)
    }

    // MARK: hosting and egress

    // infracost golden azure static_site_test (2026-05-04): Standard plan $9.00 per app-month.
    @Test func staticWebAppsGolden() throws {
        let e = try estimate("azure-functions-consumption", ["--requests", "1M", "--duration", "100ms", "--memory", "128MB",
                                                             "--hosting-service", "azure-static-web-apps-standard"])
        #expect(cents(cost(try service(e, "azure-static-web-apps-standard"))) == 9.00)
    }

    // AWS data transfer out (infracost golden data_transfer_test): $0.09/GB up to 10 TB, $0.085 the
    // next 40 TB. 20,000 GB: 10,240 × $0.09 + 9,760 × $0.085 = $921.60 + $829.60 = $1,751.20; with
    // the 100 GB free: 10,240 × $0.09 + 9,660 × $0.085 = $1,742.70.
    @Test func awsEgressTiers() throws {
        let common = ["--requests", "1M", "--duration", "100ms", "--memory", "128MB", "--egress", "20000GB"]
        let e = try estimate("aws-lambda-arm", common)
        #expect(cents(cost(try service(e, "aws-internet-egress"))) == 1751.20)
        let free = try estimate("aws-lambda-arm", common + ["--free-tier"])
        #expect(cents(cost(try service(free, "aws-internet-egress"))) == 1742.70)
    }

    // MARK: stacks

    /// Which services each offering's stack names for examples/mobile-api.yaml (pricing/*.yaml
    /// `stack:`): Lambda behind API Gateway, Fargate and EC2 behind an ALB (EC2 with a database on
    /// one more VM), App Runner and Cloud Run built in, each provider's data, events, identity and
    /// egress defaults.
    @Test(arguments: [
        ("aws-lambda-arm", ["aws-api-gateway-http", "aws-dynamodb-on-demand", "aws-eventbridge", "aws-cognito-essentials", "aws-internet-egress"]),
        ("aws-fargate-arm", ["aws-alb", "aws-dynamodb-on-demand", "aws-eventbridge", "aws-cognito-essentials", "aws-internet-egress"]),
        ("aws-ec2-t3.small", ["aws-alb", "aws-postgres-on-ec2-t4g-small", "aws-eventbridge", "aws-cognito-essentials", "aws-internet-egress"]),
        ("aws-app-runner", ["aws-dynamodb-on-demand", "aws-eventbridge", "aws-cognito-essentials", "aws-internet-egress"]),
        ("gcp-cloud-run-request", ["gcp-firestore", "gcp-pubsub", "gcp-identity-platform", "gcp-internet-egress-premium"]),
        ("gcp-compute-e2-small", ["gcp-cloud-load-balancing", "gcp-postgres-on-e2-small", "gcp-pubsub", "gcp-identity-platform", "gcp-internet-egress-premium"]),
        ("azure-functions-consumption", ["azure-cosmos-db-serverless", "azure-event-grid", "azure-entra-external-id", "azure-internet-egress"]),
        ("azure-vm-b2s", ["azure-application-gateway-standard-v2", "azure-postgres-on-b2s", "azure-event-grid", "azure-entra-external-id", "azure-internet-egress"]),
    ])
    func bundledStacks(offering: String, services: [String]) throws {
        let result = try RuncostBinary.run(["compare", "examples/mobile-api.yaml", "--offering", offering, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let e = (json["estimates"] as! [[String: Any]])[0]
        #expect((e["services"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "?" } == services)
    }

    // Data from another cloud is billed as that cloud's egress: Heroku with DynamoDB reads and
    // writes 30M × (2 + 0.5) × 1 KB = 71.53 GB a month out of AWS, × $0.09 = $6.44.
    @Test func crossCloudData() throws {
        let e = try estimate("heroku-standard-1x", ["examples/mobile-api.yaml", "--data-service", "aws-dynamodb-on-demand",
                                                    "--event-service", "none", "--identity-service", "none"])
        let transfer = items(try service(e, "aws-dynamodb-on-demand")).first { $0.key.hasPrefix("cross-cloud transfer") }
        #expect(close(transfer?.value ?? 0, 30e6 * 2.5 * 1024 / 1_073_741_824 * 0.09))
    }
}
