import Foundation
import Testing
import RunCostCore
import RunCostFiles
import RunCostReports
import RunCostTestSupport
@testable import RunCostTUI

/// The save and export prompts: every text is checked before the disk is touched, and nothing the
/// screen was started with is ever written over.
@Suite struct PromptTests {
    // Each of these trapped inside Foundation's path functions (SIGILL) before the names were checked.
    @Test(arguments: ["a/", "a//", "\u{301}", "\u{200D}", "dir/\u{301}x", "x\u{1B}]0;title\u{7}", "\u{202E}vsc.txt", ".", "..", "   "])
    func badNamesStayInThePromptWithAReason(_ name: String) throws {
        for key: Character in ["s", "x"] {
            let typed = try #require(Fixture.press(try Fixture.model(), [.character(key), .ctrl("u")] + Fixture.type(name)))
            let m = try #require(Fixture.press(typed, [.enter]))
            guard case let .prompt(_, text, error) = m.mode else { Issue.record("prompt closed for \(Array(name.unicodeScalars))"); continue }
            #expect(text == typed.promptText)
            #expect(error?.isEmpty == false)
            #expect(m.pendingEffect == nil)
            // The reason fits on screen, with the typed control characters neutralised.
            let screen = view(m, width: 80, height: 24)
            #expect(!screen.text().unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        }
    }

    @Test func namesAreNormalisedBeforeWriting() {
        #expect(OutputPath.normalise("a//b.csv") == .success("a/b.csv"))
        #expect(OutputPath.normalise("./out.yaml") == .success("out.yaml"))
        #expect(OutputPath.normalise("/tmp//x/./y.csv") == .success("/tmp/x/y.csv"))
        #expect(OutputPath.normalise("café.yaml") == .success("café.yaml"))
        #expect(OutputPath.normalise(String(repeating: "n", count: 256)) == .failure(StepError("the file name is 256 bytes long; the limit is 255")))
    }

    /// A copy of the example workload as the file the screen was started with.
    func startedFromACopy(in dir: URL) throws -> (Model, String) {
        let path = dir.appendingPathComponent("api.yaml").path
        try FileManager.default.copyItem(atPath: Fixture.root.appendingPathComponent("examples/api.yaml").path, toPath: path)
        let spec = try WorkloadSpec(file: path)
        let session = Session(offerings: Fixture.catalog.offerings.filter { $0.currency == "USD" }, layers: Fixture.catalog.layers,
                              workloadPath: path, today: Fixture.today)
        return (Model(session: session, workload: try spec.build(), name: spec.name), path)
    }

    // `y` to the overwrite question used to replace the loaded workload file.
    @Test func theWorkloadFileIsNeverWrittenOverEvenAfterYes() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (start, path) = try startedFromACopy(in: dir)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let link = dir.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let hard = dir.appendingPathComponent("hard.yaml").path
        try FileManager.default.linkItem(atPath: path, toPath: hard)
        var m = try #require(Fixture.press(start, [.right]))
        for target in [path, dir.path + "/./api.yaml", dir.path + "//api.yaml", link, hard] {
            for overwrite in [false, true] {
                for effect in [Effect.saveWorkload(path: target, overwrite: overwrite), .exportCSV(path: target, overwrite: overwrite)] {
                    let result = perform(effect, m)
                    guard case .failed(let text) = result else { Issue.record("\(effect) gave \(result)"); continue }
                    #expect(text.contains("is the workload file this screen was started with"))
                    m = m.completing(effect, with: result)
                    #expect(m.mode == .normal)
                }
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
        #expect(FileManager.default.fileExists(atPath: link))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
    }

    @Test func pricingTablesAndMissingFoldersAreRefused() throws {
        let m = try Fixture.model()
        let table = try #require(Fixture.catalog.layers.first.map { layer in
            try FileManager.default.contentsOfDirectory(atPath: layer.path).first { $0.hasSuffix(".yaml") }.map { layer.path + "/" + $0 }
        } ?? nil)
        let before = try String(contentsOfFile: table, encoding: .utf8)
        let result = perform(.exportCSV(path: table, overwrite: true), m)
        #expect(result == .failed("\(table) is the pricing table this screen was started with; never written over, choose another name"))
        #expect(try String(contentsOfFile: table, encoding: .utf8) == before)
        let missing = "/nonexistent-\(UUID().uuidString)/out.csv"
        guard case .failed(let text) = perform(.exportCSV(path: missing, overwrite: false), m) else { Issue.record("written"); return }
        #expect(text.contains("does not exist"))
    }

    // Saved what-if prices came back as the provider's own (verified, the provider's as_of and source).
    @Test func savedWhatIfPricesComeBackMarkedAsWhatIf() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("w.yaml").path
        let m = try #require(Fixture.press(try Fixture.model(), [.character("/")] + Fixture.type("aws-lambda-arm") + [.enter, .character("%")]
            + Fixture.type("-20%") + [.enter]))
        let id = try #require(m.selectedID)
        let original = try #require(Fixture.catalog.offering(id))
        #expect(original.verified)
        guard case .written(let paths) = perform(.saveWorkload(path: path, overwrite: false), m) else { Issue.record("not written"); return }
        #expect(paths.count == 2)
        let saved = try #require(try Catalog.load([Fixture.pricing] + paths.dropFirst()).offering(id))
        #expect(saved.verified == false)
        #expect(saved.asOf == Fixture.today)
        #expect(saved.source == "runcost tui what-if of " + original.source)
        #expect(saved.isWhatIf)
        #expect(saved.billing == original.scalingPrices(by: 0.8).billing)
        // Reports say so: compare's notes column.
        let workload = try WorkloadSpec(file: path).build()
        let report = CompareReport(workload: workload, workloadName: nil, estimates: Estimator.compare([saved, original], workload), currency: "USD")
        let table = report.table()
        #expect(table.split(separator: "\n").filter { $0.contains(id) && $0.contains("what-if price") }.count == 1)
        // Saving a what-if again does not nest the prefix.
        #expect(saved.whatIf(pricesScaledBy: 0.5, on: Fixture.today).source == saved.source)
    }
}

extension Model {
    var promptText: String? {
        if case let .prompt(_, text, _) = mode { return text }
        return nil
    }
}

@Suite struct LoadedWhatIfTests {
    @Test func loadedWhatIfPricesCarryThePencil() throws {
        var offering = try #require(Fixture.catalog.offering("aws-lambda-arm"))
        offering = offering.whatIf(pricesScaledBy: 0.5, on: Fixture.today)
        let model = Model(session: Session(offerings: [offering], today: Fixture.today),
                          workload: try WorkloadSpec(file: Fixture.root.appendingPathComponent("examples/api.yaml").path).build())
        #expect(Fixture.text(model).contains("aws-lambda-arm ✎"))
    }
}
