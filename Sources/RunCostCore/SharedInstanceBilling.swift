import Foundation

extension SharedInstancePricing {
    /// Instances busy on average when requests arrive at `rps`, each holding an instance for
    /// `seconds`, up to `concurrency` at once. Light load: the Poisson chance that at least one
    /// request is in flight, 1 − e^(−λd) (requests seldom overlap, so sharing saves nothing).
    /// Heavy load: in-flight requests packed `concurrency` to an instance, λd / c.
    public static func busyInstances(rps: Double, seconds: Double, concurrency: Double) -> Double {
        let inFlight = rps * seconds
        return max(-expm1(-inFlight), inFlight / concurrency)
    }

    func evaluate<L: Ledger>(_ w: Workload, _ limits: Limits, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        let vcpu = w.vcpu ?? defaultVCPU
        let gib = w.memoryMiB / 1024
        let concurrency = max(1, min(w.concurrency, limits.maxConcurrency ?? .infinity))
        let seconds = roundUp(w.duration, to: granularity)
        let monthSeconds = w.hoursPerMonth * 3600
        let warm = w.minInstances ?? minInstances
        var busySeconds = 0.0, idleSeconds = 0.0
        for level in w.profile.levels {
            let busy = SharedInstancePricing.busyInstances(rps: w.averageRPS * level.multiplier, seconds: seconds, concurrency: concurrency)
            busySeconds += busy * level.share * monthSeconds
            idleSeconds += max(0, warm - busy) * level.share * monthSeconds
        }
        ledger.note("\(Format.grouped(busySeconds / 3600)) instance-hours busy (\(Format.grouped(vcpu)) vCPU, \(Format.memory(w.memoryMiB)), up to \(Format.grouped(concurrency)) requests at once)")

        let vcpuSeconds = busySeconds * vcpu, freeVCPU = w.freeTier ? free.vcpuSeconds : 0
        let billableVCPU = max(0, vcpuSeconds - freeVCPU)
        ledger.charge(billableVCPU * vcpuSecond, LineItem(
            name: "vCPU (active)", quantity: billableVCPU, unit: "vCPU-s", unitPrice: vcpuSecond, cost: billableVCPU * vcpuSecond,
            formula: busyFormula(busySeconds, vcpu, "vCPU", freeVCPU) + " × " + money.price(vcpuSecond)))

        let gibSeconds = busySeconds * gib, freeGiB = w.freeTier ? free.gbSeconds : 0
        let billableGiB = max(0, gibSeconds - freeGiB)
        ledger.charge(billableGiB * gibSecond, LineItem(
            name: "Memory (active)", quantity: billableGiB, unit: "GiB-s", unitPrice: gibSecond, cost: billableGiB * gibSecond,
            formula: busyFormula(busySeconds, gib, "GiB", freeGiB) + " × " + money.price(gibSecond)))

        if requestPrice > 0 {
            let freeRequests = w.freeTier ? free.requests : 0
            let billable = max(0, w.requestsPerMonth - freeRequests)
            ledger.charge(billable * requestPrice, LineItem(
                name: "Requests", quantity: billable, unit: "requests", unitPrice: requestPrice, cost: billable * requestPrice,
                formula: freeFormula(w.requestsPerMonth, freeRequests, "requests") + " × " + money.perMillion(requestPrice)))
        }

        if idleSeconds > 0 && (idleVCPUSecond > 0 || idleGiBSecond > 0) {
            let idleCost = idleSeconds * (vcpu * idleVCPUSecond + gib * idleGiBSecond)
            ledger.idle(idleCost)
            ledger.charge(idleCost, LineItem(
                name: "Idle minimum instances", quantity: idleSeconds, unit: "instance-s",
                unitPrice: vcpu * idleVCPUSecond + gib * idleGiBSecond, cost: idleCost,
                formula: "\(Format.grouped(idleSeconds)) idle instance-s × (\(Format.grouped(vcpu)) vCPU × \(money.price(idleVCPUSecond)) + \(Format.grouped(gib, maxFractionDigits: 4)) GiB × \(money.price(idleGiBSecond)))"))
            ledger.note("\(Format.grouped(warm)) minimum instance(s) kept warm")
        }
        return nil
    }
}

/// "98,000 instance-s × 1 vCPU = 98,000 vCPU-s − 180,000 free = 0 vCPU-s".
func busyFormula(_ instanceSeconds: Double, _ size: Double, _ unit: String, _ free: Double) -> String {
    let total = instanceSeconds * size
    var text = "\(Format.grouped(instanceSeconds)) busy instance-s × \(Format.grouped(size, maxFractionDigits: 4)) \(unit) = \(Format.grouped(total)) \(unit)-s"
    if free > 0 { text += " − \(Format.grouped(free)) free = \(Format.grouped(max(0, total - free))) \(unit)-s" }
    return text
}
