import Foundation
import Testing
import RunCostCore
import RunCostFiles
@testable import RunCostTUI

/// The application pane: its inputs appear only with an application section, step and type like
/// the workload's, and the totals follow the scope.
@Suite struct ApplicationPaneTests {
    static func model() throws -> Model {
        let reads = Meter(name: "reads", measure: .reads, per: 1e6, price: TieredPrice(flat: 0.25))
        let date = try #require(CalendarDate(year: 2026, month: 9, day: 20))
        let db = Service(id: "aws-kv", name: "KV", provider: "aws", category: .data, region: "us-east-1", currency: "USD",
                         asOf: date, source: "https://e.com", verified: true, notes: "", limits: ServiceLimits(), meters: [reads],
                         capacityLimit: nil)
        var lambda = try #require(Fixture.catalog.offerings.first { $0.id == "aws-lambda-arm" })
        lambda.services = [ResolvedService(service: db, role: .data)]
        var w = try WorkloadSpec(file: Fixture.root.appendingPathComponent("examples/api.yaml").path).build()
        var app = Application()
        var data = Application.DataUse()
        data.readsPerRequest = 2
        app.data = data
        app.frontDoor = .none
        w.application = app
        let session = Session(offerings: [lambda], today: Fixture.today)
        return Model(session: session, workload: w)
    }

    func cost(_ m: Model) -> Double { m.analysis.estimates[0].monthlyCost }

    @Test func fieldsOnlyWithAnApplicationSection() throws {
        let m = try Self.model()
        let fields = InputField.visible(for: m.workload)
        #expect(fields.suffix(5) == [.scope, .responseSize, .readsPerRequest, .writesPerRequest, .storage])
        #expect(!fields.contains(.monthlyActiveUsers) && !fields.contains(.eventsPerRequest))
        #expect(InputField.visible(for: try Fixture.model().workload).last == .commitment)
        #expect(Fixture.text(m, 100, 40).contains("reads/req"))
    }

    // 30M requests: 2 reads = 60M × $0.25/1M = $15.00; → 2.5 reads = 75M = $18.75 (+$3.75);
    // typing 4 = 120M = $30.00 (+$15.00 over 2).
    @Test func steppingAndTypingReads() throws {
        let m = try Self.model()
        let index = try #require(InputField.visible(for: m.workload).firstIndex(of: .readsPerRequest))
        let on = try #require(Fixture.press(m, Array(repeating: .down, count: index)))
        #expect(on.field == .readsPerRequest)
        #expect(on.analysis.parameter == .readsPerRequest)
        let up = try #require(Fixture.press(on, [.right]))
        #expect(up.workload.application?.data?.readsPerRequest == 2.5)
        #expect(abs(cost(up) - cost(m) - 3.75) < 1e-9)
        let typed = try #require(Fixture.press(on, [.enter] + Fixture.type("4") + [.enter]))
        #expect(typed.workload.application?.data?.readsPerRequest == 4)
        #expect(abs(cost(typed) - cost(m) - 15) < 1e-9)
    }

    // The scope steps application → compute → data: compute drops the $15.00 of reads, data keeps only them.
    @Test func scopeChangesTheTotals() throws {
        let m = try Self.model()
        let index = try #require(InputField.visible(for: m.workload).firstIndex(of: .scope))
        let on = try #require(Fixture.press(m, Array(repeating: .down, count: index)))
        let compute = try #require(Fixture.press(on, [.right]))
        #expect(compute.workload.scope == .compute)
        #expect(abs(cost(m) - cost(compute) - 15) < 1e-9)
        let data = try #require(Fixture.press(compute, [.right]))
        #expect(data.workload.scope == .data)
        #expect(abs(cost(data) - 15) < 1e-9)
        let bad = try #require(Fixture.press(on, [.enter] + Fixture.type("everything") + [.enter]))
        #expect(bad.workload.scope == .application)
    }
}
