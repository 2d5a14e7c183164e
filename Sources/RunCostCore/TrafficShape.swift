import Foundation

/// How the month's requests spread over its hours.
public enum TrafficShape: Sendable, Equatable {
    case constant
    /// A daily wave; the peak hour carries `peakToAverage` × the average (default 2).
    case diurnal
    /// Weekdays 09–17 only (40 of 168 hours a week); nothing at night or at weekends.
    case businessHours
    /// Short bursts: 5 % of hours at `peakToAverage` × average (default 10), the rest share what is left.
    case bursty
    /// Measured load: requests in consecutive equal intervals (a trace file), reduced to its levels.
    case trace(TraceLoad)

    public var name: String {
        switch self {
        case .constant: "constant"
        case .diurnal: "diurnal"
        case .businessHours: "business-hours"
        case .bursty: "bursty"
        case .trace: "trace"
        }
    }

    /// A trace fixes every hour's load, so a peak-to-average ratio has nothing to act on.
    public var isTrace: Bool { if case .trace = self { true } else { false } }

    public static let defaultPeakToAverage: [String: Double] = ["diurnal": 2, "bursty": 10]
}

/// A traffic shape as a handful of load levels: each level is a multiple of the average request
/// rate held for a share of the month. Pay-per-use bills the sum; fleets are sized per level.
public struct TrafficProfile: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public var multiplier: Double   // × the month's average request rate
        public var share: Double        // share of the month's hours (levels sum to 1)
    }
    public private(set) var levels: [Level]
    public private(set) var peakMultiplier: Double

    public static let constant = TrafficProfile(levels: [Level(multiplier: 1, share: 1)])

    /// Levels are kept sorted by load, lightest first (fleet sizing relies on it), and equal loads
    /// are merged: a symmetric daily wave has 13 distinct hours, not 24, and every sweep point
    /// walks them all.
    init(levels: [Level]) {
        var merged: [Level] = []
        for level in levels.sorted(by: { $0.multiplier < $1.multiplier }) {
            if let last = merged.last, abs(level.multiplier - last.multiplier) <= 1e-12 * max(1, level.multiplier) {
                merged[merged.count - 1].share += level.share
            } else {
                merged.append(level)
            }
        }
        self.levels = merged
        peakMultiplier = merged.last?.multiplier ?? 1
    }

    public init(_ shape: TrafficShape, peakToAverage: Double?) {
        switch shape {
        case .constant:
            self = .constant
        case .diurnal:
            self.init(levels: TrafficProfile.diurnal(peakToAverage: max(1, peakToAverage ?? 2)))
        case .businessHours:
            let busy = 40.0 / 168
            self.init(levels: [Level(multiplier: 1 / busy, share: busy), Level(multiplier: 0, share: 1 - busy)])
        case .bursty:
            let peak = max(1, peakToAverage ?? 10)
            let burst = min(0.05, 1 / peak)
            let base = (1 - peak * burst) / (1 - burst)
            self.init(levels: [Level(multiplier: peak, share: burst), Level(multiplier: max(0, base), share: 1 - burst)])
        case .trace(let load):
            guard load.total > 0, load.intervals > 0 else { self = .constant; return }
            // Equal loads collapse into one level, so long traces stay cheap to evaluate.
            self.init(levels: load.levels)
        }
    }

    /// 24 hourly levels of a smooth daily wave m(h) ∝ exp(k·cos(2πh/24)), with k chosen by
    /// bisection so that the peak hour is exactly `peakToAverage` × the daily average.
    static func diurnal(peakToAverage ratio: Double) -> [Level] {
        let cosines = (0..<24).map { cos(2 * Double.pi * Double($0) / 24) }
        func weights(_ k: Double) -> [Double] {
            let raw = cosines.map { exp(k * ($0 - 1)) }          // shifted to avoid overflow
            let mean = raw.reduce(0, +) / 24
            return raw.map { $0 / mean }
        }
        var lo = 0.0, hi = 1.0
        while weights(hi)[0] < ratio && hi < 1e4 { hi *= 2 }
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if weights(mid)[0] < ratio { lo = mid } else { hi = mid }
        }
        return weights((lo + hi) / 2).map { Level(multiplier: $0, share: 1.0 / 24) }
    }
}
