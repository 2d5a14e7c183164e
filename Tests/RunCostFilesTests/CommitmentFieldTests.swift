import Foundation
import Testing
import RunCostTestSupport
import RunCostCore
@testable import RunCostFiles

/// `commitments:` and `spot:` are table data: read with their source and date, validated with
/// `file:line:column` errors; the workload's `commitment` fields likewise.
@Suite struct CommitmentFieldTests {
    static func table(_ extra: String) -> String {
        AcmeTable.offering("acme-vm", name: "Acme VM", kind: "vm", """
            billing: { model: provisioned, hourly: 0.1, vcpu: 2, memory: 4GB }
        \(extra)
        """)
    }

    func load(_ extra: String) throws -> Catalog {
        let dir = try ScratchFolder.create()
        let path = dir.appendingPathComponent("acme.yaml").path
        try Self.table(extra).write(toFile: path, atomically: true, encoding: .utf8)
        return try Catalog.load([path])
    }

    @Test func readsPlansAndSpot() throws {
        let catalog = try load("""
            commitments:
              - { plan: sp, name: Savings Plan, discount: {1y: 28%, 3y: 0.46}, source: https://acme.example/sp, as_of: 2026-03-01, verified: true }
              - { plan: ri, name: Reserved, basis: instances, discount: {3y: 60%}, source: https://acme.example/ri, as_of: 2026-03-02, verified: false }
            spot: { discount: 70%, source: https://acme.example/spot, as_of: 2026-04-01, verified: false }
        """)
        let o = try #require(catalog.offering("acme-vm"))
        #expect(o.commitments.count == 2)
        #expect(o.commitments[0].discounts == [.oneYear: 0.28, .threeYear: 0.46])
        #expect(o.commitments[1].basis == .instances)
        #expect(o.commitments[1].asOf.description == "2026-03-02")
        #expect(o.spot?.discount == 0.7)
        #expect(o.commitmentPlan(for: CommitmentChoice(term: .threeYear))?.id == "ri")
        #expect(o.commitmentPlan(for: CommitmentChoice(term: .oneYear))?.id == "sp")
    }

    @Test(arguments: [
        ("    commitments: [{ plan: sp, name: SP, discount: {1y: 120%}, source: https://a.example, as_of: 2026-01-01, verified: true }]",
         "11:56: discount 1y: '120%' is out of range"),
        ("    commitments: [{ plan: sp, name: SP, discount: {2y: 20%}, source: https://a.example, as_of: 2026-01-01, verified: true }]",
         "11:52: unknown field '2y'"),
        ("    commitments: [{ plan: sp, name: SP, discount: {1y: 20%}, as_of: 2026-01-01, verified: true }]",
         "a commitment is missing the required field 'source'"),
        ("    commitments: [{ plan: sp, name: SP, discount: {1y: 20%}, source: https://a.example, as_of: 2026-01-01 }]",
         "a commitment is missing the required field 'verified'"),
        ("    spot: { discount: 70%, source: https://a.example, as_of: soon, verified: false }",
         "11:62: as_of: expected a date YYYY-MM-DD"),
    ])
    func badFieldsNameTheirPlace(line: String, expected: String) throws {
        do {
            _ = try load(line)
            Issue.record("accepted: \(line)")
        } catch let error as InputError {
            #expect(error.description.contains(expected), "got: \(error.description)")
        }
    }

    @Test func workloadFieldsRoundTrip() throws {
        var spec = WorkloadSpec()
        for (field, value) in [(WorkloadField.requests, "1M"), (.duration, "100ms"), (.memory, "512MB"),
                               (.commitment, "3y"), (.commitmentPlan, "sp"), (.commitAmount, "0.25")] {
            spec.override(field, value)
        }
        let w = try spec.build()
        #expect(w.commitment == CommitmentChoice(term: .threeYear, plan: "sp", amountPerHour: 0.25))
        let yaml = try WorkloadWriter.yaml(w)
        #expect(yaml.contains("commitment: 3y\n") && yaml.contains("commit_amount: 0.25\n"))
    }

    @Test func unknownTermSuggestsAndSpotExcludesCommitment() throws {
        var spec = WorkloadSpec()
        for (field, value) in [(WorkloadField.requests, "1M"), (.duration, "100ms"), (.memory, "512MB"), (.commitment, "3yr")] {
            spec.override(field, value)
        }
        #expect(throws: InputError.self) { try spec.build() }
        do { _ = try spec.build() } catch let e as InputError { #expect(e.description.contains("did you mean '3y'")) }
        spec.override(.commitment, "1y")
        spec.override(.spot, "true")
        do { _ = try spec.build(); Issue.record("spot with a commitment accepted") } catch let e as InputError {
            #expect(e.description.contains("--spot"))
        }
    }
}
