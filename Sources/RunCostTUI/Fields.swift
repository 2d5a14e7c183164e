import RunCostCore

/// The workload inputs the panel lists, in order.
public enum InputField: Int, CaseIterable, Sendable {
    case requests, rps, duration, memory, cpuTime, vcpu, concurrency, traffic, peakToAverage, hours, instances, freeTier, arch
    case runtime, maxColdStartRate
    case run, disk
    case commitment   // none, 1y, 3y or spot: CommitmentStepping.swift
    // The application pane: listed only when the workload has an application section (and the
    // section a field belongs to), so a compute-only screen is as before. ApplicationStepping.swift.
    case scope, responseSize, readsPerRequest, writesPerRequest, storage, eventsPerRequest, monthlyActiveUsers

    /// The fields the panel lists for this workload, in order.
    static func visible(for w: Workload) -> [InputField] {
        allCases.filter { $0.applies(to: w) }
    }

    func applies(to w: Workload) -> Bool {
        guard let app = w.application else { return rawValue < InputField.scope.rawValue }
        switch self {
        case .readsPerRequest, .writesPerRequest, .storage: return app.data != nil
        case .eventsPerRequest: return app.events != nil
        case .monthlyActiveUsers: return app.users != nil
        default: return true
        }
    }

    var label: String {
        switch self {
        case .requests: "requests"
        case .rps: "rps"
        case .duration: "duration"
        case .memory: "memory"
        case .cpuTime: "CPU time"
        case .vcpu: "vCPU"
        case .concurrency: "concurrency"
        case .traffic: "traffic"
        case .peakToAverage: "peak/avg"
        case .hours: "hours/month"
        case .instances: "instances"
        case .freeTier: "free tier"
        case .arch: "arch"
        case .runtime: "runtime"
        case .maxColdStartRate: "max cold"
        case .run: "run as"
        case .disk: "VM disk"
        case .commitment: "commitment"
        case .scope: "scope"
        case .responseSize: "response"
        case .readsPerRequest: "reads/req"
        case .writesPerRequest: "writes/req"
        case .storage: "data stored"
        case .eventsPerRequest: "events/req"
        case .monthlyActiveUsers: "users (MAU)"
        }
    }

    /// The parameter the break-even chart varies while this field is selected; nil keeps the last one.
    var sweepParameter: SweepParameter? {
        switch self {
        case .requests: .requests
        case .rps: .rps
        case .duration: .duration
        case .memory: .memory
        case .cpuTime: .cpuTime
        case .concurrency: .concurrency
        case .peakToAverage: .peakToAverage
        case .hours: .hours
        case .instances: .instances
        case .responseSize: .responseSize
        case .readsPerRequest: .readsPerRequest
        case .storage: .storage
        case .monthlyActiveUsers: .monthlyActiveUsers
        case .vcpu, .traffic, .freeTier, .arch, .runtime, .maxColdStartRate, .run, .disk, .commitment,
             .scope, .writesPerRequest, .eventsPerRequest: nil
        }
    }

    /// What Enter expects, for the prompt.
    var example: String {
        switch self {
        case .requests: "3M, 250k or 1.5e9 per month"
        case .rps: "requests per second, e.g. 11.5"
        case .duration, .cpuTime: "120ms, 2s or 15min"
        case .memory: "512MB or 1.5GB"
        case .vcpu: "0.25, 1, 2 or default"
        case .concurrency: "a whole number, e.g. 80"
        case .traffic: "constant, diurnal, business-hours or bursty"
        case .peakToAverage: "peak hour ÷ average, e.g. 2.5"
        case .hours: "hours per month, up to 744"
        case .instances: "a whole number or auto"
        case .freeTier: "on or off"
        case .arch: "x86, arm or any"
        case .runtime: Runtime.allCases.map(\.rawValue).joined(separator: ", ") + " or any"
        case .maxColdStartRate: "a share like 0.1% (cheapest warmth that meets it) or none"
        case .run: "service or job"
        case .disk: "20GB or default"
        case .commitment: CommitmentStepping.example
        case .scope: "application, compute or data"
        case .responseSize, .storage: "8KB, 20GB"
        case .readsPerRequest, .writesPerRequest, .eventsPerRequest: "a number per request, e.g. 2 or 0.5"
        case .monthlyActiveUsers: "40k or 1.5M"
        }
    }

    /// The value in human units.
    func display(_ w: Workload, glyphs: Glyphs) -> String {
        switch self {
        case .requests: Format.count(w.requestsPerMonth) + "/month"
        case .rps: Format.grouped(w.averageRPS, maxFractionDigits: w.averageRPS < 100 ? 2 : 0) + " req/s"
        case .duration: Format.duration(w.duration)
        case .memory: Format.memory(w.memoryMiB)
        case .cpuTime: Format.duration(w.cpuSecondsPerRequest) + (w.cpuTime == nil ? " (=dur)" : "")
        case .vcpu: w.vcpu.map { Format.grouped($0, maxFractionDigits: 3) } ?? "default"
        case .concurrency: Format.grouped(w.concurrency)
        case .traffic: w.traffic.name
        case .peakToAverage:
            switch w.traffic {
            case .constant: "1" + glyphs.times + " (flat)"
            case .businessHours, .trace: Format.grouped(w.profile.peakMultiplier, maxFractionDigits: 2) + glyphs.times + " (fixed)"
            case .diurnal, .bursty: Format.grouped(w.profile.peakMultiplier, maxFractionDigits: 2) + glyphs.times
            }
        case .hours: Format.grouped(w.hoursPerMonth, maxFractionDigits: 1) + "h"
        case .instances: w.instances.map { Format.grouped($0) + " fixed" } ?? "auto"
        case .freeTier: w.freeTier ? "on" : "off"
        case .arch: w.arch?.rawValue ?? "any"
        case .runtime: w.runtime?.rawValue ?? "any"
        case .maxColdStartRate: w.maxColdStartShare.map(ColdStartFormat.percent) ?? "none"
        case .run: w.run.rawValue
        case .disk: w.diskMiB.map { Format.memory($0) } ?? "default"
        case .commitment: CommitmentStepping.display(w)
        case .scope: w.effectiveScope.rawValue
        case .responseSize: Format.memory((w.application?.responseSizeGB ?? 0) * 1024)
        case .readsPerRequest: Format.grouped(w.application?.data?.readsPerRequest ?? 0, maxFractionDigits: 3)
        case .writesPerRequest: Format.grouped(w.application?.data?.writesPerRequest ?? 0, maxFractionDigits: 3)
        case .storage: Format.memory((w.application?.data?.storageGB ?? 0) * 1024)
        case .eventsPerRequest: Format.grouped(w.application?.events?.perRequest ?? 0, maxFractionDigits: 3)
        case .monthlyActiveUsers: Format.count(w.application?.users?.monthlyActive ?? 0)
        }
    }
}
