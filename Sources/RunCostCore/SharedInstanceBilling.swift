import Foundation

extension SharedInstancePricing {
    /// The share of time one instance is up when requests arrive at random (Poisson) at `rate` per
    /// second and each keeps it up for `hold` seconds (its duration, plus the instance lifetime after
    /// it). Derivation (docs/billing.md): the instance is up exactly when some request's hold covers
    /// the moment, so an up period is a busy period of an M/D/∞ queue, mean (e^(λh) − 1)/λ, and the
    /// gap after it waits for the next arrival, mean 1/λ. Each period is billed at least `minimum` and
    /// carries a lone request's rounding to `step`; up share = x / (1 + x), x = λ × billed period.
    /// With no minimum and no rounding this is 1 − e^(−λh), the Poisson chance a hold covers a moment.
    @inline(__always)
    public static func upShare(rate: Double, hold: Double, minimum: Double, step: Double) -> Double {
        guard rate > 0 else { return 0 }
        let load = rate * hold
        guard load < 40 else { return 1 }   // e^40 arrivals per gap: the instance never goes down
        let merged = expm1(load) / rate   // mean busy period
        let period = max(minimum, merged + roundUp(hold, to: step) - hold)
        let x = rate * period
        return x / (1 + x)
    }

    /// Instances busy at `rps` when requests hold an instance `seconds`, `concurrency` to an
    /// instance, with no minimum, rounding or lifetime: max(1 − e^(−λd), λd / c).
    public static func busyInstances(rps: Double, seconds: Double, concurrency: Double) -> Double {
        max(upShare(rate: rps, hold: seconds, minimum: 0, step: 0), rps * seconds / concurrency)
    }

    /// The vCPU and memory billed: the workload's, vCPU raised to the platform's minimum for the
    /// memory, then the cheapest allowed size that holds both.
    public func billedSize(_ w: Workload) -> (vcpu: Double, memoryMiB: Double, raisedFrom: Double?)? {
        let asked = w.vcpu ?? defaultVCPU
        var vcpu = asked
        if let least = vcpuForMemory?.vcpu(forMemoryMiB: w.memoryMiB), least > vcpu { vcpu = least }
        var memoryMiB = w.memoryMiB
        if !sizes.isEmpty {
            guard let size = sizes.cheapest(vcpu: vcpu, memoryMiB: memoryMiB, vcpuPrice: vcpuSecond, gibPrice: gibSecond) else { return nil }
            vcpu = size.vcpu ?? vcpu
            memoryMiB = size.memoryMiB
        }
        return (vcpu, memoryMiB, vcpu > asked + 1e-12 ? asked : nil)
    }

    func evaluate<L: Ledger>(_ w: Workload, _ limits: Limits, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        guard let size = billedSize(w) else { return .noTaskSize(vcpu: w.vcpu ?? defaultVCPU, memoryMiB: w.memoryMiB) }
        let vcpu = size.vcpu
        if let limit = limits.maxVCPU, vcpu > limit { return .vcpuOverLimit(vcpu: vcpu, limit: limit) }
        let gib = size.memoryMiB / 1024
        let concurrency = max(1, min(w.concurrency, limits.maxConcurrency ?? .infinity))
        let duration = w.duration
        let cpuCapacity = vcpu * targetUtilization
        let cpuPerRequest = w.cpuSecondsPerRequest
        let monthSeconds = w.hoursPerMonth * 3600
        let warm = w.minInstances ?? minInstances
        var activeSeconds = 0.0, waitingSeconds = 0.0, idleSeconds = 0.0, cpuBinds = false
        for level in w.profile.levels {
            let rate = w.averageRPS * level.multiplier
            // Past one instance the autoscaler sizes on averaged concurrency and CPU, each filled to
            // the platform's target: requests pack `concurrency` to an instance, never below the CPU they burn.
            let byConcurrency = rate * duration / (concurrency * targetUtilization)
            let byCPU = rate * cpuPerRequest / cpuCapacity
            let packed = max(byConcurrency, byCPU)
            // One instance's up share never exceeds 1, so a fleet of ≥ 1 packed instances needs no exp.
            let alone = packed >= 1 ? 0 : SharedInstancePricing.upShare(rate: rate, hold: duration, minimum: minimumActivity, step: granularity)
            let active = max(alone, packed)
            // The lifetime is the wait before scaling down; an instance that is one of the minimum
            // never scales down, so between requests it is idle, at the idle rate (Container Apps:
            // a replica "is idle only if the revision has min replicas > 0 and is scaled to the
            // minimum"; above the minimum every replica bills at the active rate).
            let running = instanceLifetime > 0 && packed < 1 && warm < 1
                ? max(SharedInstancePricing.upShare(rate: rate, hold: duration + instanceLifetime, minimum: minimumActivity, step: granularity), packed)
                : active
            let seconds = level.share * monthSeconds
            activeSeconds += active * seconds
            waitingSeconds += (running - active) * seconds
            idleSeconds += max(0, warm - running) * seconds
            if byCPU > byConcurrency && byCPU > alone { cpuBinds = true }
        }
        if let asked = size.raisedFrom {
            ledger.note("vCPU raised from \(Format.grouped(asked)) to \(Format.grouped(vcpu)): the platform requires it with \(Format.memory(w.memoryMiB))")
        }
        if !sizes.isEmpty {
            ledger.note("billed as the " + (sizes.contains { $0.vcpu != nil } ? "\(Format.grouped(vcpu)) vCPU / " : "")
                        + "\(Format.memory(size.memoryMiB)) instance size")
        }
        ledger.note("\(Format.grouped(activeSeconds / 3600)) instance-hours active (\(Format.grouped(vcpu)) vCPU, \(Format.memory(size.memoryMiB)), up to \(Format.grouped(concurrency)) requests at once)")
        if cpuBinds {
            ledger.note("CPU floor: instances ≥ CPU demand ÷ (\(Format.grouped(vcpu)) vCPU × \(Format.grouped(targetUtilization * 100))% target)")
        }
        if waitingSeconds > 0 {
            ledger.note("\(Format.grouped(waitingSeconds / 3600)) instance-hours waiting out the \(Format.duration(instanceLifetime)) lifetime after the last request, at the \(waitingRate.rawValue) rate")
        }

        // Time billed at the active rate: active periods, plus the lifetime where it waits at that rate.
        let waitingActive = waitingRate == .active ? waitingSeconds : 0
        let activeRateSeconds = activeSeconds + waitingActive
        var activeRateCost = 0.0

        // A platform with no vCPU meter (Flex bills memory only) gets no vCPU line.
        if vcpuSecond > 0 {
            let vcpuSeconds = activeRateSeconds * vcpu, freeVCPU = w.freeTier ? free.vcpuSeconds : 0
            let billableVCPU = max(0, vcpuSeconds - freeVCPU)
            activeRateCost += billableVCPU * vcpuSecond
            ledger.charge(billableVCPU * vcpuSecond, LineItem(
                name: "vCPU (active)", quantity: billableVCPU, unit: "vCPU-s", unitPrice: vcpuSecond, cost: billableVCPU * vcpuSecond,
                formula: activeFormula(activeSeconds, waitingActive, vcpu, "vCPU", freeVCPU) + " × " + money.price(vcpuSecond)))
        }

        let gibSeconds = activeRateSeconds * gib, freeGiB = w.freeTier ? free.gbSeconds : 0
        let billableGiB = max(0, gibSeconds - freeGiB)
        activeRateCost += billableGiB * gibSecond
        ledger.charge(billableGiB * gibSecond, LineItem(
            name: "Memory (active)", quantity: billableGiB, unit: "GiB-s", unitPrice: gibSecond, cost: billableGiB * gibSecond,
            formula: activeFormula(activeSeconds, waitingActive, gib, "GiB", freeGiB) + " × " + money.price(gibSecond)))
        // What the lifetime cost at the active rate served nothing: its share of the active-rate bill.
        if waitingActive > 0 { ledger.idle(activeRateCost * waitingActive / activeRateSeconds) }

        if requestPrice > 0 {
            let freeRequests = w.freeTier ? free.requests : 0
            let billable = max(0, w.requestsPerMonth - freeRequests)
            ledger.charge(billable * requestPrice, LineItem(
                name: "Requests", quantity: billable, unit: "requests", unitPrice: requestPrice, cost: billable * requestPrice,
                formula: freeFormula(w.requestsPerMonth, freeRequests, "requests") + " × " + money.perMillion(requestPrice)))
        }

        let waitingIdle = waitingRate == .idle ? waitingSeconds : 0
        let idleRateSeconds = idleSeconds + waitingIdle
        if idleRateSeconds > 0 && (idleVCPUSecond > 0 || idleGiBSecond > 0) {
            let unitPrice = vcpu * idleVCPUSecond + gib * idleGiBSecond
            let idleCost = idleRateSeconds * unitPrice
            ledger.idle(idleCost)
            ledger.charge(idleCost, LineItem(
                name: "Idle instances", quantity: idleRateSeconds, unit: "instance-s", unitPrice: unitPrice, cost: idleCost,
                formula: [idleSeconds > 0 ? "\(Format.grouped(idleSeconds)) idle minimum-instance-s" : nil,
                          waitingIdle > 0 ? "\(Format.grouped(waitingIdle)) instance-s waiting after the last request" : nil]
                    .compactMap { $0 }.joined(separator: " + ")
                    + " × (\(Format.grouped(vcpu)) vCPU × \(money.price(idleVCPUSecond)) + \(Format.grouped(gib, maxFractionDigits: 4)) GiB × \(money.price(idleGiBSecond)))"))
            if idleSeconds > 0 { ledger.note("\(Format.grouped(warm)) minimum instance(s) kept warm") }
        }
        return nil
    }
}

/// "98,000 active instance-s + 2,000 waiting = 100,000 instance-s × 1 vCPU = 100,000 vCPU-s − 180,000 free = 0 vCPU-s".
func activeFormula(_ active: Double, _ waiting: Double, _ size: Double, _ unit: String, _ free: Double) -> String {
    let total = (active + waiting) * size
    var text = "\(Format.grouped(active)) active instance-s"
    if waiting > 0 { text += " + \(Format.grouped(waiting)) waiting = \(Format.grouped(active + waiting)) instance-s" }
    text += " × \(Format.grouped(size, maxFractionDigits: 4)) \(unit) = \(Format.grouped(total)) \(unit)-s"
    if free > 0 { text += " − \(Format.grouped(free)) free = \(Format.grouped(max(0, total - free))) \(unit)-s" }
    return text
}
