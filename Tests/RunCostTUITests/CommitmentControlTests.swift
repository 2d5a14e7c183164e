import Testing
import RunCostCore
@testable import RunCostTUI

/// The workload pane's commitment control cycles none → 1y → 3y → spot and prices what it shows.
@Suite struct CommitmentControlTests {
    @Test func cyclesLikeTraffic() throws {
        var w = Workload(requestsPerMonth: 30e6, duration: 0.1, memoryMiB: 512)
        var seen: [String] = []
        for _ in 0..<4 {
            w = try Stepping.step(.commitment, w, up: true, traceCounts: nil).get()
            seen.append(InputField.commitment.display(w, glyphs: Glyphs(unicode: true)))
        }
        #expect(seen == ["1y", "3y", "spot", "none"])
        let back = try Stepping.step(.commitment, w, up: false, traceCounts: nil).get()
        #expect(back.spot && back.commitment.term == .none)
    }

    @Test func typedValuesAndASuggestion() throws {
        let w = Workload(requestsPerMonth: 30e6, duration: 0.1, memoryMiB: 512)
        #expect(try Stepping.parse(.commitment, "3y", w, traceCounts: nil).get().commitment.term == .threeYear)
        guard case .failure(let e) = Stepping.parse(.commitment, "1yr", w, traceCounts: nil) else {
            Issue.record("1yr was accepted"); return
        }
        #expect(e.message.contains("did you mean '1y'"))
    }
}
