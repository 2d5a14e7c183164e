import Foundation
import RunCostCore

public enum AxisScale: Sendable, Equatable { case linear, log }

/// What an axis measures; decides tick labels and, for memory, binary log ticks.
public enum AxisUnit: Sendable, Equatable {
    case count
    case duration   // seconds
    case memory     // MiB
    case money
    case plain
}

/// One axis: its data range (already padded and rounded to ticks) and its ticks.
struct Axis: Equatable {
    struct Tick: Equatable {
        var value: Double
        var label: String?   // nil: gridline only
        var major: Bool
    }

    var scale: AxisScale
    var unit: AxisUnit
    var lo: Double
    var hi: Double
    var ticks: [Tick]

    /// Position of `value` in 0...1 along the axis; nil where it cannot be drawn.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear:
            return (value - lo) / (hi - lo)
        case .log:
            guard value > 0 else { return nil }
            return (log10(value) - log10(lo)) / (log10(hi) - log10(lo))
        }
    }

    /// Builds an axis spanning `values` (non-finite, and non-positive on log, are ignored).
    static func make(values: [Double], scale: AxisScale, unit: AxisUnit, includeZero: Bool = false) -> Axis {
        switch scale {
        case .linear:
            var usable = values.filter(\.isFinite)
            if includeZero { usable.append(0) }
            return linear(min: usable.min() ?? 0, max: usable.max() ?? 1, unit: unit)
        case .log:
            let usable = values.filter { $0.isFinite && $0 > 0 }
            return log(min: usable.min() ?? 1, max: usable.max() ?? 10, unit: unit)
        }
    }

    // MARK: linear

    static func linear(min: Double, max: Double, unit: AxisUnit, target: Int = 6) -> Axis {
        var lo = min, hi = max
        if hi - lo <= 0 {
            // Flat data: pad by 10% of its size (or 1) so the line sits mid-plot.
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        // Spans beyond Double (or lost to rounding): give up on the data rather than write inf.
        if !(hi - lo).isFinite || !(hi > lo) { lo = 0; hi = 1 }
        let raw = (hi - lo) / Double(target)
        let (mantissa, exponent) = niceStep(raw)
        let step = unitStep(raw, unit: unit) ?? Double(mantissa) * pow(10, Double(exponent))
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        // Decimal steps are built as integer ÷ 10^k so ticks read 0.3, not 0.30000000000000004.
        let value: (Double) -> Double = { n in
            step < 1 && exponent < 0 ? n * Double(mantissa) / pow(10, Double(-exponent)) : n * step
        }
        guard first.isFinite, last.isFinite, last > first, last - first < 1000, value(first).isFinite, value(last).isFinite else {
            return linear(min: 0, max: 1, unit: unit, target: target)
        }
        var ticks: [Tick] = []
        var n = first
        while n <= last {
            let v = value(n) == 0 ? 0 : value(n)   // no "-0"
            ticks.append(Tick(value: v, label: label(v, unit: unit, step: step), major: true))
            n += 1
        }
        return Axis(scale: .linear, unit: unit, lo: value(first), hi: value(last), ticks: ticks)
    }

    /// The 1-2-5 step at or above `raw`, as (mantissa, power of ten).
    static func niceStep(_ raw: Double) -> (Int, Int) {
        guard raw.isFinite, raw > 0 else { return (1, 0) }
        var exponent = Int(log10(raw).rounded(.down))
        let base = pow(10, Double(exponent))
        let f = raw / base
        let mantissa: Int
        if f <= 1 { mantissa = 1 } else if f <= 2 { mantissa = 2 } else if f <= 5 { mantissa = 5 } else { mantissa = 1; exponent += 1 }
        return (mantissa, exponent)
    }

    /// Steps that land on round units: 256MB/512MB/1GB for memory, 15s/1min/5min/1h for durations.
    static func unitStep(_ raw: Double, unit: AxisUnit) -> Double? {
        guard raw.isFinite, raw >= 1 else { return nil }
        switch unit {
        case .memory:
            return pow(2, log2(raw).rounded(.up))
        case .duration:
            let ladder: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]
            if let step = ladder.first(where: { $0 >= raw }) { return step }
            let (m, e) = niceStep(raw / 3600)
            return Double(m) * pow(10, Double(e)) * 3600
        default:
            return nil
        }
    }

    // MARK: log

    static func log(min: Double, max: Double, unit: AxisUnit) -> Axis {
        switch unit {
        case .memory: return binaryLog(min: min, max: max)
        case .duration: return durationLog(min: min, max: max) ?? decimalLog(min: min, max: max, unit: unit)
        default: return decimalLog(min: min, max: max, unit: unit)
        }
    }

    /// Decades, with 2 and 5 gridlines when there is room, labelled only over a couple of decades.
    static func decimalLog(min: Double, max: Double, unit: AxisUnit) -> Axis {
        // Clamped so 10^e stays a normal, finite Double.
        var e0 = Swift.max(-307, Int(log10(min).rounded(.down))), e1 = Swift.min(308, Int(log10(max).rounded(.up)))
        if e0 >= e1 { e0 = Swift.min(e0, e1) - 1; e1 = e0 + 2 }   // a single exact decade: centre it
        if e1 > 308 { e0 -= e1 - 308; e1 = 308 }
        let decades = e1 - e0
        // Past ten decades, label every k-th so the labels never crowd.
        let every = Swift.max(1, Int((Double(decades) / 10).rounded(.up)))
        var ticks: [Tick] = []
        for e in e0...e1 {
            let v = pow(10, Double(e))
            ticks.append(Tick(value: v, label: (e - e0) % every == 0 ? label(v, unit: unit, step: v) : nil, major: true))
            if e < e1 && decades <= 6 {
                for m in [2.0, 5.0] {
                    let s = m * v
                    ticks.append(Tick(value: s, label: decades <= 2 ? label(s, unit: unit, step: v) : nil, major: false))
                }
            }
        }
        return Axis(scale: .log, unit: unit, lo: pow(10, Double(e0)), hi: pow(10, Double(e1)), ticks: ticks)
    }

    /// Durations on clock units: decades up to 10s, then 1min, 10min, 1h, 10h, 100h.
    /// Decades of seconds would read `1.67min`, `16.67min`.
    static func durationLog(min: Double, max: Double) -> Axis? {
        guard min >= 1e-9, max <= 1e12 else { return nil }
        var majors: [Double] = (-9...1).map { pow(10, Double($0)) } + [60, 600]
        var minors: [Double] = (-9...0).flatMap { e in [2.0, 5.0].map { $0 * pow(10, Double(e)) } } + [20, 30, 120, 300, 1200, 1800]
        for e in 0...8 {
            let h = 3600 * pow(10, Double(e))
            majors.append(h); minors += [2 * h, 5 * h]
        }
        guard let lo = majors.last(where: { $0 <= min }), var hi = majors.first(where: { $0 >= max }) else { return nil }
        if hi == lo, let next = majors.first(where: { $0 > lo }) { hi = next }
        let shown = majors.filter { $0 >= lo && $0 <= hi }
        let labelMinors = shown.count <= 3
        let every = Swift.max(1, Int((Double(shown.count - 1) / 10).rounded(.up)))
        var ticks = shown.enumerated().map { i, v in
            Tick(value: v, label: i % every == 0 ? label(v, unit: .duration, step: v) : nil, major: true)
        }
        if shown.count <= 7 {
            ticks += minors.filter { $0 > lo && $0 < hi }.map {
                Tick(value: $0, label: labelMinors ? label($0, unit: .duration, step: $0) : nil, major: false)
            }
        }
        return Axis(scale: .log, unit: .duration, lo: lo, hi: hi, ticks: ticks.sorted { $0.value < $1.value })
    }

    /// Memory sizes sit on powers of two (512MB, 1GB, 2GB), as providers sell them.
    static func binaryLog(min: Double, max: Double) -> Axis {
        var e0 = Swift.max(-1020, Int(log2(min).rounded(.down))), e1 = Swift.min(1023, Int(log2(max).rounded(.up)))
        if e0 >= e1 { e0 = Swift.min(e0, e1) - 1; e1 = e0 + 2 }
        if e1 > 1023 { e0 -= e1 - 1023; e1 = 1023 }
        let every = Swift.max(1, Int((Double(e1 - e0) / 10).rounded(.up)))
        let ticks = stride(from: e0, through: e1, by: 1).map { e -> Tick in
            let v = pow(2, Double(e))
            return Tick(value: v, label: (e - e0) % every == 0 ? label(v, unit: .memory, step: v) : nil, major: true)
        }
        return Axis(scale: .log, unit: .memory, lo: pow(2, Double(e0)), hi: pow(2, Double(e1)), ticks: ticks)
    }

    // MARK: labels

    /// Human tick label; `step` is the tick spacing, used only to pick decimals for plain numbers.
    static func label(_ v: Double, unit: AxisUnit, step: Double) -> String {
        let text = plainLabel(v, unit: unit, step: step)
        // Absurd magnitudes (`$1,000,000,000B`, `0`) would swamp the layout: fall back to `1e15`.
        let a = abs(v)
        return a != 0 && (text.count > 9 || a < 1e-6) ? scientific(v, unit: unit) : text
    }

    static func scientific(_ v: Double, unit: AxisUnit) -> String {
        let e = Int(log10(abs(v)).rounded(.down))
        var m = Format.grouped(v / pow(10, Double(e)), maxFractionDigits: 2)
        var exponent = e
        if m == "10" || m == "-10" { m = v < 0 ? "-1" : "1"; exponent += 1 }   // 9.999 rounds up a decade
        let body = m + "e" + String(exponent)
        switch unit {
        case .money: return v < 0 ? "-$" + body.dropFirst() : "$" + body
        case .duration: return body + "s"
        case .memory: return body + "MB"
        case .count, .plain: return body
        }
    }

    static func plainLabel(_ v: Double, unit: AxisUnit, step: Double) -> String {
        switch unit {
        case .count: return Format.count(v)
        case .duration: return v == 0 ? "0s" : v < 0 ? "-" + Format.duration(-v) : Format.duration(v)   // "0ms" reads oddly beside "5s"
        case .memory: return v < 0 ? "-" + Format.memory(-v) : Format.memory(v)
        case .money: return Format.compactMoney(v)
        case .plain:
            if abs(v) >= 1e4 { return Format.count(v) }   // 10k, 2M: "10,000,000" crowds an axis
            let digits = step > 0 && step.isFinite ? Swift.max(0, Swift.min(12, Int((-log10(step)).rounded(.up)) + 1)) : 3
            return Format.grouped(v, maxFractionDigits: digits)
        }
    }
}
