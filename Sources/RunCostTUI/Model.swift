import RunCostCore
import RunCostFiles

/// What the screen was started with and never changes: the catalog, its layers, where the workload
/// came from and what the terminal can show.
public struct Session: Sendable {
    /// Every offering in the comparison currency, at table prices.
    public var offerings: [Offering]
    public var layers: [PricingLayer]
    public var currency: String
    public var workloadPath: String?
    /// The trace file behind a trace workload (as a path usable from the current directory).
    public var tracePath: String?
    /// Offerings left out because they are priced in another currency.
    public var leftOutNote: String?
    /// False in a non-UTF-8 locale: ASCII glyphs only.
    public var unicode: Bool
    /// False without colour (NO_COLOR, monochrome terminal): charts tell lines apart by letter.
    public var color: Bool
    /// The date saved what-if price tables carry as `as_of`.
    public var today: CalendarDate
    /// The application services of the catalog (service tables), which the application pane
    /// picks from; each offering's stack is resolved against the workload again when a choice changes.
    public var services: [Service]
    /// Exchange rates for services priced in another currency (as `--exchange-rate`).
    public var rates: [String: Double]

    public init(offerings: [Offering], layers: [PricingLayer] = [], currency: String = "USD", workloadPath: String? = nil,
                tracePath: String? = nil, leftOutNote: String? = nil, unicode: Bool = true, color: Bool = true, today: CalendarDate,
                services: [Service] = [], rates: [String: Double] = [:]) {
        self.offerings = offerings; self.layers = layers; self.currency = currency; self.workloadPath = workloadPath
        self.tracePath = tracePath; self.leftOutNote = leftOutNote; self.unicode = unicode; self.color = color
        self.today = today; self.services = services; self.rates = rates
    }
}

/// Which offerings are shown.
public struct Filters: Sendable, Equatable {
    public var hiddenKinds: Set<OfferingKind> = []
    public var hiddenProviders: Set<String> = []
    public var hiddenOfferings: Set<String> = []
    /// Case-insensitive text matched against id, name and provider.
    public var search = ""

    public init(hiddenKinds: Set<OfferingKind> = [], hiddenProviders: Set<String> = [], hiddenOfferings: Set<String> = [], search: String = "") {
        self.hiddenKinds = hiddenKinds; self.hiddenProviders = hiddenProviders
        self.hiddenOfferings = hiddenOfferings; self.search = search
    }

    /// Filters that show only what was asked for on the command line (empty lists show all).
    public init(showing kinds: [OfferingKind], providers: [String], offerings ids: [String], in all: [Offering]) {
        if !kinds.isEmpty { hiddenKinds = Set(OfferingKind.allCases).subtracting(kinds) }
        if !providers.isEmpty { hiddenProviders = Set(all.map(\.provider)).subtracting(providers) }
        if !ids.isEmpty { hiddenOfferings = Set(all.map(\.id)).subtracting(ids) }
    }

    public var isEmpty: Bool { self == Filters() }

    func admits(_ o: Offering) -> Bool {
        guard !hiddenKinds.contains(o.kind), !hiddenProviders.contains(o.provider), !hiddenOfferings.contains(o.id) else { return false }
        guard !search.isEmpty else { return true }
        let needle = search.lowercased()
        return o.id.contains(needle) || o.name.lowercased().contains(needle) || o.provider.lowercased().contains(needle)
    }
}

public enum Focus: Sendable, Equatable { case workload, table }

public enum ChartStyle: Sendable, Equatable {
    /// Unicode braille dots, 2×4 per cell.
    case braille
    /// One letter per line per cell; works in any locale and without colour.
    case ascii
}

/// A file name the user is typing, and what it is for.
public enum Prompt: Sendable, Equatable {
    case saveWorkload
    case exportCSV
    case priceOffering(String)
    case priceProvider(String)
}

public enum PickerKind: Sendable, Equatable {
    case providers, offerings
    /// The service for an application field: Enter picks one of `ApplicationStepping.choices`.
    case service(ApplicationField)
}

/// The input mode: what keys mean right now.
public enum Mode: Sendable, Equatable {
    case normal
    case help
    case explain(scroll: Int)
    /// Typing an exact value for a workload input; `error` is the last rejected attempt.
    case editing(InputField, text: String, error: String?)
    /// The same for an application input (the application pane).
    case editingApplication(ApplicationField, text: String, error: String?)
    /// Live search; `previous` is restored by Esc.
    case search(previous: String)
    case picker(PickerKind, cursor: Int)
    case prompt(Prompt, text: String, error: String?)
    /// A file exists: y performs `effect` with overwrite, anything else cancels.
    case confirmOverwrite(Effect, paths: [String])
}

/// A side effect for the App loop to perform; its result comes back through `Model.completing`.
public enum Effect: Sendable, Equatable {
    case saveWorkload(path: String, overwrite: Bool)
    case exportCSV(path: String, overwrite: Bool)
}

public enum EffectResult: Sendable, Equatable {
    case written([String])
    case exists([String])
    case failed(String)
}

public struct Message: Sendable, Equatable {
    public var text: String
    public var isError: Bool
}

/// The whole state of the screen. Immutable from outside: `update` returns a new one.
public struct Model: Sendable {
    public let session: Session
    public internal(set) var workload: Workload
    public internal(set) var workloadName: String?
    public internal(set) var workloadDescription: String?
    public internal(set) var filters: Filters
    /// What-if price factors by offering id (0.8 = −20%); absent means table prices.
    public internal(set) var priceFactors: [String: Double] = [:]

    public internal(set) var focus: Focus = .workload
    /// The left panel's inputs: the compute's or the application's.
    public internal(set) var pane: Pane = .compute
    public internal(set) var field: InputField = .requests
    public internal(set) var applicationField: ApplicationField = .frontDoor
    public internal(set) var selectedID: String?
    public internal(set) var chartParameter: SweepParameter = .requests
    public internal(set) var chartStyle: ChartStyle
    /// The chart folded to its break-even sentences, giving the table the rows (c toggles).
    public internal(set) var chartCollapsed = false
    public internal(set) var mode: Mode = .normal
    public internal(set) var message: Message?
    /// How many rows the cost table shows at the current screen size; the chart draws from them.
    public internal(set) var tableRows = 20
    /// Set by `update`, performed and cleared by the App loop.
    public internal(set) var pendingEffect: Effect?

    /// Derived from the inputs above; recomputed once per edit, never per frame.
    public internal(set) var analysis: Analysis
    /// Monthly cost of each offering before the last edit, for ▲/▼.
    public internal(set) var previousCosts: [String: Double] = [:]
    /// The trace counts of a trace workload, kept so traffic can cycle back to it.
    let traceCounts: TraceLoad?
    /// The session's offerings with their stacks resolved for the workload's application (what
    /// `ApplicationResolver` did at start), redone only when a service choice or section changes.
    var resolvedOfferings: [Offering]
    /// What `resolvedOfferings` were resolved for.
    var resolvedFor: ResolutionKey
    let serviceIndex: StackResolution.Index

    public init(session: Session, workload: Workload, name: String? = nil, description: String? = nil, filters: Filters = Filters()) {
        self.session = session
        self.workload = workload
        self.workloadName = name
        self.workloadDescription = description
        self.filters = filters
        if case .trace(let counts) = workload.traffic { traceCounts = counts } else { traceCounts = nil }
        chartStyle = session.unicode && session.color ? .braille : .ascii
        analysis = Analysis()
        serviceIndex = StackResolution.Index(services: session.services, stacks: session.offerings)
        resolvedFor = ResolutionKey(workload.application)
        // The command line resolved (and validated) the stacks already; without service tables there is nothing to redo.
        resolvedOfferings = session.offerings
        if !session.services.isEmpty, case .success(let resolved) = Self.resolve(session.offerings, workload.application, serviceIndex, session.rates) {
            resolvedOfferings = resolved
        }
        recompute(full: true)
    }

    /// Each offering's services for `app` (StackResolution): an offering lacking a function URL or a
    /// default is infeasible with the reason, not an error, as in a ranking.
    static func resolve(_ offerings: [Offering], _ app: Application?, _ index: StackResolution.Index, _ rates: [String: Double]) -> Result<[Offering], StepError> {
        do throws(StackError) {
            var resolved: [Offering] = []
            resolved.reserveCapacity(offerings.count)
            for o in offerings { resolved.append(try StackResolution.resolve(o, app, index, rates: rates, alone: false)) }
            return .success(resolved)
        } catch {
            switch error {
            case let .unknownService(id, key): return .failure(StepError("\(key.rawValue): unknown service '\(id)'"))
            case let .wrongCategory(id, key, category): return .failure(StepError("\(key.rawValue): '\(id)' is a \(category.rawValue) service"))
            case let .noFunctionURL(offering): return .failure(StepError("\(offering) has no function URL"))
            }
        }
    }

    /// Applies a workload whose application changed: the stacks are resolved again when what they
    /// depend on changed (a choice, a section added or dropped), then it is an edit like any other.
    mutating func editApplication(_ w: Workload) -> StepError? {
        let key = ResolutionKey(w.application)
        if key != resolvedFor {
            switch Self.resolve(session.offerings, w.application, serviceIndex, session.rates) {
            case .failure(let error): return error
            case .success(let resolved): resolvedOfferings = resolved; resolvedFor = key
            }
        }
        edit { $0.workload = w }
        return nil
    }

    var glyphs: Glyphs { Glyphs(unicode: session.unicode) }

    /// Offerings shown: filtered, one architecture where the workload names one, what-if prices applied.
    var activeOfferings: [Offering] {
        var chosen = resolvedOfferings.filter(filters.admits)
        if let arch = workload.arch { chosen = ArchFilter.apply(chosen, arch: arch) }
        return chosen.map { o in priceFactors[o.id].map { o.scalingPrices(by: $0) } ?? o }
    }

    /// Providers in catalog order.
    var providers: [String] {
        var seen: [String] = []
        for o in session.offerings where !seen.contains(o.provider) { seen.append(o.provider) }
        return seen
    }

    /// The selected offering's full estimate, line items and notes included.
    var selectedEstimate: Estimate? {
        analysis.estimates.first { $0.offering.id == selectedID }.map { Estimator.estimate($0.offering, workload) }
    }

    var selectedIndex: Int? {
        analysis.estimates.firstIndex { $0.offering.id == selectedID }
    }

    var pricesEdited: Bool { !priceFactors.isEmpty }

    var currencySymbol: String { Format.symbol(for: session.currency) }

    func money(_ v: Double) -> String { Format.money(v, symbol: currencySymbol) }

    /// Recomputes the analysis. `full`: the costs changed (workload, filters, prices); otherwise only
    /// the chart's parameter or the selected offering did. `afterEdit`: back to the cheapest rows
    /// after an edit of the inputs; in the table, the offering being worked on stays selected
    /// unless the edit made it infeasible. The selection is settled before the chart's search runs
    /// once for it.
    mutating func recompute(full: Bool, afterEdit: Bool = false) {
        if full {
            analysis = Analysis.compute(offerings: activeOfferings, workload: workload)
            let selected = analysis.estimates.first { $0.offering.id == selectedID }
            let cheapest = analysis.estimates.first(where: \.feasible)?.offering.id
            if selected == nil {
                selectedID = analysis.estimates.first?.offering.id
            } else if afterEdit, let cheapest, focus == .workload || selected?.feasible != true {
                selectedID = cheapest
            }
        }
        let selected = analysis.estimates.firstIndex { $0.offering.id == selectedID } ?? 0
        let rows = CostTableView.rowsInView(count: analysis.estimates.count, visible: tableRows, selected: selected)
        analysis.chart(parameter: chartParameter, workload: workload, selected: selectedID, rows: rows)
    }

    /// Records the current costs as "before", applies a change to the inputs and recomputes.
    mutating func edit(_ change: (inout Model) -> Void) {
        let before = Dictionary(analysis.estimates.filter(\.feasible).map { ($0.offering.id, $0.monthlyCost) }, uniquingKeysWith: { a, _ in a })
        change(&self)
        previousCosts = before
        recompute(full: true, afterEdit: true)
    }
}

/// What stack resolution depends on: the choices and which sections exist, not the volumes.
struct ResolutionKey: Sendable, Equatable {
    var present: Bool
    var frontDoor: ServiceChoice?
    var data: ServiceChoice?
    var events: ServiceChoice?
    var users: ServiceChoice?
    var hosting: ServiceChoice?
    var egress: Bool

    init(_ app: Application?) {
        present = app != nil
        frontDoor = app?.frontDoor
        data = app?.data?.service
        events = app?.events?.service
        users = app?.users?.service
        hosting = app?.hosting?.service
        egress = (app?.responseSizeGB ?? 0) > 0 || (app?.egressGB ?? 0) > 0
    }
}
