import RunCostCore

/// `runcost check`: budget rule results as text, Markdown (PR comments, $GITHUB_STEP_SUMMARY),
/// JSON and JUnit XML. Deterministic: results in file order, money in cents, no clock.
public struct CheckReport: Sendable {
    public var report: Budget.Report
    /// The budget file, named in headers.
    public var source: String

    public init(_ report: Budget.Report, source: String) {
        self.report = report; self.source = source
    }

    // MARK: shared cells

    static func word(_ s: Budget.Status) -> String {
        switch s {
        case .pass: "PASS"
        case .warn: "WARN"
        case .fail: "FAIL"
        }
    }

    static func emoji(_ s: Budget.Status) -> String {
        switch s {
        case .pass: "✅"
        case .warn: "⚠️"
        case .fail: "❌"
        }
    }

    static func figure(_ value: Double?, _ unit: String) -> String {
        guard let value else { return "–" }
        switch unit {
        case "%": return value.isFinite ? Format.grouped(value, maxFractionDigits: 1) + "%" : "∞%"
        case "days": return Format.grouped(value, maxFractionDigits: 0) + " days"
        default: return Format.money(value, symbol: Format.symbol(for: unit))
        }
    }

    /// The limit as the rule states it: `≤ $250.00`, `≤ 20%`, `≥ 15%`, `≤ 365 days`.
    static func limit(_ r: Budget.RuleResult) -> String {
        (r.rule.name == "min_headroom_to_breakeven" ? "≥ " : "≤ ") + figure(r.limit, r.unit)
    }

    static func cells(_ r: Budget.RuleResult) -> [String] {
        [r.rule.name + (r.rule.severity == .warn ? " (warn)" : ""), r.offering, figure(r.actual, r.unit), limit(r), r.message]
    }

    /// "aws-lambda-arm at $12.34/month" for each chosen offering.
    static func runsOn(_ c: Budget.CheckResult) -> String {
        c.estimates.map { e in
            e.offering.id + (e.feasible ? " at \(Format.money(e.monthlyCost, symbol: Format.symbol(for: e.offering.currency)))/month" : " (infeasible)")
        }.joined(separator: ", ")
    }

    /// "gcp-cloud-run-request at $10.00/month (aws-lambda-arm costs 23.4% more)".
    static func alternative(_ c: Budget.CheckResult) -> String {
        guard let alt = c.alternative else { return "none (no other offering can run this workload)" }
        let s = Format.symbol(for: alt.offering.currency)
        var text = "\(alt.offering.id) at \(Format.money(alt.monthlyCost, symbol: s))/month"
        if let mine = c.estimates.first(where: \.feasible) {
            let a = Budget.cents(alt.monthlyCost), m = Budget.cents(mine.monthlyCost)
            if a > 0, a != m {
                let p = Format.grouped(abs(m - a) / a * 100, maxFractionDigits: 1)
                text += " (\(mine.offering.id) costs \(p)% \(m > a ? "more" : "less"))"
            } else if a == m {
                text += " (the same as \(mine.offering.id))"
            }
        }
        return text
    }

    static let headers = ["status", "rule", "offering", "actual", "limit", "detail"]
    static let alignments: [TextTable.Alignment] = [.left, .left, .left, .right, .right, .left]

    var headline: String {
        (report.passed ? (report.count(.warn) > 0 ? "passed with warnings" : "passed") : "FAILED") + " — " + report.summary
    }

    // MARK: renderers

    public func text() -> String {
        var out = "runcost check \(source): \(headline)\n"
        for c in report.checks {
            out += "\n\(Self.word(c.status))  \(c.check.name)" + (c.check.location.map { "  (\($0))" } ?? "") + "\n"
            out += "  Workload: " + WorkloadSummary.line(c.check.workload, name: c.check.workloadName) + "\n"
            out += "  Runs on: " + Self.runsOn(c) + "\n"
            for e in c.estimates { if let note = CommitmentText.note(e, c.check.workload) { out += "  \(e.offering.id): \(note)\n" } }
            out += "  Cheapest alternative: " + Self.alternative(c) + "\n\n"
            var table = TextTable(Self.headers, alignments: Self.alignments)
            for r in c.results { table.add([Self.word(r.status)] + Self.cells(r)) }
            out += table.rendered().split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        }
        return SafeText.neutralised(out, keepingLineBreaks: true)
    }

    public func markdown() -> String {
        var out = "## \(Self.emoji(report.status)) runcost budget check: \(headline)\n\n"
        out += "Budget file: `\(source)`\n"
        for c in report.checks {
            out += "\n### \(Self.emoji(c.status)) \(Self.escape(c.check.name))\n\n"
            out += "**Workload:** " + Self.escape(WorkloadSummary.line(c.check.workload, name: c.check.workloadName)) + "  \n"
            out += "**Runs on:** " + Self.runsOn(c) + "  \n"
            for e in c.estimates { if let note = CommitmentText.note(e, c.check.workload) { out += Self.escape("\(e.offering.id): \(note)") + "  \n" } }
            out += "**Cheapest alternative:** " + Self.alternative(c) + "\n\n"
            let rows = c.results.map { [Self.emoji($0.status)] + Self.cells($0).map(Self.escape) }
            out += MarkdownTable.render(["", "rule", "offering", "actual", "limit", "detail"], Self.alignments, rows)
        }
        return SafeText.neutralised(out, keepingLineBreaks: true)
    }

    static func escape(_ s: String) -> String {
        SafeText.neutralised(s.replacingOccurrences(of: "\n", with: " ")).replacingOccurrences(of: "<", with: "&lt;")
    }

    public func json() -> String {
        JSON.object([
            ("passed", .bool(report.passed)),
            ("status", .string(report.status.rawValue)),
            ("budget", .string(source)),
            ("today", .string(report.today.description)),
            ("summary", .object([
                ("checks", .number(Double(report.checks.count))),
                ("rules", .number(Double(report.results.count))),
                ("passed", .number(Double(report.count(.pass)))),
                ("warnings", .number(Double(report.count(.warn)))),
                ("failures", .number(Double(report.count(.fail)))),
            ])),
            ("checks", .array(report.checks.map { c in
                .object([
                    ("name", .string(c.check.name)),
                    ("location", c.check.location.map { .string($0) } ?? .null),
                    ("status", .string(c.status.rawValue)),
                    ("currency", .string(c.currency)),
                    ("workload", WorkloadSummary.json(c.check.workload, name: c.check.workloadName)),
                    ("offerings", .array(c.estimates.map { e in
                        .object([
                            ("offering", .string(e.offering.id)),
                            ("monthly_cost", e.feasible ? .number(e.monthlyCost) : .null),
                            ("feasible", .bool(e.feasible)),
                            ("reasons", .array(e.reasons.map { .string($0) })),
                            ("as_of", .string(e.offering.asOf.description)),
                        ])
                    })),
                    ("cheapest", Self.brief(c.cheapest)),
                    ("cheapest_alternative", Self.brief(c.alternative)),
                    ("results", .array(c.results.map { r in
                        .object([
                            ("rule", .string(r.rule.name)),
                            ("severity", .string(r.rule.severity.rawValue)),
                            ("status", .string(r.status.rawValue)),
                            ("offering", .string(r.offering)),
                            ("actual", JSON.number(r.actual)),
                            ("limit", .number(r.limit)),
                            ("unit", .string(r.unit)),
                            ("against", r.against.map { .string($0) } ?? .null),
                            ("against_cost", JSON.number(r.againstCost)),
                            ("break_even_requests", JSON.number(r.breakEven)),
                            ("message", .string(r.message)),
                            ("location", r.rule.location.map { .string($0) } ?? .null),
                        ])
                    })),
                ])
            })),
        ]).rendered() + "\n"
    }

    static func brief(_ e: Estimate?) -> JSON {
        guard let e else { return .null }
        return .object([("offering", .string(e.offering.id)), ("monthly_cost", .number(e.monthlyCost))])
    }

    /// JUnit XML: one <testsuite> per check, one <testcase> per rule and offering. A failed
    /// fail-rule is a <failure>; a warning passes (so the counts agree with the exit status) and
    /// carries its message in <system-out>, starting with "WARNING:".
    public func junit() -> String {
        let results = report.results
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"runcost check\" tests=\"\(results.count)\" failures=\"\(report.count(.fail))\" errors=\"0\" skipped=\"0\">\n"
        for c in report.checks {
            let failures = c.results.filter { $0.status == .fail }.count
            out += "  <testsuite name=\"\(Self.xml(c.check.name))\" tests=\"\(c.results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            for r in c.results {
                let name = "\(r.rule.name) \(r.offering)"
                let attributes = "classname=\"runcost.check.\(Self.xml(c.check.name))\" name=\"\(Self.xml(name))\""
                let details = "actual \(Self.figure(r.actual, r.unit)), limit \(Self.limit(r))" + (r.rule.location.map { ", rule at \($0)" } ?? "")
                switch r.status {
                case .pass:
                    out += "    <testcase \(attributes)>\n      <system-out>\(Self.xml(r.message))</system-out>\n    </testcase>\n"
                case .warn:
                    out += "    <testcase \(attributes)>\n      <system-out>WARNING: \(Self.xml(r.message)) (\(Self.xml(details)))</system-out>\n    </testcase>\n"
                case .fail:
                    out += "    <testcase \(attributes)>\n      <failure type=\"\(r.rule.name)\" message=\"\(Self.xml(r.message))\">\(Self.xml(details))</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func xml(_ s: String) -> String { XML.escape(s, keepLineBreaks: true) }
}
