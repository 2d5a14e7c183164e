extension PerRequestPricing {
    /// Memory the platform bills for a function configured with `mib`, or nil if no size fits.
    public func billedMemoryMiB(_ mib: Double) -> Double? {
        if !memorySizesMiB.isEmpty { return memorySizesMiB.first { $0 >= mib } }
        return max(minimumMemoryMiB, roundUp(mib, to: memoryStepMiB))
    }

    /// Billed time per request: max(minimum, duration rounded up to the granularity).
    public func billedDuration(_ seconds: Double) -> Double {
        max(minimumDuration, roundUp(seconds, to: granularity))
    }

    func evaluate<L: Ledger>(_ w: Workload, _ money: Money, _ ledger: inout L) -> Infeasibility? {
        guard let memory = billedMemoryMiB(w.memoryMiB) else {
            return .memoryOverLimit(memoryMiB: w.memoryMiB, limitMiB: memorySizesMiB.last ?? 0)
        }
        let requests = w.requestsPerMonth
        let seconds = billedDuration(w.duration)
        let gb = memory / 1024
        // With Provisioned Concurrency, part of the duration is billed at its own price and the
        // free tier does not apply (KeepWarm.swift).
        let environments = provisionedEnvironments(w)
        let warmShare = environments > 0 ? provisionedShare(w, environments: environments, seconds: seconds) : 0
        let onDemand = requests * (1 - warmShare)
        let freeTier = w.freeTier && environments == 0
        let freeRequests = freeTier ? free.requests : 0
        ledger.note("billed \(Format.duration(seconds)) × \(Format.memory(memory)) per request")

        let billableRequests = max(0, requests - freeRequests)
        ledger.charge(billableRequests * requestPrice, LineItem(
            name: "Requests", quantity: billableRequests, unit: "requests", unitPrice: requestPrice,
            cost: billableRequests * requestPrice,
            formula: freeFormula(requests, freeRequests, "requests") + " × " + money.perMillion(requestPrice)))

        if let gbSecond {
            let gbSeconds = onDemand * seconds * gb
            let freeGBs = freeTier ? free.gbSeconds : 0
            let billable = max(0, gbSeconds - freeGBs)
            if gbSecond.tiers.count == 1 {
                let price = gbSecond.tiers[0].price
                ledger.charge(billable * price, LineItem(
                    name: "Compute (GB-seconds)", quantity: billable, unit: "GB-s", unitPrice: price, cost: billable * price,
                    formula: computeFormula(onDemand, seconds, gb, freeGBs, "GB") + " × " + money.price(price)))
            } else {
                // One line per volume tier actually reached.
                ledger.charge(gbSecond.cost(of: billable), LineItem(
                    name: "Compute (GB-seconds)", quantity: billable, unit: "GB-s",
                    unitPrice: billable > 0 ? gbSecond.cost(of: billable) / billable : gbSecond.tiers[0].price,
                    cost: gbSecond.cost(of: billable),
                    formula: computeFormula(onDemand, seconds, gb, freeGBs, "GB") + " = "
                        + (billable > 0 ? gbSecond.split(billable).map { "\(Format.grouped($0.quantity)) × \(money.price($0.tier.price))" }
                            .joined(separator: " + ") : "nothing to bill")))
            }
        }

        if let vcpuSecond {
            let vcpu = vcpuForMemory?.vcpu(forMemoryMiB: memory) ?? vcpuPerGB.map { $0 * gb } ?? w.vcpu ?? 1
            let vcpuSeconds = onDemand * seconds * vcpu
            let freeVCPUs = freeTier ? free.vcpuSeconds : 0
            let billable = max(0, vcpuSeconds - freeVCPUs)
            ledger.charge(billable * vcpuSecond, LineItem(
                name: "Compute (vCPU-seconds)", quantity: billable, unit: "vCPU-s", unitPrice: vcpuSecond,
                cost: billable * vcpuSecond,
                formula: computeFormula(onDemand, seconds, vcpu, freeVCPUs, "vCPU") + " × " + money.price(vcpuSecond)))
        }

        if let pc = provisionedConcurrency, environments > 0 {
            chargeProvisionedConcurrency(pc, w, environments: environments, gb: gb, servedGBs: (requests - onDemand) * seconds * gb, money, &ledger)
        }

        if let storage = ephemeralStorage, let size = w.ephemeralStorageMiB, size > storage.includedMiB {
            let extraGB = (size - storage.includedMiB) / 1024
            let gbSeconds = extraGB * requests * seconds
            ledger.charge(gbSeconds * storage.gbSecond, LineItem(
                name: "Ephemeral storage", quantity: gbSeconds, unit: "GB-s", unitPrice: storage.gbSecond,
                cost: gbSeconds * storage.gbSecond,
                formula: "(\(Format.memory(size)) − \(Format.memory(storage.includedMiB)) included) = \(Format.grouped(extraGB, maxFractionDigits: 4)) GB × "
                    + "\(Format.grouped(requests)) requests × \(Format.duration(seconds)) = \(Format.grouped(gbSeconds)) GB-s × \(money.price(storage.gbSecond))"))
        }
        return nil
    }
}

/// "3,000,000 requests − 1,000,000 free = 2,000,000 requests", or just "3,000,000 requests".
func freeFormula(_ total: Double, _ free: Double, _ unit: String) -> String {
    free > 0 ? "(\(Format.grouped(total)) − \(Format.grouped(free)) free) = \(Format.grouped(max(0, total - free))) \(unit)"
             : "\(Format.grouped(total)) \(unit)"
}

/// "3,000,000 requests × 120ms × 1.5 GB = 540,000 GB-s − 400,000 free = 140,000 GB-s".
func computeFormula(_ requests: Double, _ seconds: Double, _ size: Double, _ free: Double, _ unit: String) -> String {
    let total = requests * seconds * size
    var text = "\(Format.grouped(requests)) requests × \(Format.duration(seconds)) × \(Format.grouped(size, maxFractionDigits: 4)) \(unit) = \(Format.grouped(total)) \(unit)-s"
    if free > 0 { text += " − \(Format.grouped(free)) free = \(Format.grouped(max(0, total - free))) \(unit)-s" }
    return text
}
