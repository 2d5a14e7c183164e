import Testing
@testable import RunCostTUI

/// The cold-start column appears only where the table has room, and never overflows it.
@Suite struct ColdStartColumnTests {
    @Test func coldColumnFitsOnlyWhenRoomy() {
        for width in 40...300 {
            let c = CostTableView.columns(width)
            let used = 1 + c.id + 1 + c.cost + 1 + c.delta
                + [c.kind, c.provider, c.bar, c.idle, c.cold].filter { $0 > 0 }.map { $0 + 1 }.reduce(0, +)
            #expect(used <= width, "columns overflow at \(width)")
        }
        #expect(CostTableView.columns(107).cold == 0)
        #expect(CostTableView.columns(108).cold == 6)
        #expect(CostTableView.columns(200).cold == 6)
        #expect(CostTableView.columns(200).provider == 12)
    }
}
