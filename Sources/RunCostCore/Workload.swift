/// What a service does in a month, in base units: seconds, MiB, requests.
/// `memoryMiB` is the memory one function or one container instance is given.
public struct Workload: Sendable, Equatable {
    public var requestsPerMonth: Double
    public var duration: Double                       // wall time per request, seconds
    public var cpuTime: Double?                       // CPU per request, seconds; nil = the duration
    public var memoryMiB: Double
    public var vcpu: Double?                          // task/instance vCPU; nil = the platform default
    public var concurrency: Double = 1                // requests one instance serves at once
    public var arch: Arch?
    /// The language runtime, for start-up time; nil = not stated.
    public var runtime: Runtime?
    /// SnapStart on, where the offering prices it.
    public var snapStart = false
    /// The largest share of requests that may start an instance; offerings keep instances warm
    /// to meet it, or are infeasible (ColdStartConstraint). nil = no limit.
    public var maxColdStartShare: Double?
    public var ephemeralStorageMiB: Double?
    public var payloadKiB: Double?
    public var hoursPerMonth: Double = 730            // hours the service runs in the month
    public var instances: Double?                     // fixed fleet size for provisioned offerings
    public var minInstances: Double?                  // overrides the platform default
    public var targetUtilization: Double = 0.7        // CPU share a provisioned instance may use
    /// Size provisioned fleets for the peak hour instead of autoscaling hour by hour.
    public var fixedFleet = false
    public var freeTier = false
    /// A commitment (Savings Plan, reservation, committed use) and spot capacity: Commitment.swift.
    public var commitment = CommitmentChoice()
    public var spot = false
    /// Inputs the workload left out and `WorkloadDefaults` filled in; reports name them.
    public var defaultedInputs: [WorkloadDefaults.Input] = []
    /// A service answering requests, or jobs: each request a task started on demand.
    public var run: RunMode = .service
    /// Boot volume size for VMs; nil = the table's default.
    public var diskMiB: Double?
    /// False drops the public IPv4 address where a provider charges for it.
    public var publicIP = true
    /// The application around the compute (Application.swift); nil = none, compute only.
    public var application: Application? {
        get { applicationBox?.value }
        set { applicationBox = newValue.map(ApplicationBox.init) }
    }
    /// Held in a box so a workload stays small: the sweep kernel borrows one per evaluation, and
    /// with the section stored inline the optimiser copied the whole workload (memmove, 12%).
    private var applicationBox: ApplicationBox?
    /// What totals cover when there is an application section (docs/commands.md, `--scope`).
    public var scope: CostScope = .application
    public var traffic: TrafficShape = .constant { didSet { profile = TrafficProfile(traffic, peakToAverage: peakToAverage) } }
    public var peakToAverage: Double? { didSet { profile = TrafficProfile(traffic, peakToAverage: peakToAverage) } }
    /// The traffic shape as load levels; derived, kept in step by the two properties above.
    public private(set) var profile = TrafficProfile.constant

    public init(requestsPerMonth: Double, duration: Double, memoryMiB: Double, cpuTime: Double? = nil,
                concurrency: Double = 1, traffic: TrafficShape = .constant, peakToAverage: Double? = nil) {
        self.requestsPerMonth = requestsPerMonth; self.duration = duration; self.memoryMiB = memoryMiB
        self.cpuTime = cpuTime; self.concurrency = concurrency
        self.traffic = traffic; self.peakToAverage = peakToAverage
        profile = TrafficProfile(traffic, peakToAverage: peakToAverage)
    }

    public var cpuSecondsPerRequest: Double { cpuTime ?? duration }
    public var averageRPS: Double { requestsPerMonth / (hoursPerMonth * 3600) }
    public var peakRPS: Double { averageRPS * profile.peakMultiplier }
    /// The scope reports state: compute when there is no application section.
    public var effectiveScope: CostScope { application == nil ? .compute : scope }
}

extension Workload {
    /// The mean of `value(rate)` over the traffic levels, each weighted by the requests it carries
    /// (rate × share of hours); 0 for a workload without requests.
    func requestWeightedMean(_ value: (_ rate: Double) -> Double) -> Double {
        var weighted = 0.0, total = 0.0
        for level in profile.levels {
            let rate = averageRPS * level.multiplier
            let weight = rate * level.share
            guard weight > 0 else { continue }
            total += weight
            weighted += weight * value(rate)
        }
        return total > 0 ? weighted / total : 0
    }
}

/// An immutable application section behind one pointer (see `Workload.application`).
final class ApplicationBox: Sendable, Equatable {
    let value: Application
    init(_ value: Application) { self.value = value }
    static func == (a: ApplicationBox, b: ApplicationBox) -> Bool { a.value == b.value }
}
