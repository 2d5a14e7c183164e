import ArgumentParser
import RunCostCore
import RunCostFiles
import RunCostReports

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare monthly costs before and after: two compare reports, or two pricing folders.",
        discussion: """
        Exits 1 when --fail-above is given and the chosen offering's cost rose more than that percent.
        Examples:
          runcost diff --baseline old.json new.json
              (both from `runcost compare --format json`)
          runcost diff --baseline-pricing old/pricing \\
              --pricing pricing examples/api.yaml --fail-above 5
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, json }

    @Argument(help: "The new compare report (with --baseline) or a workload file (with --baseline-pricing).") var input: String
    @Option(help: ArgumentHelp("The old `compare --format json` report.", valueName: "file")) var baseline: String?
    @Option(name: .customLong("baseline-pricing"), help: ArgumentHelp("Old pricing table or folder (repeatable), layered like --pricing.", valueName: "path"))
    var baselinePricing: [String] = []
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var money: CurrencyOptions
    @Option(name: .customLong("fail-above"), help: ArgumentHelp("Exit 1 when the chosen offering's cost rose more than this percent.", valueName: "percent"))
    var failAbove: String?
    @Option(help: ArgumentHelp("The offering --fail-above judges (default: the cheapest in the new report).", valueName: "id")) var offering: String?
    @Option(help: "Output format: table, markdown or json.") var format: Format = .table
    @Flag(name: .customLong("all"), help: "List unchanged offerings too (tables show only changes; JSON always has every offering).") var all = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let limit = try failAbove.map { try BudgetFile.percent($0, "--fail-above", .flag("--fail-above")) }
        let old: CostSnapshot, new: CostSnapshot
        switch (baseline, baselinePricing.isEmpty) {
        case (let path?, true):
            (old, new) = (try CompareJSON.load(path), try CompareJSON.load(input))
        case (nil, false):
            let spec = try WorkloadSpec(file: input)
            let w = try spec.build()
            var before = pricing
            before.paths = baselinePricing
            func snapshot(_ options: PricingOptions, _ label: String) throws -> CostSnapshot {
                let catalog = try options.catalog()
                var offerings = catalog.offerings
                if let arch = w.arch { offerings = ArchFilter.apply(offerings, arch: arch) }
                let rates = try money.rates()
                let kept = try ApplicationResolver.resolve(Currency.convert(offerings, to: money.currency, rates: rates).kept,
                                                           spec, w, catalog, rates: rates)
                return CostSnapshot(label: label, currency: money.currency, estimates: Estimator.compare(kept, w))
            }
            old = try snapshot(before, baselinePricing.joined(separator: ", "))
            new = try snapshot(pricing, pricing.paths.isEmpty ? "bundled pricing" : pricing.paths.joined(separator: ", "))
        default:
            throw InputError(.flag("--baseline"), "give --baseline OLD.json (with NEW.json) or --baseline-pricing OLD (with a workload file), not both or neither")
        }
        let diff = CostDiff.between(old, new)
        var verdict: (exceeded: Bool, message: String)?
        if let limit {
            switch diff.exceeds(limit, offering: offering) {
            case .success(let v): verdict = (v.exceeded, v.message)
            case .failure(let e): throw InputError(.flag(offering == nil ? "--fail-above" : "--offering"), e.message)
            }
        } else if offering != nil {
            throw InputError(.flag("--offering"), "--offering chooses what --fail-above judges; give --fail-above too")
        }
        let report = DiffReport(diff, gate: verdict?.message, showUnchanged: all)
        let text: String
        switch format {
        case .table: text = report.table()
        case .markdown: text = report.markdown()
        case .json: text = report.json()
        }
        try output.emit(text, inputs: [input] + [baseline].compactMap { $0 } + baselinePricing + pricing.inputFiles)
        if let verdict, verdict.exceeded { throw CheckFailed(message: "runcost diff: " + verdict.message) }
    }
}
