import ArgumentParser
import RunCostCore
import RunCostFiles
import RunCostReports

struct BreakEvenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakeven",
        abstract: "Where the cheapest offering changes along one parameter, and every crossover.",
        discussion: """
        Examples:
          runcost breakeven examples/api.yaml --vary requests --from 100k --to 10B
          runcost breakeven examples/long-task.yaml --vary duration --from 1s --to 1h --baseline aws-lambda-arm
          runcost breakeven examples/api.yaml --vary requests --from 1M --to 1B --format svg -o api.svg
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, markdown, svg }

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var range: RangeOptions
    @Option(help: ArgumentHelp("Report only crossovers with this offering.", valueName: "id")) var baseline: String?
    @Option(help: "table, csv, json, markdown or svg.") var format: Format = .table
    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = try self.selection.resolve()
        selection.addOnDemandTwins()
        let (parameter, r) = try range.ranges(single: true, defaultPoints: [1024])[0]
        if let baseline, !selection.offerings.contains(where: { $0.id == baseline }) {
            let found = try selection.catalog.require(baseline, origin: .flag("--baseline"))
            guard selection.offerings.contains(where: { $0.id == found.id }) else {
                throw InputError(.flag("--baseline"), "'\(baseline)' is not among the selected offerings")
            }
        }
        let result = BreakEven.find(selection.offerings, selection.workload, parameter, from: r.from, to: r.to,
                                    baseline: baseline, gridPoints: r.points)
        let report = BreakEvenReport(result: result, workload: selection.workload)
        let text: String
        switch format {
        case .table: text = report.text() + (selection.leftOutNote.map { "\n" + $0 + "\n" } ?? "")
            + (CommitmentText.discountsUsed(selection.offerings, selection.workload).map { "\n" + $0 } ?? "")
        case .markdown: text = report.markdown()
        case .csv: text = report.csv()
        case .json: text = report.json()
        case .svg: text = Charts.breakEven(selection.offerings, selection.workload, result, r)
        }
        try output.emit(text, inputs: self.selection.inputFiles)
    }
}

struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "What a monthly budget buys on each offering: the largest volume within budget.",
        discussion: """
        Examples:
          runcost capacity examples/api.yaml --budget 100
          runcost capacity examples/long-task.yaml --budget 50 --vary duration --from 1s --to 1h
        """)

    @OptionGroup var selection: SelectionOptions
    @Option(help: ArgumentHelp("Monthly budget (100, 100 USD).", valueName: "amount")) var budget: String
    @OptionGroup var range: RangeOptions
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
        let selection = try self.selection.resolve()
        var options = range
        if options.vary.isEmpty { options.vary = [.requests]; options.from = ["1"]; options.to = ["1e13"] }
        let (parameter, r) = try options.ranges(single: true, defaultPoints: [512])[0]
        let answers = selection.offerings.map { ($0, Capacity.largestWithin(budget: amount, $0, selection.workload, parameter, r)) }
        let report = CapacityReport(budget: amount, parameter: parameter, answers: answers)
        let text: String
        switch format {
        case .table: text = report.table(markdown: false)
        case .markdown: text = report.table(markdown: true)
        case .csv: text = report.csv()
        case .json: text = report.json()
        }
        try output.emit(text, inputs: self.selection.inputFiles)
    }
}
