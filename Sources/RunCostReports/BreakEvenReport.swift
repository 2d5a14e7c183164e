import RunCostCore

/// `runcost breakeven`: the cheapest offering in each range, crossovers and feasibility edges,
/// as sentences a person can act on, or as data.
public struct BreakEvenReport {
    public var result: BreakEven
    public var workload: Workload

    /// The currency the offerings were compared in, named in CSV money columns.
    public var currency = "USD"

    public init(result: BreakEven, workload: Workload) { self.result = result; self.workload = workload }

    /// A boundary as CSV writes it: 9 significant digits, so the cheapest-range edge and the
    /// crossover found by separate bisections (equal to 1e-9) print as one value.
    static func boundary(_ v: Double) -> CSV.Cell { .number(Format.significant(v, digits: 9)) }

    var noun: String { result.parameter.noun }

    public func text() -> String {
        let p = result.parameter
        var out = "Cheapest by \(noun) from \(p.format(result.from)) to \(p.format(result.to))"
        out += workload.freeTier ? " (free tier on):\n" : " (free tier off):\n"
        let runs = alternations
        var i = 0
        while i < result.ranges.count {
            let r = result.ranges[i]
            if let run = runs.first(where: { $0.lowerBound == i }) {
                let pair = Set(result.ranges[run].compactMap(\.offering)).sorted().joined(separator: " and ")
                let last = result.ranges[run.upperBound]
                let span = run.upperBound == result.ranges.count - 1 ? p.phrase("above", r.from)
                    : run.lowerBound == 0 ? p.phrase("below", last.to) : "\(p.phrase("from", r.from)) to \(p.format(last.to))"
                out += "  \(span): \(pair) take turns (\(run.count) short ranges, near-equal; --format csv lists each)\n"
                i = run.upperBound + 1
                continue
            }
            let who = r.offering ?? "nothing can run the workload"
            if result.ranges.count == 1 { out += "  across the whole range: \(who)\n" }
            else if i == 0 { out += "  \(p.phrase("below", r.to)): \(who)\n" }
            else if i == result.ranges.count - 1 { out += "  \(p.phrase("above", r.from)): \(who)\n" }
            else { out += "  \(p.phrase("from", r.from)) to \(p.format(r.to)): \(who)\n" }
            i += 1
        }
        switch result.listed {
        case .envelope:
            // Crossings inside a stretch where two offerings take turns read as one line above.
            let inside = Set(runs.flatMap { run in result.ranges[run].dropFirst().map(\.from) })
            let shown = result.crossovers.filter { !inside.contains($0.value) }
            out += "\nWhere the cheapest changes (\(shown.count)):\n"
            if shown.isEmpty { out += "  nowhere in this range\n" }
            for c in shown { out += crossoverLine(c) }
            if let note = unlistedNote { out += "\n" + note + "\n" }
        case .baseline, .allPairs:
            out += "\nCrossovers (\(result.crossovers.count)):\n"
            if result.crossovers.isEmpty { out += "  none in this range\n" }
            for c in result.crossovers { out += crossoverLine(c) }
        }
        // By default, the limits of offerings that are the cheapest somewhere: with thousands of
        // offerings, every limit would bury the answer.
        var limits = result.feasibilityChanges
        if result.listed == .envelope {
            let cheapest = Set(result.ranges.compactMap(\.offering))
            limits = limits.filter { cheapest.contains($0.offering) }
        }
        if !limits.isEmpty {
            out += "\nLimits:\n"
            for f in limits {
                out += f.feasibleAbove ? "  \(f.offering) becomes feasible with \(p.phrase("above", f.value)) (below: \(f.reason))\n"
                                       : "  \(f.offering) becomes infeasible with \(p.phrase("above", f.value)): \(f.reason)\n"
            }
        }
        let more = result.feasibilityChanges.count - limits.count
        if more > 0 {
            out += (limits.isEmpty ? "\n" : "") + "\(Format.grouped(Double(more))) more limit\(more == 1 ? "" : "s") of offerings never the cheapest here: --all-pairs or --format csv lists them.\n"
        }
        return out
    }

    func crossoverLine(_ c: BreakEven.Crossover) -> String {
        "  \(result.parameter.phrase("at", c.value)) (\(Format.money(c.cost))/month): \(c.cheaperAbove) becomes cheaper than \(c.cheaperBelow)\n"
    }

    /// Which crossings `crossovers` holds: envelope, baseline or all-pairs.
    var listedName: String {
        switch result.listed { case .envelope: "envelope"; case .baseline: "baseline"; case .allPairs: "all-pairs" }
    }

    /// Says how many crossings between other pairs were left out, and how to see them.
    var unlistedNote: String? {
        guard case .envelope = result.listed else { return nil }
        let how = "--all-pairs lists every pair's, --baseline ID one offering's, --offering ID (repeatable) compares only those"
        guard let all = result.allPairsCount else { return "Crossovers between other pairs are not listed: \(how)." }
        let more = max(0, all - result.crossovers.count)
        guard more > 0 else { return nil }
        return "\(Format.grouped(Double(more))) more crossover\(more == 1 ? "" : "s") between other pairs: \(how)."
    }

    /// Stretches of two or more short cheapest ranges (each ending below 1.25 × its start) where
    /// the same two offerings take turns: near-equal offerings whose steps interleave, which
    /// read as noise when listed one by one.
    var alternations: [ClosedRange<Int>] {
        let ranges = result.ranges
        func short(_ r: BreakEven.CheapestRange) -> Bool { r.from > 0 && r.offering != nil && r.to <= r.from * 1.25 }
        var runs: [ClosedRange<Int>] = []
        var i = 0
        while i < ranges.count {
            guard short(ranges[i]) else { i += 1; continue }
            var j = i
            var pair: Set<String> = [ranges[i].offering!]
            while j + 1 < ranges.count, short(ranges[j + 1]), ranges[j + 1].offering != ranges[j].offering {
                pair.insert(ranges[j + 1].offering!)
                guard pair.count <= 2 else { break }
                j += 1
            }
            if j > i, Set(ranges[i...j].compactMap(\.offering)).count == 2 { runs.append(i...j) }
            i = j + 1
        }
        return runs
    }

    public func markdown() -> String {
        let p = result.parameter
        var out = "### Cheapest by \(noun)\n\n"
        out += MarkdownTable.render(["from", "to", "cheapest"], [.right, .right, .left],
                                    result.ranges.map { [p.format($0.from), p.format($0.to), $0.offering ?? "none feasible"] })
        out += result.listed == .envelope ? "\n### Where the cheapest changes\n\n" : "\n### Crossovers\n\n"
        out += MarkdownTable.render([noun, "monthly cost", "cheaper below", "cheaper above"], [.right, .right, .left, .left],
                                    result.crossovers.map { [p.format($0.value), Format.money($0.cost), $0.cheaperBelow, $0.cheaperAbove] })
        if let note = unlistedNote { out += "\n" + note + "\n" }
        if !result.feasibilityChanges.isEmpty {
            out += "\n### Limits\n\n"
            out += MarkdownTable.render([noun, "offering", "change", "reason"], [.right, .left, .left, .left],
                                        result.feasibilityChanges.map { [p.format($0.value), $0.offering, $0.feasibleAbove ? "feasible above" : "infeasible above", $0.reason] })
        }
        return out
    }

    public func csv() -> String {
        let column = result.parameter.csvColumn
        var out = CSV.header(["type", column, "to_" + column, "offering", "other", CSV.moneyColumn("monthly_cost", currency), "detail"])
        for r in result.ranges {
            out += CSV.row([.text("cheapest"), Self.boundary(r.from), Self.boundary(r.to), .text(r.offering ?? ""), .text(""), .number(nil), .text("")])
        }
        for c in result.crossovers {
            out += CSV.row([.text("crossover"), Self.boundary(c.value), .number(nil), .text(c.cheaperAbove), .text(c.cheaperBelow), .money(c.cost),
                            .text("\(c.cheaperAbove) cheaper above")])
        }
        for f in result.feasibilityChanges {
            out += CSV.row([.text(f.feasibleAbove ? "feasible-above" : "infeasible-above"), Self.boundary(f.value), .number(nil),
                            .text(f.offering), .text(""), .number(nil), .text(f.reason)])
        }
        return out
    }

    public func json() -> String {
        JSON.object([
            ("parameter", .string(result.parameter.rawValue)),
            ("from", .number(result.from)), ("to", .number(result.to)),
            ("free_tier", .bool(workload.freeTier)),
            ("workload", WorkloadSummary.json(workload, name: nil)),
            ("cheapest_ranges", .array(result.ranges.map {
                .object([("from", .number($0.from)), ("to", .number($0.to)), ("offering", $0.offering.map { .string($0) } ?? .null)])
            })),
            ("crossovers", .array(result.crossovers.map {
                .object([("value", .number($0.value)), ("monthly_cost", .number($0.cost)),
                         ("cheaper_below", .string($0.cheaperBelow)), ("cheaper_above", .string($0.cheaperAbove))])
            })),
            ("feasibility_changes", .array(result.feasibilityChanges.map {
                .object([("offering", .string($0.offering)), ("value", .number($0.value)),
                         ("feasible_above", .bool($0.feasibleAbove)), ("reason", .string($0.reason))])
            })),
            ("crossovers_listed", .string(listedName)),
            ("crossovers_all_pairs", result.allPairsCount.map { .number(Double($0)) } ?? .null),
        ]).rendered() + "\n"
    }
}

/// `runcost capacity`: what a monthly budget buys on each offering.
public struct CapacityReport {
    public var budget: Double
    public var parameter: SweepParameter
    public var answers: [(Offering, Capacity.Answer)]

    public init(budget: Double, parameter: SweepParameter, answers: [(Offering, Capacity.Answer)]) {
        self.budget = budget; self.parameter = parameter
        // Most bought first; "beyond range" above everything, "none" last; ties by id.
        func rank(_ a: Capacity.Answer) -> Double {
            switch a { case .beyondRange(let v, _): v * 10 + 1; case .upTo(let v, _): v; case .none: -1 }
        }
        self.answers = answers.sorted { (rank($0.1), $1.0.id) > (rank($1.1), $0.0.id) }
    }

    func cells(_ a: Capacity.Answer) -> (String, String, String) {
        switch a {
        case let .upTo(v, c): (parameter.format(v), Format.money(c), "")
        case let .beyondRange(v, c): ("> " + parameter.format(v), Format.money(c), "within budget across the searched range")
        case let .none(reason): ("none", "–", reason)
        }
    }

    public func table(markdown: Bool) -> String {
        let headers = ["offering", "kind", "largest \(parameter.noun)", "monthly cost", "note"]
        let rows = answers.map { o, a in let c = cells(a); return [o.id, o.kind.rawValue, c.0, c.1, c.2] }
        let alignments: [TextTable.Alignment] = [.left, .left, .right, .right, .left]
        let title = "What \(Format.money(budget))/month buys (\(parameter.noun)):\n\n"
        if markdown { return title + MarkdownTable.render(headers, alignments, rows) }
        var t = TextTable(headers, alignments: alignments)
        rows.forEach { t.add($0) }
        return title + t.rendered()
    }

    public func csv() -> String {
        let currency = answers.first?.0.currency ?? "USD"
        let money = { (name: String) in CSV.moneyColumn(name, currency) }
        return CSV.header(["offering", "kind", money("budget"), parameter.csvColumn, money("monthly_cost"), "within_range", "note"]) + answers.map { o, a in
            switch a {
            case let .upTo(v, c): CSV.row([.text(o.id), .text(o.kind.rawValue), .money(budget), .number(v), .money(c), .text("true"), .text("")])
            case let .beyondRange(v, c): CSV.row([.text(o.id), .text(o.kind.rawValue), .money(budget), .number(v), .money(c), .text("false"), .text("beyond range")])
            case let .none(r): CSV.row([.text(o.id), .text(o.kind.rawValue), .money(budget), .number(nil), .money(nil), .text("true"), .text(r)])
            }
        }.joined()
    }

    public func json() -> String {
        JSON.object([("budget", .number(budget)), ("parameter", .string(parameter.rawValue)), ("offerings", .array(answers.map { o, a in
            switch a {
            case let .upTo(v, c): .object([("offering", .string(o.id)), ("value", .number(v)), ("monthly_cost", .number(c)), ("beyond_range", .bool(false))])
            case let .beyondRange(v, c): .object([("offering", .string(o.id)), ("value", .number(v)), ("monthly_cost", .number(c)), ("beyond_range", .bool(true))])
            case let .none(r): .object([("offering", .string(o.id)), ("value", .null), ("reason", .string(r))])
            }
        }))]).rendered() + "\n"
    }
}
