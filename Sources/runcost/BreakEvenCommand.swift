import ArgumentParser
import RunCostCore
import RunCostFiles
import RunCostReports

struct BreakEvenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakeven",
        abstract: "Where the cheapest offering changes along one parameter, and the crossovers that matter.",
        discussion: """
        Examples:
          runcost breakeven examples/api.yaml --vary requests --from 100k --to 10B
          runcost breakeven examples/long-task.yaml --vary duration --from 1s \\
              --to 1h --baseline aws-lambda-arm
          runcost breakeven --memory 1536MB --vary duration
              (no --from/--to: 1ms to 10s, 0.01× to 100× the default 100ms)
          runcost breakeven examples/api.yaml --vary requests --from 1M --to 1B \\
              --format svg -o api.svg
          runcost breakeven examples/api.yaml --vary requests --from 100k --to 10B \\
              --all-pairs --format csv
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, markdown, svg }

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var range: LineRangeOptions
    @Option(help: ArgumentHelp("Report only crossovers with this offering.", valueName: "id")) var baseline: String?
    @Flag(name: .customLong("all-pairs"), help: "List the crossovers of every pair of offerings (by default: where the cheapest changes, and every pair when --offering chooses them).")
    var allPairs = false
    @Option(help: "table, csv, json, markdown or svg.") var format: Format = .table
    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = try self.selection.resolve()
        selection.addOnDemandTwins()
        let (parameter, r) = try range.options.ranges(single: true, defaultPoints: [1024], workload: selection.workload)[0]
        selection.workload = varying(selection.workload, [parameter])
        if let baseline, !selection.offerings.contains(where: { $0.id == baseline }) {
            let found = try selection.catalog.require(baseline, origin: .flag("--baseline"))
            guard selection.offerings.contains(where: { $0.id == found.id }) else {
                throw InputError(.flag("--baseline"), "'\(baseline)' is not among the selected offerings")
            }
        }
        if allPairs, baseline != nil { throw InputError(.flag("--all-pairs"), "give --all-pairs or --baseline, not both") }
        // Offerings named one by one are few and chosen to be compared: every pair of them.
        let listing: BreakEven.Crossings = baseline.map { .baseline($0) }
            ?? (allPairs || !self.selection.filter.offerings.isEmpty ? .allPairs : .envelope)
        let result = BreakEven.find(selection.offerings, selection.workload, parameter, from: r.from, to: r.to,
                                    listing: listing, gridPoints: r.points)
        var report = BreakEvenReport(result: result, workload: selection.workload)
        report.currency = self.selection.currency
        let text: String
        let defaults = WorkloadSummary.defaultsLine(selection.workload).map { "\n" + $0 + "\n" } ?? ""
        switch format {
        case .table: text = report.text() + (selection.leftOutNote.map { "\n" + $0 + "\n" } ?? "") + defaults
            + (CommitmentText.discountsUsed(selection.offerings, selection.workload).map { "\n" + $0 } ?? "")
        case .markdown: text = report.markdown() + defaults
        case .csv: text = report.csv(); try noteDefaults(selection.workload)
        case .json: text = report.json()
        case .svg: text = Charts.breakEven(selection.offerings, selection.workload, result, r); try noteDefaults(selection.workload)
        }
        try output.emit(text, inputs: selection.inputFiles)
    }
}

struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "What a monthly budget buys on each offering: the largest volume within budget.",
        discussion: """
        Examples:
          runcost capacity examples/api.yaml --budget 100
          runcost capacity examples/long-task.yaml --budget 50 --vary duration \\
              --from 1s --to 1h
        """)

    @OptionGroup var selection: SelectionOptions
    @Option(help: ArgumentHelp("Monthly budget (100, 100 USD).", valueName: "amount")) var budget: String
    @OptionGroup var range: LineRangeOptions
    @Option(help: "table, csv, json or markdown.") var format: ReportFormat = .table
    @OptionGroup var output: OutputOptions

    func run() throws {
        let amount: Double
        switch Quantity.money(budget) {
        case .failure(let e): throw InputError(.flag("--budget"), e.message)
        case .success(let m):
            if let c = m.currency, c != self.selection.currency { throw InputError(.flag("--budget"), "budget is in \(c) but the comparison is in \(self.selection.currency)") }
            amount = m.amount
        }
        var selection = try self.selection.resolve()
        // What a budget buys is searched from 1 request up to 10 trillion unless --vary says otherwise.
        var options = range.options
        if options.vary.isEmpty { options.vary = [.requests]; options.from = ["1"]; options.to = ["1e13"] }
        let (parameter, r) = try options.ranges(single: true, defaultPoints: [512], workload: selection.workload)[0]
        selection.workload = varying(selection.workload, [parameter])
        let answers = selection.offerings.map { ($0, Capacity.largestWithin(budget: amount, $0, selection.workload, parameter, r)) }
        let report = CapacityReport(budget: amount, parameter: parameter, answers: answers)
        let text: String
        let defaults = WorkloadSummary.defaultsLine(selection.workload).map { "\n" + $0 + "\n" } ?? ""
        switch format {
        case .table: text = report.table(markdown: false) + defaults
        case .markdown: text = report.table(markdown: true) + defaults
        case .csv, .json: text = format == .csv ? report.csv() : report.json(); try noteDefaults(selection.workload)
        }
        try output.emit(text, inputs: selection.inputFiles)
    }
}
