import RunCostCore
import Yams

/// Reads and writes the provisioned billing rules (docs/pricing-format.md, "Provisioned rules"):
/// `burstable`, `reserved_memory`, `max_instances`, `autoscaling`, `boot_disk`,
/// `public_ipv4_hour`, `ephemeral_storage`, `sustained_use`, `jobs`, `free`, `management_fee`,
/// `per_million_requests`, `prewarmed_instances` and `instance_lifetime`.
extension PricingLoader {
    static let provisionedRuleFields = ["burstable", "reserved_memory", "max_instances", "autoscaling", "boot_disk",
                                        "public_ipv4_hour", "ephemeral_storage", "sustained_use", "jobs", "free",
                                        "management_fee", "per_million_requests", "prewarmed_instances", "instance_lifetime"]

    static func loadProvisionedRules(_ yaml: YAMLFile, _ f: inout Fields) throws -> ProvisionedRules {
        var rules = ProvisionedRules()
        if let node = f.optional("burstable") {
            var g = try yaml.mapping(node, "burstable")
            rules.burstable = .init(
                baseline: try yaml.quantity(g.required("baseline"), "baseline", .fraction, Ranges.baseline),
                surplusVCPUHour: try g.optional("surplus_vcpu_hour").map { try yaml.quantity($0, "surplus_vcpu_hour", .number, Ranges.price) })
            try g.rejectUnknown()
        }
        rules.reservedMemoryMiB = try f.optional("reserved_memory").map { try yaml.quantity($0, "reserved_memory", .memory, Ranges.memory) } ?? 0
        if let node = f.optional("max_instances") {
            let n = try yaml.quantity(node, "max_instances", .count, 1...1e6)
            guard n == n.rounded() else { throw InputError(yaml.origin(of: node), "max_instances: expected a whole number, got \(n)") }
            rules.maxInstances = n
        }
        rules.autoscaling = try f.optional("autoscaling").map { try yaml.bool($0, "autoscaling") } ?? true
        if let node = f.optional("boot_disk") {
            var g = try yaml.mapping(node, "boot_disk")
            rules.bootDisk = .init(sizeGB: try yaml.quantity(g.required("size"), "size", .memory, Ranges.memory) / 1024,
                                   gbMonth: try yaml.quantity(g.required("gb_month"), "gb_month", .number, Ranges.price))
            try g.rejectUnknown()
        }
        rules.publicIPv4Hour = try f.optional("public_ipv4_hour").map { try yaml.quantity($0, "public_ipv4_hour", .number, Ranges.price) } ?? 0
        if let node = f.optional("ephemeral_storage") {
            var g = try yaml.mapping(node, "ephemeral_storage")
            rules.ephemeralStorage = .init(includedMiB: try yaml.quantity(g.required("included"), "included", .memory, Ranges.memory),
                                           gbHour: try yaml.quantity(g.required("gb_hour"), "gb_hour", .number, Ranges.price))
            try g.rejectUnknown()
        }
        if let node = f.optional("sustained_use") {
            let steps = try yaml.sequence(node, "sustained_use").map { try yaml.quantity($0, "sustained_use", .fraction, 0...1) }
            guard steps.count == 4 else { throw InputError(yaml.origin(of: node), "sustained_use: expected four shares of list price, one per quarter of the month, e.g. [1, 0.8, 0.6, 0.4]") }
            guard zip(steps, steps.dropFirst()).allSatisfy({ $0 >= $1 }) else {
                throw InputError(yaml.origin(of: node), "sustained_use: shares must not rise through the month")
            }
            rules.sustainedUse = SustainedUse(steps[0], steps[1], steps[2], steps[3])
        }
        if let node = f.optional("jobs") {
            var g = try yaml.mapping(node, "jobs")
            rules.jobs = .init(startup: try yaml.quantity(g.required("startup"), "startup", .duration, Ranges.duration),
                               only: try g.optional("only").map { try yaml.bool($0, "only") } ?? false)
            try g.rejectUnknown()
        }
        if let node = f.optional("free") {
            var g = try yaml.mapping(node, "free")
            func count(_ key: String) throws -> Double { try g.optional(key).map { try yaml.quantity($0, key, .count, Ranges.count) } ?? 0 }
            rules.free = .init(instanceHours: try count("instance_hours"), vcpuSeconds: try count("vcpu_seconds"),
                               gbSeconds: try count("gb_seconds"), diskGBMonths: try count("disk_gb_months"),
                               credit: try g.optional("credit").map { try yaml.quantity($0, "credit", .number, Ranges.price) } ?? 0)
            try g.rejectUnknown()
        }
        rules.managementFee = try f.optional("management_fee").map { try yaml.quantity($0, "management_fee", .fraction, 0...1) } ?? 0
        if let node = f.optional("prewarmed_instances") {
            let n = try yaml.quantity(node, "prewarmed_instances", .count, 0...1e6)
            guard n == n.rounded() else { throw InputError(yaml.origin(of: node), "prewarmed_instances: expected a whole number, got \(n)") }
            rules.prewarmedInstances = n
        }
        rules.requestPrice = try f.optional("per_million_requests").map { try yaml.quantity($0, "per_million_requests", .number, Ranges.price) / 1e6 } ?? 0
        rules.instanceLifetime = try f.optional("instance_lifetime").map { try yaml.quantity($0, "instance_lifetime", .duration, Ranges.duration) } ?? 0
        return rules
    }
}

extension PricingWriter {
    static func provisionedRuleLines(_ r: ProvisionedRules) -> [(String, String)] {
        let n = YAMLText.number
        var lines: [(String, String)] = []
        if let b = r.burstable {
            lines.append(("burstable", "{ baseline: \(n(b.baseline))" + (b.surplusVCPUHour.map { ", surplus_vcpu_hour: \(n($0))" } ?? "") + " }"))
        }
        if r.reservedMemoryMiB > 0 { lines.append(("reserved_memory", YAMLText.memory(r.reservedMemoryMiB))) }
        if let m = r.maxInstances { lines.append(("max_instances", n(m))) }
        if !r.autoscaling { lines.append(("autoscaling", "false")) }
        if let d = r.bootDisk { lines.append(("boot_disk", "{ size: \(YAMLText.memory(d.sizeGB * 1024)), gb_month: \(n(d.gbMonth)) }")) }
        if r.publicIPv4Hour > 0 { lines.append(("public_ipv4_hour", n(r.publicIPv4Hour))) }
        if let s = r.ephemeralStorage {
            lines.append(("ephemeral_storage", "{ included: \(YAMLText.memory(s.includedMiB)), gb_hour: \(n(s.gbHour)) }"))
        }
        if let s = r.sustainedUse { lines.append(("sustained_use", "[" + s.steps.map(n).joined(separator: ", ") + "]")) }
        if let j = r.jobs { lines.append(("jobs", "{ startup: \(YAMLText.duration(j.startup))" + (j.only ? ", only: true" : "") + " }")) }
        if r.managementFee > 0 { lines.append(("management_fee", n(r.managementFee))) }
        if r.requestPrice > 0 { lines.append(("per_million_requests", n(r.requestPrice * 1e6))) }
        if r.prewarmedInstances > 0 { lines.append(("prewarmed_instances", n(r.prewarmedInstances))) }
        if !r.free.isEmpty {
            let f = r.free
            lines.append(("free", "{ instance_hours: \(n(f.instanceHours)), vcpu_seconds: \(n(f.vcpuSeconds)), gb_seconds: \(n(f.gbSeconds)), "
                                  + "disk_gb_months: \(n(f.diskGBMonths)), credit: \(n(f.credit)) }"))
        }
        if r.instanceLifetime > 0 { lines.append(("instance_lifetime", YAMLText.duration(r.instanceLifetime))) }
        return lines
    }
}
