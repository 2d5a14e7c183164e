import Foundation
import RunCostCore

/// Writes a `Workload` as a workload file that `WorkloadSpec(file:)` reads back to the same values.
/// Numbers are written in a human unit when that unit parses back to exactly the same Double,
/// otherwise in the base unit, so saving never drifts a value.
public enum WorkloadWriter {
    /// The YAML text. `tracePath` is written as `trace:` when the traffic is a trace (a trace's counts
    /// live in their own file); without it a trace workload cannot be written.
    public static func yaml(_ w: Workload, name: String? = nil, description: String? = nil,
                            tracePath: String? = nil, comment: String? = nil) throws -> String {
        var out = ""
        if let comment { out += YAMLText.comment(comment) }
        func field(_ key: WorkloadField, _ value: String) { out += "\(key.rawValue): \(value)\n" }
        if let name, !name.isEmpty { field(.name, YAMLText.quoted(name)) }
        if let description, !description.isEmpty { field(.description, YAMLText.quoted(description)) }
        field(.requests, YAMLText.count(w.requestsPerMonth))
        field(.duration, YAMLText.duration(w.duration))
        if let cpu = w.cpuTime { field(.cpuTime, YAMLText.duration(cpu)) }
        field(.memory, YAMLText.memory(w.memoryMiB))
        if let vcpu = w.vcpu { field(.vcpu, YAMLText.number(vcpu)) }
        field(.concurrency, YAMLText.number(w.concurrency))
        if let arch = w.arch { field(.arch, arch.rawValue) }
        if let runtime = w.runtime { field(.runtime, runtime.rawValue) }
        if w.snapStart { field(.snapStart, "true") }
        if let limit = w.maxColdStartShare { field(.maxColdStartRate, YAMLText.number(limit)) }
        if let storage = w.ephemeralStorageMiB { field(.ephemeralStorage, YAMLText.memory(storage)) }
        // Payload is read in memory units (MiB) and kept in KiB; dividing by 1024 is exact.
        if let payload = w.payloadKiB { field(.payload, YAMLText.memory(payload / 1024)) }
        if w.hoursPerMonth != 730 { field(.hours, YAMLText.number(w.hoursPerMonth)) }
        if let n = w.instances { field(.instances, YAMLText.number(n)) }
        if let n = w.minInstances { field(.minInstances, YAMLText.number(n)) }
        if w.targetUtilization != 0.7 { field(.targetUtilization, YAMLText.number(w.targetUtilization)) }
        if case .trace = w.traffic {
            guard let tracePath else {
                throw InputError(nil, "a workload with a traffic trace needs the trace file's path to be saved")
            }
            field(.trace, YAMLText.quoted(tracePath))
        } else {
            field(.traffic, w.traffic.name)
        }
        if let peak = w.peakToAverage { field(.peakToAverage, YAMLText.number(peak)) }
        if w.fixedFleet { field(.fixedFleet, "true") }
        field(.freeTier, w.freeTier ? "true" : "false")
        if w.commitment.term != .none { field(.commitment, w.commitment.term.rawValue) }
        if let plan = w.commitment.plan { field(.commitmentPlan, YAMLText.quoted(plan)) }
        if let amount = w.commitment.amountPerHour { field(.commitAmount, YAMLText.number(amount)) }
        if w.spot { field(.spot, "true") }
        if w.run != .service { field(.run, w.run.rawValue) }
        if let disk = w.diskMiB { field(.disk, YAMLText.memory(disk)) }
        if !w.publicIP { field(.publicIP, "false") }
        if let app = w.application { out += application(app, scope: w.scope) }
        return out
    }

    /// The application section (docs/workloads.md "Application"); sizes are GB, written in MB/GB.
    static func application(_ app: Application, scope: CostScope) -> String {
        var out = ""
        func size(_ gb: Double) -> String { YAMLText.memory(gb * 1024) }
        func choice(_ c: ServiceChoice) -> String { c == .auto ? "auto" : YAMLText.quoted(c.text) }
        if scope != .application { out += "scope: \(scope.rawValue)\n" }
        out += "front_door: \(choice(app.frontDoor))\n"
        if app.responseSizeGB > 0 { out += "response_size: \(size(app.responseSizeGB))\n" }
        if app.egressGB > 0 { out += "egress: \(size(app.egressGB))\n" }
        if let d = app.data {
            out += "data:\n  service: \(choice(d.service))\n  reads_per_request: \(YAMLText.number(d.readsPerRequest))\n"
                + "  writes_per_request: \(YAMLText.number(d.writesPerRequest))\n  item_size: \(size(d.itemSizeGB))\n"
                + "  storage: \(size(d.storageGB))\n"
        }
        if let e = app.events {
            out += "events:\n  service: \(choice(e.service))\n  per_request: \(YAMLText.number(e.perRequest))\n  size: \(size(e.sizeGB))\n"
        }
        if let u = app.users {
            out += "users:\n  service: \(choice(u.service))\n  monthly_active: \(YAMLText.count(u.monthlyActive))\n"
        }
        if let h = app.hosting {
            out += "hosting:\n  service: \(choice(h.service))\n  storage: \(size(h.storageGB))\n  transfer: \(size(h.transferGB))\n"
        }
        return out
    }
}

/// Scalars for hand-written YAML that runcost's readers parse back exactly.
enum YAMLText {
    /// `# ` lines for a comment. Split at every line-break scalar: "\r\n" is one Character, so a
    /// Character split at "\n" keeps it whole, and YAML ends a line at a lone CR (or NEL, LS, PS)
    /// too; the rest of such a "comment" would be read as fields. Other controls are neutralised.
    static func comment(_ text: String) -> String {
        var lines: [String] = [], line = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) { lines.append(String(line)); line = .init() }
            else { line.append(scalar) }
        }
        lines.append(String(line))
        return lines.map { "# " + SafeText.neutralised($0) + "\n" }.joined()
    }

    /// A double-quoted YAML string (always quoted, so `no`, `1e3` or `#x` stay text).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(format: "%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The shortest text that reads back as exactly `v` (Swift's round-trip description, without `.0`).
    static func number(_ v: Double) -> String {
        var text = "\(v)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `v` in the first of `units` whose text parses back to exactly `v`; else the base unit.
    static func exact(_ v: Double, _ kind: Quantity.Kind, _ units: [(String, Double)], base: String) -> String {
        for (unit, factor) in units {
            let scaled = v / factor
            guard scaled >= 1 else { continue }
            // 0.12 / 0.001 is 119.99999999999999; the rounded 120 may still read back exactly.
            let rounded = (scaled * 1e6).rounded() / 1e6
            for candidate in [rounded, scaled] {
                // Only short numbers are worth a unit: `120ms`, `1.5GB`, not `0.0001h`.
                let text = number(candidate)
                guard text.count <= 9, !text.contains("e") else { continue }
                if case .success(let back) = Quantity.parse(text + unit, as: kind), back == v { return text + unit }
            }
        }
        return number(v) + base
    }

    static func count(_ v: Double) -> String {
        exact(v, .count, [("B", 1e9), ("M", 1e6), ("k", 1e3)], base: "")
    }

    static func duration(_ seconds: Double) -> String {
        exact(seconds, .duration, [("h", 3600), ("min", 60), ("s", 1), ("ms", 0.001)], base: "s")
    }

    static func memory(_ mib: Double) -> String {
        exact(mib, .memory, [("GB", 1024), ("MB", 1)], base: "MB")
    }

    /// A price read back as `text / divisor`: the neighbour of `v × divisor` that divides back to `v`.
    static func scaledPrice(_ v: Double, times divisor: Double) -> String {
        let m = v * divisor
        for candidate in [m, m.nextUp, m.nextDown] where candidate / divisor == v { return number(candidate) }
        return number(m)
    }
}
