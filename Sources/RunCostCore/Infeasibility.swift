/// Why an offering cannot run a workload. An enum, not a string, so the sweep kernel never
/// allocates; the text is built only when someone reads it.
public enum Infeasibility: Error, Sendable, Equatable, CustomStringConvertible {
    case durationOverLimit(duration: Double, limit: Double)
    case cpuTimeOverLimit(cpuTime: Double, limit: Double)
    case memoryOverLimit(memoryMiB: Double, limitMiB: Double)
    case vcpuOverLimit(vcpu: Double, limit: Double)
    case payloadOverLimit(payloadKiB: Double, limitKiB: Double)
    case instanceTooSmall(memoryMiB: Double, instanceMiB: Double)
    case noTaskSize(vcpu: Double, memoryMiB: Double)
    case fleetTooSmall(instances: Double, capacityRPS: Double, peakRPS: Double)
    case noCapacity
    case noCommitment(term: CommitmentTerm)
    case noSpot
    case spotWithCommitment
    case coldStartsUnknown(limit: Double)
    case coldStartsOverLimit(share: Double, limit: Double)
    case instanceTooSmallAfterReserve(memoryMiB: Double, instanceMiB: Double, reservedMiB: Double)
    case overMaxInstances(needed: Double, max: Double)
    case jobsOnly
    // Application services (ApplicationBilling.swift): the service id is kept, not copied into text.
    case noDefaultService(key: String)
    case noFunctionURL
    case serviceCurrency(service: String, currency: String)
    case serviceDurationOverLimit(service: String, duration: Double, limit: Double)
    case servicePayloadOverLimit(service: String, payloadKiB: Double, limitKiB: Double)
    case serviceCapacityOverMaximum(service: String, units: Double, maximum: Double)
    case serviceThroughputOverLimit(service: String, measure: String, rate: Double, limit: Double)
    case serviceUsersOverLimit(service: String, users: Double, limit: Double)

    public var description: String {
        switch self {
        case let .durationOverLimit(d, l):
            "duration \(Format.duration(d)) exceeds the \(Format.duration(l)) limit"
        case let .cpuTimeOverLimit(c, l):
            "CPU time \(Format.duration(c)) per request exceeds the \(Format.duration(l)) limit"
        case let .memoryOverLimit(m, l):
            "memory \(Format.memory(m)) exceeds the \(Format.memory(l)) limit"
        case let .vcpuOverLimit(v, l):
            "\(Format.grouped(v)) vCPU exceeds the \(Format.grouped(l)) vCPU limit"
        case let .payloadOverLimit(p, l):
            "payload \(Format.grouped(p))KB exceeds the \(Format.grouped(l))KB limit"
        case let .instanceTooSmall(m, i):
            "needs \(Format.memory(m)) of memory; an instance has \(Format.memory(i))"
        case let .noTaskSize(v, m):
            "no allowed task size has \(Format.grouped(v)) vCPU and \(Format.memory(m))"
        case let .fleetTooSmall(n, c, p):
            "\(Format.grouped(n)) instances serve \(Format.grouped(n * c)) req/s; the peak needs \(Format.grouped(p)) req/s"
        case .noCapacity:
            "an instance can serve no requests with this workload"
        case let .noCommitment(term):
            "no \(term.label) commitment is offered for it in the pricing table"
        case .noSpot:
            "no spot or preemptible capacity is offered for it in the pricing table"
        case .spotWithCommitment:
            "commitments do not cover spot capacity; choose --spot or --commitment"
        case let .coldStartsUnknown(limit):
            "no sourced keep-alive time to hold cold starts to \(ColdStartFormat.percent(limit))"
        case let .coldStartsOverLimit(share, limit):
            "cold starts \(ColdStartFormat.percent(share)) exceed the \(ColdStartFormat.percent(limit)) limit and the table prices no way to keep instances warm"
        case let .instanceTooSmallAfterReserve(m, i, r):
            "needs \(Format.memory(m)) of memory; an instance has \(Format.memory(i)), of which the system keeps \(Format.memory(r))"
        case let .overMaxInstances(n, m):
            "needs \(Format.grouped(n)) instances at the peak; the plan allows at most \(Format.grouped(m))"
        case .jobsOnly:
            "runs jobs only; set run: job (--run job) to price it"
        case let .noDefaultService(key):
            "its table's stack names no default \(key.replacingOccurrences(of: "_", with: " ")) service; pin one in the workload (or --\(key == "data" ? "data-service" : key == "events" ? "event-service" : key == "identity" ? "identity-service" : "hosting-service"))"
        case .noFunctionURL:
            "has no function URL (front_door: function-url); its table's stack names no function_url"
        case let .serviceCurrency(id, currency):
            "\(id) is priced in \(currency); give --exchange-rate \(currency)=RATE"
        case let .serviceDurationOverLimit(id, d, l):
            "\(id): duration \(Format.duration(d)) exceeds its \(Format.duration(l)) timeout"
        case let .servicePayloadOverLimit(id, p, l):
            "\(id): payload \(Format.grouped(p))KB exceeds its \(Format.grouped(l))KB limit"
        case let .serviceCapacityOverMaximum(id, u, m):
            "\(id): needs \(Format.grouped(u)) capacity units at the peak; its maximum is \(Format.grouped(m))"
        case let .serviceUsersOverLimit(id, users, limit):
            "\(id): \(Format.count(users)) monthly active users exceed the plan's \(Format.count(limit))"
        case let .serviceThroughputOverLimit(id, measure, rate, limit):
            "\(id): \(Format.grouped(rate)) \(measure.replacingOccurrences(of: "_", with: " ")) per second at the peak exceeds its \(Format.grouped(limit))/s limit"
        }
    }
}

extension Limits {
    /// The first limit the workload breaks, if any.
    func check(_ w: Workload) -> Infeasibility? {
        if let l = maxDuration, w.duration > l { return .durationOverLimit(duration: w.duration, limit: l) }
        if let l = maxCPUTime, w.cpuSecondsPerRequest > l { return .cpuTimeOverLimit(cpuTime: w.cpuSecondsPerRequest, limit: l) }
        if let l = maxMemoryMiB, w.memoryMiB > l { return .memoryOverLimit(memoryMiB: w.memoryMiB, limitMiB: l) }
        if let l = maxVCPU, let v = w.vcpu, v > l { return .vcpuOverLimit(vcpu: v, limit: l) }
        if let l = maxPayloadKiB, let p = w.payloadKiB, p > l { return .payloadOverLimit(payloadKiB: p, limitKiB: l) }
        return nil
    }
}

/// Rounds `x` up to a whole number of `step`s, forgiving binary noise (0.12 s in 1 ms steps is 120,
/// not 121). Truncates through Int64 because `rounded()` is a libm call on baseline x86-64 and
/// this runs millions of times a second in sweeps.
@inline(__always) func roundUp(_ x: Double, to step: Double) -> Double {
    guard step > 0 else { return x }
    let q = x / step
    guard q >= 0, q < 9e15 else { return q.rounded(.up) * step }
    let whole = Double(Int64(q))
    return (q - whole <= 1e-9 * max(1, whole) ? whole : whole + 1) * step
}
