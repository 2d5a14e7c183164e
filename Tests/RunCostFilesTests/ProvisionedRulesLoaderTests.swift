import Foundation
import Testing
import RunCostTestSupport
import RunCostCore
@testable import RunCostFiles

/// Every new provisioned field is validated: a bad value is a file:line:column error.
@Suite struct ProvisionedRulesLoaderTests {
    func load(_ billingExtra: String) throws -> Offering {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.yaml").path
        let text = AcmeTable.offering("acme-vm", name: "Acme VM", kind: "vm", """
            billing:
              model: provisioned
              hourly: 0.0208
              vcpu: 2
              memory: 2GB
        \(billingExtra.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))

        """)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try Catalog.load([path]).offerings[0]
    }

    func error(_ billingExtra: String) -> String {
        do { _ = try load(billingExtra); return "no error" } catch { return "\(error)".replacingOccurrences(of: #"^.*/t\.yaml"#, with: "t.yaml", options: .regularExpression) }
    }

    @Test func readsEveryRule() throws {
        let o = try load("""
        burstable: { baseline: 20%, surplus_vcpu_hour: 0.05 }
        reserved_memory: 256MB
        max_instances: 1
        autoscaling: false
        boot_disk: { size: 8GB, gb_month: 0.08 }
        public_ipv4_hour: 0.005
        ephemeral_storage: { included: 20GB, gb_hour: 0.000111 }
        sustained_use: [1, 80%, 0.6, 0.4]
        jobs: { startup: 30s, only: true }
        free: { instance_hours: 730, vcpu_seconds: 1, gb_seconds: 2, disk_gb_months: 30, credit: 74.40 }
        management_fee: 15%
        per_million_requests: 0.20
        prewarmed_instances: 1
        """)
        guard case .provisioned(let p) = o.billing else { Issue.record("not provisioned"); return }
        var r = ProvisionedRules()
        r.burstable = .init(baseline: 0.2, surplusVCPUHour: 0.05)
        r.reservedMemoryMiB = 256; r.maxInstances = 1; r.autoscaling = false
        r.bootDisk = .init(sizeGB: 8, gbMonth: 0.08); r.publicIPv4Hour = 0.005
        r.ephemeralStorage = .init(includedMiB: 20480, gbHour: 0.000111)
        r.sustainedUse = [1, 0.8, 0.6, 0.4]
        r.jobs = .init(startup: 30, only: true)
        r.free = .init(instanceHours: 730, vcpuSeconds: 1, gbSeconds: 2, diskGBMonths: 30, credit: 74.40)
        r.managementFee = 0.15; r.requestPrice = 0.20 / 1e6; r.prewarmedInstances = 1
        #expect(p.rules == r)
    }

    @Test func badValuesAreLocated() {
        #expect(error("burstable: { baseline: 150% }").hasPrefix("t.yaml:15:30: baseline:"))
        #expect(error("burstable: { surplus_vcpu_hour: 0.05 }").contains("baseline"))
        #expect(error("burstable: { baseline: 20%, price: 1 }").hasPrefix("t.yaml:15:"))
        #expect(error("max_instances: 1.5").hasPrefix("t.yaml:15:22: max_instances: expected a whole number"))
        #expect(error("autoscaling: sometimes").hasPrefix("t.yaml:15:20:"))
        #expect(error("boot_disk: { size: 8GB }").contains("gb_month"))
        #expect(error("public_ipv4_hour: five").hasPrefix("t.yaml:15:25:"))
        #expect(error("sustained_use: [0.6, 0.8, 0.8, 0.8]").hasPrefix("t.yaml:15:22: sustained_use: shares must not rise"))
        #expect(error("sustained_use: [1, 0.8]").hasPrefix("t.yaml:15:22: sustained_use: expected four shares"))
        #expect(error("sustained_use: []").hasPrefix("t.yaml:15:22: sustained_use:"))
        #expect(error("jobs: { startup: -1s }").hasPrefix("t.yaml:15:"))
        #expect(error("free: { credit: lots }").hasPrefix("t.yaml:15:"))
        #expect(error("reserved_memory: 1e400").hasPrefix("t.yaml:15:24:"))
        #expect(error("management_fee: 150%").hasPrefix("t.yaml:15:23: management_fee:"))
        #expect(error("per_million_requests: -0.2").hasPrefix("t.yaml:15:29: per_million_requests:"))
        #expect(error("prewarmed_instances: 0.5").hasPrefix("t.yaml:15:28: prewarmed_instances: expected a whole number"))
    }
}
