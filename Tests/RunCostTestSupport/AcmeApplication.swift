import Foundation

/// A small inline provider (`acme`) with a front door, two databases and egress, so the application
/// figures of the CLI and TUI tests are hand-worked where they are asserted and independent of the
/// bundled service tables (whose published examples are ServicePublishedExamplesTests').
public enum AcmeApplication {
    public static let services = """
    provider: acme
    currency: USD
    services:
      - { id: acme-gateway, name: Acme Gateway, category: front-door, region: r, as_of: 2026-09-20, source: "https://e.com/gw",
          limits: { max_duration: 30s }, meters: [{ name: API calls, measure: requests, per: 1M, price: 1.00 }] }
      - id: acme-kv
        name: Acme KV
        category: data
        region: r
        as_of: 2026-09-20
        source: https://e.com/kv
        meters:
          - { name: reads, measure: reads, per: 1M, price: 0.25, chunk: 4KB }
          - { name: writes, measure: writes, per: 1M, price: 1.25, chunk: 1KB }
          - { name: storage, measure: storage, price: 0.25 }
      - id: acme-sql
        name: Acme SQL
        category: data
        region: r
        as_of: 2026-09-20
        source: https://e.com/sql
        verified: false
        capacity_limit: { measure: reads, per_second: 100 }
        meters:
          - { name: instance-hours, measure: hours, price: 0.10 }
          - { name: storage, measure: storage, price: 0.115 }
      - { id: acme-egress, name: Acme egress, category: egress, region: r, as_of: 2026-09-20, source: "https://e.com/out",
          meters: [{ name: data out, measure: egress, price: 0.09, free: 100 }] }
    """

    public static let compute = """
    provider: acme
    currency: USD
    stack: { data: acme-kv, egress: acme-egress }
    offerings:
      - id: acme-fn
        name: Acme Functions
        kind: serverless
        region: r
        as_of: 2026-09-20
        source: https://e.com/fn
        stack: { front_door: acme-gateway }
        billing: { model: per-request, per_million_requests: 0.20 }
      - id: acme-box
        name: Acme Box
        kind: vm
        region: r
        as_of: 2026-09-20
        source: https://e.com/box
        billing: { model: provisioned, hourly: 0.01, vcpu: 2, memory: 4GB }
    """

    /// 10M requests of 100ms and 128MB, 8KB responses; 2 reads and 0.5 writes a request, 20GB stored.
    public static let workload = """
    requests: 10M
    duration: 100ms
    memory: 128MB
    response_size: 8KB
    data: { reads_per_request: 2, writes_per_request: 0.5, storage: 20GB }
    """

    /// Writes `pricing/services-acme.yaml`, `pricing/acme.yaml` and `workload.yaml` into `dir`.
    @discardableResult
    public static func write(into dir: URL, workload: String = workload) throws -> (tables: URL, workload: URL) {
        let tables = dir.appendingPathComponent("pricing")
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try services.write(to: tables.appendingPathComponent("services-acme.yaml"), atomically: true, encoding: .utf8)
        try compute.write(to: tables.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("workload.yaml")
        try workload.write(to: file, atomically: true, encoding: .utf8)
        return (tables, file)
    }
}
