import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RunCostReports
import RunCostCore

@Suite struct SVGChartTests {
    /// Parses with XMLParser; returns every text node and the first error, if any.
    final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var current = ""
        var elements: [String] = []
        var rootAttributes: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if elements.isEmpty { rootAttributes = attributes }
            elements.append(name); current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" || name == "title" { texts.append(current) }
            current = ""
        }
    }

    static func parse(_ svg: String) -> (ok: Bool, collector: Collector) {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector)
    }

    /// The monthly-cost-vs-requests chart from the brief: four series, two crossovers, three bands.
    static var sample: ChartSpec {
        let xs = (0...50).map { pow(10, 5 + Double($0) / 10) }
        let payPerUse = ChartSeries(id: "lambda", label: "aws-lambda-arm", points: xs.map { ($0, 0.2e-6 * $0 + 2e-6 * $0) })
        let flat = ChartSeries(id: "vps", label: "hetzner-cx22 (flat)", points: xs.map { ($0, 15) })
        // One more $20 instance per 3e7 requests (so the cost doubles at the first step): risers drawn vertical.
        var stepPoints: [(x: Double, y: Double?)] = []
        for x in xs {
            let y = 20 * (x / 3e7).rounded(.up)
            if let last = stepPoints.last, let ly = last.y, ly != y { stepPoints.append((x, ly)) }
            stepPoints.append((x, y))
        }
        let stepped = ChartSeries(id: "fargate", label: "aws-fargate <autoscaled> & co", points: stepPoints)
        // Infeasible between 2e7 and 1e8 (over a concurrency limit): a gap.
        let gappy = ChartSeries(id: "run", label: "gcp-cloud-run-request", points: xs.map { x in
            (x, x > 2e7 && x < 1e8 ? nil : 2 + 1.2e-6 * x)
        })
        return ChartSpec(
            title: "Monthly cost vs requests/month", xLabel: "requests / month", yLabel: "monthly cost (USD)",
            xScale: .log, yScale: .log, xUnit: .count, yUnit: .money,
            series: [payPerUse, flat, stepped, gappy],
            // lambda = cloud-run at 2e6 ($4.40); cloud-run = hetzner at 13/1.2e-6 ≈ 10.83M ($15).
            markers: [ChartMarker(x: 2e6, y: 4.4, label: "2M: lambda = cloud-run"),
                      ChartMarker(x: 13 / 1.2e-6, y: 15, label: "10.8M: cloud-run = hetzner")],
            bands: [ChartBand(from: 1e5, to: 2e6, seriesID: "lambda"),
                    ChartBand(from: 2e6, to: 13 / 1.2e-6, seriesID: "run"),
                    ChartBand(from: 13 / 1.2e-6, to: .infinity, seriesID: "vps")],
            currentX: 3e6)
    }

    /// Small canvas, linear axes, nine series (past the palette), long labels.
    static var crowded: ChartSpec {
        let xs = (0...60).map { Double($0) * 0.5 }
        let series = (0..<9).map { k in
            ChartSeries(id: "s\(k)", label: "offering-number-\(k)-with-a-rather-long-name",
                        points: xs.map { ($0, Double(k) * 40 + $0 * Double(k + 1) * 3) })
        }
        return ChartSpec(title: "Monthly cost by duration, a long title that goes on and on to test truncation of it",
                         xLabel: "duration", yLabel: "monthly cost", xUnit: .duration, yUnit: .money, series: series,
                         markers: [ChartMarker(x: 10, y: 100, label: "a crossover")],
                         bands: [ChartBand(from: 0, to: 12, seriesID: "s0"), ChartBand(from: 12, to: 30, seriesID: "s8")],
                         currentX: 29.9, width: 640, height: 400)
    }

    @Test func crowdedIsValidXML() {
        let svg = SVGChart.render(Self.crowded)
        #expect(Self.parse(svg).ok)
        #expect(svg.contains("stroke-dasharray=\"8 4\""))   // series 8 reuses a colour, dashed
    }

    @Test func sampleIsValidXML() throws {
        let svg = SVGChart.render(Self.sample)
        let (ok, c) = Self.parse(svg)
        #expect(ok)
        #expect(c.elements.first == "svg")
        #expect(c.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(c.rootAttributes["viewBox"] == "0 0 960.00 540.00")
        #expect(c.elements.filter { $0 == "polyline" }.count >= 5)   // the gap splits one series in two
        #expect(c.texts.contains("aws-fargate <autoscaled> & co"))
        #expect(svg.contains("aws-fargate &lt;autoscaled&gt; &amp; co"))
        #expect(!svg.contains("NaN") && !svg.lowercased().contains("inf"))
        #expect(SVGChart.render(Self.sample) == svg)   // deterministic
        if ProcessInfo.processInfo.environment["RUNCOST_WRITE_SAMPLE"] == "1" {
            try svg.write(toFile: "/tmp/runcost-sample.svg", atomically: true, encoding: .utf8)
            try SVGChart.render(Self.crowded).write(toFile: "/tmp/runcost-sample-2.svg", atomically: true, encoding: .utf8)
        }
    }

    @Test func logCountTicks() {
        let spec = ChartSpec(xScale: .log, yScale: .linear, xUnit: .count, yUnit: .money,
                             series: [ChartSeries(id: "a", label: "a", points: [(1e5, 1), (1e9, 100)])])
        let (ok, c) = Self.parse(SVGChart.render(spec))
        #expect(ok)
        for label in ["100k", "1M", "10M", "100M", "1B"] { #expect(c.texts.contains(label), "\(label)") }
    }

    @Test func logTickLabelsPerUnit() {
        let money = Axis.make(values: [1, 20_000], scale: .log, unit: .money)
        #expect(money.ticks.compactMap(\.label) == ["$1", "$10", "$100", "$1k", "$10k", "$100k"])
        let duration = Axis.make(values: [0.1, 60], scale: .log, unit: .duration)
        #expect(duration.ticks.compactMap(\.label) == ["100ms", "1s", "10s", "1min"])
        let long = Axis.make(values: [30, 7200], scale: .log, unit: .duration)
        #expect(long.ticks.compactMap(\.label) == ["10s", "1min", "10min", "1h", "10h"])
        let memory = Axis.make(values: [128, 4096], scale: .log, unit: .memory)
        #expect(memory.ticks.compactMap(\.label) == ["128MB", "256MB", "512MB", "1GB", "2GB", "4GB"])
        // Two decades: the 2 and 5 sub-ticks get labels too.
        let few = Axis.make(values: [1e6, 1e8], scale: .log, unit: .count)
        #expect(few.ticks.compactMap(\.label) == ["1M", "2M", "5M", "10M", "20M", "50M", "100M"])
        // Many decades: sub-ticks unlabelled.
        let many = Axis.make(values: [1e3, 1e9], scale: .log, unit: .count)
        #expect(many.ticks.compactMap(\.label) == ["1k", "10k", "100k", "1M", "10M", "100M", "1B"])
    }

    @Test func linearTicksAreNice() {
        // 0.53 / 6 ≈ 0.09 → step 0.1; values are exact decimals (0.3, not 0.30000000000000004).
        let axis = Axis.make(values: [0, 0.53], scale: .linear, unit: .plain)
        #expect(axis.ticks.map(\.value) == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        #expect(axis.ticks.compactMap(\.label) == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"])
        let flat = Axis.make(values: [7, 7], scale: .linear, unit: .plain)
        #expect(flat.lo < 7 && flat.hi > 7)
        let money = Axis.make(values: [0, 9_000], scale: .linear, unit: .money)
        #expect(money.ticks.compactMap(\.label) == ["$0", "$2k", "$4k", "$6k", "$8k", "$10k"])
        let memory = Axis.make(values: [0, 3000], scale: .linear, unit: .memory)
        #expect(memory.ticks.compactMap(\.label) == ["0MB", "512MB", "1GB", "1.5GB", "2GB", "2.5GB", "3GB"])
        let seconds = Axis.make(values: [0, 250], scale: .linear, unit: .duration)
        #expect(seconds.ticks.compactMap(\.label) == ["0s", "1min", "2min", "3min", "4min", "5min"])
        // Absurd magnitudes switch to exponent notation instead of 20-digit labels.
        #expect(Axis.label(1e30, unit: .money, step: 1e30) == "$1e30")
        #expect(Axis.label(1e-9, unit: .count, step: 1e-9) == "1e-9")
        #expect(Axis.label(2e7, unit: .plain, step: 1e6) == "20M")
        #expect(Format.compactMoney(1500) == "$1.5k")
        #expect(Format.compactMoney(0.05) == "$0.05")
        #expect(Format.compactMoney(-3) == "-$3")
    }

    @Test func escapesEverywhere() {
        let nasty = "a&b<c>d\"e'f\u{1}g"
        let spec = ChartSpec(title: nasty, xLabel: nasty, yLabel: nasty,
                             series: [ChartSeries(id: nasty, label: nasty, points: [(1, 1), (2, 2)])],
                             markers: [ChartMarker(x: 1.5, y: 1.5, label: nasty)],
                             bands: [ChartBand(from: 1, to: 2, seriesID: nasty)])
        let svg = SVGChart.render(spec)
        let (ok, c) = Self.parse(svg)
        #expect(ok)
        #expect(svg.contains("a&amp;b&lt;c&gt;d&quot;e&apos;fg"))
        #expect(c.texts.contains("a&b<c>d\"e'fg"))
    }

    static let degenerate: [ChartSpec] = [
        ChartSpec(),
        ChartSpec(series: [ChartSeries(id: "e", label: "empty", points: [])]),
        ChartSpec(xScale: .log, yScale: .log, series: [ChartSeries(id: "one", label: "one", points: [(1e6, 3)])]),
        ChartSpec(xScale: .log, yScale: .log, series: [ChartSeries(id: "nil", label: "nil", points: [(1, nil), (2, nil)])]),
        ChartSpec(series: [ChartSeries(id: "zx", label: "zero width", points: [(5, 1), (5, 2)])]),
        ChartSpec(xScale: .log, yScale: .log, series: [ChartSeries(id: "flat", label: "flat", points: [(1, 7), (10, 7), (100, 7)])]),
        ChartSpec(yScale: .log, series: [ChartSeries(id: "neg", label: "neg", points: [(0, -1), (1, 0), (2, 5)])]),
        ChartSpec(xScale: .log, series: [ChartSeries(id: "bad", label: "bad", points: [(.nan, 1), (.infinity, 2), (-1, 3), (0, .nan), (1, .infinity)])],
                  markers: [ChartMarker(x: .nan, y: .infinity, label: "x")], bands: [ChartBand(from: .nan, to: 1, seriesID: "zz")],
                  currentX: .infinity),
        ChartSpec(series: [ChartSeries(id: "big", label: "big", points: [(-1.7e308, 1.7e308), (1.7e308, -1.7e308)])]),
        ChartSpec(xScale: .log, yScale: .log, series: [ChartSeries(id: "tiny", label: "tiny", points: [(Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude), (1.7e308, 1.7e308)])]),
        ChartSpec(yScale: .log, yUnit: .memory, series: [ChartSeries(id: "m", label: "m", points: [(0, 1.7e308), (1, 1.7e308)])]),
        ChartSpec(width: .nan, height: -5),
    ]

    @Test(arguments: degenerate.indices)
    func degenerateInputs(_ index: Int) {
        let svg = SVGChart.render(Self.degenerate[index])
        if ProcessInfo.processInfo.environment["RUNCOST_WRITE_SAMPLE"] == "1" {
            try? svg.write(toFile: "/tmp/runcost-degenerate-\(index).svg", atomically: true, encoding: .utf8)
        }
        #expect(Self.parse(svg).ok)
        #expect(!svg.contains("NaN") && !svg.contains("nan"))
        #expect(!svg.lowercased().contains("inf") && !svg.contains("∞"))
    }
}
