import Foundation
import RunCostCore

/// Everything the view shows that costs real work: estimates for every shown offering, the chart's
/// series, crossings and the break-even search. Built by `Model.recompute` once per edit.
public struct Analysis: Sendable {
    /// The offerings compared (filtered, what-if prices applied).
    public internal(set) var offerings: [Offering] = []
    /// Cheapest feasible first, infeasible last. Summaries (no line items or notes): with
    /// thousands of offerings, formatting every formula per key would take most of a second.
    /// `Model.selectedEstimate` and the CSV export itemise what they show.
    public internal(set) var estimates: [Estimate] = []

    public internal(set) var parameter: SweepParameter = .requests
    var range = SweepRange(from: 1, to: 10, points: 2)
    /// The workload's current value of `parameter`.
    var current: Double = 1
    /// Offerings drawn on the chart: the cheapest few and the selected one.
    var charted: [String] = []
    /// Monthly cost per charted offering per point of `range` (nil: infeasible there).
    var series: [[Double?]] = []
    /// Where two charted lines cross, as a point position (fractional index) and cost.
    var crossings: [Crossing] = []
    /// Cheapest offering per range of the parameter, and crossovers of the selected offering.
    public internal(set) var breakEven: BreakEven?
    /// The offering `breakEven.crossovers` involve.
    var baseline: String?

    /// Chart resolution: more points than braille dots across a 200-column screen.
    static let chartPoints = 400
    /// Break-even grid: coarse, then every change is located by bisection.
    static let gridPoints = 160
    /// Lines on the chart besides the selected offering.
    static let chartedCheapest = 5

    static func compute(offerings: [Offering], workload: Workload) -> Analysis {
        var a = Analysis()
        a.offerings = offerings
        a.estimates = Estimator.compareSummaries(offerings, workload)
        return a
    }

    /// Recomputes the chart and break-even search for `parameter` around the workload's value.
    /// The chart follows the table: its lines are the cheapest `chartedCheapest` feasible offerings
    /// among the rows in view (`rows`, positions in `estimates`), plus the selected one, so the cost
    /// axis is scaled to what the table shows. The break-even search runs over those lines only:
    /// with thousands of offerings, a search over all of them per key would take seconds.
    mutating func chart(parameter: SweepParameter, workload: Workload, selected: String?, rows: Range<Int>? = nil) {
        self.parameter = parameter
        current = parameter.value(in: workload)
        range = Self.range(parameter, around: current, workload)
        let inView = rows.map { estimates[$0.clamped(to: estimates.indices)] } ?? estimates[...]
        // The estimates carry the offerings as compared (what-if prices applied).
        var chartedOfferings = Array(inView.lazy.filter(\.feasible).prefix(Self.chartedCheapest).map(\.offering))
        if let selected, !chartedOfferings.contains(where: { $0.id == selected }),
           let offering = estimates.first(where: { $0.offering.id == selected })?.offering {
            chartedOfferings.append(offering)
        }
        charted = chartedOfferings.map(\.id)
        var columns: [[Double?]] = []
        columns.reserveCapacity(range.points)
        Sweep.run(chartedOfferings, workload, parameter, range) { _, costs in columns.append(costs) }
        series = chartedOfferings.indices.map { i in columns.map { $0[i] } }
        crossings = Self.crossings(series)
        baseline = selected ?? estimates.first(where: \.feasible)?.offering.id
        breakEven = chartedOfferings.isEmpty ? nil
            : BreakEven.find(chartedOfferings, workload, parameter, from: range.from, to: range.to, baseline: baseline, gridPoints: Self.gridPoints)
    }

    /// The chart's span: two decades either side for volumes and times, three octaves for memory,
    /// the whole meaningful range for bounded inputs.
    static func range(_ p: SweepParameter, around v: Double, _ w: Workload) -> SweepRange {
        let n = chartPoints
        func log(_ lo: Double, _ hi: Double, _ low: Double, _ high: Double) -> SweepRange {
            var from = max(low, lo), to = min(high, hi)
            if from >= to { from = low; to = high }
            return SweepRange(from: from, to: to, points: n, scale: .log)
        }
        switch p {
        case .requests: return log(v / 100, v * 100, 1, 1e15)
        case .rps: return log(v / 100, v * 100, 1e-6, 1e9)
        case .duration: return log(v / 100, v * 100, 1e-4, 31 * 86400)
        case .cpuTime: return log(v / 100, v * 100, 1e-5, 31 * 86400)
        case .memory: return log(v / 8, v * 8, 64, 1_048_576)
        case .concurrency: return log(1, max(100, v * 10), 1, 1e6)
        case .instances: return log(1, max(20, v * 10), 1, 1e6)
        case .peakToAverage:
            return log(1, w.traffic == .diurnal || w.traffic == .constant ? 20 : max(20, v * 4), 1, 1e6)
        case .hours: return SweepRange(from: 1, to: 744, points: n, scale: .linear)
        case .commitmentUtilisation: return SweepRange(from: 0.01, to: 1, points: n, scale: .linear)
        case .readsPerRequest: return SweepRange(from: 0, to: max(10, v * 4), points: n, scale: .linear)
        case .monthlyActiveUsers: return log(max(1, v / 100), max(100, v * 100), 1, 1e15)
        case .responseSize, .storage: return log(max(1.0 / 1024, v / 100), max(1, v * 100), 1.0 / 1024, 1e12)
        }
    }

    /// Sign changes between each pair of lines, placed halfway between the two points.
    struct Crossing: Sendable, Equatable {
        var position: Double
        var cost: Double
        var lines: (Int, Int)

        static func == (a: Crossing, b: Crossing) -> Bool {
            a.position == b.position && a.cost == b.cost && a.lines == b.lines
        }
    }

    static func crossings(_ series: [[Double?]]) -> [Crossing] {
        var found: [Crossing] = []
        for a in series.indices {
            for b in series.indices where b > a {
                var lastSign = 0
                for k in series[a].indices {
                    guard let x = series[a][k], let y = series[b][k] else { lastSign = 0; continue }
                    let d = x - y
                    let sign = abs(d) <= 1e-9 * max(abs(x), abs(y)) ? 0 : (d < 0 ? -1 : 1)
                    if sign != 0 {
                        if lastSign != 0, sign != lastSign { found.append(Crossing(position: Double(k) - 0.5, cost: (x + y) / 2, lines: (a, b))) }
                        lastSign = sign
                    }
                }
            }
        }
        return found
    }

    /// The position of `value` along the chart's x axis, 0…1 (clamped).
    func fraction(of value: Double) -> Double {
        let t: Double
        if range.scale == .log, range.from > 0, value > 0 {
            t = Foundation.log(value / range.from) / Foundation.log(range.to / range.from)
        } else {
            t = (value - range.from) / (range.to - range.from)
        }
        return min(1, max(0, t.isFinite ? t : 0))
    }

    /// Sentences naming the next break-even in each direction: where another offering becomes the
    /// cheapest, and (when it is not the cheapest) the selected offering's nearest crossovers.
    func breakEvenSentences(offeringName: (String) -> String) -> [String] {
        guard let be = breakEven, !be.ranges.isEmpty else { return [] }
        let p = parameter
        var lines: [String] = []
        if let i = be.ranges.lastIndex(where: { $0.from <= current * (1 + 1e-12) }) ?? be.ranges.indices.first {
            let here = be.ranges[i]
            if i + 1 < be.ranges.count {
                let next = be.ranges[i + 1]
                lines.append("\(next.offering.map(offeringName) ?? "nothing") becomes cheapest \(p.phrase("above", next.from))")
            }
            if i > 0 {
                let previous = be.ranges[i - 1]
                lines.append("\(previous.offering.map(offeringName) ?? "nothing") is cheapest \(p.phrase("below", here.from))")
            }
            if lines.isEmpty, let id = here.offering {
                lines.append("\(offeringName(id)) stays cheapest from \(p.format(range.from)) to \(p.format(range.to))")
            }
        }
        // When the selected offering is the cheapest, its nearest crossovers are the range edges above.
        if let baseline, baseline != estimates.first(where: \.feasible)?.offering.id {
            let near = be.nearest(to: current, involving: baseline)
            let name = offeringName(baseline)
            if let above = near.above {
                lines.append(above.cheaperAbove == baseline
                    ? "\(name) becomes cheaper than \(offeringName(above.cheaperBelow)) \(p.phrase("above", above.value))"
                    : "\(offeringName(above.cheaperAbove)) becomes cheaper than \(name) \(p.phrase("above", above.value))")
            }
            if let below = near.below {
                lines.append(below.cheaperBelow == baseline
                    ? "\(name) is cheaper than \(offeringName(below.cheaperAbove)) \(p.phrase("below", below.value))"
                    : "\(offeringName(below.cheaperBelow)) is cheaper than \(name) \(p.phrase("below", below.value))")
            }
            if near.above == nil && near.below == nil {
                lines.append("\(name) crosses no other offering from \(p.format(range.from)) to \(p.format(range.to))")
            }
        }
        return lines
    }
}
