/// The four billing families of design.md §2. Each case carries the table's numbers.
public enum BillingModel: Sendable, Equatable {
    case perRequest(PerRequestPricing)
    case sharedInstance(SharedInstancePricing)
    case cpuTime(CPUTimePricing)
    case provisioned(ProvisionedPricing)

    public var family: String {
        switch self {
        case .perRequest: "per-request"
        case .sharedInstance: "shared-instance"
        case .cpuTime: "cpu-time"
        case .provisioned: "provisioned"
        }
    }

    func scaled(by f: Double) -> BillingModel {
        switch self {
        case .perRequest(var p):
            p.requestPrice *= f; p.gbSecond = p.gbSecond?.scaled(by: f); p.vcpuSecond = p.vcpuSecond.map { $0 * f }
            p.ephemeralStorage?.gbSecond *= f
            p.provisionedConcurrency?.gbSecond *= f; p.provisionedConcurrency?.durationGBSecond *= f
            p.snapStart?.cacheGBSecond *= f; p.snapStart?.restoreGB *= f
            return .perRequest(p)
        case .sharedInstance(var p):
            p.vcpuSecond *= f; p.gibSecond *= f; p.requestPrice *= f
            p.idleVCPUSecond *= f; p.idleGiBSecond *= f
            return .sharedInstance(p)
        case .cpuTime(var p):
            p.monthlyFee *= f; p.requestOverage *= f; p.cpuMsOverage *= f
            return .cpuTime(p)
        case .provisioned(var p):
            p.rate = p.rate.scaled(by: f); p.monthlyCap = p.monthlyCap.map { $0 * f }; p.fixedMonthlyFee *= f
            p.rules = p.rules.scaled(by: f)
            return .provisioned(p)
        }
    }
}

/// A price that falls with volume: each tier covers quantities up to `upTo` (cumulative).
public struct TieredPrice: Sendable, Equatable {
    public struct Tier: Sendable, Equatable {
        public var upTo: Double     // .infinity for the last tier
        public var price: Double
        public init(upTo: Double, price: Double) { self.upTo = upTo; self.price = price }
    }
    public var tiers: [Tier]

    public init(tiers: [Tier]) { self.tiers = tiers }
    public init(flat price: Double) { tiers = [Tier(upTo: .infinity, price: price)] }

    /// The cost of `quantity` units, walking the tiers in order.
    public func cost(of quantity: Double) -> Double {
        var total = 0.0, floor = 0.0
        for tier in tiers {
            guard quantity > floor else { break }
            total += (min(quantity, tier.upTo) - floor) * tier.price
            floor = tier.upTo
        }
        return total
    }

    /// The quantity billed in each tier, for line items.
    public func split(_ quantity: Double) -> [(tier: Tier, from: Double, quantity: Double)] {
        var parts: [(Tier, Double, Double)] = [], floor = 0.0
        for tier in tiers where quantity > floor {
            parts.append((tier, floor, min(quantity, tier.upTo) - floor))
            floor = tier.upTo
        }
        return parts
    }

    func scaled(by f: Double) -> TieredPrice {
        TieredPrice(tiers: tiers.map { Tier(upTo: $0.upTo, price: $0.price * f) })
    }
}

/// What a provider gives free each month; used only when the workload asks for the free tier.
public struct FreeAllowance: Sendable, Equatable {
    public var requests: Double = 0
    public var gbSeconds: Double = 0
    public var vcpuSeconds: Double = 0
    public init(requests: Double = 0, gbSeconds: Double = 0, vcpuSeconds: Double = 0) {
        self.requests = requests; self.gbSeconds = gbSeconds; self.vcpuSeconds = vcpuSeconds
    }
}

/// Lambda, Azure Functions, Cloud Run functions: every request is billed on its own.
public struct PerRequestPricing: Sendable, Equatable {
    public var requestPrice: Double = 0               // per request
    public var gbSecond: TieredPrice?                 // per GB-s of billed memory
    public var vcpuSecond: Double?                    // per vCPU-s
    /// vCPU per GB of memory where the platform ties CPU to memory; otherwise the workload's vCPU.
    public var vcpuPerGB: Double?
    /// The vCPU a function gets with its memory, step by step (Cloud Run functions); wins over vcpuPerGB.
    public var vcpuForMemory: VCPUForMemory?
    public var granularity: Double = 0.001            // seconds; billed time is rounded up to it
    public var minimumDuration: Double = 0            // seconds
    public var memoryStepMiB: Double = 1
    public var memorySizesMiB: [Double] = []          // allowed sizes, when the platform has a fixed set
    public var minimumMemoryMiB: Double = 0
    public var free = FreeAllowance()
    public var ephemeralStorage: EphemeralStorage?
    /// Keeping warm (KeepWarm.swift): Lambda Provisioned Concurrency and SnapStart.
    public var provisionedConcurrency: ProvisionedConcurrencyPricing?
    public var snapStart: SnapStartPricing?

    public struct EphemeralStorage: Sendable, Equatable {
        public var includedMiB: Double
        public var gbSecond: Double
        public init(includedMiB: Double, gbSecond: Double) { self.includedMiB = includedMiB; self.gbSecond = gbSecond }
    }

    public init() {}
}

/// Cloud Run (request-based), Container Apps, App Runner, Code Engine, Azure Functions Flex:
/// instances bill while they run requests (and, where the platform keeps them, for a lifetime after
/// the last one); up to `concurrency` requests share one instance. See docs/billing.md.
public struct SharedInstancePricing: Sendable, Equatable {
    public var vcpuSecond: Double = 0
    public var gibSecond: Double = 0
    public var requestPrice: Double = 0
    /// Rates for minimum instances kept warm while they serve nothing.
    public var idleVCPUSecond: Double = 0
    public var idleGiBSecond: Double = 0
    public var granularity: Double = 0.1              // seconds; each instance's activity period is rounded up to it
    public var defaultVCPU: Double = 1
    public var minInstances: Double = 0               // the platform's default, e.g. App Runner keeps 1
    public var free = FreeAllowance()
    // Instance lifetime (design.md §8): how long an instance stays after its last request, the rate
    // it is billed at while it waits, and the shortest activity period billed.
    public var instanceLifetime: Double = 0           // seconds (scale-down delay / cool-down)
    public var waitingRate: WaitingRate = .idle
    public var minimumActivity: Double = 0            // seconds; shortest billed activity period
    /// Share of an instance's CPU and concurrency the autoscaler fills before adding one (Cloud Run
    /// 60%); 1 = packed full, never less than the CPU burned.
    public var targetUtilization: Double = 1
    /// Least vCPU allowed with the workload's memory; a lower `--vcpu` is raised to it.
    public var vcpuForMemory: VCPUForMemory?
    /// The sizes an instance comes in; the cheapest that holds the workload's vCPU and memory is billed.
    public var sizes: [AllowedSize] = []
    public init() {}

    /// The rate an instance pays between its last request and its scale-down.
    public enum WaitingRate: String, Sendable, Equatable, CaseIterable {
        case active, idle
    }
}

/// Cloudflare Workers Standard: a monthly fee that includes requests and CPU time; overage per unit.
public struct CPUTimePricing: Sendable, Equatable {
    public var monthlyFee: Double = 0
    public var includedRequests: Double = 0
    public var includedCPUms: Double = 0
    public var requestOverage: Double = 0             // per request
    public var cpuMsOverage: Double = 0               // per CPU-ms
    public init() {}
}

/// VMs, dynos, plans, Fargate tasks, Autopilot pods: you pay for instances while they exist.
public struct ProvisionedPricing: Sendable, Equatable {
    public enum Rate: Sendable, Equatable {
        /// A fixed instance size at a price per hour.
        case perInstanceHour(Double, vcpu: Double, memoryMiB: Double)
        /// Sized from the workload's vCPU and memory, priced per vCPU-hour and per GB-hour.
        case perResource(vcpuHour: Double, gbHour: Double, sizes: [TaskSize])

        func scaled(by f: Double) -> Rate {
            switch self {
            case let .perInstanceHour(p, vcpu, mem): .perInstanceHour(p * f, vcpu: vcpu, memoryMiB: mem)
            case let .perResource(v, g, sizes): .perResource(vcpuHour: v * f, gbHour: g * f, sizes: sizes)
            }
        }
    }

    /// An allowed task size: a vCPU count and the memory range (and step) allowed with it.
    public struct TaskSize: Sendable, Equatable {
        public var vcpu: Double
        public var minMemoryMiB: Double
        public var maxMemoryMiB: Double
        public var memoryStepMiB: Double
        public init(vcpu: Double, minMemoryMiB: Double, maxMemoryMiB: Double, memoryStepMiB: Double) {
            self.vcpu = vcpu; self.minMemoryMiB = minMemoryMiB; self.maxMemoryMiB = maxMemoryMiB
            self.memoryStepMiB = memoryStepMiB
        }
    }

    public var rate: Rate
    /// The most one instance can cost in a month (a plan's monthly price caps hourly billing).
    public var monthlyCap: Double?
    public var billingIncrementHours: Double = 1.0 / 3600
    public var minimumBilledHours: Double = 0
    /// A fee per month regardless of instances (cluster management, a subscription).
    public var fixedMonthlyFee: Double = 0
    public var fixedFeeName: String = "Fixed monthly fee"
    public var minInstances: Double = 1
    /// Burstable CPU, reserved memory, scaling limits, attached costs, discounts, jobs, free allowances.
    public var rules = ProvisionedRules()

    public init(rate: Rate) { self.rate = rate }
}
