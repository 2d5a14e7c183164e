import ArgumentParser
import Foundation
import RunCostBundledTables
import RunCostCore
import RunCostFiles
import RunCostReports

struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "List, show, validate and export pricing tables.",
        subcommands: [List.self, Show.self, StartUp.self, Validate.self, Export.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every offering with its kind, billing model and as_of date.",
                                                        discussion: "Example:\n  runcost pricing list --kind serverless")
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var filter: FilterOptions
        @Option(help: "Output format: table, csv, json or markdown.") var format: ReportFormat = .table
        @Flag(help: "List the application services (front doors, data, events, identity, hosting, egress) instead.") var services = false

        func run() throws {
            if services {
                let catalog = try pricing.catalog()
                let chosen = catalog.services.filter { filter.providers.isEmpty || filter.providers.contains($0.provider) }
                try StandardStreams.write(ServiceListReport.render(chosen, format: format.rawValue))
                return
            }
            let offerings = try filter.select(from: pricing.catalog(), arch: nil)
            try StandardStreams.write(PricingListReport.render(offerings, format: format.rawValue))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one offering's prices, limits and source.",
                                                        discussion: "Example:\n  runcost pricing show aws-lambda-arm")
        @Argument(help: "Offering id.") var id: String
        @OptionGroup var pricing: PricingOptions

        func run() throws {
            let catalog = try pricing.catalog()
            if catalog.offering(id) == nil, let service = catalog.services.first(where: { $0.id == id }) {
                try StandardStreams.write(ServiceListReport.detail(service))
                return
            }
            try StandardStreams.write(PricingListReport.detail(try catalog.require(id)))
        }
    }

    struct StartUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "startup",
            abstract: "Compare start-up times: from nothing to the first served request, by kind and platform.",
            discussion: "Rows come from the cold-start tables (pricing/cold-starts.yaml).\nExample:\n  runcost pricing startup")
        @OptionGroup var pricing: PricingOptions

        func run() throws {
            print(ColdStartReport.startUpTable(try pricing.catalog().coldStarts), terminator: "")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pricing tables: required fields, units, duplicate ids, dates.",
            discussion: """
            Exits 2 with file:line:column on the first error. With --max-age, warns (on standard error)
            about offerings whose as_of date is older than that many days.
            Example:
              runcost pricing validate pricing --max-age 365
            """)
        @Argument(help: "Table files or folders (default: the bundled tables and user folder).") var paths: [String] = []
        @Option(name: .customLong("max-age"), help: ArgumentHelp("Warn about prices older than this many days.", valueName: "days")) var maxAge: Int?

        func run() throws {
            // Bounded: a price age of more than a century is a typo, and day arithmetic must not overflow.
            if let maxAge, !(0...36_500).contains(maxAge) { throw InputError(.flag("--max-age"), "expected a number of days from 0 to 36500, got \(maxAge)") }
            // Without paths: the compiled-in tables, decoded again from their text (errors name
            // <bundled>/file.yaml), then the user folder.
            let layers = paths.isEmpty ? [PricingLocations.user()].compactMap { $0 } : paths
            let base = paths.isEmpty ? try Catalog.decode(BundledTables.tables, folder: BundledTables.folder) : Catalog()
            let catalog = try Catalog.load(layers, over: base)
            let unverified = catalog.offerings.filter { !$0.verified }.count
            let coldStarts = catalog.coldStarts.isEmpty ? "" : ", and \(catalog.coldStarts.count) cold-start rows"
            try ApplicationResolver.validateStacks(catalog)
            let services = catalog.services.isEmpty ? "" : ", \(catalog.services.count) services (\(catalog.services.filter { !$0.verified }.count) unverified)"
            try StandardStreams.write("\(catalog.offerings.count) offerings in \(catalog.layers.count) layer(s) are valid (\(unverified) marked unverified)\(services)\(coldStarts).\n")
            if let maxAge {
                let today = CalendarDate.today
                let stale = catalog.offerings.filter { $0.asOf.days(until: today) > maxAge }
                for o in stale {
                    StandardStreams.writeError("warning: \(o.id) prices are \(o.asOf.days(until: today)) days old (as_of \(o.asOf))\n")
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the bundled pricing tables to a folder, to edit or to use as a layer.",
            discussion: """
            Writes one YAML file per provider (aws.yaml, gcp.yaml, …), each atomically; creates the folder
            if needed and refuses to replace an existing file unless --force. Edited copies in the user
            folder ($RUNCOST_PRICING_DIR, else ~/.config/runcost/pricing) or given with --pricing
            override the bundled offerings by id.
            Example:
              runcost pricing export ~/.config/runcost/pricing
            """)
        @Argument(help: "Folder to write the tables into.") var folder: String
        @Flag(help: "Replace tables that already exist in the folder.") var force = false

        func run() throws {
            try TableExport.write(BundledTables.tables, to: folder, overwrite: force)
            print("Wrote \(BundledTables.tables.count) pricing tables to \(folder).")
        }
    }
}

extension CalendarDate {
    /// Today in UTC.
    static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
