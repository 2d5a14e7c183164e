import ArgumentParser
import RunCostCore
import RunCostFiles
import RunCostReports

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check workloads against the budget rules of a budget file (for CI).",
        discussion: """
        Exits 0 when every fail-rule passes, 1 when one fails, 2 on bad input. Format: docs/ci.md.
        Examples:
          runcost check examples/budget.yaml
          runcost check budget.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"
          runcost check budget.yaml --format junit --output runcost-junit.xml \\
              --today 2026-01-15
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, junit }

    @Argument(help: "Budget YAML file.") var budget: String
    @OptionGroup var pricing: PricingOptions
    @Option(help: "Output format: text, markdown, json or junit.") var format: Format = .text
    @Option(help: ArgumentHelp("Today's date for max_price_age (default: today in UTC).", valueName: "YYYY-MM-DD")) var today: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let date = try today.map { text in
            guard let d = CalendarDate(iso: text) else { throw InputError(.flag("--today"), "expected a date YYYY-MM-DD, got '\(text)'") }
            return d
        } ?? CalendarDate.today
        let catalog = try pricing.catalog()
        let file = try BudgetFile.load(budget, catalog: catalog)
        let report = CheckReport(Budget.evaluate(file.checks, catalog: catalog.offerings, today: date), source: budget)
        let text: String
        switch format {
        case .text: text = report.text()
        case .markdown: text = report.markdown()
        case .json: text = report.json()
        case .junit: text = report.junit()
        }
        try output.emit(text, inputs: file.inputFiles + pricing.inputFiles)
        if !report.report.passed { throw CheckFailed(message: "runcost check: \(report.report.summary)") }
    }
}
