/// A numeric workload input that sweeps, break-even searches and the TUI can vary.
public enum SweepParameter: String, Sendable, CaseIterable {
    case requests, rps, duration, memory, cpuTime = "cpu-time", concurrency
    case peakToAverage = "peak-to-average", hours, instances
    case commitmentUtilisation = "commitment-utilisation"   // Commitment.swift

    /// How values of this parameter are written and read.
    public enum Unit: Sendable { case count, duration, memory, number }

    public var unit: Unit {
        switch self {
        case .requests: .count
        case .duration, .cpuTime: .duration
        case .memory: .memory
        case .rps, .concurrency, .peakToAverage, .hours, .instances, .commitmentUtilisation: .number
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
        }
    }

    /// "below 15.2M requests/month", "duration above 8min": units read after the number, inputs before.
    public func phrase(_ relation: String, _ value: Double) -> String {
        switch self {
        case .requests, .rps, .hours, .instances: "\(relation) \(format(value)) \(noun)"
        default: "\(noun) \(relation) \(format(value))"
        }
    }

    /// Whole-number parameters are evaluated at whole values only.
    public var isWhole: Bool { self == .concurrency || self == .instances }

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

    public func value(at i: Int) -> Double {
        guard points > 1 else { return from }
        let t = Double(i) / Double(points - 1)
        switch scale {
        case .linear: return from + (to - from) * t
        case .log: return from * pow(to / from, t)
        }
    }

    /// Where a fraction `t` ∈ [0, 1] of the way along the axis lies.
    public func interpolate(_ t: Double) -> Double {
        scale == .log ? from * pow(to / from, t) : from + (to - from) * t
    }
}

import Foundation
