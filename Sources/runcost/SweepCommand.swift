import ArgumentParser
import RunCostCore
import RunCostFiles
import RunCostReports

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Monthly cost of every offering across a range of one parameter (or a grid of two).",
        discussion: """
        Examples:
          runcost sweep examples/api.yaml --vary requests --from 100k --to 10B \\
              --format csv
          runcost sweep examples/long-task.yaml --vary duration --from 1s \\
              --to 1h --format svg -o long-task.svg
          runcost sweep examples/api.yaml --vary requests --from 1M --to 1B \\
              --vary duration --from 10ms --to 10s
          runcost sweep --duration 120ms --memory 1536MB --vary requests
              (no --from/--to: 10k to 100M, 0.01× to 100× the default 1M)
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, markdown, svg }

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var range: GridRangeOptions
    @Option(help: "wide: a row per point, a column per offering; long: a row per point and offering.") var layout: SweepReport.Layout = .wide
    @Option(help: "table, csv, json, markdown or svg.") var format: Format = .table
    @OptionGroup var output: OutputOptions

    func run() throws {
        var selection = try self.selection.resolve()
        selection.addOnDemandTwins()
        let ranges = try range.options.ranges(single: false, defaultPoints: [range.vary.count == 2 ? 60 : 50, 20], workload: selection.workload)
        selection.workload = varying(selection.workload, ranges.map(\.0))
        // Tables align columns over all rows, so they are held in memory: keep them readable.
        let cells = ranges.map(\.1.points).reduce(1, *)
        if (format == .table || format == .markdown), cells > 10_000 {
            throw InputError(.flag("--points"), "a \(format.rawValue) of \(cells) points is not readable; use --format csv or json, which stream")
        }
        if format == .csv || format == .svg { try noteDefaults(selection.workload) }
        let sink = try TextSink(path: output.output, inputs: selection.inputFiles)
        sink.onFailure = { error in if let error = error as? WriteError { Runcost.writeFailed(error) } }
        if ranges.count == 2 {
            let grid = GridReport(offerings: selection.offerings, workload: selection.workload, x: ranges[0], y: ranges[1])
            switch format {
            case .csv: grid.csv(sink.write)
            case .json: grid.json(sink.write)
            case .table, .markdown: grid.heatmap(sink.write)
            case .svg: throw InputError(.flag("--format"), "svg charts one parameter; use csv or table for a grid")
            }
        } else {
            let (parameter, r) = ranges[0]
            if format == .svg {
                sink.write(Charts.sweep(selection.offerings, selection.workload, parameter, r))
            } else {
                // On a terminal a wide table keeps the columns that fit; files and pipes get every column.
                let width = output.output == nil && format == .table ? TerminalWidth.ofStandardOutput() : nil
                let report = SweepReport(offerings: selection.offerings, workload: selection.workload, parameter: parameter, range: r,
                                         layout: layout, terminalWidth: width)
                report.render(SweepReport.Output(rawValue: format.rawValue)!, emit: sink.write)
                if format == .table || format == .markdown, let used = CommitmentText.discountsUsed(selection.offerings, selection.workload) {
                    sink.write("\n" + used)
                }
            }
        }
        try sink.finish()
    }
}
