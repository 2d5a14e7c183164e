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

extension CommitmentControlTests {
    @Test func thePaneShowsTheControlAndTheTablePricesIt() throws {
        var m = try Fixture.model()
        let before = m.cost("aws-ec2-m5.large")
        m.edit { $0.workload.commitment = CommitmentChoice(term: .oneYear) }
        let screen = Fixture.text(m, 120, 40)
        #expect(screen.contains("commitment"))
        #expect(screen.contains("1y"))
        let after = m.cost("aws-ec2-m5.large")
        // The plan takes 32% off the instance-hours only; the attached 8 GB boot volume ($0.64) and
        // public IPv4 ($0.005/h × 730 h = $3.65) stay at list.
        let attached = 8 * 0.08 + 730 * 0.005
        if let before, let after { #expect(abs(after - ((before - attached) * 0.68 + attached)) < 0.01) } else { Issue.record("m5.large not priced") }
    }
}

extension CommitmentControlTests {
    @Test func steppingSaysTheDiscountsAreUnverified() throws {
        var m = try Fixture.model()
        m.field = .commitment
        m.step(up: true)
        #expect(m.workload.commitment.term == .oneYear)
        #expect(m.message?.text.contains("unverified") == true)
    }
}
