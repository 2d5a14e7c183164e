import ArgumentParser
import RunCostCore
import RunCostFiles
import RunCostReports

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one offering's line items, formulas and assumptions.",
        discussion: """
        Example:
          runcost explain aws-lambda-x86 --requests 3M --duration 120ms \\
              --memory 1536MB --free-tier
        """)

    @Argument(help: "Offering id (see `runcost pricing list`).") var offering: String
    @OptionGroup var workload: WorkloadOptions
    @OptionGroup var pricing: PricingOptions
    @Option(help: "Output format: table, csv, json or markdown.") var format: ReportFormat = .table
    @OptionGroup var output: OutputOptions

    func run() throws {
        let spec = try workload.spec()
        let w = try spec.build()
        let catalog = try pricing.catalog()
        let chosen: Offering
        if w.scope == .data, w.application?.data != nil, catalog.offering(offering) == nil,
           let service = catalog.services.first(where: { $0.id == offering && $0.category == .data }) {
            // `--scope data` explains a data service alone, as its row in compare and sweep.
            chosen = try ApplicationResolver.resolve([Offering.dataServiceRow(service)], spec, w, catalog)[0]
        } else {
            chosen = try ApplicationResolver.resolve([try catalog.require(offering)], spec, w, catalog)[0]
        }
        try requireOptionOffered(chosen, w, spec)
        let estimate = Estimator.estimate(chosen, w)
        let text: String
        switch format {
        case .json:
            // The estimate object of `compare`, plus the workload it priced (with `defaulted_inputs`).
            var json = EstimateJSON.render(estimate, w)
            if case .object(let pairs) = json { json = .object(pairs + [("workload", WorkloadSummary.json(w, name: spec.name))]) }
            text = json.rendered() + "\n"
        case .table: text = ExplainReport.text(estimate, w, workloadName: spec.name)
        case .markdown: text = ExplainReport.markdown(estimate, w, workloadName: spec.name)
        case .csv: text = ExplainReport.csv(estimate, w); try noteDefaults(w)
        }
        try output.emit(text, inputs: workload.inputFiles + [spec.tracePath].compactMap { $0 } + pricing.inputFiles)
    }
}
