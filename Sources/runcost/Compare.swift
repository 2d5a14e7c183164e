import ArgumentParser
import RunCostCore
import RunCostFiles
import RunCostReports

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Price one workload on every offering, cheapest first.",
        discussion: """
        Examples:
          runcost compare examples/api.yaml
          runcost compare --requests 3M --duration 120ms --memory 1536MB \\
              --free-tier --format json
          runcost compare examples/etl.yaml --kind vm --kind container \\
              --format markdown
        """)

    @OptionGroup var selection: SelectionOptions
    @Option(help: "Output format: table, csv, json or markdown.") var format: ReportFormat = .table
    @OptionGroup var output: OutputOptions

    func run() throws {
        let selection = try self.selection.resolve()
        let report = CompareReport(workload: selection.workload, workloadName: selection.spec.name,
                                   estimates: Estimator.compare(selection.offerings, selection.workload), currency: self.selection.currency)
        var text: String
        switch format {
        case .table: text = report.table()
        case .markdown: text = report.markdown()
        case .csv: text = report.csv()
        case .json: text = report.json()
        }
        if let note = selection.leftOutNote, format == .table || format == .markdown { text += note + "\n" }
        try output.emit(text, inputs: selection.inputFiles)
    }
}
