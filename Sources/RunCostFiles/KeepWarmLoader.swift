import RunCostCore
import Yams

/// The keeping-warm blocks of a per-request offering's `billing` (docs/pricing-format.md).
enum KeepWarmLoader {
    static let fields = ["provisioned_concurrency", "snapstart"]

    static func load(_ yaml: YAMLFile, _ billing: inout Fields, into p: inout PerRequestPricing) throws {
        if let node = billing.optional("provisioned_concurrency") {
            var f = try yaml.mapping(node, "provisioned_concurrency")
            p.provisionedConcurrency = ProvisionedConcurrencyPricing(
                gbSecond: try yaml.quantity(f.required("gb_second"), "gb_second", .number, Ranges.price),
                durationGBSecond: try yaml.quantity(f.required("duration_gb_second"), "duration_gb_second", .number, Ranges.price),
                increment: try f.optional("billing_increment").map { try yaml.quantity($0, "billing_increment", .duration, Ranges.positiveDuration) } ?? 300)
            try f.rejectUnknown()
        }
        if let node = billing.optional("snapstart") {
            var f = try yaml.mapping(node, "snapstart")
            p.snapStart = SnapStartPricing(
                cacheGBSecond: try yaml.quantity(f.required("cache_gb_second"), "cache_gb_second", .number, Ranges.price),
                restoreGB: try yaml.quantity(f.required("restore_gb"), "restore_gb", .number, Ranges.price),
                minimumCache: try f.optional("minimum_cache").map { try yaml.quantity($0, "minimum_cache", .duration, Ranges.duration) } ?? 3 * 3600)
            try f.rejectUnknown()
        }
    }
}
