import ArgumentParser
import Foundation
import RunCostCore
import RunCostFiles
import RunCostTUI

struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Interactive what-if screen: change the workload or prices and watch every cost and break-even move.",
        discussion: """
        Needs a terminal (80×24 or larger); with output redirected use `runcost compare`. Inputs left out take the documented defaults (1M requests/month, 100ms, 512MB; docs/workloads.md).

        Keys: ↑↓ select an input, ←→ step it, Enter type a value, Tab the table, e explain, 1-4 kinds, p providers, / search, -/+ % $ what-if prices, c fold the chart, s save, x export CSV, ? help, q quit. See docs/tui.md.

        Examples:
          runcost tui examples/api.yaml
          runcost tui examples/api.yaml --kind serverless --kind container
          runcost tui --requests 3M --duration 120ms --memory 1536MB --free-tier
          runcost tui saved-whatif.yaml --pricing saved-whatif-prices.yaml
        """)

    @OptionGroup var workload: WorkloadOptions
    @OptionGroup var filter: FilterOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var money: CurrencyOptions

    func run() throws {
        let spec = try workload.spec()
        let w = try spec.build()   // missing inputs take WorkloadDefaults, as in every command
        let catalog = try pricing.catalog()
        _ = try filter.select(from: catalog, arch: nil)   // validates kinds, providers and ids
        let rates = try money.rates()
        var (kept, leftOut) = Currency.convert(catalog.offerings, to: money.currency, rates: rates)
        // The application's services, resolved once: the screen's totals are the scope's.
        kept = try ApplicationResolver.resolve(kept, spec, w, catalog, rates: rates)
        guard !kept.isEmpty else {
            throw InputError(.flag("--currency"), "every offering is priced in another currency; give --exchange-rate")
        }

        let filters = Filters(showing: try filter.kinds.map { try Fields.choice($0, "kind", OfferingKind.self, .flag("--kind")) },
                              providers: filter.providers, offerings: filter.offerings, in: catalog.offerings)

        var leftOutNote: String?
        if !leftOut.isEmpty {
            let currencies = Set(leftOut.map(\.currency)).sorted().joined(separator: ", ")
            leftOutNote = "\(leftOut.count) offering\(leftOut.count == 1 ? "" : "s") in \(currencies) left out (--exchange-rate includes)"
        }
        // Layers under the current folder read better relative: `pricing`, not `/home/…/pricing`.
        let cwd = FileManager.default.currentDirectoryPath + "/"
        var layers = catalog.layers
        for i in layers.indices where layers[i].path.hasPrefix(cwd) { layers[i].path.removeFirst(cwd.count) }
        let session = Session(offerings: kept, layers: layers, currency: money.currency,
                              workloadPath: workload.workload, tracePath: spec.tracePath, leftOutNote: leftOutNote,
                              today: CalendarDate.today)
        let status: Int32
        do {
            status = try TUI.run(session: session, workload: w, name: spec.name,
                                 description: spec.value(.description)?.text, filters: filters)
        } catch let error as TerminalError {
            throw InputError(nil, error.description)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
