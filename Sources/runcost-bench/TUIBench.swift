import Foundation
import RunCostCore
import RunCostFiles
import RunCostTUI

/// Time to apply one key and render the whole view at 200×60 with every bundled offering: the
/// latency a user feels per keypress (target: median under 5 ms); then the same with 10,000
/// generated offerings (issue 12: first screen < 1 s, key to frame < 50 ms), with the time to
/// load them from a YAML table as `runcost tui --pricing` would.
func benchTUI(offerings: [Offering], workload: Workload) throws {
    try benchTUIKeys(offerings: offerings, workload: workload)
    let generated = generatedOfferings(10_000, from: offerings)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runcost-bench-tui-\(getpid())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try PricingWriter.yaml(provider: "bench", currency: "USD", offerings: generated, comment: "runcost-bench tui: 10,000 generated offerings")
        .write(toFile: folder + "/bench.yaml", atomically: true, encoding: .utf8)
    let first = try firstScreen(folder: folder, workload: workload)
    print(String(format: "load 10,000 generated offerings from one YAML table (Catalog.load): %.0f ms median of 3 (%d offerings)",
                 first.load * 1000, first.offerings))
    print(String(format: "tui first screen at 200×60 with 10,000 offerings (model + first frame, after loading): %.0f ms median of 3",
                 first.frame * 1000))
    print(String(format: "tui first screen with 10,000 offerings, loading included: %.0f ms wall, %.0f ms CPU (target < 1 s)",
                 (first.load + first.frame) * 1000, first.cpu * 1000))
    try benchTUIKeys(offerings: generated, workload: workload, rounds: 20)
}

/// What `runcost tui --pricing folder` does before its first screen, timed in process: loading
/// the tables (`Catalog.load`), then the model and its first frame at 200×60; medians of 3.
/// `cpu` is the whole first screen in this thread's CPU time: on a machine shared with builds,
/// wall time is several times it, and it is what wall time is on an idle core.
func firstScreen(folder: String, workload: Workload) throws -> (load: Double, frame: Double, cpu: Double, offerings: Int) {
    var loadTimes: [Double] = [], frameTimes: [Double] = [], cpuTimes: [Double] = []
    var loaded: [Offering] = []
    for _ in 0..<3 {
        let cpuStart = threadCPUSeconds()
        loadTimes.append(try seconds { loaded = try Catalog.load([folder]).offerings })
        frameTimes.append(seconds {
            let model = Model(session: Session(offerings: loaded, workloadPath: "examples/api.yaml", today: CalendarDate(year: 2026, month: 1, day: 1)!),
                              workload: workload, name: "mobile-api")
            _ = view(model, width: 200, height: 60)
        })
        cpuTimes.append(threadCPUSeconds() - cpuStart)
    }
    return (median(loadTimes), median(frameTimes), median(cpuTimes), loaded.count)
}

func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// `n` offerings: the bundled ones in turn, prices scaled by factors spread over 0.7…1.3 so that
/// their curves interleave (as `runcost-bench scale` writes them).
func generatedOfferings(_ n: Int, from offerings: [Offering]) -> [Offering] {
    (0..<n).map { i -> Offering in
        let f = 0.7 + 0.6 * (Double(i) * 0.618_033_988_75).truncatingRemainder(dividingBy: 1)
        var o = offerings[i % offerings.count].scalingPrices(by: f)
        o.id = "bench-\(i)-\(o.id)"; o.provider = "bench"
        return o
    }
}

func benchTUIKeys(offerings: [Offering], workload: Workload, rounds: Int = 60) throws {
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
        for round in 0..<rounds {
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
