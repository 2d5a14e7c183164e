import Foundation
import RunCostCore
import RunCostFiles
import RunCostTUI

/// Time to apply one key and render the whole view at 200×60 with every bundled offering: the
/// latency a user feels per keypress (target: median under 5 ms).
func benchTUI(offerings: [Offering], workload: Workload) throws {
    var model = Model(session: Session(offerings: offerings, workloadPath: "examples/api.yaml", today: CalendarDate(year: 2026, month: 1, day: 1)!), workload: workload, name: "mobile-api")
    let scenarios: [(String, setup: [Key], [Key])] = [
        ("step requests (←/→: re-estimates, re-sweeps the chart, re-runs break-even)", [], [.right, .left]),
        ("step duration (chart over duration: limits make offerings infeasible)", [.down, .down], [.right, .left]),
        ("move the table selection (↓/↑: new chart line and crossovers)", [.up, .up, .tab], [.down, .up]),
        ("redraw only (Ctrl-L)", [], [.ctrl("l")]),
    ]
    for (label, setup, keys) in scenarios {
        for key in setup { model = update(model, key) ?? model }
        var times: [Double] = []
        var checksum = 0
        for round in 0..<60 {
            for key in keys {
                let t = seconds {
                    guard let next = update(model, key) else { return }
                    model = next
                    let screen = view(model, width: 200, height: 60)
                    checksum &+= screen.row(30).count
                }
                if round >= 5 { times.append(t) }   // the first rounds warm caches
            }
        }
        print(String(format: "tui key + full render at 200×60, %@: %.2f ms median of %d (%d offerings) [checksum %d]",
                     label, median(times) * 1000, times.count, offerings.count, checksum))
    }
}
