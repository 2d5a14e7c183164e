/// One provisioned instance as sized for a workload.
public struct InstanceSize: Sendable, Equatable {
    public var vcpu: Double
    public var memoryMiB: Double
    public var hourly: Double
    /// Copies of the workload's process that fit in the instance's memory.
    public var workers: Double
}

extension ProvisionedPricing {
    /// The instance (or task size) that runs the workload, or why none can.
    public func instanceSize(for w: Workload) -> Result<InstanceSize, Infeasibility> {
        switch rate {
        case let .perInstanceHour(price, vcpu, memory):
            let workers = (memory / w.memoryMiB).rounded(.down)
            guard workers >= 1 else { return .failure(.instanceTooSmall(memoryMiB: w.memoryMiB, instanceMiB: memory)) }
            return .success(InstanceSize(vcpu: vcpu, memoryMiB: memory, hourly: price, workers: workers))
        case let .perResource(vcpuHour, gbHour, sizes):
            let vcpu = w.vcpu ?? 1
            guard !sizes.isEmpty else {
                return .success(InstanceSize(vcpu: vcpu, memoryMiB: w.memoryMiB,
                                             hourly: vcpu * vcpuHour + w.memoryMiB / 1024 * gbHour, workers: 1))
            }
            for size in sizes where size.vcpu >= vcpu {
                let memory = max(size.minMemoryMiB, roundUp(w.memoryMiB, to: size.memoryStepMiB))
                if memory <= size.maxMemoryMiB {
                    return .success(InstanceSize(vcpu: size.vcpu, memoryMiB: memory,
                                                 hourly: size.vcpu * vcpuHour + memory / 1024 * gbHour, workers: 1))
                }
            }
            return .failure(.noTaskSize(vcpu: vcpu, memoryMiB: w.memoryMiB))
        }
    }

    /// Requests per second one instance serves: the least of what its CPU allows at the target
    /// utilisation and what its workers allow at the workload's concurrency.
    public static func capacityRPS(_ size: InstanceSize, _ w: Workload) -> Double {
        let cpuBound = w.cpuSecondsPerRequest > 0 ? size.vcpu * w.targetUtilization / w.cpuSecondsPerRequest : .infinity
        let concurrencyBound = w.duration > 0 ? size.workers * w.concurrency / w.duration : .infinity
        return min(cpuBound, concurrencyBound)
    }

    func evaluate<L: Ledger>(_ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        let size: InstanceSize
        switch instanceSize(for: w) {
        case .success(let s): size = s
        case .failure(let problem): return problem
        }
        let capacity = ProvisionedPricing.capacityRPS(size, w)
        guard capacity > 0 else { return .noCapacity }
        let floorCount = w.minInstances ?? minInstances
        let levels = w.profile.levels   // sorted by load, so instance counts rise with the index
        let hours = w.hoursPerMonth
        func needed(_ level: TrafficProfile.Level) -> Double { w.averageRPS * level.multiplier / capacity }
        func count(_ need: Double) -> Double { max(floorCount, roundUp(need, to: 1)) }

        let peakCount = count(needed(levels[levels.count - 1]))
        if let fixed = w.instances, fixed * capacity < w.peakRPS * (1 - 1e-9) {
            return .fleetTooSmall(instances: fixed, capacityRPS: capacity, peakRPS: w.peakRPS)
        }
        func instances(_ level: TrafficProfile.Level) -> Double {
            if let fixed = w.instances { return fixed }
            return w.fixedFleet ? peakCount : count(needed(level))
        }

        // Slot k (the k-th instance) runs in every level that needs at least k instances. Walking
        // the levels from the busiest down accumulates each group of slots' running hours.
        var instanceCost = 0.0, runningHours = 0.0, paidHours = 0.0, usedHours = 0.0, billedHours = 0.0
        var i = levels.count - 1
        var n = instances(levels[i])
        while i >= 0 {
            let level = levels[i]
            let below = i > 0 ? instances(levels[i - 1]) : 0
            runningHours += level.share * hours
            paidHours += n * level.share * hours
            usedHours += min(n, needed(level)) * level.share * hours
            if n > below {
                let billed = max(minimumBilledHours, roundUp(runningHours, to: billingIncrementHours))
                instanceCost += (n - below) * min(monthlyCap ?? .infinity, billed * size.hourly)
                billedHours += (n - below) * billed
            }
            n = below
            i -= 1
        }
        let lowCount = instances(levels[0])
        ledger.idle(paidHours > 0 ? instanceCost * (1 - usedHours / paidHours) : 0)
        ledger.note("one instance serves \(Format.grouped(capacity)) req/s (\(Format.grouped(size.vcpu)) vCPU at \(Format.grouped(w.targetUtilization * 100))% target utilisation, \(Format.grouped(size.workers)) worker(s) × \(Format.grouped(w.concurrency)) concurrent)")
        ledger.note(lowCount == peakCount ? "\(Format.grouped(peakCount)) instance(s) all month"
                                          : "\(Format.grouped(lowCount))–\(Format.grouped(peakCount)) instances, scaled hour by hour")

        // Text for the formulas; built only when line items are kept (never in the sweep kernel).
        func fleet() -> String {
            let capped = monthlyCap.map { $0 > 0 && instanceCost < billedHours * size.hourly - 1e-9 } ?? false
            let count = lowCount == peakCount ? "\(Format.grouped(peakCount)) instance(s) × \(Format.grouped(billedHours / max(peakCount, 1))) h"
                                              : "\(Format.grouped(billedHours)) instance-hours"
            return count + (capped ? " [capped at \(money.money(monthlyCap!)) per instance-month]" : "")
        }
        switch rate {
        case .perInstanceHour:
            ledger.charge(instanceCost, LineItem(
                name: "Instances", quantity: billedHours, unit: "instance-hours", unitPrice: size.hourly, cost: instanceCost,
                formula: "\(fleet()) × \(money.price(size.hourly))/h"))
        case let .perResource(vcpuHour, gbHour, _):
            let vcpuShare = size.hourly > 0 ? size.vcpu * vcpuHour / size.hourly : 0
            let gb = size.memoryMiB / 1024
            ledger.charge(instanceCost * vcpuShare, LineItem(
                name: "vCPU", quantity: billedHours * size.vcpu, unit: "vCPU-hours", unitPrice: vcpuHour, cost: instanceCost * vcpuShare,
                formula: "\(fleet()) × \(Format.grouped(size.vcpu)) vCPU × \(money.price(vcpuHour))/vCPU-h"))
            ledger.charge(instanceCost * (1 - vcpuShare), LineItem(
                name: "Memory", quantity: billedHours * gb, unit: "GB-hours", unitPrice: gbHour, cost: instanceCost * (1 - vcpuShare),
                formula: "\(fleet()) × \(Format.grouped(gb, maxFractionDigits: 3)) GB × \(money.price(gbHour))/GB-h"))
        }
        if fixedMonthlyFee > 0 {
            ledger.charge(fixedMonthlyFee, LineItem(
                name: fixedFeeName, quantity: 1, unit: "month", unitPrice: fixedMonthlyFee, cost: fixedMonthlyFee,
                formula: "\(money.money(fixedMonthlyFee)) per month"))
        }
        return nil
    }
}
