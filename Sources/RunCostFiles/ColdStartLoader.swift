import Foundation
import RunCostCore
import Yams

/// Reads cold-start tables: YAML files whose root holds `cold_starts:` instead of `offerings:`
/// (format: docs/pricing-format.md "Cold-start tables"). They sit in pricing folders beside the
/// price tables and layer the same way: a later row wins for the offerings it names.
enum ColdStartLoader {
    static let rowFields = ["platform", "category", "offerings", "keep_alive", "keep_alive_source", "instance_concurrency",
                            "start_up", "source", "start_up_billed", "verified", "notes"]
    static let anyRuntime = "any"

    /// True when the file is a cold-start table rather than a price table.
    static func isColdStartTable(_ yaml: YAMLFile) -> Bool {
        guard case .mapping(let mapping) = yaml.root else { return false }
        return mapping.keys.contains { $0.scalar?.string == "cold_starts" }
    }

    static func load(_ yaml: YAMLFile) throws -> [ColdStartProfile] {
        var table = try yaml.mapping(yaml.root, "a cold-start table")
        let rows = try yaml.sequence(table.required("cold_starts"), "cold_starts")
        try table.rejectUnknown(known: ["cold_starts"])
        return try rows.map { try loadRow(yaml, $0) }
    }

    static func loadRow(_ yaml: YAMLFile, _ node: Node) throws -> ColdStartProfile {
        var f = try yaml.mapping(node, "a cold-start row")
        let platform = try yaml.string(f.required("platform"), "platform")
        let category = try yaml.choice(f.required("category"), "category", StartUpCategory.self)
        let offerings: [String] = try f.optional("offerings").map { list in
            try yaml.sequence(list, "offerings").map { item -> String in
                let id = try yaml.string(item, "offerings")
                let body = id.hasSuffix("*") ? String(id.dropLast()) : id
                guard !body.isEmpty, body.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }) else {
                    throw InputError(yaml.origin(of: item), "offerings: expected an offering id or an id prefix ending in '*' (like aws-ec2-*), got '\(id)'")
                }
                return id
            }
        } ?? []

        var keepAlive: Double?
        if let node = f.optional("keep_alive") {
            let text = try yaml.string(node, "keep_alive")
            keepAlive = text == "never" ? .infinity : try yaml.quantity(node, "keep_alive", .duration, Ranges.positiveDuration)
        }
        let keepAliveSource = try f.optional("keep_alive_source").map { try url($0, "keep_alive_source", yaml) }
        if let keepAlive, keepAlive.isFinite, keepAliveSource == nil {
            throw InputError(yaml.origin(of: node), "a cold-start row with a keep_alive time needs keep_alive_source (the URL it was read from)")
        }
        let concurrency = try f.optional("instance_concurrency").map { try yaml.quantity($0, "instance_concurrency", .count, Ranges.concurrency) }

        var startUp: [Runtime: Double] = [:], anyRuntimeSeconds: Double?
        if let table = f.optional("start_up") {
            var g = try yaml.mapping(table, "start_up")
            let names = Runtime.allCases.map(\.rawValue) + [Self.anyRuntime]
            for key in names {
                guard let value = g.optional(key) else { continue }
                let seconds = try yaml.quantity(value, "start_up.\(key)", .duration, Ranges.duration)
                if let runtime = Runtime(rawValue: key) { startUp[runtime] = seconds } else { anyRuntimeSeconds = seconds }
            }
            try g.rejectUnknown(known: names)   // an unknown runtime, with the nearest name
        }
        guard keepAlive != nil || !startUp.isEmpty || anyRuntimeSeconds != nil else {
            throw InputError(yaml.origin(of: node), "a cold-start row needs keep_alive, start_up or both")
        }
        let source = try url(f.required("source"), "source", yaml)
        let billedNode = f.optional("start_up_billed")
        let billed = try billedNode.map { try url($0, "start_up_billed", yaml) }
        if let billedNode, startUp.isEmpty, anyRuntimeSeconds == nil {
            throw InputError(yaml.origin(of: billedNode), "start_up_billed needs start_up times to bill")
        }
        let verified = try f.optional("verified").map { try yaml.bool($0, "verified") } ?? true
        let notes = try f.optional("notes").map { try yaml.scalar($0, "notes") } ?? ""
        try f.rejectUnknown(known: rowFields)
        return ColdStartProfile(platform: platform, category: category, offerings: offerings, keepAlive: keepAlive,
                                keepAliveSource: keepAliveSource, instanceConcurrency: concurrency, startUp: startUp,
                                startUpAnyRuntime: anyRuntimeSeconds, source: source, startUpBillingSource: billed,
                                verified: verified, notes: notes)
    }

    static func url(_ node: Node, _ what: String, _ yaml: YAMLFile) throws -> String {
        try yaml.url(node, what, expected: "the URL the figure was read from")
    }
}

extension Catalog {
    /// Gives each offering the last cold-start row that names it (later layers and rows win).
    static func attaching(_ profiles: [ColdStartProfile], to offerings: [Offering]) -> [Offering] {
        offerings.map { offering in
            var copy = offering
            copy.coldStart = profiles.last { $0.matches(offering.id) }
            return copy
        }
    }
}

/// `--runtime` and the workload's `runtime:` field, with a suggestion for typos.
public enum RuntimeName {
    public static func parse(_ text: String, origin: Origin) throws -> Runtime {
        try Fields.choice(text, "runtime", Runtime.self, origin)
    }
}
