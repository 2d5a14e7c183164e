/// Prices an offering's resolved services (Stack.swift) into the same `Ledger` as its compute:
/// one generic meter formula for every service (docs/billing.md, "Application services").
/// The kernel path only sums; the explaining path writes a line item per meter with its formula.
/// Every quantity is monthly and derived from the workload (docs/workloads.md, "Application").
enum ApplicationBilling {
    @inline(__always)
    static func evaluate<L: Ledger>(_ o: Offering, _ w: Workload, _ ledger: inout L) -> Infeasibility? {
        guard w.scope != .compute, let app = w.application else { return nil }
        if let problem = o.serviceProblem { return problem }
        return price(o, app, w, &ledger)
    }

    static func price<L: Ledger>(_ o: Offering, _ app: Application, _ w: Workload, _ ledger: inout L) -> Infeasibility? {
        let money = Money(currency: o.currency)
        if w.scope == .application, !o.services.contains(where: { $0.role == .frontDoor || $0.role == .functionURL }) {
            ledger.note("front door: built in, no charge")
        }
        for (index, resolved) in o.services.enumerated() {
            if w.scope == .data, resolved.role != .data { continue }
            let service = resolved.service
            if let problem = check(service, resolved.role, app, w) { return problem }
            ledger.beginService(index)
            for meter in service.meters {
                let billed: Double
                if meter.measure == .capacity {
                    guard let rule = meter.capacity else { continue }
                    switch unitHours(rule, meter, resolved.role, app, w) {
                    case .success(let hours): billed = hours
                    case .failure(let needed): return .serviceCapacityOverMaximum(service: service.id, units: needed.units, maximum: rule.maximum ?? 0)
                    }
                } else {
                    billed = quantity(meter.measure, MeterShape(meter), resolved.role, app, w)
                }
                charge(meter, billed, w.freeTier, money, &ledger)
            }
            if let egress = resolved.crossCloud {
                // Data read and written crosses clouds, billed as the data provider's egress.
                let gb = w.requestsPerMonth * app.dataVolume * (app.data?.itemSizeGB ?? 0)
                for meter in egress.meters where meter.measure == .egress {
                    charge(meter, gb, w.freeTier, money, &ledger, crossCloud: egress)
                }
            } else if resolved.role == .data, resolved.service.provider != o.provider {
                ledger.note("\(service.id): no \(service.provider) egress table; cross-cloud transfer not priced")
            }
        }
        return nil
    }

    /// Free allowance, minimum and tiers applied to one meter's monthly quantity.
    @inline(__always)
    static func charge<L: Ledger>(_ meter: Meter, _ quantity: Double, _ freeTier: Bool, _ money: Money, _ ledger: inout L, crossCloud: Service? = nil) {
        let floored = quantity > 0 ? max(quantity, meter.minimum) : 0
        let free = freeTier ? min(floored, meter.free) : 0
        let billed = floored - free
        let cost = meter.price.cost(of: billed) / meter.per
        // The name is built inside the line item's closure: the kernel never formats text.
        ledger.charge(cost, LineItem(name: crossCloud.map { "cross-cloud transfer (\($0.name))" } ?? meter.name, quantity: billed, unit: meter.measure.unit,
                                     unitPrice: billed > 0 ? cost / billed : meter.price.tiers[0].price / meter.per,
                                     cost: cost, formula: formula(meter, quantity, floored, free, cost, money)))
    }

    /// The monthly quantity of a (non-capacity) measure for a service in `role`.
    @inline(__always)
    static func quantity(_ measure: Measure, _ meter: MeterShape, _ role: StackKey, _ app: Application, _ w: Workload) -> Double {
        let requests = w.requestsPerMonth
        let data = app.data
        switch measure {
        case .hours: return w.hoursPerMonth
        case .requests: return requests * chunks(w.payloadKiB.map { $0 / 1_048_576 } ?? 0, meter.chunk)
        case .reads: return requests * (data?.readsPerRequest ?? 0) * chunks(data?.itemSizeGB ?? 0, meter.chunk)
        case .writes: return requests * (data?.writesPerRequest ?? 0) * chunks(data?.itemSizeGB ?? 0, meter.chunk)
        case .requestUnits:
            guard let data else { return 0 }
            return requests * (data.readsPerRequest * meter.readUnits + data.writesPerRequest * meter.writeUnits)
                * chunks(data.itemSizeGB, meter.chunk)
        case .events: return requests * (app.events?.perRequest ?? 0) * chunks(app.events?.sizeGB ?? 0, meter.chunk)
        case .eventBytes:
            guard let events = app.events else { return 0 }
            return requests * events.perRequest * max(events.sizeGB, meter.minimumSize)
        case .storage:
            switch role {
            case .data: return data?.storageGB ?? 0
            case .hosting: return app.hosting?.storageGB ?? 0
            default: return 0
            }
        case .egress:
            switch role {
            case .egress: return requests * app.responseSizeGB + app.egressGB
            case .hosting: return app.hosting?.transferGB ?? 0
            default: return 0
            }
        case .processed: return requests * app.responseSizeGB
        case .users: return app.users?.monthlyActive ?? 0
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
    static func unitHours(_ rule: CapacityRule, _ meter: Meter, _ role: StackKey, _ app: Application, _ w: Workload) -> Result<Double, CapacityExceeded> {
        var total = 0.0
        let peakUnits = units(rule, meter, role, app, w, multiplier: w.profile.peakMultiplier)
        if let maximum = rule.maximum, peakUnits > maximum {
            return .failure(CapacityExceeded(units: peakUnits))
        }
        for level in w.profile.levels {
            let paused = rule.autoPause && (level.multiplier == 0 || w.requestsPerMonth == 0)
            let u = paused ? 0 : (rule.scaling == .peak ? peakUnits : units(rule, meter, role, app, w, multiplier: level.multiplier))
            total += u * w.hoursPerMonth * level.share
        }
        return .success(total)
    }

    struct CapacityExceeded: Error { var units: Double }

    /// Units for one traffic level: clamp(step_up(max_d rate_d / per_unit_d / target), minimum, maximum).
    @inline(__always)
    static func units(_ rule: CapacityRule, _ meter: Meter, _ role: StackKey, _ app: Application, _ w: Workload, multiplier: Double) -> Double {
        var need = 0.0
        for d in rule.dimensions {
            var shape = MeterShape(meter)
            shape.chunk = d.chunk
            let monthly = quantity(d.measure, shape, role, app, w)
            // Counts per second, sizes per hour.
            let rate = monthly / (w.hoursPerMonth * (d.measure.isSize ? 1 : 3600)) * multiplier
            need = max(need, rate / d.perUnit)
        }
        need /= rule.targetUtilization
        let stepped = rule.step > 0 ? roundUp(need, to: rule.step) : need
        return max(stepped, rule.minimum)
    }

    /// A service limit or throughput ceiling the workload breaks, if any.
    @inline(__always)
    static func check(_ s: Service, _ role: StackKey, _ app: Application, _ w: Workload) -> Infeasibility? {
        if let l = s.limits.maxDuration, w.duration > l {
            return .serviceDurationOverLimit(service: s.id, duration: w.duration, limit: l)
        }
        if let l = s.limits.maxPayloadKiB, let p = w.payloadKiB, p > l {
            return .servicePayloadOverLimit(service: s.id, payloadKiB: p, limitKiB: l)
        }
        if let l = s.limits.maxMonthlyActiveUsers, role == .identity, let users = app.users?.monthlyActive, users > l {
            return .serviceUsersOverLimit(service: s.id, users: users, limit: l)
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

    @inline(__always) init(_ m: Meter) {
        chunk = m.chunk; readUnits = m.readUnits; writeUnits = m.writeUnits; minimumSize = m.minimumSize
    }
}

extension Application {
    /// Reads plus writes per request: what crosses clouds when the data lives elsewhere.
    var dataVolume: Double { (data?.readsPerRequest ?? 0) + (data?.writesPerRequest ?? 0) }
}
