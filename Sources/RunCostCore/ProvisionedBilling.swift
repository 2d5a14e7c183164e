/// One provisioned instance as sized for a workload.
public struct InstanceSize: Sendable, Equatable {
    public var vcpu: Double
    public var memoryMiB: Double
    public var hourly: Double
    /// Copies of the workload's process that fit in the instance's memory.
    public var workers: Double
}

/// A fleet as sized hour by hour: what it costs and how much of it served requests.
struct Fleet {
    var instanceCost = 0.0, billedHours = 0.0, paidHours = 0.0, usedHours = 0.0
    /// vCPU-hours above the burstable baseline (unlimited mode).
    var surplusVCPUHours = 0.0
    /// List price minus what is paid after the sustained-use discount.
    var sustainedSaving = 0.0
    var lowCount = 0.0, peakCount = 0.0
    var capacity = 0.0
    /// Hours the single instance of quiet levels was shut down after its lifetime (instance lifetime).
    var shutDownHours = 0.0
}

/// The month sustained-use discounts are counted in (design.md §3).
let monthHours = 730.0

/// Sizing a fleet reads the offering's terms in place (borrowed from its plan): building a copy of
/// them per evaluation cost a memmove once the rules grew (9% of the kernel).
extension ProvisionedPricing {
    /// The fleet for one capacity per instance. `baselineVCPU` (unlimited-mode bursting) counts
    /// the CPU the fleet burns above each instance's baseline.
    ///
    /// The sweep kernel's hottest loop (burstable offerings size two fleets per point): the
    /// workload's figures are read once, levels through a buffer, and each level's instance count
    /// is computed once; the arithmetic is the same expression for expression, so results are too.
    ///
    /// Without `idle` (the sweep kernel), the hours that only the idle share needs are not summed,
    /// and a month that needs the same count in every level is one group of slots.
    func fleet(_ w: Workload, _ size: InstanceSize, capacity: Double, baselineVCPU: Double?, idle: Bool) -> Result<Fleet, Infeasibility> {
        guard capacity > 0 else { return .failure(.noCapacity) }
        let floorCount = w.minInstances ?? minInstances
        let hours = w.hoursPerMonth
        let averageRPS = w.averageRPS
        let cpuSecondsPerRequest = w.cpuSecondsPerRequest
        let fixed = w.instances
        // Pre-warmed instances come on top of the always-ready ones (Microsoft: five always-ready
        // instances and one pre-warmed make "six provisioned instances" once requests arrive).
        let prewarmed = r.prewarmedInstances
        let sizedForPeak = w.fixedFleet || !r.autoscaling
        let minimumBilledHours = minimumBilledHours, billingIncrementHours = billingIncrementHours
        let cap = monthlyCap ?? .infinity, hourly = size.hourly, sustained = r.sustainedUse != nil
        // An instance that shuts down `lifetime` after its last request runs only part of a level
        // that needs less than one instance; only when the fleet may scale to zero and autoscales.
        let lifetime = fixed == nil && !sizedForPeak && floorCount <= 0 ? r.instanceLifetime : 0
        let hold = w.duration + lifetime
        return w.profile.levels.withUnsafeBufferPointer { levels -> Result<Fleet, Infeasibility> in
            // Levels are sorted by load, so instance counts rise with the index.
            @inline(__always) func needed(_ i: Int) -> Double { averageRPS * levels[i].multiplier / capacity }
            @inline(__always) func count(_ need: Double) -> Double { max(floorCount, roundUp(need, to: 1)) + (need > 0 ? prewarmed : 0) }
            let top = levels.count - 1
            let peakNeed = needed(top)
            let peakCount = count(peakNeed)
            // Each level's load is divided once: carried down as the next level's.
            @inline(__always) func instances(_ need: Double) -> Double {
                if let fixed { return fixed }
                return sizedForPeak ? peakCount : count(need)
            }
            var f = Fleet()
            f.capacity = capacity
            f.peakCount = peakCount
            if let fixed, fixed * capacity < w.peakRPS * (1 - 1e-9) {
                return .failure(.fleetTooSmall(instances: fixed, capacityRPS: capacity, peakRPS: w.peakRPS))
            }
            var n = instances(peakNeed), need = peakNeed
            if let most = r.maxInstances, n > most { return .failure(.overMaxInstances(needed: n, max: most)) }

            // Every level needs the peak's count (always at low volume, or a fixed fleet): one group
            // of slots running all month, the same sums as the walk below in the same order.
            if !idle, lifetime == 0, baselineVCPU == nil, top > 0, instances(needed(0)) == n {
                var runningHours = 0.0
                var i = top
                while i >= 0 { runningHours += levels[i].share * hours; i -= 1 }
                let billed = max(minimumBilledHours, roundUp(runningHours, to: billingIncrementHours))
                let cost = min(cap, billed * hourly)
                f.instanceCost = n * cost
                f.billedHours = n * billed
                if sustained { f.sustainedSaving = n * max(0, cost - r.sustainedHours(billed, monthHours: monthHours) * hourly) }
                f.lowCount = n
                return .success(f)
            }

            // Slot k (the k-th instance) runs in every level that needs at least k instances. Walking
            // the levels from the busiest down accumulates each group of slots' running hours.
            var runningHours = 0.0
            var i = top
            while i >= 0 {
                let level = levels[i]
                let needBelow = i > 0 ? needed(i - 1) : 0
                let below = i > 0 ? instances(needBelow) : 0
                // The one instance of a quiet level is up while some request's hold (its duration
                // and the lifetime after it) covers the moment: the shared-instance up share.
                let up = lifetime > 0 && n == 1 && need < 1
                    ? max(SharedInstancePricing.upShare(rate: averageRPS * level.multiplier, hold: hold, minimum: 0, step: 0), need)
                    : n
                runningHours += (lifetime > 0 && n == 1 ? up : 1) * level.share * hours
                if idle {
                    f.shutDownHours += (n - up) * level.share * hours
                    f.paidHours += up * level.share * hours
                    f.usedHours += min(up, need) * level.share * hours
                }
                if let baseline = baselineVCPU {
                    let demand = averageRPS * level.multiplier * cpuSecondsPerRequest
                    f.surplusVCPUHours += max(0, demand - n * baseline) * level.share * hours
                }
                if n > below {
                    let billed = max(minimumBilledHours, roundUp(runningHours, to: billingIncrementHours))
                    let cost = min(cap, billed * hourly)
                    f.instanceCost += (n - below) * cost
                    f.billedHours += (n - below) * billed
                    if sustained {
                        f.sustainedSaving += (n - below) * max(0, cost - r.sustainedHours(billed, monthHours: monthHours) * hourly)
                    }
                }
                if i == 0 { f.lowCount = n }
                n = below
                need = needBelow
                i -= 1
            }
            return .success(f)
        }
    }
}

extension ProvisionedPricing {
    /// The rules, borrowed in place from their box: no copy in the sweep kernel.
    @inline(__always) var r: ProvisionedRules.Values { _read { yield rules.values } }

    /// The instance (or task size) that runs the workload, or why none can. Memory the system
    /// reserves comes off a fixed instance before workers are counted, and is added to a task's.
    public func instanceSize(for w: Workload) -> Result<InstanceSize, Infeasibility> {
        let reserved = r.reservedMemoryMiB
        switch rate {
        case let .perInstanceHour(price, vcpu, memory):
            let workers = ((memory - reserved) / w.memoryMiB).rounded(.down)
            guard workers >= 1 else {
                return .failure(reserved > 0 ? .instanceTooSmallAfterReserve(memoryMiB: w.memoryMiB, instanceMiB: memory, reservedMiB: reserved)
                                             : .instanceTooSmall(memoryMiB: w.memoryMiB, instanceMiB: memory))
            }
            return .success(InstanceSize(vcpu: vcpu, memoryMiB: memory, hourly: price, workers: workers))
        case let .perResource(vcpuHour, gbHour, sizes):
            let vcpu = w.vcpu ?? 1
            let wanted = w.memoryMiB + reserved
            guard !sizes.isEmpty else {
                return .success(InstanceSize(vcpu: vcpu, memoryMiB: wanted,
                                             hourly: vcpu * vcpuHour + wanted / 1024 * gbHour, workers: 1))
            }
            for size in sizes where size.vcpu >= vcpu {
                let memory = max(size.minMemoryMiB, roundUp(wanted, to: size.memoryStepMiB))
                if memory <= size.maxMemoryMiB {
                    return .success(InstanceSize(vcpu: size.vcpu, memoryMiB: memory,
                                                 hourly: size.vcpu * vcpuHour + memory / 1024 * gbHour, workers: 1))
                }
            }
            return .failure(.noTaskSize(vcpu: vcpu, memoryMiB: wanted))
        }
    }

    /// Requests per second one instance serves: the least of what `cpu` vCPU allow (default: the
    /// instance's vCPU at the target utilisation) and what its workers allow at the concurrency.
    public static func capacityRPS(_ size: InstanceSize, _ w: Workload, cpu: Double? = nil) -> Double {
        let usable = cpu ?? size.vcpu * w.targetUtilization
        let cpuBound = w.cpuSecondsPerRequest > 0 ? usable / w.cpuSecondsPerRequest : .infinity
        let concurrencyBound = w.duration > 0 ? size.workers * w.concurrency / w.duration : .infinity
        return min(cpuBound, concurrencyBound)
    }

    /// Attached costs per instance-hour: boot volume, public IPv4 and task storage above the included size.
    @inline(__always)
    func attachedHourly(_ w: Workload) -> (disk: Double, ip: Double, storage: Double) {
        let disk = r.bootDisk.map { (w.diskMiB.map { $0 / 1024 } ?? $0.sizeGB) * $0.gbMonth / monthHours } ?? 0
        let ip = w.publicIP ? r.publicIPv4Hour : 0
        var storage = 0.0
        if let s = r.ephemeralStorage, let size = w.ephemeralStorageMiB, size > s.includedMiB {
            storage = (size - s.includedMiB) / 1024 * s.gbHour
        }
        return (disk, ip, storage)
    }

    @inline(__always)   // inlined into the sweep kernel, which then reads the offering in place instead of copying it
    borrowing func evaluate<L: Ledger>(_ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        let size: InstanceSize
        switch instanceSize(for: w) {
        case .success(let s): size = s
        case .failure(let problem): return problem
        }
        if w.run == .job, let jobs = r.jobs { return evaluateJobs(w, size, jobs, money, &ledger) }
        if r.jobs?.only == true { return .jobsOnly }

        let attached = attachedHourly(w)
        let attachedPerHour = attached.disk + attached.ip + attached.storage
        let nominalCPU = size.vcpu * w.targetUtilization
        var surplusPrice = 0.0
        var burstChoice: String?
        let fleet: Fleet
        if let burst = r.burstable {
            // Two ways to run a burstable fleet: enough instances to stay at the baseline, or fewer
            // instances run at the target utilisation paying for the surplus. The cheaper wins.
            let baselineCPU = size.vcpu * burst.baseline
            let atBaseline = self.fleet(w, size, capacity: Self.capacityRPS(size, w, cpu: min(baselineCPU, nominalCPU)), baselineVCPU: nil, idle: L.keepsIdle)
            var pick = atBaseline
            burstChoice = "baseline"
            if let price = burst.surplusVCPUHour, nominalCPU > baselineCPU {
                let bursting = self.fleet(w, size, capacity: Self.capacityRPS(size, w, cpu: nominalCPU), baselineVCPU: baselineCPU, idle: L.keepsIdle)
                func total(_ f: Fleet, _ surplus: Double) -> Double {
                    f.instanceCost - f.sustainedSaving + f.billedHours * attachedPerHour + f.surplusVCPUHours * surplus
                }
                switch (atBaseline, bursting) {
                case let (.success(a), .success(b)) where total(b, price) < total(a, 0):
                    pick = bursting; surplusPrice = price; burstChoice = "surplus"
                case (.failure, .success):
                    pick = bursting; surplusPrice = price; burstChoice = "surplus"
                default: break
                }
            }
            switch pick {
            case .success(let f): fleet = f
            case .failure(let problem): return problem
            }
        } else {
            switch self.fleet(w, size, capacity: Self.capacityRPS(size, w), baselineVCPU: nil, idle: L.keepsIdle) {
            case .success(let f): fleet = f
            case .failure(let problem): return problem
            }
        }

        let instanceCost = fleet.instanceCost, billedHours = fleet.billedHours
        let lowCount = fleet.lowCount, peakCount = fleet.peakCount, capacity = fleet.capacity
        ledger.note("one instance serves \(Format.grouped(capacity)) req/s (\(cpuText(size, w, burstChoice)), \(Format.grouped(size.workers)) worker(s) × \(Format.grouped(w.concurrency)) concurrent)")
        ledger.note(lowCount == peakCount ? "\(Format.grouped(peakCount)) instance(s) " + (fleet.shutDownHours > 0 ? "while requests arrive" : "all month")
                                          : "\(Format.grouped(lowCount))–\(Format.grouped(peakCount)) instances, scaled hour by hour")
        if r.burstable != nil { ledger.note(burstNote(burstChoice) ?? "") }
        if r.prewarmedInstances > 0 && w.instances == nil {
            ledger.note("\(Format.grouped(r.prewarmedInstances)) pre-warmed instance(s) beyond the load in every hour with requests, billed like the rest")
        }
        if fleet.shutDownHours > 0 {
            ledger.note("an instance shuts down \(Format.duration(r.instanceLifetime)) after its last request: \(Format.grouped(fleet.shutDownHours)) instance-hours of quiet hours not billed")
        }
        if !r.autoscaling && w.instances == nil && !w.fixedFleet { ledger.note("this plan does not autoscale: the fleet is sized for the peak hour") }
        if r.reservedMemoryMiB > 0, case .perInstanceHour = rate {
            ledger.note("\(Format.memory(r.reservedMemoryMiB)) of each instance's \(Format.memory(size.memoryMiB)) is kept by the system; \(Format.grouped(size.workers)) worker(s) of \(Format.memory(w.memoryMiB)) fit in the rest")
        }
        if w.run == .job { ledger.note("jobs run on an always-on fleet sized for the jobs running at once (this plan starts no task per job)") }

        // Text for the formulas; built only when line items are kept (never in the sweep kernel).
        func fleetText() -> String {
            let capped = monthlyCap.map { $0 > 0 && instanceCost < billedHours * size.hourly - 1e-9 } ?? false
            let count = lowCount == peakCount ? "\(Format.grouped(peakCount)) instance(s) × \(Format.grouped(billedHours / max(peakCount, 1))) h"
                                              : "\(Format.grouped(billedHours)) instance-hours"
            return count + (capped ? " [capped at \(money.money(monthlyCap!)) per instance-month]" : "")
        }
        chargeInstances(instanceCost, billedHours, size, money, &ledger, fleetText)
        if fleet.surplusVCPUHours > 0 && surplusPrice > 0 {
            let cost = fleet.surplusVCPUHours * surplusPrice
            ledger.charge(cost, LineItem(
                name: "Surplus CPU (burstable, above baseline)", quantity: fleet.surplusVCPUHours, unit: "vCPU-hours", unitPrice: surplusPrice, cost: cost,
                formula: "CPU demand above each hour's instances × \(Format.grouped(size.vcpu)) vCPU × \(Format.grouped((r.burstable?.baseline ?? 0) * 100))% baseline = \(Format.grouped(fleet.surplusVCPUHours)) vCPU-h × \(money.price(surplusPrice))/vCPU-h"))
        }
        if fleet.sustainedSaving > 0 {
            ledger.charge(-fleet.sustainedSaving, LineItem(
                name: "Sustained-use discount", quantity: billedHours, unit: "instance-hours", unitPrice: 0, cost: -fleet.sustainedSaving,
                formula: "each instance's hours in successive quarters of the month at " + (r.sustainedUse?.steps ?? []).map { Format.grouped($0 * 100) + "%" }.joined(separator: ", ") + " of list = −" + money.money(fleet.sustainedSaving)))
        }
        let attachedCost = chargeAttached(w, billedHours, attached, money, &ledger)
        let free = chargeFree(w, size, billedHours, instanceCost - fleet.sustainedSaving, attached, money, &ledger)
        let fee = chargeManagementFee(billedHours, size, money, &ledger)
        let paid = max(0, instanceCost - fleet.sustainedSaving + attachedCost - free + fee)
        ledger.idle(fleet.paidHours > 0 ? paid * (1 - fleet.usedHours / fleet.paidHours) : 0)
        chargeRequests(w, money, &ledger)
        chargeFixedFee(w, money, &ledger)
        return nil
    }

    /// The management fee: a share of the instances' on-demand price for the hours billed.
    @inline(__always)
    func chargeManagementFee<L: Ledger>(_ billedHours: Double, _ size: InstanceSize, _ money: Money, _ ledger: inout L) -> Double {
        let share = r.managementFee
        guard share > 0 else { return 0 }
        let hourly = size.hourly * share
        let cost = billedHours * hourly
        ledger.charge(cost, LineItem(
            name: "Management fee", quantity: billedHours, unit: "instance-hours", unitPrice: hourly, cost: cost,
            formula: "\(Format.grouped(billedHours)) instance-hours × \(Format.grouped(share * 100))% of the on-demand \(money.price(size.hourly))/h"))
        return cost
    }

    /// A price per request on top of the instances (Lambda Managed Instances).
    @inline(__always)
    func chargeRequests<L: Ledger>(_ w: Workload, _ money: Money, _ ledger: inout L) {
        let price = r.requestPrice
        guard price > 0 else { return }
        let cost = w.requestsPerMonth * price
        ledger.charge(cost, LineItem(
            name: "Requests", quantity: w.requestsPerMonth, unit: "requests", unitPrice: price, cost: cost,
            formula: "\(Format.grouped(w.requestsPerMonth)) requests × \(money.perMillion(price))"))
    }

    /// The CPU an instance may use, for the capacity note.
    func cpuText(_ size: InstanceSize, _ w: Workload, _ burstChoice: String?) -> String {
        let nominal = "\(Format.grouped(size.vcpu)) vCPU at \(Format.grouped(w.targetUtilization * 100))% target utilisation"
        guard let burst = r.burstable, burstChoice == "baseline" else { return nominal }
        return "\(Format.grouped(size.vcpu)) vCPU × \(Format.grouped(burst.baseline * 100))% burstable baseline"
    }

    /// Which way a burstable fleet runs, and why, for `explain`.
    func burstNote(_ burstChoice: String?) -> String? {
        guard let burst = r.burstable, let burstChoice else { return nil }
        let baseline = "\(Format.grouped(burst.baseline * 100))%"
        if burst.surplusVCPUHour == nil { return "burstable: throttled to its \(baseline) baseline per vCPU once credits run out, so capacity is the baseline" }
        return burstChoice == "surplus"
            ? "burstable: fewer instances paying for surplus CPU above the \(baseline) baseline is cheaper than more instances held at the baseline"
            : "burstable: more instances held at the \(baseline) baseline is cheaper than fewer instances paying for surplus CPU"
    }

    /// A task per job: each billed from start to stop, start-up included, with the platform's minimum.
    @inline(__always)
    func evaluateJobs<L: Ledger>(_ w: Workload, _ size: InstanceSize, _ jobs: ProvisionedRules.Jobs, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        var run = w.duration
        var surplusVCPUHours = 0.0, surplusPrice = 0.0
        if let burst = r.burstable {
            let baselineCPU = size.vcpu * burst.baseline
            if let price = burst.surplusVCPUHour {
                surplusPrice = price
                surplusVCPUHours = w.requestsPerMonth * max(0, w.cpuSecondsPerRequest - baselineCPU * run) / 3600
            } else if baselineCPU > 0 {
                run = max(run, w.cpuSecondsPerRequest / baselineCPU)   // throttled: the job takes longer
            }
        }
        let seconds = jobs.startup + run
        let billedSeconds = max(minimumBilledHours * 3600, roundUp(seconds, to: billingIncrementHours * 3600))
        let billedHours = w.requestsPerMonth * billedSeconds / 3600
        let instanceCost = billedHours * size.hourly
        ledger.note("a task per job: \(Format.duration(jobs.startup)) start-up + \(Format.duration(run)) run, billed \(Format.duration(billedSeconds)) each")
        chargeInstances(instanceCost, billedHours, size, money, &ledger) {
            "\(Format.grouped(w.requestsPerMonth)) jobs × \(Format.duration(billedSeconds)) = \(Format.grouped(billedHours)) task-hours"
        }
        if surplusVCPUHours > 0 {
            let cost = surplusVCPUHours * surplusPrice
            ledger.charge(cost, LineItem(
                name: "Surplus CPU (burstable, above baseline)", quantity: surplusVCPUHours, unit: "vCPU-hours", unitPrice: surplusPrice, cost: cost,
                formula: "\(Format.grouped(w.requestsPerMonth)) jobs × CPU above the baseline = \(Format.grouped(surplusVCPUHours)) vCPU-h × \(money.price(surplusPrice))/vCPU-h"))
        }
        let attached = attachedHourly(w)
        let attachedCost = chargeAttached(w, billedHours, attached, money, &ledger)
        let free = chargeFree(w, size, billedHours, instanceCost, attached, money, &ledger)
        let paid = max(0, instanceCost + attachedCost - free)
        ledger.idle(billedSeconds > 0 ? paid * (1 - w.duration / billedSeconds) : 0)
        chargeFixedFee(w, money, &ledger)
        return nil
    }

    @inline(__always)   // the formula closures vanish in the sweep kernel only when inlined
    func chargeInstances<L: Ledger>(_ instanceCost: Double, _ billedHours: Double, _ size: InstanceSize, _ money: Money,
                                    _ ledger: inout L, _ fleetText: () -> String) {
        switch rate {
        case .perInstanceHour:
            ledger.charge(instanceCost, LineItem(
                name: "Instances", quantity: billedHours, unit: "instance-hours", unitPrice: size.hourly, cost: instanceCost,
                formula: "\(fleetText()) × \(money.price(size.hourly))/h"))
        case let .perResource(vcpuHour, gbHour, _):
            let vcpuShare = size.hourly > 0 ? size.vcpu * vcpuHour / size.hourly : 0
            let gb = size.memoryMiB / 1024
            ledger.charge(instanceCost * vcpuShare, LineItem(
                name: "vCPU", quantity: billedHours * size.vcpu, unit: "vCPU-hours", unitPrice: vcpuHour, cost: instanceCost * vcpuShare,
                formula: "\(fleetText()) × \(Format.grouped(size.vcpu)) vCPU × \(money.price(vcpuHour))/vCPU-h"))
            ledger.charge(instanceCost * (1 - vcpuShare), LineItem(
                name: "Memory", quantity: billedHours * gb, unit: "GB-hours", unitPrice: gbHour, cost: instanceCost * (1 - vcpuShare),
                formula: "\(fleetText()) × \(Format.grouped(gb, maxFractionDigits: 3)) GB × \(money.price(gbHour))/GB-h"))
        }
    }

    /// Boot volume, public IPv4 and task storage for the instance-hours billed; returns their sum.
    @inline(__always)
    func chargeAttached<L: Ledger>(_ w: Workload, _ billedHours: Double,
                                   _ attached: (disk: Double, ip: Double, storage: Double), _ money: Money, _ ledger: inout L) -> Double {
        if let disk = r.bootDisk, attached.disk > 0 {
            let gb = w.diskMiB.map { $0 / 1024 } ?? disk.sizeGB
            let gbMonths = billedHours / monthHours * gb
            ledger.charge(billedHours * attached.disk, LineItem(
                name: "Boot volume", quantity: gbMonths, unit: "GB-months", unitPrice: disk.gbMonth, cost: billedHours * attached.disk,
                formula: "\(Format.grouped(billedHours)) instance-hours ÷ \(Format.grouped(monthHours)) × \(Format.grouped(gb)) GB = \(Format.grouped(gbMonths, maxFractionDigits: 3)) GB-months × \(money.price(disk.gbMonth))/GB-month"))
        }
        if attached.ip > 0 {
            ledger.charge(billedHours * attached.ip, LineItem(
                name: "Public IPv4 address", quantity: billedHours, unit: "address-hours", unitPrice: attached.ip, cost: billedHours * attached.ip,
                formula: "\(Format.grouped(billedHours)) instance-hours × \(money.price(attached.ip))/h (--no-public-ip drops it)"))
        }
        if let s = r.ephemeralStorage, attached.storage > 0, let size = w.ephemeralStorageMiB {
            let extraGB = (size - s.includedMiB) / 1024
            ledger.charge(billedHours * attached.storage, LineItem(
                name: "Ephemeral storage", quantity: billedHours * extraGB, unit: "GB-hours", unitPrice: s.gbHour, cost: billedHours * attached.storage,
                formula: "(\(Format.memory(size)) − \(Format.memory(s.includedMiB)) included) = \(Format.grouped(extraGB, maxFractionDigits: 4)) GB × \(Format.grouped(billedHours)) h × \(money.price(s.gbHour))/GB-h"))
        }
        return billedHours * (attached.disk + attached.ip + attached.storage)
    }

    /// Free allowances under `--free-tier`, as negative line items never larger than what they
    /// cover; returns the total taken off the instance and attached costs.
    @inline(__always)
    func chargeFree<L: Ledger>(_ w: Workload, _ size: InstanceSize, _ billedHours: Double, _ instanceCost: Double,
                               _ attached: (disk: Double, ip: Double, storage: Double), _ money: Money, _ ledger: inout L) -> Double {
        let free = r.free
        guard w.freeTier, !free.isEmpty else { return 0 }
        var taken = 0.0
        if free.instanceHours > 0 {
            let hours = min(free.instanceHours, billedHours)
            let value = min(max(0, instanceCost - taken), hours * size.hourly)
            taken += value
            ledger.charge(-value, LineItem(
                name: "Free tier (instance-hours)", quantity: hours, unit: "instance-hours", unitPrice: size.hourly, cost: -value,
                formula: "min(\(Format.grouped(free.instanceHours)) free, \(Format.grouped(billedHours)) used) instance-hours × \(money.price(size.hourly))/h = −\(money.money(value))"))
        }
        if case let .perResource(vcpuHour, gbHour, _) = rate {
            if free.vcpuSeconds > 0 {
                let seconds = min(free.vcpuSeconds, billedHours * 3600 * size.vcpu)
                let value = min(max(0, instanceCost - taken), seconds * vcpuHour / 3600)
                taken += value
                ledger.charge(-value, LineItem(
                    name: "Free tier (vCPU-seconds)", quantity: seconds, unit: "vCPU-s", unitPrice: vcpuHour / 3600, cost: -value,
                    formula: "min(\(Format.grouped(free.vcpuSeconds)) free, \(Format.grouped(billedHours * 3600 * size.vcpu)) used) vCPU-s × \(money.price(vcpuHour / 3600)) = −\(money.money(value))"))
            }
            if free.gbSeconds > 0 {
                let used = billedHours * 3600 * size.memoryMiB / 1024
                let seconds = min(free.gbSeconds, used)
                let value = min(max(0, instanceCost - taken), seconds * gbHour / 3600)
                taken += value
                ledger.charge(-value, LineItem(
                    name: "Free tier (GB-seconds)", quantity: seconds, unit: "GB-s", unitPrice: gbHour / 3600, cost: -value,
                    formula: "min(\(Format.grouped(free.gbSeconds)) free, \(Format.grouped(used)) used) GB-s × \(money.price(gbHour / 3600)) = −\(money.money(value))"))
            }
        }
        if free.diskGBMonths > 0, let disk = r.bootDisk, attached.disk > 0 {
            let gbMonths = billedHours / monthHours * (w.diskMiB.map { $0 / 1024 } ?? disk.sizeGB)
            let covered = min(free.diskGBMonths, gbMonths)
            let value = covered * disk.gbMonth
            taken += value
            ledger.charge(-value, LineItem(
                name: "Free tier (boot volume)", quantity: covered, unit: "GB-months", unitPrice: disk.gbMonth, cost: -value,
                formula: "min(\(Format.grouped(free.diskGBMonths)) free, \(Format.grouped(gbMonths, maxFractionDigits: 3)) used) GB-months × \(money.price(disk.gbMonth)) = −\(money.money(value))"))
        }
        return taken
    }

    @inline(__always)
    func chargeFixedFee<L: Ledger>(_ w: Workload, _ money: Money, _ ledger: inout L) {
        guard fixedMonthlyFee > 0 else { return }
        ledger.charge(fixedMonthlyFee, LineItem(
            name: fixedFeeName, quantity: 1, unit: "month", unitPrice: fixedMonthlyFee, cost: fixedMonthlyFee,
            formula: "\(money.money(fixedMonthlyFee)) per month"))
        let credit = w.freeTier ? min(r.free.credit, fixedMonthlyFee) : 0
        if credit > 0 {
            ledger.charge(-credit, LineItem(
                name: "Free tier (monthly credit)", quantity: 1, unit: "month", unitPrice: -credit, cost: -credit,
                formula: "min(\(money.money(r.free.credit)) credit, \(money.money(fixedMonthlyFee)) fee) = −\(money.money(credit))"))
        }
    }
}
