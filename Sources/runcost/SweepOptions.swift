import ArgumentParser
import Foundation
import RunCostCore
import RunCostFiles
import RunCostReports

extension SweepParameter: ExpressibleByArgument {}
extension SweepRange.Scale: ExpressibleByArgument {}
extension SweepReport.Layout: ExpressibleByArgument {}

/// `--vary PARAM [--from A --to B]`, once or (sweep only) twice, with point count and scale.
/// Without `--from/--to` a parameter varies over two decades either side of its current value.
struct RangeOptions {
    var vary: [SweepParameter] = []
    var from: [String] = []
    var to: [String] = []
    var points: [Int] = []
    var scale: SweepRange.Scale?

    /// The parameters and their ranges, validated against the workload they vary.
    func ranges(single: Bool, defaultPoints: [Int], workload: Workload) throws -> [(SweepParameter, SweepRange)] {
        guard !vary.isEmpty else { throw InputError(.flag("--vary"), "name the parameter to vary, e.g. --vary requests --from 1M --to 1B") }
        guard vary.count <= (single ? 1 : 2) else { throw InputError(.flag("--vary"), single ? "give one --vary" : "give one or two --vary") }
        if vary.count == 2, vary[0] == vary[1] {
            throw InputError(.flag("--vary"), "'\(vary[0].rawValue)' is given twice; a grid varies two different parameters")
        }
        if vary.count == 2, Set(vary) == [.requests, .rps] {
            throw InputError(.flag("--vary"), "requests and rps are one quantity (rps × hours × 3600 = requests); vary one of them")
        }
        if workload.traffic.isTrace, let p = vary.first(where: { $0 == .peakToAverage }) {
            throw InputError(.flag("--vary"), "'\(p.rawValue)' does not apply to a trace workload: the trace fixes every hour's load")
        }
        guard from.count == to.count, from.isEmpty || from.count == vary.count else {
            throw InputError(.flag("--from/--to"), "give one --from and one --to for each --vary (\(vary.count)), or neither for the default range")
        }
        guard points.count <= vary.count else { throw InputError(.flag("--points"), "give at most one --points per --vary") }
        return try vary.indices.map { i in
            let p = vary[i]
            let a: Double, b: Double
            if from.isEmpty {
                var (lo, hi) = p.defaultRange(around: p.value(in: workload))
                // A diurnal day (a constant one becomes diurnal when its peak varies) peaks below 24× its average.
                if p == .peakToAverage, workload.traffic == .constant || workload.traffic == .diurnal { hi = min(hi, 23) }
                (a, b) = (lo, hi)
            }
            else {
                a = try p.parse(from[i], origin: .flag("--from")); b = try p.parse(to[i], origin: .flag("--to"))
                guard a < b else { throw InputError(.flag("--from/--to"), "--from (\(from[i])) must be below --to (\(to[i]))") }
            }
            let n = i < points.count ? points[i] : defaultPoints[min(i, defaultPoints.count - 1)]
            guard (2...100_000_000).contains(n) else { throw InputError(.flag("--points"), "expected 2 to 100,000,000 points, got \(n)") }
            if scale == .log && a <= 0 { throw InputError(.flag("--scale"), "a log scale needs --from above zero") }
            return (p, SweepRange(from: a, to: b, points: n, scale: scale))
        }
    }
}

/// The workload a sweep or search reports: the varied input is no longer a default.
func varying(_ w: Workload, _ parameters: [SweepParameter]) -> Workload {
    var w = w
    for p in parameters {
        switch p {
        case .requests, .rps: w.defaultedInputs.removeAll { $0 == .requests }
        case .duration: w.defaultedInputs.removeAll { $0 == .duration }
        case .memory: w.defaultedInputs.removeAll { $0 == .memory }
        default: break
        }
    }
    return w
}

private let parameterList = SweepParameter.allCases.map(\.rawValue).joined(separator: ", ")
private let defaultRangeHelp = "Without --from/--to: 0.01× to 100× the workload's value, within the parameter's limits."

/// `sweep`: one parameter, or two for a grid.
struct GridRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Parameter to vary: \(parameterList). Twice for a grid.", valueName: "param"))
    var vary: [SweepParameter] = []
    @Option(help: ArgumentHelp("Start of the range, in the parameter's unit (1M, 100ms, 128MB); once per --vary. \(defaultRangeHelp)", valueName: "value"))
    var from: [String] = []
    @Option(help: ArgumentHelp("End of the range; once per --vary.", valueName: "value"))
    var to: [String] = []
    @Option(help: ArgumentHelp("Points along the range (default 50; a grid 60 across × 20 down).", valueName: "n"))
    var points: [Int] = []
    @Option(help: ArgumentHelp("log or linear (default: log when the range spans more than two decades).", valueName: "scale"))
    var scale: SweepRange.Scale?

    var options: RangeOptions { RangeOptions(vary: vary, from: from, to: to, points: points, scale: scale) }
}

/// `breakeven` and `capacity`: one parameter (a grid is `sweep`'s).
struct LineRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Parameter to vary, once: \(parameterList).", valueName: "param"))
    var vary: [SweepParameter] = []
    @Option(help: ArgumentHelp("Start of the range, in the parameter's unit (1M, 100ms, 128MB). \(defaultRangeHelp)", valueName: "value"))
    var from: [String] = []
    @Option(help: ArgumentHelp("End of the range.", valueName: "value"))
    var to: [String] = []
    @Option(help: ArgumentHelp("Grid points searched before each change is bisected (default: breakeven 1024, capacity 512).", valueName: "n"))
    var points: [Int] = []
    @Option(help: ArgumentHelp("log or linear (default: log when the range spans more than two decades).", valueName: "scale"))
    var scale: SweepRange.Scale?

    var options: RangeOptions { RangeOptions(vary: vary, from: from, to: to, points: points, scale: scale) }
}

/// Formats whose report has no place for the defaulted inputs (CSV, SVG) get them on standard
/// error, so a default is never silently taken for a measurement.
func noteDefaults(_ w: Workload) throws {
    guard let line = WorkloadSummary.defaultsLine(w) else { return }
    try FileHandle.standardError.write(contentsOf: Data(("runcost: note: " + line + "\n").utf8))
}
