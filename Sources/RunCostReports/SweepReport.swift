import RunCostCore

/// `runcost sweep` over one parameter, streamed row by row through `emit`.
public struct SweepReport {
    public enum Layout: String, Sendable, CaseIterable { case wide, long }
    public enum Output: String, Sendable { case table, csv, json, markdown }

    public var offerings: [Offering]
    public var workload: Workload
    public var parameter: SweepParameter
    public var range: SweepRange
    public var layout: Layout
    /// Columns of the terminal the table is shown on; nil for files and pipes (every column).
    public var terminalWidth: Int?

    public init(offerings: [Offering], workload: Workload, parameter: SweepParameter, range: SweepRange, layout: Layout,
                terminalWidth: Int? = nil) {
        self.offerings = offerings; self.workload = workload; self.parameter = parameter; self.range = range; self.layout = layout
        self.terminalWidth = terminalWidth
    }

    public func render(_ output: Output, emit: (String) -> Void) {
        switch output {
        case .csv: csv(emit)
        case .json: json(emit)
        case .table, .markdown: table(markdown: output == .markdown, emit)
        }
    }

    /// The reason an offering is infeasible at `value` (long layout only: it costs a second evaluation).
    func reason(_ k: Int, _ value: Double) -> String {
        Estimator.infeasibility(offerings[k], parameter.apply(value, to: workload))?.description ?? ""
    }

    /// The currency every offering was converted to before the sweep.
    var currency: String { offerings.first?.currency ?? "USD" }

    func csv(_ emit: (String) -> Void) {
        let name = parameter.csvColumn
        switch layout {
        case .wide:
            emit(CSV.header([name] + offerings.map { CSV.moneyColumn($0.id + "_monthly_cost", currency) }))
            Sweep.run(offerings, workload, parameter, range) { x, costs in
                emit(CSV.row([.number(x)] + costs.map { .money($0) }))
            }
        case .long:
            emit(CSV.header([name, "offering", CSV.moneyColumn("monthly_cost", currency), "feasible", "reason"]))
            Sweep.run(offerings, workload, parameter, range) { x, costs in
                for (k, c) in costs.enumerated() {
                    emit(CSV.row([.number(x), .text(offerings[k].id), .money(c), .text(c == nil ? "false" : "true"),
                                  .text(c == nil ? reason(k, x) : "")]))
                }
            }
        }
    }

    func json(_ emit: (String) -> Void) {
        let head = JSON.object([
            ("parameter", .string(parameter.rawValue)),
            ("scale", .string(range.scale.rawValue)),
            ("free_tier", .bool(workload.freeTier)),
            ("workload", WorkloadSummary.json(workload, name: nil)),
            ("offerings", .array(offerings.map { .string($0.id) })),
        ]).rendered()
        emit(String(head.dropLast(2)) + ",\n  \"points\": [")
        // Each point on one line, as `{ "value": 1, "costs": { "a": 2, "b": null } }`.
        var out = JSONText()
        let ids = offerings.map { JSONText.quoted($0.id) }
        let offeringKeys = offerings.map { "{ \"offering\": " + JSON.quote($0.id) + ", \"monthly_cost\": " }
        var first = true
        Sweep.run(offerings, workload, parameter, range) { x, costs in
            out.raw(first ? "\n    { \"value\": " : ",\n    { \"value\": ")
            out.number(x)
            first = false
            switch layout {
            case .wide:
                out.raw(", \"costs\": { ")
                for k in costs.indices {
                    if k > 0 { out.raw(", ") }
                    out.raw(ids[k]); out.number(costs[k])
                }
                out.raw(" } }")
            case .long:
                out.raw(", \"estimates\": [ ")
                for k in costs.indices {
                    if k > 0 { out.raw(", ") }
                    out.raw(offeringKeys[k]); out.number(costs[k])
                    if costs[k] == nil { out.raw(", \"feasible\": false, \"reason\": "); out.string(reason(k, x)); out.raw(" }") }
                    else { out.raw(", \"feasible\": true, \"reason\": null }") }
                }
                out.raw(" ] }")
            }
            out.flush(emit)
        }
        out.raw("\n  ]\n}\n")
        out.flush(emit, force: true)
    }

    func table(markdown: Bool, _ emit: (String) -> Void) {
        var columns: [[Double?]] = offerings.map { _ in [] }
        var values: [Double] = []
        Sweep.run(offerings, workload, parameter, range) { x, costs in
            values.append(x)
            for k in costs.indices { columns[k].append(costs[k]) }
        }
        let cells = columns.map { $0.map { $0.map { Format.money($0) } ?? "–" } }
        let labels = values.map { parameter.format($0) }
        var shown = Array(offerings.indices), note = ""
        if !markdown, let width = terminalWidth {
            shown = SweepReport.fitting(width, label: ([parameter.noun] + labels).map(\.count).max() ?? 0,
                                        widths: offerings.indices.map { k in ([offerings[k].id] + cells[k]).map(\.count).max() ?? 0 },
                                        ranked: SweepReport.cheapestFirst(columns))
            if shown.count < offerings.count {
                note = "Showing the \(shown.count) cheapest of \(offerings.count) offerings to fit \(width) columns; "
                    + "--format csv, -o FILE or a pipe shows all, --offering ID chooses.\n"
            }
        }
        let headers = [parameter.noun] + shown.map { offerings[$0].id }
        let alignments = headers.map { _ in TextTable.Alignment.right }
        let rows = values.indices.map { i in [labels[i]] + shown.map { cells[$0][i] } }
        let anyInfeasible = columns.contains { $0.contains { $0 == nil } }
        if markdown { emit(MarkdownTable.render(headers, alignments, rows)) }
        else {
            var t = TextTable(headers, alignments: alignments)
            rows.forEach { t.add($0) }
            emit(t.rendered())
        }
        emit("\n" + (anyInfeasible ? "– infeasible (see --layout long for why). " : "") + (workload.freeTier ? "Free tier on." : "Free tier off.") + "\n" + note)
        if let line = WorkloadSummary.defaultsLine(workload) { emit(line + "\n") }
    }

    /// Offerings ordered by their best place at any point (those cheapest somewhere first), then
    /// by their lowest cost, then as listed.
    static func cheapestFirst(_ columns: [[Double?]]) -> [Int] {
        let n = columns.count, points = columns.first?.count ?? 0
        var best = [Int](repeating: .max, count: n)
        for i in 0..<points {
            let order = (0..<n).filter { columns[$0][i] != nil }.sorted { (columns[$0][i]!, $0) < (columns[$1][i]!, $1) }
            for (place, k) in order.enumerated() { best[k] = min(best[k], place) }
        }
        let lowest = columns.map { $0.compactMap { $0 }.min() ?? .infinity }
        return (0..<n).sorted { (best[$0], lowest[$0], $0) < (best[$1], lowest[$1], $1) }
    }

    /// The columns that fit `width` (two spaces between columns), taken in `ranked` order and
    /// shown in their listed order; at least one.
    static func fitting(_ width: Int, label: Int, widths: [Int], ranked: [Int]) -> [Int] {
        var used = label, chosen: [Int] = []
        for k in ranked {
            guard used + 2 + widths[k] <= width || chosen.isEmpty else { break }
            used += 2 + widths[k]; chosen.append(k)
        }
        return chosen.sorted()
    }
}

/// `runcost sweep --vary A --vary B`: which offering is cheapest in each cell of a grid.
public struct GridReport {
    public var offerings: [Offering]
    public var workload: Workload
    public var x: (SweepParameter, SweepRange)
    public var y: (SweepParameter, SweepRange)

    public init(offerings: [Offering], workload: Workload, x: (SweepParameter, SweepRange), y: (SweepParameter, SweepRange)) {
        self.offerings = offerings; self.workload = workload; self.x = x; self.y = y
    }

    public func csv(_ emit: (String) -> Void) {
        emit(CSV.header([x.0.csvColumn, y.0.csvColumn, "cheapest", CSV.moneyColumn("monthly_cost", offerings.first?.currency ?? "USD")]))
        Sweep.grid(offerings, workload, x.0, x.1, y.0, y.1) { vx, vy, k, cost in
            emit(CSV.row([.number(vx), .number(vy), .text(k.map { offerings[$0].id } ?? ""), .money(cost)]))
        }
    }

    /// Streams cells like the CSV does, so a large grid never sits in memory.
    public func json(_ emit: (String) -> Void) {
        let head = JSON.object([("x", .string(x.0.rawValue)), ("y", .string(y.0.rawValue)), ("free_tier", .bool(workload.freeTier))]).rendered()
        emit(String(head.dropLast(2)) + ",\n  \"cells\": [")
        // Each cell on one line, as `{ "requests": 1, "duration": 0.1, "cheapest": "a", "monthly_cost": 2 }`.
        var out = JSONText()
        let xKey = "{ " + JSONText.quoted(x.0.rawValue), yKey = ", " + JSONText.quoted(y.0.rawValue)
        let ids = offerings.map { JSON.quote($0.id) }
        var first = true
        Sweep.grid(offerings, workload, x.0, x.1, y.0, y.1) { vx, vy, k, cost in
            out.raw(first ? "\n    " : ",\n    ")
            first = false
            out.raw(xKey); out.number(vx)
            out.raw(yKey); out.number(vy)
            out.raw(", \"cheapest\": "); out.raw(k.map { ids[$0] } ?? "null")
            out.raw(", \"monthly_cost\": "); out.number(cost)
            out.raw(" }")
            out.flush(emit)
        }
        out.raw("\n  ]\n}\n")
        out.flush(emit, force: true)
    }

    /// A text heatmap: one letter per offering, rows from the largest y down, with a legend.
    public func heatmap(_ emit: (String) -> Void) {
        let symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var grid: [[Int?]] = []
        Sweep.grid(offerings, workload, x.0, x.1, y.0, y.1) { _, _, k, _ in
            if grid.isEmpty || grid[grid.count - 1].count == x.1.points { grid.append([]) }
            grid[grid.count - 1].append(k)
        }
        let labels = (0..<y.1.points).map { y.0.format(y.1.value(at: $0)) }
        let width = labels.map(\.count).max() ?? 0
        emit("Cheapest offering by \(x.0.noun) (across) and \(y.0.noun) (down)\n\n")
        for row in (0..<grid.count).reversed() {
            let label = String(repeating: " ", count: width - labels[row].count) + labels[row]
            emit(label + " │" + String(grid[row].map { k in k.map { $0 < symbols.count ? symbols[$0] : "?" } ?? "·" }) + "\n")
        }
        emit(String(repeating: " ", count: width) + " └" + String(repeating: "─", count: x.1.points) + "\n")
        emit(String(repeating: " ", count: width + 2) + x.0.format(x.1.from) + " … " + x.0.format(x.1.to) + " (\(x.1.scale.rawValue))\n\n")
        let used = Set(grid.joined().compactMap { $0 })
        for k in used.sorted() { emit("  \(k < symbols.count ? symbols[k] : "?")  \(offerings[k].id)\n") }
        if grid.joined().contains(where: { $0 == nil }) { emit("  ·  nothing feasible\n") }
    }
}
