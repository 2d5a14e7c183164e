import ArgumentParser
import Foundation
import RunCostCore
import RunCostFiles
import RunCostReports

struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "List, show and validate pricing tables.",
        subcommands: [List.self, Show.self, StartUp.self, Validate.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every offering with its kind, billing model and as_of date.",
                                                        discussion: "Example:\n  runcost pricing list --kind serverless")
        @OptionGroup var pricing: PricingOptions
        @OptionGroup var filter: FilterOptions
        @Option(help: "Output format: table, csv, json or markdown.") var format: ReportFormat = .table

        func run() throws {
            let offerings = try filter.select(from: pricing.catalog(), arch: nil)
            print(PricingListReport.render(offerings, format: format.rawValue), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one offering's prices, limits and source.",
                                                        discussion: "Example:\n  runcost pricing show aws-lambda-arm")
        @Argument(help: "Offering id.") var id: String
        @OptionGroup var pricing: PricingOptions

        func run() throws {
            print(PricingListReport.detail(try pricing.catalog().require(id)), terminator: "")
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
            if let maxAge, maxAge < 0 { throw InputError(.flag("--max-age"), "expected a number of days ≥ 0, got \(maxAge)") }
            let layers = paths.isEmpty ? [PricingLocations.bundled(), PricingLocations.user()].compactMap { $0 } : paths
            let catalog = try Catalog.load(layers)
            let unverified = catalog.offerings.filter { !$0.verified }.count
            let coldStarts = catalog.coldStarts.isEmpty ? "" : ", and \(catalog.coldStarts.count) cold-start rows"
            print("\(catalog.offerings.count) offerings in \(layers.count) layer(s) are valid (\(unverified) marked unverified)\(coldStarts).")
            if let maxAge {
                let today = CalendarDate.today
                let stale = catalog.offerings.filter { $0.asOf.days(until: today) > maxAge }
                for o in stale {
                    FileHandle.standardError.write(Data("warning: \(o.id) prices are \(o.asOf.days(until: today)) days old (as_of \(o.asOf))\n".utf8))
                }
            }
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
