import ArgumentParser
import Foundation
import RunCostBundledTables
import RunCostCore
import RunCostFiles

/// The workload: a YAML file and/or flags (flags win). Values are kept as text and validated by
/// RunCostFiles, so a bad flag gets the same clear message as a bad field, naming the flag.
struct WorkloadOptions: ParsableArguments {
    @Argument(help: "Workload YAML file (see examples/). Flags override its fields.")
    var workload: String?

    @Option(help: ArgumentHelp("Requests per month (3M, 1.5e9).", valueName: "count")) var requests: String?
    @Option(help: ArgumentHelp("Average requests per second (instead of --requests).", valueName: "rate")) var rps: String?
    @Option(help: ArgumentHelp("Wall time per request (120ms, 2s, 15min).", valueName: "time")) var duration: String?
    @Option(help: ArgumentHelp("Memory of a function or instance (512MB, 1.5GB).", valueName: "size")) var memory: String?
    @Option(name: .customLong("cpu-time"), help: ArgumentHelp("CPU time per request (default: the duration).", valueName: "time")) var cpuTime: String?
    @Option(help: ArgumentHelp("vCPU of a task or instance.", valueName: "n")) var vcpu: String?
    @Option(help: ArgumentHelp("Requests one instance serves at once.", valueName: "n")) var concurrency: String?
    @Option(help: ArgumentHelp("x86 or arm: hides the other variant where an offering has both.", valueName: "arch")) var arch: String?
    @Option(name: .customLong("ephemeral-storage"), help: ArgumentHelp("Function scratch storage (2048MB).", valueName: "size")) var ephemeralStorage: String?
    @Option(help: ArgumentHelp("Request payload size (256KB), checked against limits.", valueName: "size")) var payload: String?
    @Option(help: ArgumentHelp("Hours per month the service runs (default 730).", valueName: "hours")) var hours: String?
    @Option(help: ArgumentHelp("Fixed fleet size for provisioned offerings.", valueName: "n")) var instances: String?
    @Option(name: .customLong("min-instances"), help: ArgumentHelp("Instances kept running even when idle.", valueName: "n")) var minInstances: String?
    @Option(name: .customLong("target-utilization"), help: ArgumentHelp("CPU share a provisioned instance may use (0.7, 70%).", valueName: "share")) var targetUtilization: String?
    @Option(help: ArgumentHelp("constant, diurnal, business-hours or bursty.", valueName: "shape")) var traffic: String?
    @Option(name: .customLong("peak-to-average"), help: ArgumentHelp("Peak hour ÷ average (diurnal default 2, bursty 10).", valueName: "ratio")) var peakToAverage: String?
    @Option(help: ArgumentHelp("CSV of timestamp,requests per minute or hour; replaces --traffic.", valueName: "file")) var trace: String?
    @Option(help: ArgumentHelp("Language runtime, for start-up time: python, node, java, go, rust, dotnet or container.", valueName: "name")) var runtime: String?
    @Option(name: .customLong("max-cold-start-rate"), help: ArgumentHelp("Largest share of requests that may be cold (0.1%); keeps instances warm to meet it.", valueName: "share")) var maxColdStartRate: String?
    @Flag(name: .customLong("snapstart"), help: "Turn on SnapStart where the offering prices it (Lambda).") var snapStart = false
    @Flag(name: .customLong("fixed-fleet"), help: "Size provisioned fleets for the peak instead of hour by hour.") var fixedFleet = false
    @Flag(inversion: .prefixedNo, help: "Apply monthly free allowances (they are account-wide; default off).") var freeTier: Bool?
    // Commitments and spot (docs/billing.md, "Commitments").
    @Option(help: ArgumentHelp("none, 1y or 3y: price a Savings Plan, reservation or committed-use discount.", valueName: "term")) var commitment: String?
    @Option(name: .customLong("commitment-plan"), help: ArgumentHelp("The plan id to price (default: the deepest discount).", valueName: "id")) var commitmentPlan: String?
    @Option(name: .customLong("commit-amount"), help: ArgumentHelp("Committed spend per hour (default: the steady baseline).", valueName: "amount")) var commitAmount: String?
    @Flag(help: "Price spot/preemptible capacity (indicative, unverified discounts).") var spot = false
    @Option(help: ArgumentHelp("service (default) or job: each request a task started on demand.", valueName: "mode")) var run: String?
    @Option(help: ArgumentHelp("Boot volume of a VM (20GB); default: the table's.", valueName: "size")) var disk: String?
    @Flag(name: .customLong("public-ip"), inversion: .prefixedNo, help: "Give VMs a public IPv4 address where it is charged (default on).") var publicIP: Bool?
    // The application around the compute (docs/workloads.md, "Application").
    @Option(help: ArgumentHelp("compute, application (default with an application section) or data (the data service alone).", valueName: "scope")) var scope: String?
    @Option(name: .customLong("front-door"), help: ArgumentHelp("auto, none, function-url or a front-door service id.", valueName: "id")) var frontDoor: String?
    @Option(name: .customLong("response-size"), help: ArgumentHelp("Bytes out per request (8KB).", valueName: "size")) var responseSize: String?
    @Option(help: ArgumentHelp("Other data out to the internet per month (50GB).", valueName: "size")) var egress: String?
    @Option(name: .customLong("data-service"), help: ArgumentHelp("auto, none or a data service id; several (a,b) with --scope data.", valueName: "id")) var dataService: String?
    @Option(name: .customLong("reads-per-request"), help: ArgumentHelp("Database reads per request.", valueName: "n")) var readsPerRequest: String?
    @Option(name: .customLong("writes-per-request"), help: ArgumentHelp("Database writes per request.", valueName: "n")) var writesPerRequest: String?
    @Option(name: .customLong("item-size"), help: ArgumentHelp("Size of one item read or written (default 1KB).", valueName: "size")) var itemSize: String?
    @Option(help: ArgumentHelp("Data stored, GB-month (20GB).", valueName: "size")) var storage: String?
    @Option(name: .customLong("event-service"), help: ArgumentHelp("auto, none or an events service id.", valueName: "id")) var eventService: String?
    @Option(name: .customLong("events-per-request"), help: ArgumentHelp("Events published per request.", valueName: "n")) var eventsPerRequest: String?
    @Option(name: .customLong("event-size"), help: ArgumentHelp("Size of one event (default 1KB).", valueName: "size")) var eventSize: String?
    @Option(name: .customLong("identity-service"), help: ArgumentHelp("auto, none or an identity service id.", valueName: "id")) var identityService: String?
    @Option(name: .customLong("monthly-active-users"), help: ArgumentHelp("Users who sign in in a month (40k).", valueName: "count")) var monthlyActiveUsers: String?
    @Option(name: .customLong("hosting-service"), help: ArgumentHelp("auto, none or a static hosting service id.", valueName: "id")) var hostingService: String?
    @Option(name: .customLong("hosting-storage"), help: ArgumentHelp("Static site stored (1GB).", valueName: "size")) var hostingStorage: String?
    @Option(name: .customLong("hosting-transfer"), help: ArgumentHelp("Static site served per month (100GB).", valueName: "size")) var hostingTransfer: String?

    /// The file (if any) with every given flag laid over it.
    func spec() throws -> WorkloadSpec {
        var spec = try workload.map { try WorkloadSpec(file: $0) } ?? WorkloadSpec()
        let flags: [(WorkloadField, String?)] = [
            (.requests, requests), (.rps, rps), (.duration, duration), (.memory, memory), (.cpuTime, cpuTime),
            (.vcpu, vcpu), (.concurrency, concurrency), (.arch, arch), (.ephemeralStorage, ephemeralStorage),
            (.payload, payload), (.hours, hours), (.instances, instances), (.minInstances, minInstances),
            (.targetUtilization, targetUtilization), (.traffic, traffic), (.peakToAverage, peakToAverage), (.trace, trace),
            (.fixedFleet, fixedFleet ? "true" : nil), (.freeTier, freeTier.map { $0 ? "true" : "false" }),
            (.commitment, commitment), (.commitmentPlan, commitmentPlan), (.commitAmount, commitAmount), (.spot, spot ? "true" : nil),
            (.runtime, runtime), (.maxColdStartRate, maxColdStartRate), (.snapStart, snapStart ? "true" : nil),
            (.run, run), (.disk, disk), (.publicIP, publicIP.map { $0 ? "true" : "false" }),
            (.scope, scope), (.frontDoor, frontDoor), (.responseSize, responseSize), (.egress, egress),
            (.dataService, dataService), (.readsPerRequest, readsPerRequest), (.writesPerRequest, writesPerRequest),
            (.itemSize, itemSize), (.storage, storage), (.eventService, eventService), (.eventsPerRequest, eventsPerRequest),
            (.eventSize, eventSize), (.identityService, identityService), (.monthlyActiveUsers, monthlyActiveUsers),
            (.hostingService, hostingService), (.hostingStorage, hostingStorage), (.hostingTransfer, hostingTransfer),
        ]
        for case let (field, value?) in flags { spec.override(field, value) }
        return spec
    }

    /// The workload and trace named on the command line (a trace named in the file: `WorkloadSpec.tracePath`).
    var inputFiles: [String] { [workload, trace].compactMap { $0 } }
}

/// Pricing layers: bundled < user folder < each `--pricing` path in order.
struct PricingOptions: ParsableArguments {
    @Option(name: .customLong("pricing"), help: ArgumentHelp("Extra pricing table or folder; repeatable, later wins by id.", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .customLong("no-bundled-pricing"), help: "Use only the tables given with --pricing (and the user folder).")
    var noBundled = false

    /// Every pricing layer that may be read (bundled, user folder, --pricing): never an output.
    var inputFiles: [String] { [PricingLocations.user()].compactMap { $0 } + paths }

    func catalog() throws -> Catalog {
        let layers = [PricingLocations.user()].compactMap { $0 } + paths
        guard !noBundled || !layers.isEmpty else { throw InputError(.flag("--pricing"), "no pricing tables to use") }
        // The bundled tables are compiled in: no YAML is read unless a folder or file overrides them.
        return try Catalog.load(layers, over: noBundled ? Catalog() : BundledTables.catalog())
    }
}

/// Which offerings to price.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("offering"), help: ArgumentHelp("Only this offering id; repeatable.", valueName: "id")) var offerings: [String] = []
    @Option(name: .customLong("kind"), help: ArgumentHelp("Only this kind: serverless, paas, container, vm; repeatable.", valueName: "kind")) var kinds: [String] = []
    @Option(name: .customLong("provider"), help: ArgumentHelp("Only this provider; repeatable.", valueName: "name")) var providers: [String] = []

    func select(from catalog: Catalog, arch: Arch?) throws -> [Offering] {
        let chosenKinds = try kinds.map { try Fields.choice($0, "kind", OfferingKind.self, .flag("--kind")) }
        let known = Set(catalog.offerings.map(\.provider))
        for p in providers where !known.contains(p) {
            throw InputError(.flag("--provider"), "unknown provider '\(p)'" + Suggestion.hintOrList(p, in: known.sorted(), noun: "providers"))
        }
        // Twice would price one offering twice, and `diff` refuses such a report.
        if let twice = offerings.enumerated().first(where: { offerings[..<$0.offset].contains($0.element) })?.element {
            throw InputError(.flag("--offering"), "'\(twice)' is given twice")
        }
        var chosen = try offerings.map { try catalog.require($0, origin: .flag("--offering")) }
        if chosen.isEmpty { chosen = catalog.offerings }
        chosen = chosen.filter { (chosenKinds.isEmpty || chosenKinds.contains($0.kind)) && (providers.isEmpty || providers.contains($0.provider)) }
        if let arch, offerings.isEmpty { chosen = ArchFilter.apply(chosen, arch: arch) }
        guard !chosen.isEmpty else { throw InputError(.flag("--kind/--provider"), "no offering matches these filters") }
        return chosen
    }
}

/// `--format` shared by the report commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
}

/// `--output FILE`: written atomically, never over an input (docs/commands.md, "Output").
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file (atomically; never over an input) instead of standard output.", valueName: "file"))
    var output: String?

    /// Writes the whole report, checked: a failed write is an error, never a silent exit 0.
    func emit(_ text: String, inputs: [String]) throws {
        if let output, output != "-" { try AtomicWriter.write(text, to: output, inputs: inputs) } else { try StandardStreams.write(text) }
    }
}
