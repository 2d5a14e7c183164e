/// Prices an offering's resolved services (Stack.swift) into the same `Ledger` as its compute:
/// one generic meter formula for every service (docs/billing.md, "Application services").
/// The kernel path only sums; the explaining path writes a line item per meter with its formula.
/// Every quantity is monthly and derived from the workload (docs/workloads.md, "Application").
enum ApplicationBilling {
    @inline(__always)
    static func evaluate<L: Ledger>(_ o: PricingPlan, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        guard w.scope != .compute, w.application != nil else { return nil }
        if let problem = o.serviceProblem { return problem }
        return price(o, Volumes(w), w, money, &ledger)
    }

    static func price<L: Ledger>(_ o: PricingPlan, _ app: Volumes, _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        // Read through pointers: indexing or iterating the plan's array copied each service (its
        // names, notes and meters) per evaluation; this removed a quarter of those copies
        // (docs/performance.md, "Issue 12 at a glance").
        return o.services.withUnsafeBufferPointer { services -> Infeasibility? in
            guard let first = services.baseAddress else { return nil }
            if w.scope == .application, !services.indices.contains(where: { (first + $0).pointee.role.isFrontDoor }) {
                ledger.note("front door: built in, no charge")
            }
            for index in services.indices {
                if let problem = priceService((first + index).pointee, index, o.provider, app, w, money, &ledger) { return problem }
            }
            return nil
        }
    }

    @inline(__always)
    static func priceService<L: Ledger>(_ resolved: borrowing ResolvedService, _ index: Int, _ computeProvider: String, _ app: Volumes,
                                        _ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        let role = resolved.role
        if w.scope == .data, role != .data { return nil }
        if let problem = check(resolved.service, role, app, w) { return problem }
        ledger.beginService(index)
        let metered = resolved.service.meters.withUnsafeBufferPointer { meters -> Infeasibility? in
            guard let first = meters.baseAddress else { return nil }
            for j in meters.indices {
                if let problem = chargeMeter((first + j).pointee, role, app, w, money, &ledger) { return problem }
            }
            return nil
        }
        if let problem = metered { return problem.naming(resolved.service.id) }
        if let egress = resolved.crossCloud {
            // Data read and written crosses clouds, billed as the data provider's egress.
            let gb = app.requests * (app.readsPerRequest + app.writesPerRequest) * app.itemGB
            for meter in egress.meters where meter.measure == .egress {
                charge(meter, gb, w.freeTier, money, &ledger, crossCloud: egress)
            }
        } else if role == .data, resolved.service.provider != computeProvider {
            ledger.note("\(resolved.service.id): no \(resolved.service.provider) egress table; cross-cloud transfer not priced")
        }
        return nil
    }

    /// One meter's charge; a capacity meter beyond its maximum is infeasible (named by the caller).
    @inline(__always)
    static func chargeMeter<L: Ledger>(_ meter: borrowing Meter, _ role: StackKey, _ app: Volumes, _ w: Workload,
                                       _ money: Money, _ ledger: inout L) -> Infeasibility? {
        let billed: Double
        if meter.measure == .capacity {
            guard let rule = meter.capacity else { return nil }
            switch unitHours(rule, MeterShape(meter), role, app, w) {
            case .success(let hours): billed = hours
            case .failure(let needed): return .serviceCapacityOverMaximum(service: "", units: needed.units, maximum: rule.maximum ?? 0)
            }
        } else {
            billed = quantity(meter.measure, MeterShape(meter), role, app, w)
        }
        charge(meter, billed, w.freeTier, money, &ledger)
        return nil
    }

    /// Free allowance, minimum and tiers applied to one meter's monthly quantity.
    @inline(__always)
    static func charge<L: Ledger>(_ meter: borrowing Meter, _ quantity: Double, _ freeTier: Bool, _ money: Money, _ ledger: inout L, crossCloud: Service? = nil) {
        let floored = quantity > 0 ? max(quantity, meter.minimum) : 0
        let free = freeTier ? min(floored, meter.free) : 0
        let billed = floored - free
        let cost = meter.price.cost(of: billed) / meter.per
        // The name is built inside the line item's closure: the kernel never formats text.
        ledger.charge(cost, LineItem(name: crossCloud.map { "cross-cloud transfer (\($0.name))" } ?? meter.name, quantity: billed, unit: meter.measure.unit,
                                     unitPrice: billed > 0 ? cost / billed : meter.price.tiers[0].price / meter.per,
                                     cost: cost, formula: formula(copy meter, quantity, floored, free, cost, money)))
    }

    /// The monthly quantity of a (non-capacity) measure for a service in `role`.
    @inline(__always)
    static func quantity(_ measure: Measure, _ meter: MeterShape, _ role: StackKey, _ app: Volumes, _ w: Workload) -> Double {
        let requests = app.requests
        switch measure {
        case .hours: return w.hoursPerMonth
        case .requests: return requests * chunks(app.payloadGB, meter.chunk)
        case .reads: return requests * app.readsPerRequest * chunks(app.itemGB, meter.chunk)
        case .writes: return requests * app.writesPerRequest * chunks(app.itemGB, meter.chunk)
        case .requestUnits:
            return requests * (app.readsPerRequest * meter.readUnits + app.writesPerRequest * meter.writeUnits) * chunks(app.itemGB, meter.chunk)
        case .events: return requests * app.eventsPerRequest * chunks(app.eventGB, meter.chunk)
        case .eventBytes: return requests * app.eventsPerRequest * max(app.eventGB, meter.minimumSize)
        case .storage:
            switch role {
            case .data: return app.dataStorageGB
            case .hosting: return app.hostingStorageGB
            default: return 0
            }
        case .egress:
            switch role {
            case .egress: return requests * app.responseGB + app.egressGB
            case .hosting: return app.hostingTransferGB
            default: return 0
            }
        case .processed: return requests * app.responseGB
        case .users: return app.users
        case .capacity: return 0
        }
    }

    /// How many chunks one item of `size` counts as (at least one); 1 without a chunk.
    @inline(__always)
    static func chunks(_ size: Double, _ chunk: Double?) -> Double {
        guard let chunk, chunk > 0, size > chunk else { return 1 }
        return roundUp(size / chunk, to: 1)
    }

    /// Billed unit-hours of a capacity meter over the traffic levels, or the units needed when
    /// the load is beyond the rule's maximum.
    @inline(__always)
    static func unitHours(_ rule: CapacityRule, _ meter: MeterShape, _ role: StackKey, _ app: Volumes, _ w: Workload) -> Result<Double, CapacityExceeded> {
        // Rates are linear in the level's multiplier: the need per unit of multiplier, once.
        let perMultiplier = need(rule, meter, role, app, w)
        let peakUnits = units(rule, perMultiplier * w.profile.peakMultiplier)
        if let maximum = rule.maximum, peakUnits > maximum {
            return .failure(CapacityExceeded(units: peakUnits))
        }
        var total = 0.0
        for level in w.profile.levels {
            let paused = rule.autoPause && (level.multiplier == 0 || w.requestsPerMonth == 0)
            let u = paused ? 0 : (rule.scaling == .peak ? peakUnits : units(rule, perMultiplier * level.multiplier))
            total += u * w.hoursPerMonth * level.share
        }
        return .success(total)
    }

    struct CapacityExceeded: Error { var units: Double }

    /// Units needed at the average rate (multiplier 1): max over dimensions of rate ÷ per_unit,
    /// ÷ target utilization. Counts are rates per second, sizes per hour.
    @inline(__always)
    static func need(_ rule: CapacityRule, _ meter: MeterShape, _ role: StackKey, _ app: Volumes, _ w: Workload) -> Double {
        var need = 0.0
        for d in rule.dimensions {
            var shape = meter
            shape.chunk = d.chunk
            let monthly = quantity(d.measure, shape, role, app, w)
            let rate = monthly / (w.hoursPerMonth * (d.measure.isSize ? 1 : 3600))
            need = max(need, rate / d.perUnit)
        }
        return need / rule.targetUtilization
    }

    /// Units for one traffic level: clamp(step_up(need), minimum, maximum) (the maximum is checked at the peak).
    @inline(__always)
    static func units(_ rule: CapacityRule, _ need: Double) -> Double {
        let stepped = rule.step > 0 ? roundUp(need, to: rule.step) : need
        return max(stepped, rule.minimum)
    }

    /// A service limit or throughput ceiling the workload breaks, if any.
    @inline(__always)
    static func check(_ s: borrowing Service, _ role: StackKey, _ app: Volumes, _ w: Workload) -> Infeasibility? {
        if let l = s.limits.maxDuration, w.duration > l {
            return .serviceDurationOverLimit(service: s.id, duration: w.duration, limit: l)
        }
        if let l = s.limits.maxPayloadKiB, let p = w.payloadKiB, p > l {
            return .servicePayloadOverLimit(service: s.id, payloadKiB: p, limitKiB: l)
        }
        if let l = s.limits.maxMonthlyActiveUsers, role == .identity, app.users > l {
            return .serviceUsersOverLimit(service: s.id, users: app.users, limit: l)
        }
        if let limit = s.capacityLimit {
            let peak = quantity(limit.measure, MeterShape(), role, app, w) / (w.hoursPerMonth * 3600) * w.profile.peakMultiplier
            if peak > limit.perSecond {
                return .serviceThroughputOverLimit(service: s.id, measure: limit.measure.rawValue, rate: peak, limit: limit.perSecond)
            }
        }
        return nil
    }

    /// `30M requests × $1.00/1M`, with free allowance, minimum and tiers spelled out.
    static func formula(_ meter: Meter, _ quantity: Double, _ floored: Double, _ free: Double, _ cost: Double, _ money: Money) -> String {
        let unit = meter.measure.unit
        func amount(_ q: Double) -> String {
            meter.measure.isSize ? Format.grouped(q, maxFractionDigits: 4) + " " + unit
                : meter.measure == .hours || meter.measure == .capacity ? Format.grouped(q, maxFractionDigits: 4) + " " + unit + "s"
                : Format.count(q) + " " + unit + "s"
        }
        func per() -> String {
            guard meter.per != 1 else { return unit }
            return meter.measure.isSize ? Format.grouped(meter.per, maxFractionDigits: 4) + " " + unit : Format.count(meter.per)
        }
        var text = amount(quantity)
        if floored > quantity { text += " (minimum \(amount(floored)))" }
        if free > 0 { text += " − \(amount(free)) free" }
        let billed = floored - free
        let tiers = meter.price.split(billed)
        if tiers.count <= 1 {
            text += " × \(money.price(meter.price.tiers[0].price)) per \(per())"
        } else {
            text += " = " + tiers.map { "\(amount($0.quantity)) × \(money.price($0.tier.price))" }.joined(separator: " + ") + " per \(per())"
        }
        return text + " = " + money.money(cost)
    }
}

/// What a quantity needs of a meter: plain numbers, so the kernel copies no names or tiers.
struct MeterShape {
    var chunk: Double? = nil
    var readUnits = 1.0
    var writeUnits = 1.0
    var minimumSize = 0.0

    init() {}

    @inline(__always) init(_ m: borrowing Meter) {
        chunk = m.chunk; readUnits = m.readUnits; writeUnits = m.writeUnits; minimumSize = m.minimumSize
    }
}

/// The application's volumes as plain numbers, read once per evaluation: the kernel then never
/// copies the section's service choices (strings) while it walks the meters.
struct Volumes {
    var requests = 0.0, payloadGB = 0.0
    var readsPerRequest = 0.0, writesPerRequest = 0.0, itemGB = 0.0, dataStorageGB = 0.0
    var eventsPerRequest = 0.0, eventGB = 0.0
    var responseGB = 0.0, egressGB = 0.0, users = 0.0
    var hostingStorageGB = 0.0, hostingTransferGB = 0.0

    @inline(__always) init(_ w: borrowing Workload) {
        requests = w.requestsPerMonth
        payloadGB = (w.payloadKiB ?? 0) / 1_048_576
        guard let app = w.application else { return }
        responseGB = app.responseSizeGB
        egressGB = app.egressGB
        if let d = app.data {
            readsPerRequest = d.readsPerRequest; writesPerRequest = d.writesPerRequest
            itemGB = d.itemSizeGB; dataStorageGB = d.storageGB
        }
        if let e = app.events { eventsPerRequest = e.perRequest; eventGB = e.sizeGB }
        users = app.users?.monthlyActive ?? 0
        if let h = app.hosting { hostingStorageGB = h.storageGB; hostingTransferGB = h.transferGB }
    }
}
