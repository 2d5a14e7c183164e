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

    public init(offerings: [Offering], workload: Workload, parameter: SweepParameter, range: SweepRange, layout: Layout) {
        self.offerings = offerings; self.workload = workload; self.parameter = parameter; self.range = range; self.layout = layout
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

    func csv(_ emit: (String) -> Void) {
        let name = parameter.rawValue
        switch layout {
        case .wide:
            emit(CSV.header([name] + offerings.map(\.id)))
            Sweep.run(offerings, workload, parameter, range) { x, costs in
                emit(CSV.row([.number(x)] + costs.map { .number($0) }))
            }
        case .long:
            emit(CSV.header([name, "offering", "monthly_cost", "feasible", "reason"]))
            Sweep.run(offerings, workload, parameter, range) { x, costs in
                for (k, c) in costs.enumerated() {
                    emit(CSV.row([.number(x), .text(offerings[k].id), .number(c), .text(c == nil ? "false" : "true"),
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
        let headers = [parameter.noun] + offerings.map(\.id)
        let alignments = headers.map { _ in TextTable.Alignment.right }
        var rows: [[String]] = []
        var anyInfeasible = false
        Sweep.run(offerings, workload, parameter, range) { x, costs in
            anyInfeasible = anyInfeasible || costs.contains { $0 == nil }
            rows.append([parameter.format(x)] + costs.map { $0.map { Format.money($0) } ?? "–" })
        }
        if markdown { emit(MarkdownTable.render(headers, alignments, rows)) }
        else {
            var t = TextTable(headers, alignments: alignments)
            rows.forEach { t.add($0) }
            emit(t.rendered())
        }
        emit("\n" + (anyInfeasible ? "– infeasible (see --layout long for why). " : "") + (workload.freeTier ? "Free tier on." : "Free tier off.") + "\n")
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
        emit(CSV.header([x.0.rawValue, y.0.rawValue, "cheapest", "monthly_cost"]))
        Sweep.grid(offerings, workload, x.0, x.1, y.0, y.1) { vx, vy, k, cost in
            emit(CSV.row([.number(vx), .number(vy), .text(k.map { offerings[$0].id } ?? ""), .number(cost)]))
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
