/// The billing rules of a provisioned offering beyond its rate (design.md §8): burstable CPU,
/// memory the workload cannot use, scaling limits, attached costs, automatic discounts, jobs and
/// free allowances. Every field is table data (docs/pricing-format.md); defaults change nothing.
///
/// Fields read and write as if stored here (`rules.burstable = …`); the kernel reads `rules.values`.
@dynamicMemberLookup
public struct ProvisionedRules: Sendable, Equatable {
    /// A burstable instance: it may use `baseline` of each vCPU for as long as it likes. With a
    /// `surplusVCPUHour` price (AWS unlimited mode) it may run above it and pay for the surplus;
    /// without one (Azure B-series, GCP shared-core) it is throttled to the baseline.
    public struct Burstable: Sendable, Equatable {
        public var baseline: Double
        public var surplusVCPUHour: Double?
        public init(baseline: Double, surplusVCPUHour: Double? = nil) {
            self.baseline = baseline; self.surplusVCPUHour = surplusVCPUHour
        }
    }

    /// A boot volume billed per GB-month while the instance exists.
    public struct BootDisk: Sendable, Equatable {
        public var sizeGB: Double
        public var gbMonth: Double
        public init(sizeGB: Double, gbMonth: Double) { self.sizeGB = sizeGB; self.gbMonth = gbMonth }
    }

    /// Task storage billed per GB-hour above what a task includes (Fargate, GKE Autopilot).
    public struct EphemeralStorage: Sendable, Equatable {
        public var includedMiB: Double
        public var gbHour: Double
        public init(includedMiB: Double, gbHour: Double) { self.includedMiB = includedMiB; self.gbHour = gbHour }
    }

    /// Starts a task per job when the workload runs jobs: billed from start to stop, start-up included.
    public struct Jobs: Sendable, Equatable {
        public var startup: Double              // seconds billed before the job's own work starts
        public var only: Bool                    // a jobs product (Cloud Run jobs): it runs no services
        public init(startup: Double, only: Bool = false) { self.startup = startup; self.only = only }
    }

    /// What the provider gives free each month, applied only under `--free-tier`.
    public struct Free: Sendable, Equatable {
        public var instanceHours: Double = 0
        public var vcpuSeconds: Double = 0
        public var gbSeconds: Double = 0
        public var diskGBMonths: Double = 0
        public var credit: Double = 0             // money off the fixed monthly fee (GKE)
        public init(instanceHours: Double = 0, vcpuSeconds: Double = 0, gbSeconds: Double = 0,
                    diskGBMonths: Double = 0, credit: Double = 0) {
            self.instanceHours = instanceHours; self.vcpuSeconds = vcpuSeconds; self.gbSeconds = gbSeconds
            self.diskGBMonths = diskGBMonths; self.credit = credit
        }
        public var isEmpty: Bool { self == Free() }
    }

    /// The rules themselves.
    public struct Values: Sendable, Equatable {
        public var burstable: Burstable?
        /// Memory the operating system and platform keep; it comes off before workers are counted.
        public var reservedMemoryMiB: Double = 0
        public var maxInstances: Double?
        /// False for plans that cannot autoscale: the fleet is sized for the peak.
        public var autoscaling = true
        public var bootDisk: BootDisk?
        public var publicIPv4Hour: Double = 0
        public var ephemeralStorage: EphemeralStorage?
        /// Sustained-use discount: the share of the list price paid in each successive quarter of the
        /// month an instance runs (GCP N1: 1, 0.8, 0.6, 0.4). Nil: no discount.
        public var sustainedUse: SustainedUse?
        public var jobs: Jobs?
        public var free = Free()
        /// A fee charged as a share of the instances' on-demand price, on top of it (Lambda Managed
        /// Instances: 15%). It stays a share of the list price under a commitment or spot.
        public var managementFee: Double = 0
        /// A price per request served, on top of the instances (Lambda Managed Instances: $0.20 per 1M).
        public var requestPrice: Double = 0
        /// Instances kept allocated beyond those the load needs while requests arrive, so scaling
        /// out finds one ready (Azure Functions Premium: one pre-warmed instance by default, billed
        /// once the app is active, not while it is idle).
        public var prewarmedInstances: Double = 0
        /// Seconds an autoscaled instance keeps running (and billing) after its last request before
        /// the platform shuts it down (App Engine standard: fifteen minutes). 0: an instance runs
        /// the whole hour of any level that needs it, as a fleet sized hour by hour does.
        public var instanceLifetime: Double = 0

        public init() {}

        /// Hours of list price an instance pays for running `hours` of a `monthHours` month after the
        /// sustained-use discount: each part of the month is billed at its own share.
        @inline(__always) func sustainedHours(_ hours: Double, monthHours: Double) -> Double {
            guard let s = sustainedUse else { return hours }
            let part = monthHours / 4
            func share(_ k: Double, _ rate: Double) -> Double { max(0, min(hours, (k + 1) * part) - k * part) * rate }
            // Hours beyond the month (a month longer than 730 h) pay the last step.
            return share(0, s.first) + share(1, s.second) + share(2, s.third) + share(3, s.fourth)
                + max(0, hours - monthHours) * s.fourth
        }
    }

    /// Stored inline and free of reference-counted fields, so copying an offering in the sweep
    /// kernel costs no more retains than before these rules existed.
    public var values: Values

    public init() { values = Values() }

    public init(_ values: Values) { self.values = values }

    public subscript<T>(dynamicMember key: WritableKeyPath<Values, T>) -> T {
        get { values[keyPath: key] }
        set { values[keyPath: key] = newValue }
    }

    func scaled(by f: Double) -> ProvisionedRules {
        var v = values
        let surplus = v.burstable?.surplusVCPUHour
        v.burstable?.surplusVCPUHour = surplus.map { $0 * f }
        v.bootDisk?.gbMonth *= f
        v.publicIPv4Hour *= f
        v.ephemeralStorage?.gbHour *= f
        v.free.credit *= f
        v.requestPrice *= f
        return ProvisionedRules(v)
    }
}

/// The share of list price paid in each quarter of the month an instance runs (four numbers, no
/// array, so the rules stay free of reference counting).
public struct SustainedUse: Sendable, Equatable, ExpressibleByArrayLiteral {
    public var first: Double, second: Double, third: Double, fourth: Double
    public init(_ first: Double, _ second: Double, _ third: Double, _ fourth: Double) {
        self.first = first; self.second = second; self.third = third; self.fourth = fourth
    }
    public init(arrayLiteral steps: Double...) {
        precondition(steps.count == 4, "sustained use has one share per quarter of the month")
        self.init(steps[0], steps[1], steps[2], steps[3])
    }
    public var steps: [Double] { [first, second, third, fourth] }
}

/// A workload runs as a long-lived service answering requests, or as jobs: each request a
/// run-to-completion task started on demand.
public enum RunMode: String, Sendable, CaseIterable {
    case service, job
}
