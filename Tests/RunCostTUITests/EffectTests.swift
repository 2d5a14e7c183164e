import Foundation
import Testing
import RunCostCore
import RunCostFiles
import RunCostTestSupport
@testable import RunCostTUI

/// Saving and exporting: `update` only asks, `perform` writes, `completing` reports back.
@Suite struct EffectTests {
    @Test func saveAsksForANameThenRequestsTheEffect() throws {
        let m = try Fixture.model()
        let prompt = try #require(Fixture.press(m, [.character("s")]))
        #expect(prompt.mode == .prompt(.saveWorkload, text: "api-whatif.yaml", error: nil))
        #expect(Fixture.text(prompt).contains("Save workload as: api-whatif.yaml"))
        let asked = try #require(Fixture.press(prompt, [.enter]))
        #expect(asked.pendingEffect == .saveWorkload(path: "api-whatif.yaml", overwrite: false))
        #expect(asked.mode == .normal)
        // The effect is requested once: the next key clears it.
        #expect(try #require(update(asked, .down)).pendingEffect == nil)
        let renamed = try #require(Fixture.press(m, [.character("s"), .ctrl("u")] + Fixture.type("mine.yaml") + [.enter]))
        #expect(renamed.pendingEffect == .saveWorkload(path: "mine.yaml", overwrite: false))
        let empty = try #require(Fixture.press(m, [.character("s"), .ctrl("u"), .enter]))
        #expect(empty.pendingEffect == nil)
        #expect(try #require(Fixture.press(m, [.character("x")])).mode == .prompt(.exportCSV, text: "api-compare.csv", error: nil))
    }

    @Test func savedWorkloadAndPricesLoadBack() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("saved.yaml").path
        // Edit the workload and two providers' prices, then save.
        var m = try #require(Fixture.press(try Fixture.model(), [.right, .down, .down, .right, .tab, .character("%")]
            + Fixture.type("-20%") + [.enter, .character("/")] + Fixture.type("lambda") + [.enter, .character("%")] + Fixture.type("+10%") + [.enter]))
        #expect(m.priceFactors.count == 2)
        let effect = Effect.saveWorkload(path: path, overwrite: false)
        let result = perform(effect, m)
        guard case .written(let paths) = result else { Issue.record("not written: \(result)"); return }
        #expect(paths.first == path)
        m = m.completing(effect, with: result)
        #expect(m.message?.text.hasPrefix("Saved \(path)") == true)

        let spec = try WorkloadSpec(file: path)
        #expect(try spec.build() == m.workload)
        #expect(spec.name == "mobile-api")
        let catalog = try Catalog.load([Fixture.pricing] + paths.dropFirst())
        for (id, factor) in m.priceFactors {
            let original = try #require(Fixture.catalog.offering(id))
            let edited = try #require(catalog.offering(id))
            #expect(edited.billing == original.scalingPrices(by: factor).billing)
            #expect(edited.notes.contains("What-if: prices"))
        }
    }

    @Test func neverOverwritesWithoutAsking() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("table.csv").path
        try "keep me\n".write(toFile: path, atomically: true, encoding: .utf8)
        let m = try Fixture.model()
        let effect = Effect.exportCSV(path: path, overwrite: false)
        let result = perform(effect, m)
        #expect(result == .exists([path]))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")

        let asking = m.completing(effect, with: result)
        #expect(asking.mode == .confirmOverwrite(.exportCSV(path: path, overwrite: true), paths: [path]))
        #expect(Fixture.text(asking).contains("already exists. Overwrite? (y/n)"))
        let declined = try #require(update(asking, .character("n")))
        #expect(declined.pendingEffect == nil)
        #expect(declined.message?.text.contains("nothing was overwritten") == true)

        let confirmed = try #require(update(asking, .character("y")))
        let overwrite = try #require(confirmed.pendingEffect)
        let written = perform(overwrite, confirmed)
        #expect(written == .written([path]))
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(csv.hasPrefix("rank,offering,name,provider,kind,region,currency,monthly_cost_usd,"))
        #expect(csv.split(separator: "\n").count == m.analysis.estimates.count + 1)
        #expect(confirmed.completing(overwrite, with: written).message?.text == "Exported \(m.analysis.estimates.count) offerings to \(path)")
    }

    @Test func failuresAreMessages() throws {
        let m = try Fixture.model()
        let effect = Effect.exportCSV(path: "/nonexistent-folder-\(UUID().uuidString)/x.csv", overwrite: false)
        let result = perform(effect, m)
        guard case .failed(let text) = result else { Issue.record("expected a failure, got \(result)"); return }
        #expect(text.contains("does not exist"))
        let reported = m.completing(effect, with: result)
        #expect(reported.message?.isError == true)
        #expect(Fixture.text(reported).contains("does not exist"))
    }

    @Test func neverWritesOverAPricingLayer() throws {
        // A scratch copy stands in for the layer, so a regression cannot clobber the real tables.
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("aws.yaml").path
        try "provider: aws\n".write(toFile: table, atomically: true, encoding: .utf8)
        var layers = Fixture.catalog.layers
        layers[0].path = dir.path
        let m = Model(session: Session(offerings: Fixture.catalog.offerings, layers: layers, today: Fixture.today),
                      workload: Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 128))
        for target in [table, dir.path] {
            guard case .failed = perform(.exportCSV(path: target, overwrite: true), m) else {
                Issue.record("wrote over the pricing layer \(target)"); continue
            }
        }
        #expect(try String(contentsOfFile: table, encoding: .utf8) == "provider: aws\n")
    }

    @Test func exportedCSVMatchesTheTable() throws {
        let m = try #require(Fixture.press(try Fixture.model(), [.character("4")]))
        let files = try m.files(for: .exportCSV(path: "t.csv", overwrite: false))
        #expect(files.count == 1)
        let rows = files[0].text.split(separator: "\n").dropFirst()
        #expect(rows.count == m.analysis.estimates.count)
        #expect(!files[0].text.contains(",vm,"))
    }
}
