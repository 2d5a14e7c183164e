import Foundation
import Testing
import RunCostCore
import RunCostFiles
import RunCostTestSupport
@testable import RunCostTUI

/// The application pane on a small inline provider (`acme`, RunCostTestSupport's AcmeApplication), so
/// every figure is hand-worked here and independent of the bundled service tables.
///
/// 10M requests, 100ms, 128MB; response 8KB; data 2 reads + 0.5 writes per request, 20GB stored.
/// - acme-fn: compute 10M × $0.20/1M = $2.00; gateway 10M × $1.00/1M = $10.00; KV 20M reads ×
///   $0.25/1M = $5.00, 5M writes × $1.25/1M = $6.25, 20GB × $0.25 = $5.00; egress 10M × 8,192 B =
///   76.2939453125 GB × $0.09 = $6.866455078125. Services $33.116455078125, total $35.116455078125.
/// - acme-box: 730 h × $0.01 = $7.30 (one instance; its front door is built in); KV $16.25, egress
///   $6.866455078125. Services $23.116455078125, total $30.416455078125.
@Suite struct ApplicationPaneTests {
    static let egress = 76.2939453125 * 0.09

    /// The acme tables and a workload file, loaded as `runcost tui` loads them.
    static func model(_ workloadText: String = AcmeApplication.workload) throws -> Model {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try AcmeApplication.write(into: dir, workload: workloadText)
        let catalog = try Catalog.load([written.tables.path])
        let spec = try WorkloadSpec(file: written.workload.path)
        let w = try spec.build()
        let resolved = try ApplicationResolver.resolve(catalog.offerings, spec, w, catalog)
        let session = Session(offerings: resolved, layers: catalog.layers, workloadPath: "workload.yaml",
                              today: Fixture.today, services: catalog.services)
        return Model(session: session, workload: w, name: spec.name)
    }

    @Test func tableSplitsComputeAndServices() throws {
        let m = try Self.model()
        #expect(abs(try #require(m.cost("acme-fn")) - 35.116455078125) < 1e-9)
        #expect(abs(try #require(m.cost("acme-box")) - 30.416455078125) < 1e-9)
        let fn = try #require(m.analysis.estimates.first { $0.offering.id == "acme-fn" })
        let split = try #require(m.analysis.split(fn, m.workload))
        #expect(abs(split.compute - 2.00) < 1e-9)
        #expect(abs(split.services - 33.116455078125) < 1e-9)
        let text = Fixture.text(m, 100, 30)
        #expect(text.contains("Monthly cost (application) · 2 offerings"))
        #expect(squeezed(text).contains("offering k compute services total"), "\(text)")
        #expect(squeezed(text).contains("acme-box V $7.30 $23.12 $30.42"), "\(text)")
        #expect(squeezed(text).contains("acme-fn S $2.00 $33.12 $35.12"), "\(text)")
        #expect(text.contains("scope application (S)"))
    }

    // Typing 3 reads per request: KV reads 30M × $0.25/1M = $7.50 (+$2.50) on every offering.
    // Stepping → from 2 reads: 2.5 (the next round number), 25M × $0.25/1M = $6.25 (+$1.25).
    @Test func editingAVolumeRepricesEveryOffering() throws {
        let opened = try #require(Fixture.press(try Self.model(), [.character("A")]))
        #expect(opened.pane == .application)
        let onReads = try #require(Fixture.press(opened, [.down, .down, .down, .down]))
        #expect(onReads.applicationField == .readsPerRequest)
        #expect(onReads.chartParameter == .readsPerRequest)

        let typed = try #require(Fixture.press(onReads, [.enter] + Fixture.type("3") + [.enter]))
        #expect(typed.workload.application?.data?.readsPerRequest == 3)
        #expect(abs(try #require(typed.cost("acme-fn")) - 37.616455078125) < 1e-9)
        #expect(abs(try #require(typed.cost("acme-box")) - 32.916455078125) < 1e-9)
        #expect(typed.message?.text == "data.reads_per_request set to 3.")
        #expect(Fixture.text(typed, 100, 30).contains("▲$2.50"))

        let stepped = try #require(Fixture.press(onReads, [.right]))
        #expect(stepped.workload.application?.data?.readsPerRequest == 2.5)
        #expect(abs(try #require(stepped.cost("acme-fn")) - 36.366455078125) < 1e-9)
        // From the table, ←/→ step the input the panel shows, as in the compute pane.
        let fromTable = try #require(Fixture.press(onReads, [.tab, .right]))
        #expect(fromTable.workload.application?.data?.readsPerRequest == 2.5)

        // A bad value is refused with the reason; the previous value stays.
        let bad = try #require(Fixture.press(onReads, [.enter] + Fixture.type("lots") + [.enter]))
        guard case .editingApplication(.readsPerRequest, _, let error?) = bad.mode else { Issue.record("expected an error: \(bad.mode)"); return }
        #expect(error.hasPrefix("data.reads_per_request:"))
        #expect(bad.workload.application?.data?.readsPerRequest == 2)
    }

    // Sizes step in the unit they read in: the response 8KB → 10KB; egress 10M × 10,240 B =
    // 95.367431640625 GB × $0.09 = $8.58306884765625.
    @Test func sizesStepInTheirUnit() throws {
        let m = try #require(Fixture.press(try Self.model(), [.character("A"), .down, .right]))
        #expect(m.workload.application?.responseSizeGB == 10.0 / 1_048_576)
        #expect(ApplicationField.responseSize.display(m.workload) == "10KB")
        let expected: Double = 7.30 + 16.25 + 95.367431640625 * 0.09
        let box = try #require(m.cost("acme-box"))
        #expect(abs(box - expected) < 1e-9)
        #expect(ApplicationStepping.niceSize(1024, up: false) == 800)
        #expect(ApplicationStepping.niceSize(1, up: false) == 800.0 / 1024)
    }

    // S: compute only, so acme-fn ($2.00) is cheaper than acme-box ($7.30); S again: back.
    @Test func scopeToggles() throws {
        let compute = try #require(Fixture.press(try Self.model(), [.character("S")]))
        #expect(compute.workload.scope == .compute)
        #expect(compute.analysis.estimates.map(\.offering.id) == ["acme-fn", "acme-box"])
        #expect(abs(try #require(compute.cost("acme-fn")) - 2.00) < 1e-9)
        #expect(abs(try #require(compute.cost("acme-box")) - 7.30) < 1e-9)
        #expect(compute.message?.text.hasPrefix("Scope: compute") == true)
        let text = Fixture.text(compute, 100, 30)
        #expect(text.contains("Monthly cost (compute)"))
        #expect(text.contains("scope compute (S)"))
        // The break-even chart follows the scope: its lines cost what the table says.
        let fnLine = try #require(compute.analysis.charted.firstIndex(of: "acme-fn"))
        let at = try #require(compute.analysis.series[fnLine].indices.min {
            abs(compute.analysis.range.value(at: $0) - 10e6) < abs(compute.analysis.range.value(at: $1) - 10e6)
        })
        let value = compute.analysis.range.value(at: at)
        #expect(abs(try #require(compute.analysis.series[fnLine][at]) - value * 0.20 / 1e6) < 1e-9)

        // Then the data scope: the database alone, no compute — the KV's $16.25 on both rows.
        let data = try #require(Fixture.press(compute, [.character("S")]))
        #expect(data.workload.scope == .data)
        #expect(abs(try #require(data.cost("acme-fn")) - 16.25) < 1e-9)
        #expect(abs(try #require(data.cost("acme-box")) - 16.25) < 1e-9)
        #expect(squeezed(Fixture.text(data, 100, 30)).contains("acme-box V – $16.25 $16.25"))
        let back = try #require(Fixture.press(data, [.character("S")]))
        #expect(back.workload.scope == .application)
        #expect(back.analysis.estimates.map(\.offering.id) == ["acme-box", "acme-fn"])
        // The scope row of the pane toggles it too.
        let row = try #require(Fixture.press(try Self.model(), [.character("A"), .end, .right]))
        #expect(row.workload.scope == .compute)
        #expect(try #require(Fixture.press(row, [.enter] + Fixture.type("data") + [.enter])).workload.scope == .data)
        let bad = try #require(Fixture.press(row, [.enter] + Fixture.type("everything") + [.enter]))
        #expect(bad.workload.scope == .compute)
        // Without a data section there is no data scope: S goes application ⇄ compute.
        let noData = try #require(Fixture.press(try Self.model("requests: 10M\nresponse_size: 8KB\n"), [.character("S"), .character("S")]))
        #expect(noData.workload.scope == .application)
    }

    // Pinning acme-sql: 730 h × $0.10 + 20GB × $0.115 = $75.30 instead of the KV's $16.25.
    // acme-fn $2.00 + $10.00 + $75.30 + egress; acme-box $7.30 + $75.30 + egress.
    @Test func pinningADataServiceFromThePicker() throws {
        let onData = try #require(Fixture.press(try Self.model(), [.character("A"), .down, .down, .down]))
        #expect(onData.applicationField == .dataService)
        let picker = try #require(Fixture.press(onData, [.enter]))
        #expect(picker.mode == .picker(.service(.dataService), cursor: 0))
        let listed = Fixture.text(picker, 100, 30)
        #expect(listed.contains("data.service · Enter picks · Esc keeps"))
        #expect(listed.contains("acme-sql"))
        #expect(listed.contains("Acme SQL [U]"))

        let pinned = try #require(Fixture.press(picker, [.down, .down, .down, .enter]))
        #expect(pinned.mode == .normal)
        #expect(pinned.workload.application?.data?.service == .id("acme-sql"))
        let fnExpected: Double = 2 + 10 + 75.30 + Self.egress, boxExpected: Double = 7.30 + 75.30 + Self.egress
        #expect(abs(try #require(pinned.cost("acme-fn")) - fnExpected) < 1e-9)
        #expect(abs(try #require(pinned.cost("acme-box")) - boxExpected) < 1e-9)

        // Typed, and left out: none drops the database from every total.
        let none = try #require(Fixture.press(onData, [.right]))
        #expect(none.workload.application?.data?.service == ServiceChoice.none)
        let withoutData: Double = 7.30 + Self.egress
        #expect(abs(try #require(none.cost("acme-box")) - withoutData) < 1e-9)
        let typed = try #require(Fixture.press(none, [.character("A"), .character("A"), .enter, .down, .down, .down, .enter]))
        #expect(typed.workload.application?.data?.service == .id("acme-sql"))
        // Esc keeps the choice.
        let kept = try #require(Fixture.press(onData, [.enter, .down, .escape]))
        #expect(kept.workload.application?.data?.service == .auto)
    }

    @Test func explainListsEachServicesLineItems() throws {
        let m = try #require(Fixture.press(try Self.model(), [.tab, .down, .character("e")]))
        #expect(m.selectedID == "acme-fn")
        let lines = ExplainView.lines(m, width: 90).joined(separator: "\n")
        #expect(lines.contains("front-door: Acme Gateway (acme-gateway): $10.00"))
        #expect(lines.contains("10M requests × $1.00 per 1M = $10.00"))
        #expect(lines.contains("writes: $6.25"))
        #expect(lines.contains("Services: $33.12"))
        #expect(lines.contains("Monthly total: $35.12"))
    }

    // A workload without an application: the pane says so; a volume adds the section.
    // 1 read per request (KV's 4KB chunk, 1KB items): 10M × $0.25/1M = $2.50 on acme-fn, whose
    // stack puts the gateway in front ($10.00): $2.00 + $10.00 + $2.50.
    @Test func aVolumeAddsTheSection() throws {
        let bare = try Self.model("requests: 10M\nduration: 100ms\nmemory: 128MB\n")
        #expect(abs(try #require(bare.cost("acme-fn")) - 2.00) < 1e-9)
        let opened = try #require(Fixture.press(bare, [.character("A")]))
        #expect(opened.message?.text.contains("compute only") == true)
        #expect(Fixture.text(opened, 80, 24).contains("Application · none"))
        #expect(try #require(Fixture.press(opened, [.character("S")])).message?.text.hasPrefix("no application section") == true)
        let added = try #require(Fixture.press(opened, [.down, .down, .down, .down, .right]))
        #expect(added.workload.application?.data?.readsPerRequest == 1)
        #expect(abs(try #require(added.cost("acme-fn")) - 14.50) < 1e-9)
        // Back to no reads, writes or storage: the data section is left out again, as a file must.
        let dropped = try #require(Fixture.press(added, [.left]))
        #expect(dropped.workload.application?.data == nil)
        #expect(dropped.message?.text.hasPrefix("data left out") == true)
    }

    // 80×24: the pane's every input, and the table's total and services columns.
    @Test func fitsEightyByTwentyFour() throws {
        let m = try #require(Fixture.press(try Self.model(), [.character("A")]))
        let text = Fixture.text(m, 80, 24)
        for field in ApplicationField.allCases { #expect(text.contains(field.label), "\(field.label) missing:\n\(text)") }
        #expect(squeezed(text).contains("offering k services total"), "\(text)")
        #expect(squeezed(text).contains("acme-box V $23.12 $30.42"), "\(text)")
        #expect(squeezed(text).contains("egress 0 "), "\(text)")
        #expect(text.contains("scope application (S)"))
        let help = Fixture.text(try #require(Fixture.press(m, [.character("?")])), 80, 24)
        #expect(help.contains("application inputs/back"))
        #expect(help.contains("scope compute/app"))
    }

    @Test func savedWorkloadKeepsTheApplication() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("saved.yaml").path
        let m = try #require(Fixture.press(try Self.model(), [.character("A"), .down, .down, .down, .enter, .down, .down, .down, .enter,
                                                              .character("S")]))
        let result = perform(.saveWorkload(path: path, overwrite: false), m)
        guard case .written = result else { Issue.record("not written: \(result)"); return }
        let loaded = try WorkloadSpec(file: path).build()
        #expect(loaded.application == m.workload.application)
        #expect(loaded.application?.data?.service == .id("acme-sql"))
        #expect(loaded.scope == .compute)
    }
}

/// Runs of spaces as one: columns compared without their padding.
func squeezed(_ text: String) -> String {
    text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
}
