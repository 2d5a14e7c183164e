import Foundation
import RunCostBundledTables
import RunCostCore
@testable import RunCostFiles
import Testing
import RunCostTestSupport

/// The tables compiled into the binary are exactly pricing/*.yaml: same text, same decoded offerings.
@Suite struct BundledTablesTests {
    static let pricing = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("pricing").path

    @Test func compiledTextIsThePricingFolder() throws {
        let onDisk = try EmbeddedTable.read(folder: Self.pricing)
        #expect(onDisk.contains { $0.name == "aws.yaml" } && onDisk.contains { $0.name == "cold-starts.yaml" })
        #expect(BundledTables.tables.map(\.name) == onDisk.map(\.name))
        for (compiled, file) in zip(BundledTables.tables, onDisk) {
            #expect(compiled.text == file.text, "\(file.name) differs from the compiled copy")
        }
    }

    @Test func compiledOfferingsEqualTheDecodedYAML() throws {
        let decoded = try Catalog.load([Self.pricing]).offerings
        let compiled = BundledTables.catalog().offerings   // cold-start rows attached, as Catalog.load does
        #expect(compiled.count == decoded.count)
        #expect(compiled.map(\.id) == decoded.map(\.id))
        // Offering is Equatable over every stored field, so this compares every price, limit and date.
        for (c, d) in zip(compiled, decoded) { #expect(c == d, "\(d.id) differs between YAML and the compiled catalog") }
        // Spot-check one value by hand: Lambda x86's first GB-second tier (pricing/aws.yaml).
        let lambda = try #require(compiled.first { $0.id == "aws-lambda-x86" })
        guard case .perRequest(let p) = lambda.billing else { Issue.record("aws-lambda-x86 is not per-request"); return }
        #expect(p.gbSecond?.tiers.first?.price == 0.0000166667)
        #expect(p.requestPrice == 0.2 / 1e6)
    }

    @Test func bundledLayerIsNamedAndCanBeOverridden() throws {
        let catalog = BundledTables.catalog()
        #expect(catalog.layers.map(\.path) == ["<bundled>"])
        #expect(catalog.layers[0].offeringIDs.count == catalog.offerings.count)
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("aws.yaml").path
        try """
        provider: aws
        currency: USD
        offerings:
          - {id: aws-lambda-x86, name: Cheap Lambda, kind: serverless, region: us-east-1, as_of: 2026-01-01, source: "https://e.com", billing: {model: per-request, per_million_requests: 0.1}}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let layered = try Catalog.load([path], over: catalog)
        #expect(layered.offerings.count == catalog.offerings.count)
        #expect(layered.offering("aws-lambda-x86")?.name == "Cheap Lambda")
        #expect(layered.layers.map(\.path) == ["<bundled>", path])
    }

    @Test func badTableFailsTheBuildNamingItsFile() {
        let bad = EmbeddedTable(name: "acme.yaml", text: """
        provider: acme
        currency: USD
        offerings:
          - {id: acme-box, name: Box, kind: vm, region: r, as_of: 2026-01-01, source: "https://e.com", billing: {model: provisioned, hourly: eight cents, vcpu: 1, memory: 1GB}}
        """)
        #expect(throws: InputError(.file("pricing/acme.yaml", line: 4, column: 134), "hourly: expected a number, got 'eight cents'")) {
            try CatalogSwiftSource.generate([bad], folder: "pricing")
        }
        // The same table decoded at run time (pricing validate) names the bundled folder.
        #expect(throws: InputError(.file("<bundled>/acme.yaml", line: 4, column: 134), "hourly: expected a number, got 'eight cents'")) {
            try Catalog.decode([bad], folder: "<bundled>")
        }
    }

    @Test func swiftLiteralsReadBackExactly() {
        #expect(CatalogSwiftSource.literal("a \"b\" \\ c\nd\té\u{1b}") == #""a \"b\" \\ c\nd\té\u{1b}""#.replacingOccurrences(of: "é", with: "\\u{e9}"))
        #expect(CatalogSwiftSource.number(0.1 + 0.2) == "0.30000000000000004")
        #expect(CatalogSwiftSource.number(1.66667e-05) == "1.66667e-05")
        #expect(CatalogSwiftSource.number(Double.infinity) == "Double.infinity")
        #expect(CatalogSwiftSource.number(nil) == "nil")
    }

    /// Fields are found by reflection: every stored property is written, the pricing families by
    /// assignment, everything else through its initialiser, the date behind a checked guard.
    @Test func offeringSourceWritesEveryStoredField() throws {
        var p = ProvisionedPricing(rate: .perInstanceHour(0.0208, vcpu: 2, memoryMiB: 2048))
        p.monthlyCap = 15.18
        let offering = Offering(id: "acme-box", name: "Box \"1\"", provider: "acme", kind: .vm, region: "r",
                                asOf: try #require(CalendarDate(year: 2026, month: 2, day: 28)), source: "https://e.com",
                                arch: .arm, billing: .provisioned(p), limits: Limits(maxVCPU: 2))
        #expect(try CatalogSwiftSource.function("box", offering) == """
        private func box() -> Offering? {
            guard let v0 = CalendarDate(year: 2026, month: 2, day: 28) else { return nil }
            var v1 = RunCostCore.ProvisionedPricing(rate: RunCostCore.ProvisionedPricing.Rate.perInstanceHour(0.0208, vcpu: 2.0, memoryMiB: 2048.0))
            v1.monthlyCap = 15.18
            v1.billingIncrementHours = 0.0002777777777777778
            v1.minimumBilledHours = 0.0
            v1.fixedMonthlyFee = 0.0
            v1.fixedFeeName = "Fixed monthly fee"
            v1.minInstances = 1.0
            var v8 = RunCostCore.ProvisionedRules()
            var v9 = RunCostCore.ProvisionedRules.Values()
            v9.burstable = nil
            v9.reservedMemoryMiB = 0.0
            v9.maxInstances = nil
            v9.autoscaling = true
            v9.bootDisk = nil
            v9.publicIPv4Hour = 0.0
            v9.ephemeralStorage = nil
            v9.sustainedUse = nil
            v9.jobs = nil
            v9.free = RunCostCore.ProvisionedRules.Free(instanceHours: 0.0, vcpuSeconds: 0.0, gbSeconds: 0.0, diskGBMonths: 0.0, credit: 0.0)
            v9.managementFee = 0.0
            v9.requestPrice = 0.0
            v9.prewarmedInstances = 0.0
            v9.instanceLifetime = 0.0
            v8.values = v9
            v1.rules = v8
            return RunCostCore.Offering(id: "acme-box", name: "Box \\"1\\"", provider: "acme", kind: RunCostCore.OfferingKind.vm, \
        region: "r", currency: "USD", asOf: v0, source: "https://e.com", verified: true, notes: "", arch: RunCostCore.Arch.arm, \
        billing: RunCostCore.BillingModel.provisioned(v1), limits: RunCostCore.Limits(maxDuration: nil, maxCPUTime: nil, \
        maxMemoryMiB: nil, maxVCPU: 2.0, maxConcurrency: nil, maxPayloadKiB: nil), commitments: [], spot: nil, onDemandOnly: false, \
        coldStart: nil, stack: RunCostCore.Stack(ids: [nil, nil, nil, nil, nil, nil, nil]), services: [], serviceProblem: nil)
        }

        """)
    }

    @Test func exportWritesEveryTableAndRefusesToReplace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("runcost-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("tables").path
        try TableExport.write(BundledTables.tables, to: target, overwrite: false)
        #expect(try EmbeddedTable.read(folder: target) == BundledTables.tables)
        #expect(try Catalog.load([target]).offerings == BundledTables.catalog().offerings)

        // An edited table is never replaced without --force, and nothing else is written either.
        let aws = (target as NSString).appendingPathComponent("aws.yaml")
        let gcp = (target as NSString).appendingPathComponent("gcp.yaml")
        try "edited".write(toFile: aws, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: gcp)
        #expect(throws: InputError(.wholeFile(aws), "already exists; give --force to replace it")) {
            try TableExport.write(BundledTables.tables, to: target, overwrite: false)
        }
        #expect(try String(contentsOfFile: aws, encoding: .utf8) == "edited")
        #expect(!FileManager.default.fileExists(atPath: gcp))
        try TableExport.write(BundledTables.tables, to: target, overwrite: true)
        #expect(try EmbeddedTable.read(folder: target) == BundledTables.tables)
        // No temporary files are left beside the tables.
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == BundledTables.tables.map(\.name))
    }
}
