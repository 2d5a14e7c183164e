import Foundation
import Testing

/// The bundled service tables (pricing/services-*.yaml) against providers' own worked examples, the
/// infracost golden quantities (shared/companion-facts.md [G] rows) and hand-worked figures, to
/// the cent, through `compare --format json` and its `services` array.
@Suite struct ServicePublishedExamplesTests {
    /// One example: its source and working, the command line, and every figure it must produce.
    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        var offering: String
        var args: [String]
        var feasible = true
        var figures: [Figure] = []
        var testDescription: String { name }
    }

    /// A service's monthly cost, or one of its line items, to the cent or within 1e-9 (relative).
    struct Figure: Sendable {
        enum Match: Sendable { case cents, close }
        var service: String
        var item: String?
        var value: Double
        var match: Match

        static func total(_ service: String, cents value: Double) -> Figure { Figure(service: service, value: value, match: .cents) }
        static func total(_ service: String, close value: Double) -> Figure { Figure(service: service, value: value, match: .close) }
        static func item(_ service: String, _ item: String, cents value: Double) -> Figure { Figure(service: service, item: item, value: value, match: .cents) }
        static func item(_ service: String, _ item: String, close value: Double) -> Figure { Figure(service: service, item: item, value: value, match: .close) }
    }

    static let lambda = ["--duration", "100ms", "--memory", "128MB"]
    /// Pub/Sub, one way: 1M events of 1 KB = 1,024,000,000 bytes = 0.9537 GiB, /1024 × $40 a TiB.
    static let pubSubOneWay = 1_024_000_000 / 1_073_741_824 / 1024 * 40.0

    static let examples: [Example] = [
        // MARK: front doors
        Example(name: "API Gateway HTTP tiers", source: """
            API Gateway pricing page, HTTP API example (transcribed 2026-09-20 in api-evangelist's \
            amazon-web-services plans file): "$1.00/million" for the first 300 million, "132 million * \
            $0.90/million (over 300 million)": 432M requests = $300.00 + $118.80 = $418.80.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "432M"] + lambda + ["--front-door", "aws-api-gateway-http"],
            figures: [.total("aws-api-gateway-http", cents: 418.80)]),
        Example(name: "API Gateway HTTP 512 KB increments", source: """
            "HTTP APIs are metered in 512 KB increments" (AWS whitepaper, API Gateway private APIs, table \
            4): a 600 KB payload is two calls, 10M requests = 20M calls = $20.00.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "10M"] + lambda + ["--payload", "600KB", "--front-door", "aws-api-gateway-http"],
            figures: [.total("aws-api-gateway-http", cents: 20.00)]),
        Example(name: "API Gateway REST tiers", source: """
            REST API tiers (same whitepaper table): 1.5B calls = 333M × $3.50 + 667M × $2.80 + 500M × \
            $2.38 = $1,165.50 + $1,867.60 + $1,190.00 = $4,223.10.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1.5B"] + lambda + ["--front-door", "aws-api-gateway-rest"],
            figures: [.total("aws-api-gateway-rest", cents: 4223.10)]),
        Example(name: "ALB new connections", source: """
            ALB (ELB pricing page, transcribed 2026-09-20; infracost golden lb_test): $0.0225 per \
            ALB-hour (730 h = $16.43) and $0.008 per LCU-hour ($5.84 per LCU-month). 25 new connections a \
            second is one LCU: 25 requests/s all month = 730 LCU-hours = $5.84; total $22.265.
            """,
            offering: "aws-fargate-arm", args: ["--rps", "25", "--traffic", "constant", "--duration", "50ms", "--memory", "512MB", "--response-size", "1KB"],
            figures: [.item("aws-alb", "ALB-hours", cents: 16.43), .item("aws-alb", "LCU-hours", cents: 5.84),
                      .total("aws-alb", close: 16.425 + 5.84)]),
        Example(name: "ALB processed bytes", source: """
            1 GB processed an hour is one LCU: 4,096 responses of 512 KB an hour = 2 GB/h = 2 LCU \
            (new connections: 4,096/3,600/25 = 0.05 LCU), 1,460 LCU-hours = $11.68.
            """,
            offering: "aws-fargate-arm", args: ["--requests", "2990080", "--traffic", "constant", "--duration", "50ms", "--memory", "512MB", "--response-size", "512KB"],
            figures: [.item("aws-alb", "LCU-hours", cents: 11.68)]),
        Example(name: "API Management Consumption", source: """
            infracost golden azure api_management_test (2024-07-01): Consumption, 10M calls = $35.00.
            """,
            offering: "azure-functions-consumption", args: ["--requests", "10M"] + lambda + ["--front-door", "azure-api-management-consumption"],
            figures: [.total("azure-api-management-consumption", cents: 35.00)]),

        // MARK: data
        Example(name: "DynamoDB on-demand", source: """
            infracost golden dynamodb_table_test (2024-11-15, after the price cut): 3M WRU = $1.88, \
            8M RRU = $1.00. 1M requests × 3 writes and × 8 reads of 1 KB items.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--reads-per-request", "8", "--writes-per-request", "3"],
            figures: [.item("aws-dynamodb-on-demand", "read request units", cents: 1.00),
                      .item("aws-dynamodb-on-demand", "write request units", cents: 1.88)]),
        Example(name: "DynamoDB item size chunks", source: """
            Request units per item size: a 5 KB item is 2 read units (4 KB each) and 5 write units (1 KB \
            each): 8M reads → 16M RRU = $2.00; 3M writes → 15M WRU = $9.375.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--reads-per-request", "8", "--writes-per-request", "3", "--item-size", "5KB"],
            figures: [.item("aws-dynamodb-on-demand", "read request units", close: 2.00),
                      .item("aws-dynamodb-on-demand", "write request units", close: 9.375)]),
        Example(name: "DynamoDB provisioned", source: """
            infracost golden dynamodb_table_test: 20 WCU × 730 h = $9.49, 30 RCU × 730 h = $2.85. With \
            auto scaling at 70%: 14 writes/s and 21 reads/s all month provision 20 WCU and 30 RCU.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "36792000", "--traffic", "constant"] + lambda
                + ["--data-service", "aws-dynamodb-provisioned", "--reads-per-request", "1.5", "--writes-per-request", "1"],
            figures: [.item("aws-dynamodb-provisioned", "WCU-hours", cents: 9.49), .item("aws-dynamodb-provisioned", "RCU-hours", cents: 2.85)]),
        Example(name: "Aurora Serverless worked example", source: """
            AWS agent-toolkit, Aurora serverless-advisory worked example: "Aurora serverless typical \
            13.5 x $0.12 x 730 = $1,183/mo compute, storage 1000 x $0.10 = $100". 3,300 reads/s at the \
            table's 250 operations/s per ACU need 13.2 ACU, bought in 0.5-ACU steps: 13.5 ACU, $1,182.60.
            """,
            offering: "aws-lambda-arm", args: ["--rps", "3300", "--traffic", "constant"] + lambda
                + ["--data-service", "aws-aurora-serverless-v2", "--reads-per-request", "1", "--storage", "1000GB"],
            figures: [.item("aws-aurora-serverless-v2", "ACU-hours", cents: 1182.60), .item("aws-aurora-serverless-v2", "storage", cents: 100.00)]),
        Example(name: "Aurora 0.5 ACU floor", source: """
            The 0.5 ACU floor: 0.5 × $0.12 × 730 h = $43.80 a month however little the load ("~$45/month", \
            agent-toolkit), here with office-hours traffic.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "10k", "--traffic", "business-hours"] + lambda
                + ["--reads-per-request", "1", "--data-service", "aws-aurora-serverless-v2"],
            figures: [.item("aws-aurora-serverless-v2", "ACU-hours", close: 43.80)]),
        Example(name: "Aurora auto-pause", source: """
            With auto-pause and office-hours traffic (40 of 168 hours busy) only busy hours bill: \
            0.5 × $0.12 × 730 × 40/168 = $10.43.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "10k", "--traffic", "business-hours"] + lambda
                + ["--reads-per-request", "1", "--data-service", "aws-aurora-serverless-v2-auto-pause"],
            figures: [.item("aws-aurora-serverless-v2-auto-pause", "ACU-hours", close: 0.5 * 0.12 * 730 * 40 / 168)]),
        Example(name: "Cloud SQL db-f1-micro", source: """
            infracost golden google sql_database_instance_test (2024-07-01): db-f1-micro zonal, 730 h = \
            $7.67 ($0.0105 an hour).
            """,
            offering: "gcp-cloud-run-request", args: ["--requests", "1M", "--duration", "100ms", "--memory", "512MB",
                                                      "--data-service", "gcp-cloud-sql-postgres-f1-micro", "--reads-per-request", "1"],
            figures: [.item("gcp-cloud-sql-postgres-f1-micro", "instance-hours", close: 7.665)]),
        Example(name: "Cosmos DB serverless", source: """
            infracost golden azure cosmosdb_sql_database_test (2024-08-30): serverless, 10M RU = $2.79. \
            10M point reads of 1 KB items are 10M RU.
            """,
            offering: "azure-functions-consumption", args: ["--requests", "10M"] + lambda + ["--reads-per-request", "1"],
            figures: [.item("azure-cosmos-db-serverless", "request units", cents: 2.79)]),
        Example(name: "RDS throughput limit", source: """
            A provisioned database's throughput limit (an assumption the table marks): db.t4g.micro \
            serves 200 operations a second; 300/s at the peak makes the stack infeasible.
            """,
            offering: "aws-lambda-arm", args: ["--rps", "300", "--traffic", "constant"] + lambda
                + ["--data-service", "aws-rds-postgres-t4g-micro", "--reads-per-request", "1"],
            feasible: false),

        // MARK: events
        Example(name: "EventBridge 64 KB chunks", source: """
            EventBridge pricing page: "Each 64 KB chunk of a payload is billed as one event (for example, \
            an event with a 256 KB payload is billed as 4 events)": 1M such events = 4M × $1.00/M = $4.00.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--events-per-request", "1", "--event-size", "256KB"],
            figures: [.total("aws-eventbridge", cents: 4.00)]),
        Example(name: "Pub/Sub throughput", source: """
            Pub/Sub: "$40 per TiB" published and again delivered, "The first 10 GiB are free": 1M events \
            of 1 KB = 1,024,000,000 bytes = 0.9537 GiB each way, 2 × 0.9537/1024 × $40 = $0.0745. (The \
            1,000-byte minimum is in the table, but workloads cannot give events under 1 KB yet.)
            """,
            offering: "gcp-cloud-run-request", args: ["--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--events-per-request", "1", "--event-size", "1KB"],
            figures: [.total("gcp-pubsub", close: 2 * pubSubOneWay)]),
        Example(name: "Pub/Sub throughput, free tier", source: """
            Pub/Sub as above; with --free-tier the publish side is free: 0.9537/1024 × $40 = $0.0373.
            """,
            offering: "gcp-cloud-run-request", args: ["--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--events-per-request", "1", "--event-size", "1KB",
                                                      "--free-tier"],
            figures: [.total("gcp-pubsub", close: pubSubOneWay)]),
        Example(name: "Step Functions per execution", source: """
            Step Functions Standard, $0.025 per 1,000 transitions, 5 transitions per event: 1,000 events \
            = $0.125.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1000"] + lambda + ["--events-per-request", "1", "--event-service", "aws-step-functions-standard"],
            figures: [.total("aws-step-functions-standard", close: 0.125)]),

        // MARK: identity
        Example(name: "Cognito Essentials", source: """
            Cognito pricing page examples (transcribed 2026-09-20): Essentials "Price / MAU charged above \
            the free tier = $0.015" with 10,000 free: 40k MAU = 30,000 × $0.015 = $450.00.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--free-tier", "--monthly-active-users", "40k"],
            figures: [.total("aws-cognito-essentials", cents: 450.00)]),
        Example(name: "Cognito Lite", source: """
            Cognito pricing page examples (transcribed 2026-09-20): Lite: "First 10,000 (Free-tier)", then \
            $0.0055, and "850,000 MAUs x $0.0046": 950,000 MAU = 90,000 × $0.0055 + 850,000 × $0.0046 = \
            $495.00 + $3,910.00 = $4,405.00.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--free-tier", "--monthly-active-users", "950k", "--identity-service", "aws-cognito-lite"],
            figures: [.total("aws-cognito-lite", cents: 4405.00)]),
        Example(name: "Auth0 Essentials", source: """
            Auth0 publishes prices only for its first brackets: Essentials $35 a month up to 500 MAU.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--monthly-active-users", "400", "--identity-service", "auth0-essentials"],
            figures: [.total("auth0-essentials", cents: 35.00)]),
        Example(name: "Auth0 Essentials beyond its bracket", source: """
            Auth0 Essentials covers up to 500 MAU: 600 is beyond the bracket, infeasible, never a guessed price.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--monthly-active-users", "600", "--identity-service", "auth0-essentials"],
            feasible: false),
        Example(name: "Auth0 Free beyond its bracket", source: """
            Auth0 Free covers up to 25,000 MAU: 30k is beyond the bracket, infeasible, never a guessed price.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--monthly-active-users", "30k", "--identity-service", "auth0-free"],
            feasible: false),

        // MARK: hosting and egress
        Example(name: "Static Web Apps Standard", source: """
            infracost golden azure static_site_test (2026-05-04): Standard plan $9.00 per app-month.
            """,
            offering: "azure-functions-consumption", args: ["--requests", "1M"] + lambda + ["--hosting-service", "azure-static-web-apps-standard"],
            figures: [.total("azure-static-web-apps-standard", cents: 9.00)]),
        Example(name: "AWS egress tiers", source: """
            AWS data transfer out (infracost golden data_transfer_test): $0.09/GB up to 10 TB, $0.085 the \
            next 40 TB. 20,000 GB: 10,240 × $0.09 + 9,760 × $0.085 = $921.60 + $829.60 = $1,751.20.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--egress", "20000GB"],
            figures: [.total("aws-internet-egress", cents: 1751.20)]),
        Example(name: "AWS egress tiers, free tier", source: """
            As above with the 100 GB free: 10,240 × $0.09 + 9,660 × $0.085 = $1,742.70.
            """,
            offering: "aws-lambda-arm", args: ["--requests", "1M"] + lambda + ["--egress", "20000GB", "--free-tier"],
            figures: [.total("aws-internet-egress", cents: 1742.70)]),
    ]

    @Test(arguments: examples)
    func publishedExample(_ example: Example) throws {
        let e = try estimate(example.offering, example.args)
        #expect(e["feasible"] as? Bool == example.feasible, "\(example.source)")
        for figure in example.figures {
            let s = try service(e, figure.service)
            let actual = try figure.item.map { name in try #require(items(s)[name], "no \(name) in \(figure.service)") } ?? cost(s)
            switch figure.match {
            case .cents: #expect(cents(actual) == figure.value, "\(figure.service) \(figure.item ?? "total"): \(example.source)")
            case .close: #expect(close(actual, figure.value), "\(figure.service) \(figure.item ?? "total") \(actual): \(example.source)")
            }
        }
    }

    func estimate(_ offering: String, _ args: [String]) throws -> [String: Any] { try RuncostBinary.estimate(offering, args) }

    /// The estimate's service `id`, or a recorded failure.
    func service(_ e: [String: Any], _ id: String) throws -> [String: Any] {
        let services = e["services"] as? [[String: Any]] ?? []
        return try #require(services.first { $0["id"] as? String == id }, "no \(id) in \(services.map { $0["id"] ?? "?" })")
    }

    func cost(_ s: [String: Any]) -> Double { s["monthly_cost"] as! Double }
    /// Line item costs by name.
    func items(_ s: [String: Any]) -> [String: Double] {
        var byName: [String: Double] = [:]
        for item in s["line_items"] as! [[String: Any]] { byName[item["name"] as! String] = item["cost"] as? Double }
        return byName
    }
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

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
        let e = try estimate(offering, ["examples/mobile-api.yaml"])
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
