import ArgumentParser
import RunCostCore
import RunCostFiles

/// What every pricing command needs: the workload, the catalog and the chosen offerings in one
/// currency. Built once from the option groups.
struct Selection {
    var spec: WorkloadSpec
    var workload: Workload
    var catalog: Catalog
    var offerings: [Offering]
    var leftOut: [Offering]
    /// Every file read to build it: never a target for `-o`.
    var inputFiles: [String]

    init(_ workloadOptions: WorkloadOptions, _ pricing: PricingOptions, _ filter: FilterOptions, _ money: CurrencyOptions) throws {
        spec = try workloadOptions.spec()
        workload = try spec.build()
        inputFiles = workloadOptions.inputFiles + [spec.tracePath].compactMap { $0 } + pricing.inputFiles
        catalog = try pricing.catalog()
        let rows = try ApplicationResolver.dataServiceRows(spec, workload, catalog)
        let chosen = rows.isEmpty ? try filter.select(from: catalog, arch: workload.arch) : rows
        let rates = try money.rates()
        (offerings, leftOut) = Currency.convert(chosen, to: money.currency, rates: rates)
        // Each offering's services, resolved once (never in the kernel); data rows come resolved.
        if rows.isEmpty { offerings = try ApplicationResolver.resolve(offerings, spec, workload, catalog, rates: rates) }
        guard !offerings.isEmpty else {
            throw InputError(.flag("--currency"), "every selected offering is priced in another currency; give --exchange-rate")
        }
    }

    /// A line for reports when offerings in other currencies were set aside.
    var leftOutNote: String? {
        guard !leftOut.isEmpty else { return nil }
        let currencies = Set(leftOut.map(\.currency)).sorted().joined(separator: ", ")
        return "Left out, priced in \(currencies) (give --exchange-rate \(leftOut[0].currency)=RATE to include): "
            + leftOut.map(\.id).joined(separator: ", ")
    }
}

struct CurrencyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Currency to compare in.", valueName: "code")) var currency = "USD"
    @Option(name: .customLong("exchange-rate"), help: ArgumentHelp("Rate to include offerings priced in another currency, e.g. EUR=1.16 (USD per EUR); repeatable.", valueName: "CUR=rate"))
    var exchangeRates: [String] = []

    func rates() throws -> [String: Double] {
        var rates: [String: Double] = [:]
        for text in exchangeRates {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].count == 3, let rate = Quantity.decimal(parts[1]), rate.isFinite, rate > 0, rate < 1e6 else {
                throw InputError(.flag("--exchange-rate"), "expected CUR=rate like EUR=1.16, got '\(text)'")
            }
            rates[parts[0]] = rate
        }
        return rates
    }
}

/// The option groups every pricing command shares: the workload, which offerings, which tables,
/// which currency.
struct SelectionOptions: ParsableArguments {
    @OptionGroup var workload: WorkloadOptions
    @OptionGroup var filter: FilterOptions
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var money: CurrencyOptions

    func resolve() throws -> Selection { try Selection(workload, pricing, filter, money) }
    var currency: String { money.currency }
}
