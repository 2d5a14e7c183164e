import RunCostCore

/// Turns sweeps and break-even results into chart specs for `SVGChart`.
public enum Charts {
    /// Cost against one parameter, a line per offering, crossovers of the cheapest marked and the
    /// cheapest offering's range shaded.
    public static func sweep(_ offerings: [Offering], _ w: Workload, _ parameter: SweepParameter, _ range: SweepRange) -> String {
        let result = BreakEven.find(offerings, w, parameter, from: range.from, to: range.to, listing: .envelope, gridPoints: max(range.points, 256))
        return breakEven(offerings, w, result, range)
    }

    public static func breakEven(_ offerings: [Offering], _ w: Workload, _ result: BreakEven, _ range: SweepRange) -> String {
        let parameter = result.parameter
        let points = SweepRange(from: range.from, to: range.to, points: 240, scale: range.scale)
        var series = offerings.map { ChartSeries(id: $0.id, label: $0.id, points: []) }
        Sweep.run(offerings, w, parameter, points) { x, costs in
            for k in costs.indices { series[k].points.append((x: x, y: costs[k])) }
        }
        for k in series.indices where series[k].points.allSatisfy({ $0.y == nil }) { series[k].label += " (infeasible)" }
        // Mark the crossovers where the cheapest offering changes: all pairs would bury the chart.
        let markers = result.ranges.dropFirst().compactMap { r -> ChartMarker? in
            guard let id = r.offering, let o = offerings.first(where: { $0.id == id }),
                  let y = Estimator.monthlyCost(o, parameter.apply(r.from, to: w)) else { return nil }
            return ChartMarker(x: r.from, y: y, label: parameter.format(r.from))
        }
        let bands = result.ranges.compactMap { r in r.offering.map { ChartBand(from: r.from, to: r.to, seriesID: $0) } }
        let title = "Monthly cost by \(parameter.noun)" + (w.freeTier ? " (free tier on)" : "")
        return SVGChart.render(ChartSpec(
            title: title, xLabel: parameter.noun, yLabel: "monthly cost",
            xScale: points.scale == .log ? .log : .linear, yScale: .log,
            xUnit: axisUnit(parameter), yUnit: .money,
            series: series, markers: markers, bands: bands, currentX: parameter.value(in: w)))
    }

    static func axisUnit(_ p: SweepParameter) -> AxisUnit {
        switch p.unit {
        case .count: .count
        case .duration: .duration
        case .memory: .memory
        case .number, .share: .plain
        }
    }
}
