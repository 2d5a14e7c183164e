import Foundation
import Testing
import RunCostTestSupport

/// The provisioned rules reach the command line: new flags, JSON inputs and notes, CSV notes.
@Suite struct ProvisionedRulesCLITests {
    // t3.micro all month: $7.592 instance + 8 GB × $0.08 boot volume + 730 h × $0.005 IPv4 = $11.882.
    @Test func attachedCostsAndTheirFlags() throws {
        let base = ["explain", "aws-ec2-t3.micro", "--requests", "1M", "--duration", "100ms", "--memory", "512MB"]
        let r = try RuncostBinary.run(base)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Boot volume: $0.64"))
        #expect(r.stdout.contains("Public IPv4 address: $3.65"))
        #expect(r.stdout.contains("Monthly total: $11.88"))
        let lean = try RuncostBinary.run(base + ["--no-public-ip", "--disk", "20GB"])
        #expect(lean.stdout.contains("Boot volume: $1.60"))
        #expect(!lean.stdout.contains("Public IPv4"))
        #expect(lean.stdout.contains("Monthly total: $9.19"))
    }

    @Test func unusedFlagsBecomeNotes() throws {
        let r = try RuncostBinary.run(["compare", "--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--disk", "20GB",
                                       "--offering", "heroku-standard-1x", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"disk 20GB not used: this offering bills no separate boot volume\""))
        #expect(r.stdout.contains("\"disk_mib\": 20480"))
        #expect(r.stdout.contains("\"run\": \"service\""))
        #expect(r.stdout.contains("\"public_ip\": true"))
        let csv = try RuncostBinary.run(["compare", "--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--no-public-ip",
                                         "--offering", "render-starter", "--format", "csv"])
        #expect(csv.stdout.contains("; no public IP not used: this offering charges nothing for a public IPv4 address\","))
    }

    // long-task as jobs: Fargate x86 bills a 2 vCPU / 4 GB task for 30 s + 25 min per job:
    // 3,000 × 1,530 s = 1,275 h × (2 × $0.04048 + 4 × $0.004445) = $125.8935.
    @Test func jobsAreTasks() throws {
        let r = try RuncostBinary.run(["explain", "aws-fargate-x86", "examples/long-task.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Monthly total: $125.89"))
        #expect(r.stdout.contains("a task per job: 30s start-up + 25min run, billed"))
        let service = try RuncostBinary.run(["explain", "aws-fargate-x86", "examples/long-task.yaml", "--run", "service"])
        // As a service, the jobs running at once (3,000 × 25 min over 730 h ≈ 1.7) need 2 tasks all month.
        #expect(service.stdout.contains("2 instance(s) all month"))
        let jobsOnly = try RuncostBinary.run(["explain", "gcp-cloud-run-jobs", "examples/long-task.yaml", "--run", "service"])
        #expect(jobsOnly.stdout.contains("runs jobs only"))
        let bad = try RuncostBinary.run(["compare", "examples/long-task.yaml", "--run", "batch"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--run") && bad.stderr.contains("service, job"))
    }

    // Heroku Basic runs one dyno: 100 req/s of 100 ms CPU needs more.
    @Test func heroku() throws {
        let r = try RuncostBinary.run(["explain", "heroku-basic", "--rps", "100", "--duration", "100ms", "--memory", "256MB"])
        #expect(r.stdout.contains("the plan allows at most 1"))
    }

    // A bad rule in a user table: file:line:column, exit 2.
    @Test func badRuleInATable() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.yaml").path
        try """
        provider: acme
        currency: USD
        offerings:
          - id: acme-vm
            name: Acme
            kind: vm
            region: r
            as_of: 2026-01-01
            source: https://acme.example
            billing: { model: provisioned, hourly: 0.01, vcpu: 1, memory: 1GB, burstable: { baseline: 0 } }

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try RuncostBinary.run(["pricing", "validate", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:10:") && r.stderr.contains("baseline"))
    }
}
