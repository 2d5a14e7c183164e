import Foundation
import Testing
import RunCostCore
import RunCostTestSupport
@testable import RunCostFiles

/// Cold-start tables: the bundled rows reach their offerings, later layers win, and bad rows are
/// located errors.
@Suite struct ColdStartLoaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try ScratchFolder.create()
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    static let row = """
        cold_starts:
          - platform: Test platform
            category: faas
            offerings: [aws-lambda-*]
            keep_alive: 7min
            keep_alive_source: https://example.com/keep-alive
            start_up: { python: 90ms, any: 1s }
            source: https://example.com/start-up
        """

    @Test func bundledRowsReachTheirOfferings() throws {
        let catalog = try Catalog.load([Self.root.appendingPathComponent("pricing").path])
        let lambda = try #require(catalog.offering("aws-lambda-x86")?.coldStart)
        #expect(lambda.keepAlive == 300)
        #expect(lambda.instanceConcurrency == 1)
        #expect(lambda.startUp[.python] == 0.085)
        #expect(lambda.startUpBillingSource != nil)
        #expect(catalog.offering("aws-ec2-t3.micro")?.coldStart?.startUpAnyRuntime == 26)
        #expect(catalog.offering("cloudflare-workers-standard")?.coldStart?.keepAlive == .infinity)
        // The paused-database row names no offering but is part of the start-up comparison.
        #expect(catalog.coldStarts.contains { $0.category == .database })
    }

    @Test func aLaterLayerWins() throws {
        let dir = try folder(["warm.yaml": Self.row])
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try Catalog.load([Self.root.appendingPathComponent("pricing").path, dir.path])
        let profile = try #require(catalog.offering("aws-lambda-arm")?.coldStart)
        #expect(profile.platform == "Test platform")
        #expect(profile.keepAlive == 420)
        #expect(profile.startUp(for: .python) == 0.09)
        #expect(profile.startUp(for: .java) == 1)
        #expect(profile.startUp(for: nil) == 1)
    }

    @Test(arguments: [
        ("start_up: { python: 90ms, any: 1s }", "start_up: { pyhton: 90ms }", "7:17", "unknown field 'pyhton' in start_up (did you mean 'python'?)"),
        ("keep_alive: 7min", "keep_alive: -7min", "5:17", "keep_alive"),
        ("keep_alive: 7min", "keep_alive: soon", "5:17", "keep_alive"),
        ("category: faas", "category: lambda", "3:15", "category: expected one of faas, container, paas, vm, database"),
        ("    keep_alive_source: https://example.com/keep-alive\n", "", "2:5", "needs keep_alive_source"),
        ("source: https://example.com/start-up", "source: maxday", "8:13", "source: expected the URL"),
        ("offerings: [aws-lambda-*]", "offerings: [AWS Lambda]", "4:17", "offerings: expected an offering id"),
        ("start_up: { python: 90ms, any: 1s }", "start_up: { python: 90ms }\n    start_up_billed: https://example.com/bill\n    retries: 3", "9:5", "unknown field 'retries'"),
    ])
    func badRowsAreLocated(_ args: (String, String, String, String)) throws {
        let (from, to, place, message) = args
        let text = Self.row.replacingOccurrences(of: from, with: to)
        #expect(text != Self.row)
        let dir = try folder(["warm.yaml": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("warm.yaml").path
        do {
            _ = try Catalog.load([dir.path])
            Issue.record("loaded a bad row: \(to)")
        } catch let error as InputError {
            #expect(error.description.hasPrefix("\(path):\(place): "), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func billedStartUpNeedsStartUpTimes() throws {
        let text = """
            cold_starts:
              - platform: P
                category: faas
                keep_alive: never
                source: https://example.com
                start_up_billed: https://example.com/bill
            """
        let dir = try folder(["warm.yaml": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: InputError.self) { try Catalog.load([dir.path]) }
    }

    /// Provisioned Concurrency and SnapStart blocks of a per-request table are checked like the rest.
    @Test func keepWarmBlocksAreValidated() throws {
        func table(_ block: String) -> String {
            """
            provider: aws
            currency: USD
            offerings:
              - id: aws-fn
                name: Fn
                kind: serverless
                region: us-east-1
                as_of: 2025-10-01
                source: https://aws.amazon.com/lambda/pricing/
                billing:
                  model: per-request
                  gb_second: 0.0000166667
                  \(block)
            """
        }
        let good = try folder(["aws.yaml": table("provisioned_concurrency: { gb_second: 0.0000041667, duration_gb_second: 0.0000097222 }")])
        defer { try? FileManager.default.removeItem(at: good) }
        guard case .perRequest(let p) = try Catalog.load([good.path]).offerings[0].billing else { Issue.record("not per-request"); return }
        #expect(p.provisionedConcurrency == ProvisionedConcurrencyPricing(gbSecond: 0.0000041667, durationGBSecond: 0.0000097222, increment: 300))

        for (block, message) in [
            ("provisioned_concurrency: { gb_second: 0.0000041667, duration: 0.0000097222 }", "13:32: provisioned_concurrency is missing the required field 'duration_gb_second'"),
            ("snapstart: { cache_gb_second: 0.0000015046, restore_gb: free }", "restore_gb: expected a number"),
            ("snapstart: { cache_gb_second: 0.0000015046, restore_gb: 0.00014, restores: 3 }", "unknown field 'restores' in snapstart"),
        ] {
            let bad = try folder(["aws.yaml": table(block)])
            defer { try? FileManager.default.removeItem(at: bad) }
            #expect(throws: InputError.self) { try Catalog.load([bad.path]) }
            do { _ = try Catalog.load([bad.path]) } catch let error as InputError {
                #expect(error.description.contains(message), "\(error)")
                #expect(error.description.hasPrefix(bad.appendingPathComponent("aws.yaml").path + ":13:"), "\(error)")
            }
        }
    }

    @Test func runtimeFieldSuggestsTheNearestName() throws {
        var spec = WorkloadSpec()
        spec.override(.requests, "1M")
        spec.override(.duration, "100ms")
        spec.override(.memory, "512MB")
        spec.override(.runtime, "nodejs")
        #expect(throws: InputError(.flag("--runtime"), "runtime: expected one of python, node, java, go, rust, dotnet, container, got 'nodejs' (did you mean 'node'?)")) {
            try spec.build()
        }
        spec.override(.runtime, "go")
        #expect(try spec.build().runtime == .go)
    }
}
