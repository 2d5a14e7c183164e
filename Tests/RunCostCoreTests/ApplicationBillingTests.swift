import Testing
@testable import RunCostCore

/// The generic meter formula on small inline services, hand-worked to the cent. The bundled
/// tables' published examples are tested in RunCostCLITests (ServicePublishedExamplesTests).
@Suite struct ApplicationBillingTests {
    static let date = CalendarDate(year: 2026, month: 9, day: 20)!

    static func service(_ id: String, _ category: ServiceCategory, _ meters: [Meter], provider: String = "aws",
                        limits: ServiceLimits = ServiceLimits(), capacityLimit: CapacityLimit? = nil) -> Service {
        Service(id: id, name: id, provider: provider, category: category, region: "us-east-1", currency: "USD", asOf: date,
                source: "https://example.com/", verified: true, notes: "", limits: limits, meters: meters, capacityLimit: capacityLimit)
    }

    /// Lambda with `services` resolved, priced for `w`; the kernel must agree with the line items.
    static func price(_ services: [ResolvedService], _ w: Workload, offering: Offering = Fixtures.lambdaX86) -> Estimate {
        var o = offering
        o.services = services
        let e = Estimator.estimate(o, w)
        if e.feasible { #expect(abs((Estimator.monthlyCost(o, w) ?? -1) - e.monthlyCost) < 1e-9) }
        else { #expect(Estimator.monthlyCost(o, w) == nil) }
        return e
    }

    static func workload(_ requests: Double, _ app: Application) -> Workload {
        var w = Fixtures.workload(requests, 0.1, 128)
        w.application = app
        return w
    }

    static func data(reads: Double = 0, writes: Double = 0, itemKB: Double = 1, storageGB: Double = 0) -> Application {
        var d = Application.DataUse()
        d.readsPerRequest = reads; d.writesPerRequest = writes; d.itemSizeGB = itemKB / 1_048_576; d.storageGB = storageGB
        var app = Application()
        app.data = d
        return app
    }

    static let KB = 1.0 / 1_048_576

    // 350M requests over a 300M tier: 300M × $1.00/1M + 50M × $0.90/1M = $300.00 + $45.00.
    @Test func requestTiersAcrossTheBoundary() {
        let meter = Meter(name: "API calls", measure: .requests, per: 1e6,
                          price: TieredPrice(tiers: [.init(upTo: 300e6, price: 1.00), .init(upTo: .infinity, price: 0.90)]))
        let gateway = ResolvedService(service: Self.service("aws-gw", .frontDoor, [meter]), role: .frontDoor)
        let e = Self.price([gateway], Self.workload(350e6, Application()))
        #expect(e.services.count == 1)
        #expect(cents(e.services[0].cost) == 345.00)
        #expect(cents(e.computeCost) == cents(e.monthlyCost - 345.00))
        #expect(e.services[0].lineItems[0].formula.contains("300M requests × $1.00 + 50M requests × $0.90 per 1M"))
    }

    // A 1,100 KB payload in 512 KB chunks is 3 calls: 5M requests = 15M calls × $1.00/1M = $15.00.
    @Test func requestChunksOfThePayload() {
        var meter = Meter(name: "API calls", measure: .requests, per: 1e6, price: TieredPrice(flat: 1.00))
        meter.chunk = 512 * Self.KB
        var w = Self.workload(5e6, Application())
        w.payloadKiB = 1100
        let e = Self.price([ResolvedService(service: Self.service("aws-gw", .frontDoor, [meter]), role: .frontDoor)], w)
        #expect(cents(e.servicesCost) == 15.00)
    }

    // 6 KB items: reads in 4 KB chunks are 2 units, writes in 1 KB chunks 6 units.
    // 10M requests × 2 reads × 2 = 40M × $0.25/1M = $10.00; 10M × 0.5 writes × 6 = 30M × $1.25/1M = $37.50.
    @Test func readAndWriteUnitsInChunks() {
        var reads = Meter(name: "reads", measure: .reads, per: 1e6, price: TieredPrice(flat: 0.25)); reads.chunk = 4 * Self.KB
        var writes = Meter(name: "writes", measure: .writes, per: 1e6, price: TieredPrice(flat: 1.25)); writes.chunk = 1 * Self.KB
        let db = ResolvedService(service: Self.service("aws-db", .data, [reads, writes]), role: .data)
        let e = Self.price([db], Self.workload(10e6, Self.data(reads: 2, writes: 0.5, itemKB: 6)))
        #expect(e.services[0].lineItems.map { cents($0.cost) } == [10.00, 37.50])
    }

    // Cosmos-style request units: 2 reads × 1 RU + 0.5 writes × 5 RU = 4.5 RU a request;
    // 10M requests = 45M RU × $0.25/1M = $11.25.
    @Test func requestUnits() {
        var ru = Meter(name: "RU", measure: .requestUnits, per: 1e6, price: TieredPrice(flat: 0.25))
        ru.readUnits = 1; ru.writeUnits = 5; ru.chunk = 1 * Self.KB
        let db = ResolvedService(service: Self.service("azure-cosmos", .data, [ru], provider: "azure"), role: .data)
        let e = Self.price([db], Self.workload(10e6, Self.data(reads: 2, writes: 0.5)))
        #expect(cents(e.servicesCost) == 11.25)
    }

    // 100 KB events in 64 KB chunks count twice: 10M requests × 1 event × 2 = 20M × $1.00/1M = $20.00.
    @Test func eventsInSizeChunks() {
        var meter = Meter(name: "events", measure: .events, per: 1e6, price: TieredPrice(flat: 1.00)); meter.chunk = 64 * Self.KB
        var app = Application(); var events = Application.EventUse(); events.perRequest = 1; events.sizeGB = 100 * Self.KB
        app.events = events
        let bus = ResolvedService(service: Self.service("aws-bus", .events, [meter]), role: .events)
        #expect(cents(Self.price([bus], Self.workload(10e6, app)).servicesCost) == 20.00)
    }

    // Pub/Sub bills at least 1,000 bytes a message: 100M events of 512 B are billed 1e11 bytes =
    // 93.1322574615 GB at $40 per 1,024 GB (per TiB) = $3.6380.
    @Test func eventBytesWithAMinimumSize() {
        var meter = Meter(name: "throughput", measure: .eventBytes, per: 1024, price: TieredPrice(flat: 40))
        meter.minimumSize = 1000.0 / 1_073_741_824
        var app = Application(); var events = Application.EventUse(); events.perRequest = 1; events.sizeGB = 0.5 * Self.KB
        app.events = events
        let bus = ResolvedService(service: Self.service("gcp-pubsub", .events, [meter], provider: "gcp"), role: .events)
        let e = Self.price([bus], Self.workload(100e6, app))
        #expect(cents(e.servicesCost) == 3.64)
    }

    // Storage 20 GB × $0.25 = $5.00; with --free-tier its 25 GB allowance covers it.
    @Test func storageAndTheFreeAllowance() {
        let storage = Meter(name: "storage", measure: .storage, price: TieredPrice(flat: 0.25), free: 25)
        let db = ResolvedService(service: Self.service("aws-db", .data, [storage]), role: .data)
        var w = Self.workload(1e6, Self.data(storageGB: 20))
        #expect(cents(Self.price([db], w).servicesCost) == 5.00)
        w.freeTier = true
        #expect(Self.price([db], w).servicesCost == 0)
    }

    // Egress: 30M × 8 KiB = 245,760,000,000 B = 228.8818359375 GB, + 50 GB = 278.8818359375 GB;
    // 100 GB free (--free-tier), 178.8818359375 GB × $0.09 = $16.099 → $16.10.
    @Test func egressTiersAfterTheFreeAllowance() {
        let meter = Meter(name: "data out", measure: .egress, price: TieredPrice(tiers: [.init(upTo: 10240, price: 0.09), .init(upTo: .infinity, price: 0.085)]), free: 100)
        var app = Application(); app.responseSizeGB = 8 * Self.KB; app.egressGB = 50
        let egress = ResolvedService(service: Self.service("aws-egress", .egress, [meter]), role: .egress)
        var w = Self.workload(30e6, app)
        w.freeTier = true
        let e = Self.price([egress], w)
        #expect(cents(e.servicesCost) == 16.10)
        #expect(abs(e.services[0].lineItems[0].quantity - 178.8818359375) < 1e-9)
    }

    // A minimum billed quantity applies only when there is something to bill.
    @Test func minimumQuantity() {
        let meter = Meter(name: "data out", measure: .egress, price: TieredPrice(flat: 0.09), minimum: 1)
        var app = Application(); app.responseSizeGB = 1 * Self.KB
        let egress = ResolvedService(service: Self.service("aws-egress", .egress, [meter]), role: .egress)
        #expect(cents(Self.price([egress], Self.workload(1000, app)).servicesCost) == 0.09)
        #expect(Self.price([egress], Self.workload(0, app)).servicesCost == 0)
    }

    // MAU tiers: 60k users = 50k × $0.0055 + 10k × $0.0046 = $275.00 + $46.00 = $321.00.
    @Test func usersInTiers() {
        let meter = Meter(name: "MAU", measure: .users, price: TieredPrice(tiers: [.init(upTo: 50_000, price: 0.0055), .init(upTo: .infinity, price: 0.0046)]))
        var app = Application(); var users = Application.UserUse(); users.monthlyActive = 60_000; app.users = users
        let idp = ResolvedService(service: Self.service("aws-cognito", .identity, [meter]), role: .identity)
        #expect(cents(Self.price([idp], Self.workload(1e6, app)).servicesCost) == 321.00)
    }

    // Hours: $0.0225 an ALB-hour × 730 h = $16.425.
    @Test func hoursMeter() {
        let hours = Meter(name: "ALB-hours", measure: .hours, price: TieredPrice(flat: 0.0225))
        let alb = ResolvedService(service: Self.service("aws-alb", .frontDoor, [hours]), role: .frontDoor)
        #expect(abs(Self.price([alb], Self.workload(1e6, Application())).servicesCost - 16.425) < 1e-9)
    }

    static func aurora(autoPause: Bool, scaling: CapacityRule.Scaling = .hourly, maximum: Double? = nil) -> ResolvedService {
        var rule = CapacityRule(dimensions: [.init(measure: .requests, perUnit: 25)], step: 0.5, minimum: 0.5, maximum: maximum)
        rule.autoPause = autoPause
        rule.scaling = scaling
        let acu = Meter(name: "ACU-hours", measure: .capacity, price: TieredPrice(flat: 0.12), capacity: rule)
        return ResolvedService(service: service("aws-aurora", .data, [acu]), role: .data)
    }

    /// 10 req/s on average in business hours: 42 req/s for 40 of 168 hours, nothing otherwise.
    static var businessHours: Workload {
        var w = workload(10 * 730 * 3600, data(reads: 1))
        w.traffic = .businessHours
        return w
    }

    // Business hours: 42 req/s ÷ 25 = 1.68 → 2 ACU (0.5 steps) for 730 × 40/168 = 173.81 h = 347.62
    // ACU-hours; paused at night. 347.619 × $0.12 = $41.71.
    @Test func capacityLevelByLevelWithAutoPause() {
        #expect(cents(Self.price([Self.aurora(autoPause: true)], Self.businessHours).servicesCost) == 41.71)
    }

    // Without auto-pause the minimum 0.5 ACU runs the other 556.19 h: 347.619 + 278.095 =
    // 625.714 ACU-hours × $0.12 = $75.09.
    @Test func capacityMinimumWhenNotPaused() {
        #expect(cents(Self.price([Self.aurora(autoPause: false)], Self.businessHours).servicesCost) == 75.09)
    }

    // Sized for the peak: 2 ACU all 730 hours = 1,460 × $0.12 = $175.20.
    @Test func capacitySizedForThePeak() {
        #expect(cents(Self.price([Self.aurora(autoPause: false, scaling: .peak)], Self.businessHours).servicesCost) == 175.20)
    }

    // No step, no minimum: LCU-hours are linear in load whatever the shape (25 req/s average over a
    // diurnal day = 730 LCU-hours × $0.008 = $5.84).
    @Test func fractionalCapacityOverADiurnalDay() {
        let rule = CapacityRule(dimensions: [.init(measure: .requests, perUnit: 25), .init(measure: .processed, perUnit: 1)])
        let lcu = Meter(name: "LCU-hours", measure: .capacity, price: TieredPrice(flat: 0.008), capacity: rule)
        var w = Self.workload(25 * 730 * 3600, Application())
        w.traffic = .diurnal
        let alb = ResolvedService(service: Self.service("aws-alb", .frontDoor, [lcu]), role: .frontDoor)
        #expect(cents(Self.price([alb], w).servicesCost) == 5.84)
    }

    @Test func capacityAboveTheMaximumIsInfeasible() {
        let e = Self.price([Self.aurora(autoPause: true, maximum: 1)], Self.businessHours)
        #expect(!e.feasible)
        #expect(e.reasons == ["aws-aurora: needs 2 capacity units at the peak; its maximum is 1"])
    }

    // API Gateway HTTP times out at 30 s: a 31 s request cannot be served through it.
    @Test func serviceTimeoutMakesTheStackInfeasible() {
        let gateway = ResolvedService(service: Self.service("aws-api-gateway-http", .frontDoor, [Meter(name: "calls", measure: .requests, price: TieredPrice(flat: 0))],
                                                             limits: ServiceLimits(maxDuration: 30)), role: .frontDoor)
        var w = Self.workload(1e6, Application())
        w.duration = 31
        let e = Self.price([gateway], w)
        #expect(e.reasons == ["aws-api-gateway-http: duration 31s exceeds its 30s timeout"])
    }

    // 10M requests × 2 reads at a diurnal peak of 2×: 15.2 reads/s over a 10/s ceiling.
    @Test func throughputCeilingOfAProvisionedDatabase() {
        let db = ResolvedService(service: Self.service("aws-rds", .data, [Meter(name: "hours", measure: .hours, price: TieredPrice(flat: 0.065))],
                                                        capacityLimit: CapacityLimit(measure: .reads, perSecond: 10)), role: .data)
        var w = Self.workload(10e6, Self.data(reads: 2))
        w.traffic = .diurnal
        let e = Self.price([db], w)
        #expect(!e.feasible)
        #expect(e.reasons[0].hasPrefix("aws-rds: 15.22 reads per second at the peak exceeds its 10/s limit"))
    }

    // Data on AWS read from GCP compute: 1M requests × 2.5 operations × 4,096 B = 10,240,000,000 B
    // = 9.5367431640625 GB out of AWS at $0.09 = $0.858 → $0.86, beside the database's own charge.
    @Test func crossCloudTransfer() {
        let reads = Meter(name: "reads", measure: .reads, per: 1e6, price: TieredPrice(flat: 0.25))
        let egress = Self.service("aws-egress", .egress, [Meter(name: "data out", measure: .egress, price: TieredPrice(flat: 0.09))])
        let db = ResolvedService(service: Self.service("aws-db", .data, [reads]), role: .data, crossCloud: egress)
        let e = Self.price([db], Self.workload(1e6, Self.data(reads: 2, writes: 0.5, itemKB: 4)), offering: Fixtures.cloudRun)
        let items = e.services[0].lineItems
        #expect(items.map(\.name) == ["reads", "cross-cloud transfer (aws-egress)"])
        #expect(cents(items[1].cost) == 0.86)
        #expect(abs(items[1].quantity - 9.5367431640625) < 1e-12)
    }

    @Test func scopes() {
        let hours = Meter(name: "hours", measure: .hours, price: TieredPrice(flat: 0.1))
        let alb = ResolvedService(service: Self.service("aws-alb", .frontDoor, [hours]), role: .frontDoor)
        let db = ResolvedService(service: Self.service("aws-db", .data, [hours]), role: .data)
        var w = Self.workload(1e6, Self.data(reads: 1))
        let application = Self.price([alb, db], w)
        #expect(cents(application.servicesCost) == 146.00)
        #expect(application.scope == .application)
        w.scope = .compute
        let compute = Self.price([alb, db], w)
        #expect(compute.services.isEmpty && compute.scope == .compute)
        #expect(abs(compute.monthlyCost - application.computeCost) < 1e-9)
        w.scope = .data
        let data = Self.price([alb, db], w)
        #expect(data.computeCost == 0 && cents(data.monthlyCost) == 73.00 && data.services.map(\.id) == ["aws-db"])
    }

    @Test func noApplicationSectionCostsNothing() {
        let hours = Meter(name: "hours", measure: .hours, price: TieredPrice(flat: 0.1))
        var o = Fixtures.lambdaX86
        o.services = [ResolvedService(service: Self.service("aws-alb", .frontDoor, [hours]), role: .frontDoor)]
        let w = Fixtures.workload(1e6, 0.1, 128)
        let with = Estimator.estimate(o, w), without = Estimator.estimate(Fixtures.lambdaX86, w)
        #expect(with.monthlyCost == without.monthlyCost && with.lineItems == without.lineItems && with.notes == without.notes)
        #expect(with.services.isEmpty && with.scope == .compute)
    }
}

/// Stack resolution: defaults from the table, pins, none, function URLs, errors.
@Suite struct StackResolutionTests {
    static let meter = Meter(name: "m", measure: .requests, price: TieredPrice(flat: 0))
    static func s(_ id: String, _ c: ServiceCategory, _ provider: String = "aws") -> Service {
        ApplicationBillingTests.service(id, c, [meter], provider: provider)
    }
    static let services = [s("aws-apigw", .frontDoor), s("aws-url", .frontDoor), s("aws-ddb", .data), s("aws-aurora", .data),
                           s("aws-egress", .egress), s("gcp-firestore", .data, "gcp"), s("gcp-egress", .egress, "gcp")]
    static var lambda: Offering {
        var o = Fixtures.lambdaX86
        o.stack = Stack(frontDoor: "aws-apigw", functionURL: "aws-url", data: "aws-ddb", egress: "aws-egress")
        return o
    }
    static let index = StackResolution.Index(services: services, stacks: [lambda])

    static func app(front: ServiceChoice = .auto, data: ServiceChoice? = nil, response: Double = 0) -> Application {
        var a = Application()
        a.frontDoor = front
        a.responseSizeGB = response
        if let data { var d = Application.DataUse(); d.service = data; d.readsPerRequest = 1; a.data = d }
        return a
    }

    func ids(_ o: Offering) -> [String] { o.services.map(\.service.id) }

    @Test func autoTakesTheStack() throws {
        let o = try StackResolution.resolve(Self.lambda, Self.app(data: .auto, response: 0.001), Self.index)
        #expect(ids(o) == ["aws-apigw", "aws-ddb", "aws-egress"])
        #expect(o.services.map(\.role) == [.frontDoor, .data, .egress])
    }

    @Test func pinsNoneAndFunctionURL() throws {
        #expect(ids(try StackResolution.resolve(Self.lambda, Self.app(front: .none, data: .id("aws-aurora")), Self.index)) == ["aws-aurora"])
        #expect(ids(try StackResolution.resolve(Self.lambda, Self.app(front: .functionURL), Self.index)) == ["aws-url"])
        #expect(ids(try StackResolution.resolve(Self.lambda, nil, Self.index)).isEmpty)
    }

    @Test func crossCloudDataGetsItsProvidersEgress() throws {
        let o = try StackResolution.resolve(Self.lambda, Self.app(data: .id("gcp-firestore")), Self.index)
        #expect(o.services[1].crossCloud?.id == "gcp-egress")
        let same = try StackResolution.resolve(Self.lambda, Self.app(data: .auto), Self.index)
        #expect(same.services[1].crossCloud == nil)
    }

    @Test func errors() {
        #expect(throws: StackError.unknownService(id: "aws-dynamo", key: .data)) {
            try StackResolution.resolve(Self.lambda, Self.app(data: .id("aws-dynamo")), Self.index)
        }
        #expect(throws: StackError.wrongCategory(id: "aws-apigw", key: .data, category: .frontDoor)) {
            try StackResolution.resolve(Self.lambda, Self.app(data: .id("aws-apigw")), Self.index)
        }
        #expect(throws: StackError.noFunctionURL(offering: "azure-functions-consumption")) {
            try StackResolution.resolve(Fixtures.azureConsumption, Self.app(front: .functionURL), Self.index)
        }
    }

    // In a ranking, an offering without a function URL or a default is infeasible with the reason.
    @Test func missingDefaultsInARanking() throws {
        let url = try StackResolution.resolve(Fixtures.azureConsumption, Self.app(front: .functionURL), Self.index, alone: false)
        #expect(url.serviceProblem == .noFunctionURL)
        let noData = try StackResolution.resolve(Fixtures.azureConsumption, Self.app(data: .auto), Self.index)
        #expect(noData.serviceProblem == .noDefaultService(key: "data"))
        var w = Fixtures.workload(1e6, 0.1, 128)
        w.application = Self.app(data: .auto)
        #expect(!Estimator.estimate(noData, w).feasible)
        // A front door left out of the stack is built in: no service, a note.
        w.application = Self.app()
        let builtIn = try StackResolution.resolve(Fixtures.azureConsumption, Self.app(), Self.index)
        #expect(builtIn.services.isEmpty && Estimator.estimate(builtIn, w).notes.contains("front door: built in, no charge"))
    }
}
