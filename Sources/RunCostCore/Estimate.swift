/// One named cost component: `quantity unit × unit_price = cost`, with the arithmetic spelled out.
public struct LineItem: Sendable, Equatable {
    public var name: String
    public var quantity: Double
    public var unit: String
    public var unitPrice: Double
    public var cost: Double
    public var formula: String

    public init(name: String, quantity: Double, unit: String, unitPrice: Double, cost: Double, formula: String) {
        self.name = name; self.quantity = quantity; self.unit = unit
        self.unitPrice = unitPrice; self.cost = cost; self.formula = formula
    }
}

/// The monthly cost of one offering for one workload, and why.
public struct Estimate: Sendable, Equatable {
    public var offering: Offering
    public var monthlyCost: Double
    /// What is paid for provisioned capacity that served nothing.
    public var idleCost: Double
    public var lineItems: [LineItem]
    /// Why the offering cannot run this workload; empty when feasible.
    public var reasons: [String]
    /// Assumptions and derived figures worth showing (instances at peak, billed memory, …).
    public var notes: [String]
    /// The commitment applied, when the workload asks for one (Commitment.swift).
    public var commitment: CommitmentSummary? = nil
    /// Share of requests that start an instance, and the wait; built for reports, not sweeps.
    public var coldStart: ColdStartEstimate? = nil
    /// What the compute costs (0 in the data scope); `monthlyCost` minus the services.
    public var computeCost: Double = 0
    /// Each resolved service's cost and line items, in stack order (ApplicationBilling.swift).
    public var services: [ServiceCost] = []
    /// What `monthlyCost` covers.
    public var scope: CostScope = .compute

    public var servicesCost: Double { services.reduce(0) { $0 + $1.cost } }
    /// The line items of the compute alone (`lineItems` ends with the services').
    public var computeLineItems: ArraySlice<LineItem> { lineItems.dropLast(services.reduce(0) { $0 + $1.lineItems.count }) }

    public var feasible: Bool { reasons.isEmpty }

    public func costPerMillionRequests(_ workload: Workload) -> Double? {
        workload.requestsPerMonth >= 1 ? monthlyCost / workload.requestsPerMonth * 1e6 : nil
    }
}

/// One service's share of an estimate.
public struct ServiceCost: Sendable, Equatable {
    public var id: String
    public var name: String
    public var category: ServiceCategory
    public var role: StackKey
    public var verified: Bool
    public var cost: Double
    public var lineItems: [LineItem]

    public init(id: String, name: String, category: ServiceCategory, role: StackKey, verified: Bool, cost: Double, lineItems: [LineItem]) {
        self.id = id; self.name = name; self.category = category; self.role = role
        self.verified = verified; self.cost = cost; self.lineItems = lineItems
    }
}

/// Where a billing formula reports its charges. The fast path only sums; the explaining path also
/// builds line items. One formula serves both, so the two can never disagree.
protocol Ledger {
    mutating func charge(_ cost: Double, _ item: @autoclosure () -> LineItem)
    mutating func idle(_ cost: Double)
    mutating func note(_ text: @autoclosure () -> String)
    /// The charges that follow belong to the offering's service at `index` (ApplicationBilling).
    mutating func beginService(_ index: Int)
    /// Whether `idle` is read: the sweep kernel's ledger does not, so formulas may skip what only
    /// the idle share needs.
    static var keepsIdle: Bool { get }
}

extension Ledger {
    @inline(__always) mutating func beginService(_ index: Int) {}
    static var keepsIdle: Bool { true }
}

struct TotalLedger: Ledger {
    var total = 0.0
    @inline(__always) mutating func charge(_ cost: Double, _ item: @autoclosure () -> LineItem) { total += cost }
    @inline(__always) mutating func idle(_ cost: Double) {}
    @inline(__always) mutating func note(_ text: @autoclosure () -> String) {}
    static var keepsIdle: Bool { false }
}

/// The total and its idle share, without line items or notes: what a ranking of thousands of
/// offerings needs (formatting every formula costs far more than the arithmetic).
struct SummaryLedger: Ledger {
    var total = 0.0
    var idleCost = 0.0
    @inline(__always) mutating func charge(_ cost: Double, _ item: @autoclosure () -> LineItem) { total += cost }
    @inline(__always) mutating func idle(_ cost: Double) { idleCost += cost }
    @inline(__always) mutating func note(_ text: @autoclosure () -> String) {}
}

struct ItemisedLedger: Ledger {
    var items: [LineItem] = []
    var idleCost = 0.0
    var notes: [String] = []
    /// For each service that charged: its index in the offering's services and its first item.
    var serviceStarts: [(service: Int, item: Int)] = []
    mutating func beginService(_ index: Int) { serviceStarts.append((index, items.count)) }
    mutating func charge(_ cost: Double, _ item: @autoclosure () -> LineItem) { items.append(item()) }
    mutating func idle(_ cost: Double) { idleCost += cost }
    mutating func note(_ text: @autoclosure () -> String) { notes.append(text()) }
}
