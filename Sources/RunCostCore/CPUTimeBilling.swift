extension CPUTimePricing {
    func evaluate<L: Ledger>(_ w: Workload, _ money: Money, _ ledger: inout L) {
        let requests = w.requestsPerMonth
        let cpuMs = requests * w.cpuSecondsPerRequest * 1000
        ledger.charge(monthlyFee, LineItem(
            name: "Subscription", quantity: 1, unit: "month", unitPrice: monthlyFee, cost: monthlyFee,
            formula: "\(money.money(monthlyFee)) per month, includes \(Format.count(includedRequests)) requests and \(Format.count(includedCPUms)) CPU-ms"))
        let extraRequests = max(0, requests - includedRequests)
        ledger.charge(extraRequests * requestOverage, LineItem(
            name: "Requests over included", quantity: extraRequests, unit: "requests", unitPrice: requestOverage,
            cost: extraRequests * requestOverage,
            formula: "(\(Format.grouped(requests)) − \(Format.grouped(includedRequests)) included) requests × \(money.perMillion(requestOverage))"))
        let extraCPU = max(0, cpuMs - includedCPUms)
        ledger.charge(extraCPU * cpuMsOverage, LineItem(
            name: "CPU time over included", quantity: extraCPU, unit: "CPU-ms", unitPrice: cpuMsOverage,
            cost: extraCPU * cpuMsOverage,
            formula: "(\(Format.grouped(requests)) requests × \(Format.duration(w.cpuSecondsPerRequest)) = \(Format.grouped(cpuMs)) − \(Format.grouped(includedCPUms)) included) CPU-ms × \(money.perMillion(cpuMsOverage))"))
        ledger.note("wall-clock time is not billed; CPU time \(Format.duration(w.cpuSecondsPerRequest)) per request")
    }
}
