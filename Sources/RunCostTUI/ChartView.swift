import Foundation
import RunCostCore

/// Monthly cost against the selected input on log axes: a line per charted offering (braille dots,
/// or letters in ASCII), the current value as a vertical marker, crossings marked, and sentences
/// naming the next break-even in each direction.
enum ChartView {
    /// Rows of the folded chart: its frame and two break-even sentences.
    static let collapsedHeight = 4

    static func draw(_ screen: inout Screen, _ m: Model, x: Int, y: Int, width: Int, height: Int) {
        let a = m.analysis
        let p = a.parameter
        if m.chartCollapsed {
            screen.box(x: x, y: y, width: width, height: height, title: "Break-even vs \(p.noun) · c shows the chart", style: Theme.frame)
            let sentences = a.breakEvenSentences { $0 }.flatMap { Text.wrap($0, width - 3) }
            for (i, line) in sentences.prefix(max(0, height - 2)).enumerated() {
                screen.put(line, x: x + 2, y: y + 1 + i, style: Theme.info, maxWidth: width - 3)
            }
            return
        }
        let scale = a.range.scale == .log ? "log axes" : "log cost, linear \(p.noun)"
        screen.box(x: x, y: y, width: width, height: height, title: "Monthly cost vs \(p.noun) (\(scale))", style: Theme.frame)
        let ix = x + 1, iy = y + 1, iw = width - 2, ih = height - 2
        guard iw > 10, ih > 3 else { return }
        guard !a.charted.isEmpty, a.series.contains(where: { $0.contains { $0 != nil } }) else {
            let text = a.estimates.isEmpty ? "Nothing to chart: no offering is shown." : "No offering can run this workload here."
            screen.put(text, x: ix + 1, y: iy, style: Theme.error, maxWidth: iw - 1)
            return
        }

        // Break-even sentences at the bottom, then the legend, then the x axis; the plot gets the rest.
        let sideLegend = iw >= 100
        let legendWidth = sideLegend ? min(36, iw / 4) : iw
        let sentences = a.breakEvenSentences { $0 }.flatMap { Text.wrap($0, iw - 1) }
        let sentenceRows = min(sentences.count, ih >= 16 ? ih / 4 : ih >= 12 ? 4 : 2)
        // Below the plot the legend is a grid of equal columns; only lines with a legend entry are
        // drawn, keeping the selected offering's.
        let legendColumns = max(1, (iw - 1) / 24)
        let maxLegendRows = ih >= 16 ? 3 : ih >= 12 ? 2 : 1
        var lines = Array(a.series.indices)
        if !sideLegend, lines.count > legendColumns * maxLegendRows {
            let selected = a.charted.firstIndex { $0 == m.selectedID }
            lines = Array(lines.prefix(legendColumns * maxLegendRows))
            if let selected, !lines.contains(selected) { lines[lines.count - 1] = selected }
        }
        let legend = legendEntries(m).filter { lines.contains($0.line) }
        let legendRows = sideLegend ? 0 : min(maxLegendRows, (legend.count + legendColumns - 1) / legendColumns)
        let plotHeight = ih - sentenceRows - legendRows - 1
        guard plotHeight >= 2 else { return }
        let labelWidth = 7
        let plotX = ix + labelWidth + 1
        let plotWidth = iw - labelWidth - 1 - (sideLegend ? legendWidth + 1 : 0)
        guard plotWidth >= 8 else { return }

        // Cost axis: log, from the cheapest positive cost to the dearest on the chart, but at most a
        // decade either side of what the drawn offerings cost now: a line that grows far dearer
        // at the end of the range leaves the top instead of squashing the others at the bottom.
        let points = a.series.first?.count ?? 0
        let costs = lines.flatMap { a.series[$0].compactMap { $0 } }
        var hi = costs.max() ?? 1
        var lo = costs.filter { $0 > 0 }.min() ?? hi
        let here = Int((a.fraction(of: a.current) * Double(max(0, points - 1))).rounded())
        let costsNow = lines.compactMap { a.series[$0].indices.contains(here) ? a.series[$0][here] : nil }.filter { $0 > 0 }
        if let dearest = costsNow.max(), let cheapest = costsNow.min() {
            hi = min(hi, dearest * 10)
            lo = max(lo, cheapest / 10)
        }
        lo = max(lo, hi * 1e-6)
        if hi <= 0 { hi = 1; lo = 0.1 }
        if lo >= hi { lo = hi / 2; hi *= 2 }
        // Round ends (1, 2, 5 × 10ⁿ), so the labels read as round money.
        hi = Self.round(hi, up: true)
        lo = Self.round(lo, up: false)
        let logLo = log(lo), logSpan = log(hi) - log(lo)
        func rowOf(_ cost: Double, _ rows: Int) -> Int {   // 0 = top
            let t = cost <= lo ? 0 : min(1, (log(cost) - logLo) / logSpan)
            return (rows - 1) - Int((t * Double(rows - 1)).rounded())
        }

        // Axis labels.
        let symbol = m.currencySymbol
        for (row, label) in [(0, Format.compactMoney(hi, symbol: symbol)), (plotHeight - 1, Format.compactMoney(lo, symbol: symbol))] {
            screen.put(Text.padLeft(label, labelWidth), x: ix, y: iy + row, style: Theme.muted, maxWidth: labelWidth)
        }
        if plotHeight >= 7 {
            // A round value near the middle, on the row where it belongs.
            let value = Self.round(exp(logLo + logSpan / 2), up: false)
            let row = rowOf(value, plotHeight)
            if row > 1, row < plotHeight - 2 {
                screen.put(Text.padLeft(Format.compactMoney(value, symbol: symbol), labelWidth), x: ix, y: iy + row, style: Theme.muted, maxWidth: labelWidth)
            }
        }
        for row in 0..<plotHeight {
            screen.put(String(m.glyphs.vertical), x: plotX - 1, y: iy + row, style: Theme.frame)
        }

        let markerColumn = Int((a.fraction(of: a.current) * Double(plotWidth - 1)).rounded())
        var occupied = Array(repeating: false, count: plotWidth * plotHeight)
        let colors = m.session.color

        switch m.chartStyle {
        case .braille:
            var canvas = BrailleCanvas(width: plotWidth, height: plotHeight)
            // Dearest first, so the cheapest lines end on top where cells are shared.
            for line in lines.reversed() {
                let dotsWide = plotWidth * 2, dotsHigh = plotHeight * 4
                var previous: Int?
                for dx in 0..<dotsWide {
                    let index = sample(dx, dotsWide, points)
                    guard let cost = a.series[line][index], cost <= hi else { previous = nil; continue }
                    let dy = rowOf(cost, dotsHigh)
                    canvas.line(x: dx, from: previous ?? dy, to: dy, owner: line)
                    previous = dy
                }
            }
            for cy in 0..<plotHeight {
                for cx in 0..<plotWidth {
                    guard let (glyph, owner) = canvas.cell(cx, cy) else { continue }
                    occupied[cy * plotWidth + cx] = true
                    screen.set(Cell(character: glyph, style: lineStyle(owner, m, colors)), x: plotX + cx, y: iy + cy)
                }
            }
        case .ascii:
            for line in lines.reversed() {
                var previous: Int?
                for cx in 0..<plotWidth {
                    let index = sample(cx, plotWidth, points)
                    guard let cost = a.series[line][index], cost <= hi else { previous = nil; continue }
                    let cy = rowOf(cost, plotHeight)
                    let span = previous.map { $0 < cy ? ($0 + 1)...cy : cy...max(cy, $0 - 1) } ?? cy...cy
                    for row in span {
                        occupied[row * plotWidth + cx] = true
                        screen.set(Cell(character: Theme.letters[line % Theme.letters.count], style: lineStyle(line, m, colors)),
                                   x: plotX + cx, y: iy + row)
                    }
                    previous = cy
                }
            }
        }

        // The current value: a marker through empty cells, so lines stay readable.
        for row in 0..<plotHeight where !occupied[row * plotWidth + markerColumn] {
            screen.set(Cell(character: m.glyphs.vertical, style: Theme.marker), x: plotX + markerColumn, y: iy + row)
        }
        // Crossings between charted lines.
        for crossing in a.crossings where lines.contains(crossing.lines.0) && lines.contains(crossing.lines.1) {
            let cx = Int((crossing.position / Double(max(1, points - 1)) * Double(plotWidth - 1)).rounded())
            guard cx >= 0, cx < plotWidth else { continue }
            let cy = rowOf(crossing.cost, plotHeight)
            screen.set(Cell(character: m.glyphs.crossing, style: Theme.crossing), x: plotX + cx, y: iy + cy)
        }

        // X axis: range ends and the current value under its marker.
        let axisY = iy + plotHeight
        let left = p.format(a.range.from), right = p.format(a.range.to)
        screen.put(left, x: plotX, y: axisY, style: Theme.muted)
        screen.put(right, x: plotX + plotWidth - right.count, y: axisY, style: Theme.muted)
        let now = m.glyphs.up + p.format(a.current)
        let nowX = min(plotX + plotWidth - now.count, max(plotX, plotX + markerColumn - now.count / 2))
        if nowX > plotX + left.count, nowX + now.count < plotX + plotWidth - right.count {
            screen.put(now, x: nowX, y: axisY, style: Style(bold: true))
        }

        // Legend.
        if sideLegend {
            let lx = ix + iw - legendWidth
            for (i, entry) in legend.prefix(plotHeight).enumerated() {
                drawLegendEntry(&screen, entry, x: lx, y: iy + i, width: legendWidth, m)
            }
        } else {
            let columnWidth = (iw - 1) / legendColumns
            for (i, entry) in legend.prefix(legendRows * legendColumns).enumerated() {
                drawLegendEntry(&screen, entry, x: ix + 1 + (i % legendColumns) * columnWidth, y: axisY + 1 + i / legendColumns,
                                width: columnWidth - 1, m)
            }
        }

        // Next break-even in each direction.
        let textY = iy + ih - sentenceRows
        for (i, line) in sentences.prefix(sentenceRows).enumerated() {
            screen.put(line, x: ix + 1, y: textY + i, style: Theme.info, maxWidth: iw - 1)
        }
    }

    struct LegendEntry {
        var line: Int
        var key: String
        var id: String
        var cost: String
        var selected: Bool
    }

    static func legendEntries(_ m: Model) -> [LegendEntry] {
        m.analysis.charted.enumerated().map { i, id in
            let cost = m.analysis.estimates.first { $0.offering.id == id }.flatMap { $0.feasible ? m.money($0.monthlyCost) : "infeasible" } ?? ""
            let key = m.chartStyle == .ascii ? String(Theme.letters[i % Theme.letters.count]) : m.glyphs.legendLine
            return LegendEntry(line: i, key: key, id: id, cost: cost, selected: id == m.selectedID)
        }
    }

    /// `━━ id $cost`: the id is shortened first, so the cost always shows.
    static func drawLegendEntry(_ screen: inout Screen, _ entry: LegendEntry, x: Int, y: Int, width: Int, _ m: Model) {
        var style = lineStyle(entry.line, m, m.session.color)
        style.bold = true
        let end = screen.put(entry.key, x: x, y: y, style: style, maxWidth: width)
        var rest = Theme.label
        rest.bold = entry.selected
        rest.underline = entry.selected
        let room = width - entry.key.count - 2 - entry.cost.count
        let text = room >= 6 ? " " + Text.clipMiddle(entry.id, room, ellipsis: m.glyphs.ellipsis) + " " + entry.cost
            : " " + Text.clipMiddle(entry.id, width - entry.key.count - 1, ellipsis: m.glyphs.ellipsis)
        screen.put(text, x: end, y: y, style: rest, maxWidth: max(0, width - entry.key.count))
    }

    static func lineStyle(_ line: Int, _ m: Model, _ colors: Bool) -> Style {
        var style = Style(foreground: Theme.palette[line % Theme.palette.count])
        if m.analysis.charted.indices.contains(line), m.analysis.charted[line] == m.selectedID { style.bold = true }
        return style
    }

    /// The nearest of 1, 2, 5 × 10ⁿ at or above `value` (`up`), or at or below it.
    static func round(_ value: Double, up: Bool) -> Double {
        guard value > 0, value.isFinite else { return value }
        let decade = pow(10, floor(log10(value)))
        let steps: [Double] = [1, 2, 5, 10]
        let mantissa = value / decade
        let step = up ? steps.first { $0 >= mantissa * (1 - 1e-9) } ?? 10
                      : steps.last { $0 <= mantissa * (1 + 1e-9) } ?? 1
        return step * decade
    }

    /// The series index for column `i` of `n` (nearest point).
    static func sample(_ i: Int, _ n: Int, _ points: Int) -> Int {
        guard n > 1, points > 1 else { return 0 }
        return min(points - 1, Int((Double(i) / Double(n - 1) * Double(points - 1)).rounded()))
    }
}

/// Braille cells: 2×4 dots each, the owner of the last dot set deciding the cell's colour.
struct BrailleCanvas {
    let width: Int, height: Int
    private var bits: [UInt8]
    private var owners: [Int]

    init(width: Int, height: Int) {
        self.width = width; self.height = height
        bits = Array(repeating: 0, count: width * height)
        owners = Array(repeating: -1, count: width * height)
    }

    /// Dot (col, row) within a cell → bit of U+2800…U+28FF.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func set(_ x: Int, _ y: Int, owner: Int) {
        guard x >= 0, y >= 0, x < width * 2, y < height * 4 else { return }
        let cell = (y / 4) * width + x / 2
        bits[cell] |= Self.dotBits[x % 2][y % 4]
        owners[cell] = owner
    }

    /// A vertical run of dots in column `x`, joining a line's previous height to this one.
    mutating func line(x: Int, from: Int, to: Int, owner: Int) {
        for y in min(from, to)...max(from, to) { set(x, y, owner: owner) }
    }

    func cell(_ x: Int, _ y: Int) -> (Character, Int)? {
        let i = y * width + x
        guard bits[i] != 0 else { return nil }
        return (Character(Unicode.Scalar(0x2800 + UInt32(bits[i]))!), owners[i])
    }
}
