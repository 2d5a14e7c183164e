import Foundation
import Testing
import RunCostCore
import RunCostTestSupport
@testable import RunCostFiles

/// Saved workloads and price overrides must load back to exactly what was saved.
@Suite struct WriterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func roundTrip(_ w: Workload, name: String? = nil, description: String? = nil, tracePath: String? = nil) throws -> (Workload, WorkloadSpec) {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("saved.yaml").path
        try WorkloadWriter.yaml(w, name: name, description: description, tracePath: tracePath, comment: "saved by a test")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let spec = try WorkloadSpec(file: path)
        return (try spec.build(), spec)
    }

    @Test(arguments: ["api.yaml", "etl.yaml", "image-resize.yaml", "iot.yaml", "long-task.yaml", "steady-api.yaml"])
    func exampleWorkloadsRoundTrip(_ file: String) throws {
        let spec = try WorkloadSpec(file: Self.root.appendingPathComponent("examples/\(file)").path)
        let original = try spec.build()
        let (back, backSpec) = try roundTrip(original, name: spec.name, description: spec.value(.description)?.text)
        #expect(back == original)
        #expect(backSpec.name == spec.name)
        #expect(backSpec.value(.description)?.text == spec.value(.description)?.text)
    }

    @Test func everyFieldRoundTripsExactly() throws {
        var w = Workload(requestsPerMonth: 41_300_017.5, duration: 0.123456789, memoryMiB: 1536,
                         cpuTime: 0.0153, concurrency: 7, traffic: .bursty, peakToAverage: 12.5)
        w.vcpu = 0.25; w.arch = .arm; w.ephemeralStorageMiB = 2048; w.payloadKiB = 256
        w.hoursPerMonth = 176; w.instances = 3; w.minInstances = 1; w.targetUtilization = 0.65
        w.fixedFleet = true; w.freeTier = true
        w.run = .job; w.diskMiB = 20 * 1024; w.publicIP = false
        let (back, spec) = try roundTrip(w, name: "no: \"quoted\" # not a comment", description: "line one\nline two")
        #expect(back == w)
        #expect(spec.name == "no: \"quoted\" # not a comment")
        #expect(spec.value(.description)?.text == "line one\nline two")
    }

    // A saved what-if keeps its application section (every choice and volume) exactly.
    @Test func applicationRoundTrips() throws {
        var w = Workload(requestsPerMonth: 30e6, duration: 0.12, memoryMiB: 512)
        var app = Application()
        app.frontDoor = .functionURL
        app.responseSizeGB = 8.0 / 1_048_576
        app.egressGB = 50
        var data = Application.DataUse()
        data.service = .id("aws-aurora-serverless-v2"); data.readsPerRequest = 2; data.writesPerRequest = 0.5
        data.itemSizeGB = 2.0 / 1_048_576; data.storageGB = 20
        var events = Application.EventUse(); events.service = .none; events.perRequest = 1.5; events.sizeGB = 3.0 / 1_048_576
        var users = Application.UserUse(); users.monthlyActive = 40_000
        var hosting = Application.HostingUse(); hosting.storageGB = 1; hosting.transferGB = 100
        app.data = data; app.events = events; app.users = users; app.hosting = hosting
        w.application = app
        w.scope = .data
        let (back, _) = try roundTrip(w)
        #expect(back.application == w.application)
        #expect(back.scope == .data)
    }

    @Test func humanUnitsWhenExact() throws {
        let w = Workload(requestsPerMonth: 30e6, duration: 0.12, memoryMiB: 512, cpuTime: 0.015)
        let text = try WorkloadWriter.yaml(w)
        #expect(text.contains("requests: 30M\n"))
        #expect(text.contains("duration: 120ms\n"))
        #expect(text.contains("cpu_time: 15ms\n"))
        #expect(text.contains("memory: 512MB\n"))
        #expect(try WorkloadWriter.yaml(Workload(requestsPerMonth: 2e9, duration: 90, memoryMiB: 1536)).contains("duration: 1.5min\n"))
        #expect(try WorkloadWriter.yaml(Workload(requestsPerMonth: 2e9, duration: 90, memoryMiB: 1536)).contains("memory: 1.5GB\n"))
    }

    @Test func traceWorkloadKeepsItsTraceFile() throws {
        let spec = try WorkloadSpec(file: Self.root.appendingPathComponent("examples/traced-api.yaml").path)
        let original = try spec.build()
        let trace = Self.root.appendingPathComponent("examples/trace.csv").path
        let (back, _) = try roundTrip(original, tracePath: trace)
        #expect(back == original)
        #expect(throws: InputError.self) { try WorkloadWriter.yaml(original) }
    }

    @Test func bundledPricingRoundTrips() throws {
        let catalog = try Catalog.load([Self.root.appendingPathComponent("pricing").path])
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tables = PricingWriter.tables(catalog.offerings, comment: "round trip")
        #expect(Set(tables.map(\.provider)) == Set(catalog.offerings.map(\.provider)))
        for table in tables {
            try table.text.write(toFile: dir.appendingPathComponent("\(table.provider).yaml").path, atomically: true, encoding: .utf8)
        }
        let back = try Catalog.load([dir.path])
        #expect(back.offerings.count == catalog.offerings.count)
        for var o in catalog.offerings {
            // Cold-start rows live in their own table (pricing/cold-starts.yaml), not written here.
            o.coldStart = nil
            #expect(back.offering(o.id) == o, "\(o.id) changed in the round trip")
        }
    }

    @Test func scaledPricesOverrideTheBundledLayer() throws {
        let bundled = Self.root.appendingPathComponent("pricing").path
        let catalog = try Catalog.load([bundled])
        let edited = catalog.offerings.filter { $0.provider == "aws" }.prefix(3).map { $0.scalingPrices(by: 0.8) }
        let tables = PricingWriter.tables(Array(edited))
        #expect(tables.count == 1)
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("prices.yaml").path
        try tables[0].text.write(toFile: path, atomically: true, encoding: .utf8)
        let layered = try Catalog.load([bundled, path])
        #expect(layered.offerings.count == catalog.offerings.count)
        let w = Workload(requestsPerMonth: 30e6, duration: 0.12, memoryMiB: 512)
        for o in edited {
            #expect(layered.offering(o.id) == o)
            let before = Estimator.monthlyCost(catalog.offering(o.id)!, w), after = Estimator.monthlyCost(layered.offering(o.id)!, w)
            if let before, let after, before > 0 { #expect(abs(after / before - 0.8) < 1e-9) }
        }
    }

    @Test func exactScalars() {
        #expect(YAMLText.number(3) == "3")
        #expect(YAMLText.number(0.1) == "0.1")
        #expect(YAMLText.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
        for price in [0.2 / 1e6, 0.0000166667, 0.3 / 1e6, 1.0 / 3] {
            let text = YAMLText.scaledPrice(price, times: 1e6)
            #expect(Double(text)! / 1e6 == price)
        }
    }
}
