import Foundation
import Testing
import RunCostTestSupport
import RunCostCore
@testable import RunCostFiles

/// The shared-instance rule fields are read and validated like every other table field: a bad or
/// missing value is a `file:line:column` error.
@Suite struct SharedInstanceFieldTests {
    static func table(_ billingExtra: String) -> String {
        AcmeTable.offering("acme-run", name: "Acme Run", kind: "container", """
            billing:
              model: shared-instance
              vcpu_second: 0.000024
              gib_second: 0.000003
        \(billingExtra)
        """)
    }

    func load(_ billingExtra: String) throws -> (Catalog, String) {
        let dir = try ScratchFolder.create()
        let path = dir.appendingPathComponent("acme.yaml").path
        try Self.table(billingExtra).write(toFile: path, atomically: true, encoding: .utf8)
        return (try Catalog.load([path]), path)
    }

    @Test func readsEveryRuleField() throws {
        let (catalog, _) = try load("""
              granularity: 1s
              instance_lifetime: 300s
              waiting_rate: active
              minimum_activity: 1s
              target_utilization: 0.6
              vcpu_for_memory: [{ above: 4GiB, vcpu: 2 }, { above: 8GiB, vcpu: 4 }]
              sizes: [{ vcpu: 1, memory: 2GiB }, { memory: 512MB }]
        """)
        guard case .sharedInstance(let p) = catalog.offerings[0].billing else { Issue.record("not shared-instance"); return }
        #expect(p.instanceLifetime == 300)
        #expect(p.waitingRate == .active)
        #expect(p.minimumActivity == 1)
        #expect(p.targetUtilization == 0.6)
        #expect(p.vcpuForMemory == VCPUForMemory(steps: [.init(aboveMiB: 4096, vcpu: 2), .init(aboveMiB: 8192, vcpu: 4)]))
        #expect(p.sizes == [AllowedSize(vcpu: 1, memoryMiB: 2048), AllowedSize(vcpu: nil, memoryMiB: 512)])
    }

    // Defaults: no lifetime, waits at the idle rate, no minimum period, CPU target 100%.
    @Test func defaults() throws {
        let (catalog, _) = try load("")
        guard case .sharedInstance(let p) = catalog.offerings[0].billing else { Issue.record("not shared-instance"); return }
        #expect(p.instanceLifetime == 0 && p.waitingRate == .idle && p.minimumActivity == 0 && p.targetUtilization == 1)
        #expect(p.vcpuForMemory == nil && p.sizes.isEmpty)
    }

    @Test(arguments: [
        ("      waiting_rate: sometimes", "14:21: waiting_rate: expected one of active, idle"),
        ("      instance_lifetime: forever", "14:26: instance_lifetime"),
        ("      minimum_activity: -1s", "14:25: minimum_activity"),
        ("      target_utilization: 1.5", "14:27: target_utilization"),
        ("      vcpu_for_memory: [{ above: 8GiB, vcpu: 4 }, { above: 4GiB, vcpu: 2 }]", "14:51: above must increase from step to step"),
        ("      vcpu_for_memory: [{ above: 4GiB }]", "14:25: a vcpu_for_memory step is missing the required field 'vcpu'"),
        ("      vcpu_for_memory: []", "14:24: vcpu_for_memory needs at least one"),
        ("      sizes: [{ vcpu: 1 }]", "14:15: a size is missing the required field 'memory'"),
        ("      sizes: [{ vcpu: 1, memory: 2GiB, disk: 1GB }]", "14:40: unknown field 'disk'"),
        ("      sizes: []", "14:14: sizes needs at least one"),
        ("      sizes: [{ vcpu: lots, memory: 2GiB }]", "14:23: vcpu: expected a number, got 'lots'"),
    ])
    func badFieldsNameTheirPlace(line: String, expected: String) throws {
        do {
            _ = try load(line)
            Issue.record("accepted: \(line)")
        } catch let error as InputError {
            let text = error.description
            #expect(text.contains("acme.yaml:" + expected), "got: \(text)")
        }
    }
}
