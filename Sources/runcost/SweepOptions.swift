import ArgumentParser
import RunCostCore
import RunCostFiles
import RunCostReports

extension SweepParameter: ExpressibleByArgument {}
extension SweepRange.Scale: ExpressibleByArgument {}
extension SweepReport.Layout: ExpressibleByArgument {}

/// `--vary PARAM --from A --to B`, once or twice (a grid), with point count and scale.
struct RangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Parameter to vary: \(SweepParameter.allCases.map(\.rawValue).joined(separator: ", ")). Twice for a grid.", valueName: "param"))
    var vary: [SweepParameter] = []
    @Option(help: ArgumentHelp("Start of the range, in the parameter's unit (1M, 100ms, 128MB); once per --vary.", valueName: "value"))
    var from: [String] = []
    @Option(help: ArgumentHelp("End of the range; once per --vary.", valueName: "value"))
    var to: [String] = []
    @Option(help: ArgumentHelp("Points along the range (default 50; grids 60 × 20).", valueName: "n"))
    var points: [Int] = []
    @Option(help: ArgumentHelp("log or linear (default: log when the range spans more than two decades).", valueName: "scale"))
    var scale: SweepRange.Scale?

    /// The parameters and their ranges, validated.
    func ranges(single: Bool, defaultPoints: [Int]) throws -> [(SweepParameter, SweepRange)] {
        guard !vary.isEmpty else { throw InputError(.flag("--vary"), "name the parameter to vary, e.g. --vary requests --from 1M --to 1B") }
        guard vary.count <= (single ? 1 : 2) else { throw InputError(.flag("--vary"), single ? "give one --vary" : "give one or two --vary") }
        guard from.count == vary.count, to.count == vary.count else {
            throw InputError(.flag("--from/--to"), "give one --from and one --to for each --vary (\(vary.count))")
        }
        guard points.count <= vary.count else { throw InputError(.flag("--points"), "give at most one --points per --vary") }
        return try vary.indices.map { i in
            let p = vary[i]
            let a = try p.parse(from[i], origin: .flag("--from")), b = try p.parse(to[i], origin: .flag("--to"))
            guard a < b else { throw InputError(.flag("--from/--to"), "--from (\(from[i])) must be below --to (\(to[i]))") }
            let n = i < points.count ? points[i] : defaultPoints[min(i, defaultPoints.count - 1)]
            guard (2...100_000_000).contains(n) else { throw InputError(.flag("--points"), "expected 2 to 100,000,000 points, got \(n)") }
            if scale == .log && a <= 0 { throw InputError(.flag("--scale"), "a log scale needs --from above zero") }
            return (p, SweepRange(from: a, to: b, points: n, scale: scale))
        }
    }
}
