import Foundation
import Testing
import RunCostTestSupport

/// The shared-instance rules as a user meets them: `explain` says when vCPU was raised, which size
/// is billed and how long instances waited; a bad rule field in a table is a located error, exit 2.
@Suite struct SharedInstanceCLITests {
    @Test func explainSaysWhatWasRaisedAndWaited() throws {
        let run = try RuncostBinary.run(["explain", "gcp-cloud-run-request", "examples/api.yaml", "--memory", "10GB"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  - vCPU raised from 1 to 4: the platform requires it with 10GB\n"))
        let aca = try RuncostBinary.run(["explain", "azure-container-apps", "examples/api.yaml", "--requests", "100k"])
        #expect(aca.status == 0)
        #expect(aca.stdout.contains("  - billed as the 1 vCPU / 2GB instance size\n"))
        #expect(aca.stdout.contains("waiting out the 5min lifetime after the last request, at the active rate"))
        #expect(aca.stdout.contains("  Monthly total: $76.79"))
    }

    @Test func badRuleFieldExitsTwoWithItsPlace() throws {
        let dir = try ScratchFolder.create()
        let path = dir.appendingPathComponent("acme.yaml").path
        try AcmeTable.offering("acme-run", name: "Acme Run", kind: "container", """
            billing:
              model: shared-instance
              vcpu_second: 0.000024
              instance_lifetime: 5min
              waiting_rate: sometimes
        """).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try RuncostBinary.run(["pricing", "validate", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):14:21: waiting_rate: expected one of active, idle"), "stderr: \(run.stderr)")
    }
}
