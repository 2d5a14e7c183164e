/// A numeric workload input that sweeps, break-even searches and the TUI can vary.
public enum SweepParameter: String, Sendable, CaseIterable {
    case requests, rps, duration, memory, cpuTime = "cpu-time", concurrency
    case peakToAverage = "peak-to-average", hours, instances
    case commitmentUtilisation = "commitment-utilisation"   // Commitment.swift
    // The application's volumes (Application.swift); they move only a section the workload has.
    case readsPerRequest = "reads-per-request", monthlyActiveUsers = "monthly-active-users"
    case responseSize = "response-size", storage

    /// How values of this parameter are written and read.
    public enum Unit: Sendable { case count, duration, memory, number }

    public var unit: Unit {
        switch self {
        case .requests, .monthlyActiveUsers: .count
        case .duration, .cpuTime: .duration
        case .memory, .responseSize, .storage: .memory
        case .rps, .concurrency, .peakToAverage, .hours, .instances, .commitmentUtilisation, .readsPerRequest: .number
        }
    }

    /// Words for sentences: "above 41.3M requests/month".
    public var noun: String {
        switch self {
        case .requests: "requests/month"
        case .rps: "req/s"
        case .duration: "duration"
        case .memory: "memory"
        case .cpuTime: "CPU time"
        case .concurrency: "concurrency"
        case .peakToAverage: "peak-to-average"
        case .hours: "hours/month"
        case .instances: "instances"
        case .commitmentUtilisation: "commitment utilisation"
        case .readsPerRequest: "reads per request"
        case .monthlyActiveUsers: "monthly active users"
        case .responseSize: "response size"
        case .storage: "data stored"
        }
    }

    /// "below 15.2M requests/month", "duration above 8min": units read after the number, inputs before.
    public func phrase(_ relation: String, _ value: Double) -> String {
        switch self {
        case .requests, .rps, .hours, .instances: "\(relation) \(format(value)) \(noun)"
        default: "\(noun) \(relation) \(format(value))"
        }
    }

    /// Whole-number parameters are evaluated at whole values only: there is no half request.
    public var isWhole: Bool { self == .requests || self == .concurrency || self == .instances }

    public func value(in w: Workload) -> Double {
        switch self {
        case .requests: w.requestsPerMonth
        case .rps: w.averageRPS
        case .duration: w.duration
        case .memory: w.memoryMiB
        case .cpuTime: w.cpuSecondsPerRequest
        case .concurrency: w.concurrency
        case .peakToAverage: w.profile.peakMultiplier
        case .hours: w.hoursPerMonth
        case .instances: w.instances ?? 1
        case .commitmentUtilisation: w.commitment.utilisation ?? 1
        // Sizes in MiB, as the memory parameter: the sweep's axis reads them as sizes.
        case .readsPerRequest: w.application?.data?.readsPerRequest ?? 0
        case .monthlyActiveUsers: w.application?.users?.monthlyActive ?? 0
        case .responseSize: (w.application?.responseSizeGB ?? 0) * 1024
        case .storage: (w.application?.data?.storageGB ?? 0) * 1024
        }
    }

    /// The workload with this parameter set; other inputs stay (monthly volume stays when hours change).
    public func apply(_ value: Double, to w: Workload) -> Workload {
        var w = w
        set(value, on: &w)
        return w
    }

    public func set(_ value: Double, on w: inout Workload) {
        let v = isWhole ? value.rounded() : value
        switch self {
        case .requests: w.requestsPerMonth = v
        case .rps: w.requestsPerMonth = v * w.hoursPerMonth * 3600
        case .duration: w.duration = v
        case .memory: w.memoryMiB = v
        case .cpuTime: w.cpuTime = v
        case .concurrency: w.concurrency = max(1, v)
        case .peakToAverage:
            if w.traffic == .constant { w.traffic = .diurnal }
            w.peakToAverage = v
        case .hours: w.hoursPerMonth = v
        case .instances: w.instances = max(1, v)
        case .commitmentUtilisation: w.commitment.utilisation = v
        case .readsPerRequest: w.application?.data?.readsPerRequest = v
        case .monthlyActiveUsers: w.application?.users?.monthlyActive = v
        case .responseSize: w.application?.responseSizeGB = v / 1024
        case .storage: w.application?.data?.storageGB = v / 1024
        }
    }

    /// A value formatted in this parameter's human unit.
    public func format(_ value: Double) -> String {
        switch unit {
        case .count: Format.count(value)
        case .duration: Format.duration(value)
        case .memory: Format.memory(value)
        case .number: Format.grouped(value, maxFractionDigits: 3)
        }
    }
}

/// Points from `from` to `to`: log-spaced or evenly spaced, whole numbers kept distinct.
public struct SweepRange: Sendable, Equatable {
    public enum Scale: String, Sendable, CaseIterable { case linear, log }
    public var from: Double
    public var to: Double
    public var points: Int
    public var scale: Scale

    /// Log is the default when the range spans more than two decades.
    public init(from: Double, to: Double, points: Int, scale: Scale? = nil) {
        self.from = from; self.to = to; self.points = max(1, points)
        self.scale = scale ?? (from > 0 && to / from > 100 ? .log : .linear)
    }

    /// The i-th point. The ends are the inputs, exactly; points between are snapped to numbers
    /// people write: a log grid of at most three points a decade takes the 1-2-5 series (10k, 20k,
    /// 50k, 100k), a denser one four significant digits (more when the grid is denser still, so
    /// points stay distinct); a linear grid drops the binary noise of its arithmetic.
    public func value(at i: Int) -> Double {
        guard points > 1, i > 0 else { return from }
        guard i < points - 1 else { return to }
        let t = Double(i) / Double(points - 1)
        switch scale {
        case .linear:
            return Format.significant(from + (to - from) * t, digits: 12)
        case .log:
            let raw = from * pow(to / from, t)
            if usesOneTwoFive { return SweepRange.oneTwoFive(raw) }
            return Format.significant(raw, digits: logDigits)
        }
    }

    private var decades: Double { log10(to / from) }

    /// Significant digits that keep neighbouring log points apart: 4, or more past ~200 points a decade.
    private var logDigits: Int {
        let perDecade = Double(points - 1) / Swift.max(decades, 1e-9)
        return Swift.max(4, Int(log10(Swift.max(perDecade, 1)).rounded(.up)) + 2)
    }

    /// The 1-2-5 series fits when it keeps every interior point distinct and strictly between the ends.
    private var usesOneTwoFive: Bool {
        guard scale == .log, from > 0, points > 2, Double(points - 1) <= 3 * decades + 1e-9 else { return false }
        var previous = from
        for i in 1..<(points - 1) {
            let t = Double(i) / Double(points - 1)
            let v = SweepRange.oneTwoFive(from * pow(to / from, t))
            guard v > previous, v < to else { return false }
            previous = v
        }
        return true
    }

    /// The nearest (on a log axis) of 1, 2 and 5 times a power of ten.
    static func oneTwoFive(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return v }
        let e = log10(v).rounded(.down)
        let m = log10(v) - e
        let candidates: [(Double, Double)] = [(1, 0), (2, log10(2)), (5, log10(5)), (10, 1)]
        let best = candidates.min { abs($0.1 - m) < abs($1.1 - m) }!.0
        return Format.significant(best * pow(10, e), digits: 1)
    }

    /// Where a fraction `t` ∈ [0, 1] of the way along the axis lies.
    public func interpolate(_ t: Double) -> Double {
        scale == .log ? from * pow(to / from, t) : from + (to - from) * t
    }
}

import Foundation
