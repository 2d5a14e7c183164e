import Foundation
import RunCostCore

/// One line on the chart; a nil `y` is an infeasible point and breaks the line.
public struct ChartSeries: Sendable {
    public var id: String
    public var label: String
    public var points: [(x: Double, y: Double?)]

    public init(id: String, label: String, points: [(x: Double, y: Double?)]) {
        self.id = id; self.label = label; self.points = points
    }
}

/// A labelled point, e.g. where two offerings cost the same.
public struct ChartMarker: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var label: String

    public init(x: Double, y: Double, label: String) {
        self.x = x; self.y = y; self.label = label
    }
}

/// An x-range where one series is cheapest, shaded lightly in that series' colour.
public struct ChartBand: Sendable, Equatable {
    public var from: Double
    public var to: Double
    public var seriesID: String

    public init(from: Double, to: Double, seriesID: String) {
        self.from = from; self.to = to; self.seriesID = seriesID
    }
}

public struct ChartSpec: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: AxisScale
    public var yScale: AxisScale
    public var xUnit: AxisUnit
    public var yUnit: AxisUnit
    public var series: [ChartSeries]
    public var markers: [ChartMarker]
    public var bands: [ChartBand]
    /// Dashed vertical line at the workload's current value.
    public var currentX: Double?
    public var width: Double
    public var height: Double

    public init(title: String = "", xLabel: String = "", yLabel: String = "",
                xScale: AxisScale = .linear, yScale: AxisScale = .linear,
                xUnit: AxisUnit = .plain, yUnit: AxisUnit = .plain,
                series: [ChartSeries] = [], markers: [ChartMarker] = [], bands: [ChartBand] = [],
                currentX: Double? = nil, width: Double = 960, height: Double = 540) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.xScale = xScale; self.yScale = yScale; self.xUnit = xUnit; self.yUnit = yUnit
        self.series = series; self.markers = markers; self.bands = bands
        self.currentX = currentX; self.width = width; self.height = height
    }
}

/// A standalone SVG 1.1 line chart. Pure and deterministic: same spec, same bytes.
public enum SVGChart {
    /// Okabe–Ito without its yellow, which vanishes on white. Past seven series the
    /// colours repeat with a dash pattern so lines stay distinguishable.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    static let dashes = ["", "8 4", "2 3"]

    static func colour(_ index: Int) -> String { palette[index % palette.count] }
    static func dash(_ index: Int) -> String { dashes[(index / palette.count) % dashes.count] }

    public static func render(_ spec: ChartSpec) -> String {
        Renderer(spec).render()
    }

    // MARK: text helpers

    static func xml(_ text: String) -> String { XML.escape(text) }

    /// Fixed two decimals; never NaN/inf (callers filter those, this is the last guard).
    static func num(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let s = Format.fixed(v, digits: 2)
        return s == "-0.00" ? "0.00" : s
    }

    /// Rough width of `text` in DejaVu/Helvetica at `size`; only used to avoid overlaps.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.62
    }

    static func truncate(_ text: String, toWidth width: Double, size: Double) -> String {
        let maxChars = max(1, Int(width / (size * 0.62)))
        return text.count <= maxChars ? text : String(text.prefix(max(0, maxChars - 1))) + "…"
    }
}

private struct Box {
    var x0, y0, x1, y1: Double
    func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
    func contains(_ p: (Double, Double)) -> Bool { p.0 >= x0 && p.0 <= x1 && p.1 >= y0 && p.1 <= y1 }

    /// Whether segment a–b passes through the box (Liang–Barsky clipping).
    func crosses(_ a: (Double, Double), _ b: (Double, Double)) -> Bool {
        if contains(a) || contains(b) { return true }
        let dx = b.0 - a.0, dy = b.1 - a.1
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.0 - x0), (dx, x1 - a.0), (-dy, a.1 - y0), (dy, y1 - a.1)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

private struct Renderer {
    let spec: ChartSpec
    let width: Double, height: Double
    let xAxis: Axis, yAxis: Axis
    let plotLeft, plotRight, plotTop, plotBottom: Double
    let legendWidth: Double

    static let tickSize = 11.0, legendSize = 12.0, titleSize = 16.0, labelSize = 13.0

    init(_ spec: ChartSpec) {
        self.spec = spec
        width = spec.width.isFinite ? max(320, spec.width) : 960
        height = spec.height.isFinite ? max(200, spec.height) : 540

        var xs = spec.series.flatMap { $0.points.map(\.x) } + spec.markers.map(\.x)
        if let c = spec.currentX { xs.append(c) }
        let ys = spec.series.flatMap { $0.points.compactMap(\.y) } + spec.markers.map(\.y)
        xAxis = Axis.make(values: xs, scale: spec.xScale, unit: spec.xUnit)
        // Costs read best from zero on a linear axis.
        yAxis = Axis.make(values: ys, scale: spec.yScale, unit: spec.yUnit, includeZero: spec.yScale == .linear)

        // Legend sits outside the plot on the right so it never hides a line.
        let labels = spec.series.map(\.label) + Renderer.extraLegendLabels(spec)
        let widest = labels.map { SVGChart.textWidth($0, size: Renderer.legendSize) }.max() ?? 0
        legendWidth = labels.isEmpty ? 0 : min(width * 0.3, max(110, widest + 58))
        let yTickWidth = yAxis.ticks.compactMap(\.label).map { SVGChart.textWidth($0, size: Renderer.tickSize) }.max() ?? 0
        // Capped (labels are truncated to fit) so the plot keeps at least ~45% of the width.
        plotLeft = min(width * 0.25, (spec.yLabel.isEmpty ? 14 : 36) + yTickWidth + 12)
        plotRight = width - max(24, legendWidth)
        plotTop = spec.title.isEmpty ? 20 : 48
        plotBottom = height - (spec.xLabel.isEmpty ? 34 : 58)
    }

    static func extraLegendLabels(_ spec: ChartSpec) -> [String] {
        (spec.markers.isEmpty ? [] : ["crossover"]) + (spec.bands.isEmpty ? [] : ["cheapest"]) + (spec.currentX == nil ? [] : ["current"])
    }

    /// Screen x for a data x, clamped far outside the plot (the clip hides it) so coordinates stay sane.
    func px(_ x: Double) -> Double? {
        xAxis.fraction(x).map { plotLeft + min(10, max(-10, $0)) * (plotRight - plotLeft) }
    }

    func py(_ y: Double) -> Double? {
        yAxis.fraction(y).map { plotBottom - min(10, max(-10, $0)) * (plotBottom - plotTop) }
    }

    func colourIndex(of seriesID: String) -> Int? { spec.series.firstIndex { $0.id == seriesID } }

    func render() -> String {
        let n = SVGChart.num
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(n(width))" height="\(n(height))" \
        viewBox="0 0 \(n(width)) \(n(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">

        """
        out += "<title>\(SVGChart.xml(spec.title))</title>\n"
        out += "<defs><clipPath id=\"plot-area\"><rect x=\"\(n(plotLeft))\" y=\"\(n(plotTop))\" width=\"\(n(plotRight - plotLeft))\" height=\"\(n(plotBottom - plotTop))\"/></clipPath></defs>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
        var placed: [Box] = []
        let (bandRects, bandLabels) = bands(&placed)
        out += bandRects
        out += grid()
        out += bandLabels   // after the grid so gridlines do not strike through them
        out += "<rect x=\"\(n(plotLeft))\" y=\"\(n(plotTop))\" width=\"\(n(plotRight - plotLeft))\" height=\"\(n(plotBottom - plotTop))\" fill=\"none\" stroke=\"#666666\" stroke-width=\"1\"/>\n"
        let segments = screenSegments()
        out += lines(segments)
        out += currentLine()
        // The current-x line is one more line for marker labels to keep off.
        let current = spec.currentX.flatMap(px).map { [[[($0, plotTop), ($0, plotBottom)]]] } ?? []
        out += markers(&placed, avoiding: segments + current)
        out += legend()
        out += titles()
        out += "</svg>\n"
        return out
    }

    // MARK: pieces

    func bands(_ placed: inout [Box]) -> (rects: String, labels: String) {
        let n = SVGChart.num
        var out = ""
        var labels = ""
        for band in spec.bands {
            guard let a = bandEdge(band.from), let b = bandEdge(band.to) else { continue }
            let left = min(a, b), right = max(a, b)
            guard right - left >= 0.5 else { continue }
            let index = colourIndex(of: band.seriesID)
            let colour = index.map(SVGChart.colour) ?? "#999999"
            out += "<rect x=\"\(n(left))\" y=\"\(n(plotTop))\" width=\"\(n(right - left))\" height=\"\(n(plotBottom - plotTop))\" fill=\"\(colour)\" fill-opacity=\"0.10\"/>\n"
            let text = index.map { spec.series[$0].label } ?? band.seriesID
            let w = SVGChart.textWidth(text, size: Renderer.tickSize)
            if w + 8 <= right - left {
                let cx = (left + right) / 2, y = plotTop + 14
                placed.append(Box(x0: cx - w / 2, y0: y - 11, x1: cx + w / 2, y1: y + 3))
                labels += "<text x=\"\(n(cx))\" y=\"\(n(y))\" font-size=\"\(n(Renderer.tickSize))\" text-anchor=\"middle\" fill=\"\(colour)\">\(SVGChart.xml(text))</text>\n"
            }
        }
        return (out, labels)
    }

    /// Band edges may be open-ended (±inf, or ≤ 0 on a log axis): clamp them to the plot.
    func bandEdge(_ x: Double) -> Double? {
        if x.isNaN { return nil }
        let f: Double
        if x == -.infinity || (xAxis.scale == .log && x <= 0) { f = 0 }
        else if x == .infinity { f = 1 }
        else { f = min(1, max(0, xAxis.fraction(x) ?? 0)) }
        return plotLeft + f * (plotRight - plotLeft)
    }

    func grid() -> String {
        let n = SVGChart.num
        let size = Renderer.tickSize
        var out = "<g stroke-width=\"1\">\n"
        var text = "<g font-size=\"\(n(size))\" fill=\"#333333\">\n"
        let eps = 1e-9

        // x: keep labels that fit, majors first so decades win over 2/5 sub-ticks.
        var xBoxes: [Box] = []
        var xLabels: [(Double, String)] = []
        for major in [true, false] {
            for tick in xAxis.ticks where tick.major == major {
                guard let label = tick.label, let f = xAxis.fraction(tick.value), f >= -eps, f <= 1 + eps else { continue }
                let x = plotLeft + f * (plotRight - plotLeft), w = SVGChart.textWidth(label, size: size)
                let box = Box(x0: x - w / 2 - 4, y0: 0, x1: x + w / 2 + 4, y1: 1)
                if xBoxes.contains(where: box.overlaps) { continue }
                xBoxes.append(box); xLabels.append((x, label))
            }
        }
        for tick in xAxis.ticks {
            guard let f = xAxis.fraction(tick.value), f >= -eps, f <= 1 + eps else { continue }
            let x = n(plotLeft + f * (plotRight - plotLeft))
            out += "<line x1=\"\(x)\" y1=\"\(n(plotTop))\" x2=\"\(x)\" y2=\"\(n(plotBottom))\" stroke=\"\(tick.major ? "#dddddd" : "#f0f0f0")\"/>\n"
            out += "<line x1=\"\(x)\" y1=\"\(n(plotBottom))\" x2=\"\(x)\" y2=\"\(n(plotBottom + (tick.major ? 5 : 3)))\" stroke=\"#666666\"/>\n"
        }
        for (x, label) in xLabels.sorted(by: { $0.0 < $1.0 }) {
            text += "<text x=\"\(n(x))\" y=\"\(n(plotBottom + 18))\" text-anchor=\"middle\">\(SVGChart.xml(label))</text>\n"
        }

        var yBoxes: [Box] = []
        var yLabels: [(Double, String)] = []
        for major in [true, false] {
            for tick in yAxis.ticks where tick.major == major {
                guard let label = tick.label, let f = yAxis.fraction(tick.value), f >= -eps, f <= 1 + eps else { continue }
                let y = plotBottom - f * (plotBottom - plotTop)
                let box = Box(x0: 0, y0: y - size * 0.7, x1: 1, y1: y + size * 0.7)
                if yBoxes.contains(where: box.overlaps) { continue }
                yBoxes.append(box); yLabels.append((y, label))
            }
        }
        for tick in yAxis.ticks {
            guard let f = yAxis.fraction(tick.value), f >= -eps, f <= 1 + eps else { continue }
            let y = n(plotBottom - f * (plotBottom - plotTop))
            out += "<line x1=\"\(n(plotLeft))\" y1=\"\(y)\" x2=\"\(n(plotRight))\" y2=\"\(y)\" stroke=\"\(tick.major ? "#dddddd" : "#f0f0f0")\"/>\n"
            out += "<line x1=\"\(n(plotLeft - (tick.major ? 5 : 3)))\" y1=\"\(y)\" x2=\"\(n(plotLeft))\" y2=\"\(y)\" stroke=\"#666666\"/>\n"
        }
        for (y, label) in yLabels.sorted(by: { $0.0 > $1.0 }) {
            let fitted = SVGChart.truncate(label, toWidth: plotLeft - 8 - (spec.yLabel.isEmpty ? 4 : 30), size: size)
            text += "<text x=\"\(n(plotLeft - 8))\" y=\"\(n(y + size * 0.35))\" text-anchor=\"end\">\(SVGChart.xml(fitted))</text>\n"
        }
        return out + "</g>\n" + text + "</g>\n"
    }

    /// Each series in screen coordinates, split at infeasible (nil), non-finite and,
    /// on log axes, non-positive points.
    func screenSegments() -> [[[(Double, Double)]]] {
        spec.series.map { series in
            var segments: [[(Double, Double)]] = [[]]
            for p in series.points {
                if let y = p.y, let sx = px(p.x), let sy = py(y) {
                    segments[segments.count - 1].append((sx, sy))
                } else if !segments[segments.count - 1].isEmpty {
                    segments.append([])
                }
            }
            return segments.filter { !$0.isEmpty }
        }
    }

    func lines(_ all: [[[(Double, Double)]]]) -> String {
        let n = SVGChart.num
        var out = ""
        for (i, series) in spec.series.enumerated() {
            let segments = all[i]
            let colour = SVGChart.colour(i), dash = SVGChart.dash(i)
            out += "<g clip-path=\"url(#plot-area)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
            out += dash.isEmpty ? ">\n" : " stroke-dasharray=\"\(dash)\">\n"
            out += "<title>\(SVGChart.xml(series.label))</title>\n"
            for segment in segments {
                if segment.count == 1 {
                    // A lone feasible point would be an invisible zero-length line.
                    out += "<circle cx=\"\(n(segment[0].0))\" cy=\"\(n(segment[0].1))\" r=\"2.5\" fill=\"\(colour)\" stroke=\"none\"/>\n"
                } else {
                    out += "<polyline points=\"" + segment.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ") + "\"/>\n"
                }
            }
            out += "</g>\n"
        }
        return out
    }

    func currentLine() -> String {
        guard let c = spec.currentX, let x = px(c), x >= plotLeft - 0.01, x <= plotRight + 0.01 else { return "" }
        let n = SVGChart.num
        let label = "current " + Axis.label(c, unit: spec.xUnit, step: abs(c) / 100)
        let w = SVGChart.textWidth(label, size: Renderer.tickSize)
        let flip = x + 4 + w > plotRight   // keep the label inside the plot near the right edge
        return "<line x1=\"\(n(x))\" y1=\"\(n(plotTop))\" x2=\"\(n(x))\" y2=\"\(n(plotBottom))\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            + "<text x=\"\(n(flip ? x - 4 : x + 4))\" y=\"\(n(plotBottom - 6))\" font-size=\"\(n(Renderer.tickSize))\" text-anchor=\"\(flip ? "end" : "start")\" fill=\"#333333\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(SVGChart.xml(label))</text>\n"
    }

    func markers(_ placed: inout [Box], avoiding segments: [[[(Double, Double)]]]) -> String {
        let n = SVGChart.num
        let size = Renderer.tickSize
        var dots = "", labels = ""
        let plot = Box(x0: plotLeft, y0: plotTop, x1: plotRight, y1: plotBottom)
        for marker in spec.markers {
            guard let x = px(marker.x), let y = py(marker.y) else { continue }
            guard plot.overlaps(Box(x0: x - 1, y0: y - 1, x1: x + 1, y1: y + 1)) else { continue }
            dots += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"1.5\"/>\n"
            guard !marker.label.isEmpty else { continue }
            let text = SVGChart.truncate(marker.label, toWidth: (plotRight - plotLeft) / 2, size: size)
            let w = SVGChart.textWidth(text, size: size)
            // Corners near the dot, then further out; the label's white halo would cut any line it
            // sits on, so prefer spots that cross no line, no earlier label and stay in the plot.
            var candidates: [(dx: Double, dy: Double, end: Bool)] = []
            for (dx, dy) in [(7.0, -8.0), (7, 17), (-7, -8), (-7, 17), (7, -24), (7, 33), (-7, -24), (-7, 33), (7, -40), (7, 49), (-7, -40), (-7, 49)] {
                candidates.append((dx, dy, dx < 0))
            }
            func box(_ c: (dx: Double, dy: Double, end: Bool)) -> Box {
                let tx = x + c.dx, ty = y + c.dy
                return c.end ? Box(x0: tx - w, y0: ty - size, x1: tx, y1: ty + 3) : Box(x0: tx, y0: ty - size, x1: tx + w, y1: ty + 3)
            }
            func cost(_ b: Box) -> Int {
                let outside = b.x0 < plotLeft || b.x1 > plotRight || b.y0 < plotTop || b.y1 > plotBottom
                let crossings = segments.joined().reduce(0) { sum, line in
                    sum + zip(line, line.dropFirst()).filter { b.crosses($0.0, $0.1) }.count
                }
                return (outside ? 10_000 : 0) + placed.filter(b.overlaps).count * 1_000 + crossings
            }
            var choice = candidates[0]
            var best = Int.max
            for c in candidates {
                let score = cost(box(c))
                if score < best { best = score; choice = c }   // ties keep the nearer, earlier spot
                if score == 0 { break }
            }
            placed.append(box(choice))
            labels += "<text x=\"\(n(x + choice.dx))\" y=\"\(n(y + choice.dy))\" font-size=\"\(n(size))\" text-anchor=\"\(choice.end ? "end" : "start")\" fill=\"#222222\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(SVGChart.xml(text))</text>\n"
        }
        return dots + labels
    }

    func legend() -> String {
        guard legendWidth > 0 else { return "" }
        let n = SVGChart.num
        let size = Renderer.legendSize
        let x = plotRight + 16, textX = x + 32
        let room = width - textX - 8
        var y = plotTop + 8
        var out = "<g font-size=\"\(n(size))\" fill=\"#222222\">\n"
        func label(_ text: String) {
            out += "<text x=\"\(n(textX))\" y=\"\(n(y + size * 0.35))\">\(SVGChart.xml(SVGChart.truncate(text, toWidth: room, size: size)))</text>\n"
        }
        for (i, series) in spec.series.enumerated() {
            let dash = SVGChart.dash(i)
            out += "<line x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + 24))\" y2=\"\(n(y))\" stroke=\"\(SVGChart.colour(i))\" stroke-width=\"3\""
            out += dash.isEmpty ? "/>\n" : " stroke-dasharray=\"\(dash)\"/>\n"
            label(series.label)
            y += 20
        }
        if !spec.markers.isEmpty || !spec.bands.isEmpty || spec.currentX != nil { y += 6 }
        if !spec.markers.isEmpty {
            out += "<circle cx=\"\(n(x + 12))\" cy=\"\(n(y))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"1.5\"/>\n"
            label("crossover"); y += 20
        }
        if !spec.bands.isEmpty {
            out += "<rect x=\"\(n(x))\" y=\"\(n(y - 7))\" width=\"24\" height=\"14\" fill=\"#888888\" fill-opacity=\"0.25\"/>\n"
            label("cheapest"); y += 20
        }
        if spec.currentX != nil {
            out += "<line x1=\"\(n(x + 12))\" y1=\"\(n(y - 8))\" x2=\"\(n(x + 12))\" y2=\"\(n(y + 8))\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
            label("current"); y += 20
        }
        return out + "</g>\n"
    }

    func titles() -> String {
        let n = SVGChart.num
        var out = ""
        if !spec.title.isEmpty {
            let text = SVGChart.truncate(spec.title, toWidth: width - 20, size: Renderer.titleSize)
            out += "<text x=\"\(n(width / 2))\" y=\"28\" font-size=\"\(n(Renderer.titleSize))\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#111111\">\(SVGChart.xml(text))</text>\n"
        }
        if !spec.xLabel.isEmpty {
            let text = SVGChart.truncate(spec.xLabel, toWidth: plotRight - plotLeft, size: Renderer.labelSize)
            out += "<text x=\"\(n((plotLeft + plotRight) / 2))\" y=\"\(n(height - 14))\" font-size=\"\(n(Renderer.labelSize))\" text-anchor=\"middle\" fill=\"#222222\">\(SVGChart.xml(text))</text>\n"
        }
        if !spec.yLabel.isEmpty {
            let text = SVGChart.truncate(spec.yLabel, toWidth: plotBottom - plotTop, size: Renderer.labelSize)
            let cy = (plotTop + plotBottom) / 2
            out += "<text x=\"18\" y=\"\(n(cy))\" font-size=\"\(n(Renderer.labelSize))\" text-anchor=\"middle\" fill=\"#222222\" transform=\"rotate(-90 18 \(n(cy)))\">\(SVGChart.xml(text))</text>\n"
        }
        return out
    }
}
