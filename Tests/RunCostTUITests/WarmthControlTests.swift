import Testing
import RunCostCore
@testable import RunCostTUI

/// The warmth controls of the workload pane: runtime and the cold-start limit.
@Suite struct WarmthControlTests {
    static let w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 512)

    func step(_ field: InputField, _ w: Workload, up: Bool) -> Workload? {
        try? Stepping.step(field, w, up: up, traceCounts: nil).get()
    }

    @Test func runtimeCyclesThroughTheMeasuredRuntimes() {
        var w = Self.w
        var seen: [String] = []
        for _ in 0...Runtime.allCases.count {
            seen.append(InputField.runtime.display(w, glyphs: Glyphs(unicode: true)))
            w = step(.runtime, w, up: true)!
        }
        #expect(seen == ["any", "python", "node", "java", "go", "rust", "dotnet", "container"])
        #expect(w.runtime == nil)
        #expect((try? Stepping.parse(.runtime, "Java", Self.w, traceCounts: nil).get())?.runtime == .java)
        guard case .failure(let error) = Stepping.parse(.runtime, "pyhton", Self.w, traceCounts: nil) else {
            Issue.record("accepted a misspelt runtime"); return
        }
        #expect(error.message.contains("did you mean 'python'?"))
    }

    @Test func coldStartLimitStepsAndParses() {
        let stricter = step(.maxColdStartRate, Self.w, up: false)!
        #expect(stricter.maxColdStartShare == 0.1)
        #expect(step(.maxColdStartRate, Self.w, up: true) == nil)          // already no limit
        #expect(step(.maxColdStartRate, stricter, up: false)?.maxColdStartShare == 0.05)
        var typed = try! Stepping.parse(.maxColdStartRate, "0.2%", Self.w, traceCounts: nil).get()
        #expect(typed.maxColdStartShare == 0.002)
        #expect(step(.maxColdStartRate, typed, up: true)?.maxColdStartShare == 0.005)   // between steps: the neighbours
        typed = step(.maxColdStartRate, typed, up: false)!
        #expect(typed.maxColdStartShare == 0.001)
        #expect(InputField.maxColdStartRate.display(typed, glyphs: Glyphs(unicode: true)) == "0.1%")
        guard case .failure = Stepping.parse(.maxColdStartRate, "120%", Self.w, traceCounts: nil) else {
            Issue.record("accepted a limit above 100%"); return
        }
        #expect((try? Stepping.parse(.maxColdStartRate, "none", stricter, traceCounts: nil).get())?.maxColdStartShare == nil)
    }

    /// Selecting the cold-start limit charts cost against it, as the other numeric inputs do.
    @Test func selectingTheColdStartLimitChartsIt() throws {
        let m = try #require(Fixture.press(try Fixture.model(), Array(repeating: .down, count: 14)))
        #expect(m.field == .maxColdStartRate)
        #expect(m.analysis.parameter == .maxColdStartRate)
        #expect(Fixture.text(m).contains("Monthly cost vs max cold-start rate"))
    }
}
