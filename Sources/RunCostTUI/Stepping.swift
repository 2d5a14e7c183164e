import Foundation
import RunCostCore
import RunCostFiles

/// Left/Right steps and typed values for each workload input. Volumes and durations move along
/// round numbers about ×1.25 apart (…, 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, …); memory along the
/// sizes platforms offer (…, 256, 384, 512, 768, 1024MB, …). Errors are messages for the user.
enum Stepping {
    static let mantissas: [Double] = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]

    /// The next round number above (`up`) or below `v`.
    static func nice(_ v: Double, up: Bool, whole: Bool = false) -> Double {
        guard v > 0 else { return up ? 1 : 0 }
        let decade = Int(floor(log10(v)))
        var candidates: [Double] = []
        for k in (decade - 1)...(decade + 1) {
            for m in mantissas {
                // Divide for negative powers: 1.5 / 10 is 0.15, 1.5 × 0.1 is not.
                let c = k >= 0 ? m * pow(10, Double(k)) : m / pow(10, Double(-k))
                candidates.append(whole ? c.rounded() : c)
            }
        }
        let tolerance = 1e-9 * v
        if up { return candidates.filter { $0 > v + tolerance }.min() ?? v * 1.25 }
        return candidates.filter { $0 < v - tolerance && $0 > 0 }.max() ?? v / 1.25
    }

    /// Memory sizes: 1 and 1.5 times powers of two MiB.
    static func memory(_ v: Double, up: Bool) -> Double {
        let exponent = Int(floor(log2(max(v, 1))))
        var candidates: [Double] = []
        for k in (exponent - 1)...(exponent + 1) {
            let base = pow(2, Double(k))
            candidates += [base, base * 1.5]
        }
        let tolerance = 1e-9 * v
        if up { return candidates.filter { $0 > v + tolerance }.min() ?? v * 2 }
        return candidates.filter { $0 < v - tolerance }.max() ?? v / 2
    }

    static let vcpuSizes: [Double] = [0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64]
    /// Cold-start limits, strictest first; → loosens towards none (no limit).
    static let coldStartLimits: [Double?] = [0, 0.0001, 0.001, 0.005, 0.01, 0.05, 0.1, nil]

    static func traffics(_ traceCounts: TraceLoad?) -> [TrafficShape] {
        [.constant, .diurnal, .businessHours, .bursty] + (traceCounts.map { [.trace($0)] } ?? [])
    }

    /// The workload with `field` moved one step, or why it cannot move.
    static func step(_ field: InputField, _ w: Workload, up: Bool, traceCounts: TraceLoad?) -> Result<Workload, StepError> {
        var w = w
        /// The stepped value kept in range; an error only when the value already sits at the edge.
        func clamp(_ v: Double, _ range: ClosedRange<Double>, _ what: String) throws(StepError) -> Double {
            if v > range.upperBound {
                guard w.value(field) < range.upperBound * (1 - 1e-12) else { throw StepError("\(what) is at its maximum") }
                return range.upperBound
            }
            if v < range.lowerBound {
                guard w.value(field) > range.lowerBound * (1 + 1e-12) else { throw StepError("\(what) is at its minimum") }
                return range.lowerBound
            }
            return v
        }
        do throws(StepError) {
            switch field {
            case .requests:
                w.requestsPerMonth = try clamp(nice(w.requestsPerMonth, up: up), 1...1e15, "requests")
            case .rps:
                SweepParameter.rps.set(try clamp(nice(w.averageRPS, up: up), 1e-6...1e9, "rps"), on: &w)
            case .duration:
                w.duration = try clamp(nice(w.duration, up: up), 1e-4...(31 * 86400), "duration")
            case .cpuTime:
                w.cpuTime = try clamp(nice(w.cpuSecondsPerRequest, up: up), 1e-5...(31 * 86400), "CPU time")
            case .memory:
                w.memoryMiB = try clamp(memory(w.memoryMiB, up: up), 64...1_048_576, "memory")
            case .vcpu:
                if let v = w.vcpu {
                    let next = up ? vcpuSizes.first { $0 > v * (1 + 1e-9) } : vcpuSizes.last { $0 < v * (1 - 1e-9) }
                    if next == nil && up { return .failure(StepError("vCPU is at its maximum")) }
                    w.vcpu = next   // below the smallest size: back to the platform default
                } else {
                    guard up else { return .failure(StepError("vCPU is the platform default; → sets a size")) }
                    w.vcpu = vcpuSizes[0]
                }
            case .concurrency:
                w.concurrency = try clamp(nice(w.concurrency, up: up, whole: true), 1...1e6, "concurrency")
            case .traffic:
                let shapes = traffics(traceCounts)
                let index = shapes.firstIndex { $0.name == w.traffic.name } ?? 0
                w.traffic = shapes[(index + (up ? 1 : shapes.count - 1)) % shapes.count]
                // A diurnal day cannot peak at 24× its average or more (see WorkloadSpec.build).
                if w.traffic == .diurnal, let p = w.peakToAverage, p >= 24 { w.peakToAverage = nil }
            case .peakToAverage:
                switch w.traffic {
                case .businessHours, .trace:
                    return .failure(StepError("peak-to-average is fixed by the \(w.traffic.name) shape; change traffic first"))
                case .constant:
                    guard up else { return .failure(StepError("constant traffic is already flat")) }
                    w.traffic = .diurnal
                    w.peakToAverage = nice(1, up: true)
                case .diurnal, .bursty:
                    let limit = w.traffic == .diurnal ? 20.0 : 1e6
                    let current = w.profile.peakMultiplier
                    let next = nice(current, up: up)
                    if next < 1 + 1e-9 || (!up && current <= 1 + 1e-9) {
                        return .failure(StepError("peak-to-average is at its minimum (1 = flat)"))
                    }
                    w.peakToAverage = try clamp(next, 1...limit, "peak-to-average")
                }
            case .hours:
                w.hoursPerMonth = try clamp(nice(w.hoursPerMonth, up: up), 1...744, "hours per month")
            case .instances:
                if let n = w.instances {
                    let next = nice(n, up: up, whole: true)
                    if !up && n <= 1 { w.instances = nil } else if next > 1e6 { return .failure(StepError("instances is at its maximum")) } else { w.instances = next }
                } else {
                    guard up else { return .failure(StepError("instances is automatic; → fixes a fleet size")) }
                    w.instances = 1
                }
            case .freeTier:
                w.freeTier.toggle()
            case .arch:
                let order: [Arch?] = [nil, .x86, .arm]
                let index = order.firstIndex { $0 == w.arch } ?? 0
                w.arch = order[(index + (up ? 1 : order.count - 1)) % order.count]
            case .runtime:
                let order: [Runtime?] = [nil] + Runtime.allCases
                let index = order.firstIndex { $0 == w.runtime } ?? 0
                w.runtime = order[(index + (up ? 1 : order.count - 1)) % order.count]
            case .maxColdStartRate:
                let current = w.maxColdStartShare
                let next: Int
                if let index = coldStartLimits.firstIndex(where: { $0 == current }) {
                    next = index + (up ? 1 : -1)
                } else {   // a typed value between steps: the neighbouring step
                    let above = coldStartLimits.firstIndex { ($0 ?? .infinity) > current ?? .infinity } ?? coldStartLimits.count - 1
                    next = up ? above : above - 1
                }
                guard coldStartLimits.indices.contains(next) else {
                    return .failure(StepError(up ? "max cold is already none (no limit)" : "max cold is already 0%"))
                }
                w.maxColdStartShare = coldStartLimits[next]
            case .run:
                w.run = w.run == .service ? .job : .service
            case .disk:
                if let disk = w.diskMiB {
                    let next = nice(disk, up: up)
                    w.diskMiB = !up && disk <= 1024 ? nil : try clamp(next, 1024...Ranges.memory.upperBound, "VM disk")
                } else {
                    guard up else { return .failure(StepError("VM disk is the table's default; → sets a size")) }
                    w.diskMiB = 10 * 1024
                }
            case .commitment:
                CommitmentStepping.step(&w, up: up)
            case .scope, .responseSize, .readsPerRequest, .writesPerRequest, .storage, .eventsPerRequest, .monthlyActiveUsers:
                try ApplicationStepping.step(field, &w, up: up)
            }
        } catch {
            return .failure(error)
        }
        return .success(w)
    }

    /// The workload with `field` set from typed text, validated like the same field in a workload file.
    static func parse(_ field: InputField, _ text: String, _ w: Workload, traceCounts: TraceLoad?) -> Result<Workload, StepError> {
        var w = w
        let text = text.trimmingCharacters(in: .whitespaces)
        let word = text.lowercased()
        let origin = Origin.flag(field.label)
        do {
            switch field {
            case .requests: w.requestsPerMonth = try SweepParameter.requests.parse(text, origin: origin)
            case .rps: SweepParameter.rps.set(try SweepParameter.rps.parse(text, origin: origin), on: &w)
            case .duration: w.duration = try SweepParameter.duration.parse(text, origin: origin)
            case .memory: w.memoryMiB = try SweepParameter.memory.parse(text, origin: origin)
            case .cpuTime:
                w.cpuTime = ["default", "duration", "="].contains(word) ? nil : try SweepParameter.cpuTime.parse(text, origin: origin)
            case .vcpu:
                w.vcpu = ["default", "auto"].contains(word) ? nil : try Fields.check(text, "vcpu", .number, Ranges.vcpu, origin)
            case .concurrency:
                let n = try SweepParameter.concurrency.parse(text, origin: origin)
                guard n == n.rounded() else { return .failure(StepError("concurrency: expected a whole number, got '\(text)'")) }
                w.concurrency = n
            case .traffic:
                guard let shape = traffics(traceCounts).first(where: { $0.name == word }) else {
                    let names = traffics(traceCounts).map(\.name)
                    return .failure(StepError("traffic: expected one of \(names.joined(separator: ", ")), got '\(text)'" + Suggestion.hint(word, in: names)))
                }
                w.traffic = shape
                if w.traffic == .diurnal, let p = w.peakToAverage, p >= 24 { w.peakToAverage = nil }
            case .peakToAverage:
                let p = try SweepParameter.peakToAverage.parse(text, origin: origin)
                switch w.traffic {
                case .businessHours, .trace:
                    return .failure(StepError("peak-to-average is fixed by the \(w.traffic.name) shape; change traffic first"))
                case .constant: w.traffic = .diurnal
                case .diurnal, .bursty: break
                }
                if w.traffic == .diurnal, p >= 24 {
                    return .failure(StepError("peak-to-average: a diurnal day peaks at most 24 × its average (one busy hour); got \(Format.grouped(p))"))
                }
                w.peakToAverage = p
            case .hours: w.hoursPerMonth = try SweepParameter.hours.parse(text, origin: origin)
            case .instances:
                if ["auto", "none", "0"].contains(word) { w.instances = nil; break }
                let n = try SweepParameter.instances.parse(text, origin: origin)
                guard n == n.rounded() else { return .failure(StepError("instances: expected a whole number, got '\(text)'")) }
                w.instances = n
            case .freeTier:
                switch word {
                case "on", "true", "yes": w.freeTier = true
                case "off", "false", "no": w.freeTier = false
                default: return .failure(StepError("free tier: expected on or off, got '\(text)'"))
                }
            case .arch:
                switch word {
                case "any", "both", "all": w.arch = nil
                default:
                    guard let arch = Arch(rawValue: word) else { return .failure(StepError("arch: expected x86, arm or any, got '\(text)'")) }
                    w.arch = arch
                }
            case .runtime:
                w.runtime = ["any", "none", "default"].contains(word) ? nil : try RuntimeName.parse(word, origin: origin)
            case .maxColdStartRate:
                w.maxColdStartShare = ["none", "off", "any"].contains(word) ? nil : try Fields.check(text, "max cold", .fraction, 0...1, origin)
            case .run:
                guard let mode = RunMode(rawValue: word) else { return .failure(StepError("run: expected service or job, got '\(text)'")) }
                w.run = mode
            case .disk:
                w.diskMiB = ["default", "auto"].contains(word) ? nil : try Fields.check(text, "disk", .memory, Ranges.positiveMemory, origin)
            case .commitment:
                if let problem = CommitmentStepping.parse(word, &w) { return .failure(StepError(problem)) }
            case .scope, .responseSize, .readsPerRequest, .writesPerRequest, .storage, .eventsPerRequest, .monthlyActiveUsers:
                try ApplicationStepping.parse(field, text, &w, origin: origin)
            }
        } catch let error as InputError {
            return .failure(StepError(error.message))
        } catch let error as StepError {
            return .failure(error)
        } catch {
            return .failure(StepError("\(error)"))
        }
        return .success(w)
    }
}

struct StepError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

extension Workload {
    /// The numeric value behind a field, for clamping.
    func value(_ field: InputField) -> Double {
        switch field {
        case .requests: requestsPerMonth
        case .rps: averageRPS
        case .duration: duration
        case .cpuTime: cpuSecondsPerRequest
        case .memory: memoryMiB
        case .vcpu: vcpu ?? 0
        case .concurrency: concurrency
        case .peakToAverage: profile.peakMultiplier
        case .hours: hoursPerMonth
        case .instances: instances ?? 0
        case .maxColdStartRate: maxColdStartShare ?? 0
        case .traffic, .freeTier, .arch, .runtime, .run, .commitment: 0
        case .disk: diskMiB ?? 0
        case .scope: 0
        case .responseSize: (application?.responseSizeGB ?? 0) * 1024
        case .readsPerRequest: application?.data?.readsPerRequest ?? 0
        case .writesPerRequest: application?.data?.writesPerRequest ?? 0
        case .storage: (application?.data?.storageGB ?? 0) * 1024
        case .eventsPerRequest: application?.events?.perRequest ?? 0
        case .monthlyActiveUsers: application?.users?.monthlyActive ?? 0
        }
    }
}
