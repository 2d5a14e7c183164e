/// Budget checks for CI: rules about what a workload costs on the offering(s) a team runs on,
/// evaluated offline and deterministically. Pure: the budget file is read by RunCostFiles and the
/// results are rendered by RunCostReports.
///
/// Money is compared in cents, as every report shows it: a cost of $15.184 is $15.18, which meets
/// a $15.18 budget and exceeds a $15.17 one. A rule that cannot be evaluated (the chosen offering
/// cannot run the workload, there is no volume to measure headroom against) never passes: it takes
/// the rule's severity.
public enum Budget {
    public enum Severity: String, Sendable, CaseIterable, Equatable {
        case fail, warn
    }

    public enum Status: String, Sendable, Equatable, Comparable {
        case pass, warn, fail

        public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }
        var rank: Int { self == .pass ? 0 : self == .warn ? 1 : 2 }
    }

    /// Which offerings a comparative rule compares against. Empty lists admit everything.
    public struct Scope: Sendable, Equatable {
        public var kinds: [OfferingKind]
        public var providers: [String]

        public init(kinds: [OfferingKind] = [], providers: [String] = []) {
            self.kinds = kinds; self.providers = providers
        }

        public func admits(_ o: Offering) -> Bool {
            (kinds.isEmpty || kinds.contains(o.kind)) && (providers.isEmpty || providers.contains(o.provider))
        }

        /// "serverless, container from aws, gcp" or "all offerings".
        public var description: String {
            if kinds.isEmpty && providers.isEmpty { return "all offerings" }
            var parts: [String] = []
            if !kinds.isEmpty { parts.append("kinds " + kinds.map(\.rawValue).joined(separator: ", ")) }
            if !providers.isEmpty { parts.append("providers " + providers.joined(separator: ", ")) }
            return parts.joined(separator: "; ")
        }
    }

    public enum RuleKind: Sendable, Equatable {
        /// The monthly cost may be at most this amount (in the offering's currency).
        case maxMonthly(Double)
        /// The cost may be at most this many percent above the cheapest feasible offering in scope.
        case maxOverCheapest(percent: Double, among: Scope)
        /// The expected volume must be at least this many percent away from the nearest volume
        /// where another offering in scope becomes cheaper than the chosen one.
        case minHeadroomToBreakeven(percent: Double, among: Scope)
        /// The chosen offering's prices may be at most this many days old.
        case maxPriceAge(days: Int)

        /// The rule's name in budget files and reports.
        public var name: String {
            switch self {
            case .maxMonthly: "max_monthly"
            case .maxOverCheapest: "max_over_cheapest"
            case .minHeadroomToBreakeven: "min_headroom_to_breakeven"
            case .maxPriceAge: "max_price_age"
            }
        }

        public static let names = ["max_monthly", "max_over_cheapest", "min_headroom_to_breakeven", "max_price_age"]
    }

    public struct Rule: Sendable, Equatable {
        public var kind: RuleKind
        public var severity: Severity
        /// Where the rule was written (`budget.yaml:7:9`), for reports.
        public var location: String?

        public init(_ kind: RuleKind, severity: Severity = .fail, location: String? = nil) {
            self.kind = kind; self.severity = severity; self.location = location
        }

        public var name: String { kind.name }
    }

    /// One check: a workload, the offering(s) the team runs on (each checked on its own), the rules.
    public struct Check: Sendable {
        public var name: String
        public var workload: Workload
        public var workloadName: String?
        public var offerings: [Offering]
        public var rules: [Rule]
        public var location: String?
        /// The alternatives with this check's application services resolved; nil = the catalog as is.
        public var pool: [Offering]? = nil

        public init(name: String, workload: Workload, workloadName: String? = nil, offerings: [Offering],
                    rules: [Rule], location: String? = nil) {
            self.name = name; self.workload = workload; self.workloadName = workloadName
            self.offerings = offerings; self.rules = rules; self.location = location
        }
    }

    /// The outcome of one rule for one chosen offering.
    public struct RuleResult: Sendable, Equatable {
        public var rule: Rule
        public var offering: String
        public var status: Status
        /// The measured figure: cents of money, percent over cheapest, percent headroom, days.
        public var actual: Double?
        public var limit: Double
        /// `USD` (the currency), `%` or `days`.
        public var unit: String
        /// The offering the figure is measured against (cheapest, or the one past the break-even).
        public var against: String?
        public var againstCost: Double?
        /// The break-even volume (requests/month), for min_headroom_to_breakeven.
        public var breakEven: Double?
        /// One sentence: what was measured and why it passed or not.
        public var message: String
    }

    /// Every result of one check, with the estimates behind them.
    public struct CheckResult: Sendable {
        public var check: Check
        /// The chosen offerings' estimates, in the order the check lists them.
        public var estimates: [Estimate]
        /// The cheapest feasible offering in the chosen offerings' currency (may be a chosen one).
        public var cheapest: Estimate?
        /// The cheapest feasible offering that is not one of the chosen ones.
        public var alternative: Estimate?
        public var results: [RuleResult]

        public var status: Status { results.map(\.status).max() ?? .pass }
        public var currency: String { check.offerings.first?.currency ?? "USD" }
    }

    public struct Report: Sendable {
        public var today: CalendarDate
        public var checks: [CheckResult]

        public var results: [RuleResult] { checks.flatMap(\.results) }
        public func count(_ status: Status) -> Int { results.filter { $0.status == status }.count }
        /// True when no rule of severity `fail` failed.
        public var passed: Bool { count(.fail) == 0 }
        public var status: Status { results.map(\.status).max() ?? .pass }

        /// "2 failed, 1 warning, 6 passed in 3 checks".
        public var summary: String {
            let w = count(.warn)
            return "\(count(.fail)) failed, \(w) warning\(w == 1 ? "" : "s"), \(count(.pass)) passed in \(checks.count) check\(checks.count == 1 ? "" : "s")"
        }
    }

    // MARK: evaluation

    /// Evaluates every check against `catalog` (the offerings alternatives are drawn from).
    public static func evaluate(_ checks: [Check], catalog: [Offering], today: CalendarDate) -> Report {
        Report(today: today, checks: checks.map { evaluate($0, catalog: catalog, today: today) })
    }

    public static func evaluate(_ check: Check, catalog: [Offering], today: CalendarDate) -> CheckResult {
        let w = check.workload
        let chosenIDs = Set(check.offerings.map(\.id))
        // Alternatives: the catalog (one architecture variant where the workload names one), plus
        // the chosen offerings themselves, in the chosen offerings' currency.
        let catalog = check.pool ?? catalog
        var pool = w.arch.map { ArchFilter.apply(catalog, arch: $0) } ?? catalog
        pool.removeAll { chosenIDs.contains($0.id) }
        pool += check.offerings
        // One ranking per currency of the chosen offerings (usually one), in the order they appear.
        var rankings: [(currency: String, estimates: [Estimate])] = []
        for o in check.offerings where !rankings.contains(where: { $0.currency == o.currency }) {
            rankings.append((o.currency, Estimator.compare(pool.filter { $0.currency == o.currency }, w)))
        }
        func ranking(_ currency: String) -> [Estimate] { rankings.first { $0.currency == currency }?.estimates ?? [] }
        let estimates = check.offerings.map { o in ranking(o.currency).first { $0.offering.id == o.id } ?? Estimator.estimate(o, w) }
        let ranked = ranking(check.offerings.first?.currency ?? "USD")

        var results: [RuleResult] = []
        for rule in check.rules {
            for (o, e) in zip(check.offerings, estimates) {
                results.append(evaluate(rule, e, w, candidates: ranking(o.currency), today: today))
            }
        }
        return CheckResult(check: check, estimates: estimates,
                           cheapest: ranked.first(where: \.feasible),
                           alternative: ranked.first { $0.feasible && !chosenIDs.contains($0.offering.id) },
                           results: results)
    }

    /// One rule for one chosen offering. `candidates` are estimates of every offering that may
    /// serve as an alternative, sorted cheapest first (they include the chosen one).
    public static func evaluate(_ rule: Rule, _ e: Estimate, _ w: Workload, candidates: [Estimate], today: CalendarDate) -> RuleResult {
        let o = e.offering
        let symbol = Money(currency: o.currency)
        let violated: Status = rule.severity == .fail ? .fail : .warn
        var result = RuleResult(rule: rule, offering: o.id, status: .pass, actual: nil, limit: 0, unit: "", message: "")
        func verdict(_ ok: Bool, _ message: String) -> RuleResult {
            result.status = ok ? .pass : violated
            result.message = message
            return result
        }
        let infeasible = "\(o.id) cannot run this workload: " + e.reasons.joined(separator: "; ")

        switch rule.kind {
        case .maxMonthly(let limit):
            result.limit = limit; result.unit = o.currency
            guard e.feasible else { return verdict(false, infeasible) }
            let cost = cents(e.monthlyCost)
            result.actual = cost
            if cost <= limit + 1e-9 {
                let share = limit > 0 ? " (\(Format.grouped(cost / limit * 100, maxFractionDigits: 1))% of the budget)" : ""
                return verdict(true, "\(symbol.money(cost))/month is within the \(symbol.money(limit)) budget" + share)
            }
            return verdict(false, "\(symbol.money(cost))/month exceeds the \(symbol.money(limit)) budget by \(symbol.money(cost - limit))")

        case let .maxOverCheapest(limit, scope):
            result.limit = limit; result.unit = "%"
            guard e.feasible else { return verdict(false, infeasible) }
            let cost = cents(e.monthlyCost)
            let others = candidates.filter { $0.feasible && $0.offering.id != o.id && scope.admits($0.offering) }
            guard let best = others.first, cents(best.monthlyCost) < cost else {
                result.actual = 0
                let next = others.first.map { "; next is \($0.offering.id) at \(symbol.money(cents($0.monthlyCost)))" } ?? ""
                return verdict(true, "\(symbol.money(cost))/month: \(o.id) is the cheapest feasible offering among \(scope.description)" + next)
            }
            let cheapest = cents(best.monthlyCost)
            let percent = over(cost, cheapest)
            result.actual = percent; result.against = best.offering.id; result.againstCost = cheapest
            let text = "\(symbol.money(cost))/month is \(percentText(percent)) above the cheapest, \(best.offering.id) at \(symbol.money(cheapest))"
            return verdict(percent <= limit + 1e-9, text + (percent <= limit + 1e-9 ? " (limit \(percentText(limit)))" : "; the limit is \(percentText(limit))"))

        case let .minHeadroomToBreakeven(limit, scope):
            result.limit = limit; result.unit = "%"
            guard e.feasible else { return verdict(false, infeasible) }
            let volume = w.requestsPerMonth
            guard volume > 0 else { return verdict(false, "the workload expects no requests, so there is no volume to measure headroom from") }
            let others = candidates.map(\.offering).filter { $0.id != o.id && scope.admits($0) }
            let (lower, upper) = headroomWindow(volume, limit)
            guard let nearest = nearestBreakEven(o, others, w, from: lower, to: upper) else {
                result.actual = nil
                return verdict(true, "no offering among \(scope.description) becomes cheaper than \(o.id) between \(Format.count(lower)) and \(Format.count(upper)) requests/month")
            }
            let headroom = abs(nearest.value - volume) / volume * 100
            result.actual = headroom; result.against = nearest.other; result.breakEven = nearest.value
            result.againstCost = nearest.cost
            let direction = nearest.value >= volume ? "above" : "below"
            let text = "\(nearest.other) becomes cheaper \(direction) \(Format.count(nearest.value)) requests/month, \(percentText(headroom)) from the expected \(Format.count(volume))"
            let ok = headroom >= limit - 1e-9
            return verdict(ok, text + (ok ? " (at least \(percentText(limit)) required)" : "; at least \(percentText(limit)) is required"))

        case .maxPriceAge(let days):
            result.limit = Double(days); result.unit = "days"
            let age = o.asOf.days(until: today)
            result.actual = Double(age)
            let text = "\(o.id) prices are \(age) day\(abs(age) == 1 ? "" : "s") old (as_of \(o.asOf), today \(today))"
            return verdict(age <= days, text + (age <= days ? "" : "; the limit is \(days) days"))
        }
    }

    /// The volume range searched for break-evens: [volume/10, volume×10], widened for large limits.
    static func headroomWindow(_ volume: Double, _ percent: Double) -> (Double, Double) {
        let lower = percent >= 90 ? volume / 1000 : volume / 10
        let upper = volume * max(10, 2 * (1 + percent / 100))
        return (lower, upper)
    }

    /// The break-even nearest to the workload's volume where one of `others` becomes cheaper than `o`.
    static func nearestBreakEven(_ o: Offering, _ others: [Offering], _ w: Workload, from: Double, to: Double)
        -> (value: Double, other: String, cost: Double)? {
        guard !others.isEmpty else { return nil }
        let volume = w.requestsPerMonth
        // BreakEven.find's own machinery, without the cheapest-range and feasibility searches it
        // would also run across every offering: only crossings with `o` matter here.
        // Costs never fall as volume rises, so over a stretch [a, b] an offering whose cost range
        // does not overlap the chosen one's cannot cross it there; offerings that cannot cross it
        // anywhere are left out of the fine search (anything infeasible or non-monotone stays in).
        let coarse = SweepRange(from: from, to: to, points: 17)
        func costs(_ x: Offering) -> [Double?] { (0..<coarse.points).map { Estimator.monthlyCost(x, SweepParameter.requests.apply(coarse.value(at: $0), to: w)) } }
        let mine = costs(o)
        let others = others.filter { mightCross(mine, costs($0)) }
        guard !others.isEmpty else { return nil }
        let search = Search(offerings: [o] + others, base: w, parameter: .requests,
                            range: SweepRange(from: from, to: to, points: 256))
        let grid = search.grid()
        let crossovers = others.indices.flatMap { search.crossovers(grid, 0, $0 + 1) }
        // Above the volume: o is cheaper below the crossing. Below it: o is cheaper above it.
        let losing = crossovers.filter {
            ($0.value >= volume && $0.cheaperBelow == o.id) || ($0.value < volume && $0.cheaperAbove == o.id)
        }
        guard let best = losing.min(by: { (abs($0.value - volume), $0.value) < (abs($1.value - volume), $1.value) }) else { return nil }
        let other = best.cheaperBelow == o.id ? best.cheaperAbove : best.cheaperBelow
        return (best.value, other, best.cost)
    }

    /// Whether two cost curves sampled at the same rising volumes may cross between samples.
    static func mightCross(_ a: [Double?], _ b: [Double?]) -> Bool {
        for i in 1..<a.count {
            guard let a0 = a[i - 1], let a1 = a[i], let b0 = b[i - 1], let b1 = b[i], a0 <= a1, b0 <= b1 else { return true }
            if !(b0 > a1 || b1 < a0) { return true }
        }
        return false
    }

    /// Percent by which `cost` exceeds `base`; infinite when the base is free and the cost is not.
    static func over(_ cost: Double, _ base: Double) -> Double {
        if base > 0 { return (cost - base) / base * 100 }
        return cost > base ? .infinity : 0
    }

    static func percentText(_ p: Double, digits: Int = 1) -> String {
        p.isFinite ? Format.grouped(p, maxFractionDigits: digits) + "%" : "∞%"
    }

    /// Money as every report shows it: rounded to cents.
    public static func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
