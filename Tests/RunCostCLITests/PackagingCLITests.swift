import Foundation
import RunCostFiles
import Testing
import RunCostTestSupport

/// One self-contained binary: the pricing tables are compiled in, so a copied `runcost` works from
/// any folder with no environment; `pricing export` writes them out; layers still override them.
@Suite struct PackagingCLITests {
    static let fixture = RuncostBinary.packageRoot.appendingPathComponent("Tests/RunCostCLITests/Fixtures/compare-api.txt")

    @Test func copiedBinaryWorksAnywhereWithNoEnvironment() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for sub in ["bin", "home", "elsewhere", "work"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let binary = dir.appendingPathComponent("bin/runcost")
        try fm.copyItem(at: RuncostBinary.executable, to: binary)
        let workload = dir.appendingPathComponent("work/api.yaml")
        try fm.copyItem(at: RuncostBinary.packageRoot.appendingPathComponent("examples/api.yaml"), to: workload)

        // No PATH, no RUNCOST_* variables, a fresh HOME, and a working folder without pricing/.
        let result = try RuncostBinary.run(["compare", workload.path, "--kind", "serverless"], executable: binary,
                                           directory: dir.appendingPathComponent("elsewhere"),
                                           exactEnvironment: ["HOME": dir.appendingPathComponent("home").path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // The same report as the golden compare of examples/api.yaml ($30.00 on aws-lambda-arm first).
        #expect(result.stdout == (try String(contentsOf: Self.fixture, encoding: .utf8)))
        #expect(result.stdout.contains(" 1  aws-lambda-arm                 aws         serverless     $30.00"))
    }

    @Test func exportWritesTheBundledTablesAndRefusesToReplaceThem() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("my-pricing")
        let first = try RuncostBinary.run(["pricing", "export", target.path])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let bundled = try FileManager.default.contentsOfDirectory(atPath: RuncostBinary.packageRoot.appendingPathComponent("pricing").path)
        #expect(first.stdout == "Wrote \(bundled.count) pricing tables to \(target.path).\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == bundled.sorted())
        let aws = target.appendingPathComponent("aws.yaml")
        #expect(try Data(contentsOf: aws) == Data(contentsOf: RuncostBinary.packageRoot.appendingPathComponent("pricing/aws.yaml")))

        try "# my edits\n".write(to: aws, atomically: true, encoding: .utf8)
        let again = try RuncostBinary.run(["pricing", "export", target.path])
        #expect(again.status == 2)
        #expect(again.stderr == "runcost: \(aws.path): already exists; give --force to replace it\n")
        #expect(try String(contentsOf: aws, encoding: .utf8) == "# my edits\n")

        let forced = try RuncostBinary.run(["pricing", "export", target.path, "--force"])
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        #expect(try Data(contentsOf: aws) == Data(contentsOf: RuncostBinary.packageRoot.appendingPathComponent("pricing/aws.yaml")))

        let onFile = try RuncostBinary.run(["pricing", "export", aws.path])
        #expect(onFile.status == 2)
        #expect(onFile.stderr == "runcost: \(aws.path): is a file; expected a folder to write the tables into\n")
    }

    @Test func validateWithoutPathsChecksTheCompiledTables() throws {
        let result = try RuncostBinary.run(["pricing", "validate"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // As many as the tables on disk decode to (PricingLoader's own count, not a number to keep in step).
        let onDisk = try Catalog.load([RuncostBinary.packageRoot.appendingPathComponent("pricing").path])
        #expect(result.stdout.hasPrefix("\(onDisk.offerings.count) offerings in 1 layer(s) are valid"))
        #expect(result.stdout.contains("and \(onDisk.coldStarts.count) cold-start rows"))
    }

    /// bundled < user folder (RUNCOST_PRICING_DIR) < --pricing, each replacing offerings by id.
    @Test func layersOverrideTheCompiledTablesInOrder() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        func table(_ name: String, _ perMillion: String) -> String {
            """
            provider: aws
            currency: USD
            offerings:
              - {id: aws-lambda-x86, name: \(name), kind: serverless, region: us-east-1, as_of: 2026-01-01, source: "https://e.com", billing: {model: per-request, per_million_requests: \(perMillion)}}
            """
        }
        let user = dir.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try table("User Lambda", "1").write(to: user.appendingPathComponent("aws.yaml"), atomically: true, encoding: .utf8)
        let flag = dir.appendingPathComponent("flag.yaml")
        try table("Flag Lambda", "2").write(to: flag, atomically: true, encoding: .utf8)

        let args = ["compare", "--offering", "aws-lambda-x86", "--requests", "3M", "--duration", "100ms", "--memory", "128MB", "--format", "json"]
        func estimate(_ result: RuncostBinary.Result) throws -> (name: String, cost: Double) {
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let first = try #require((json["estimates"] as? [[String: Any]])?.first)
            return (try #require(first["name"] as? String), try #require(first["monthly_cost"] as? Double))
        }
        let bundled = try estimate(RuncostBinary.run(args))
        let withUser = try estimate(RuncostBinary.run(args, environment: ["RUNCOST_PRICING_DIR": user.path]))
        let withFlag = try estimate(RuncostBinary.run(args + ["--pricing", flag.path], environment: ["RUNCOST_PRICING_DIR": user.path]))
        // Bundled: 3M × $0.20/M = $0.60, plus 3M × 0.1 s × 0.125 GB = 37,500 GB-s × $0.0000166667 = $0.62500125.
        #expect(bundled.name == "AWS Lambda (x86_64)")
        #expect(abs(bundled.cost - 1.22500125) < 1e-9)
        // The user folder's table: 3M × $1/M; then --pricing wins over it: 3M × $2/M.
        #expect(withUser.name == "User Lambda" && abs(withUser.cost - 3) < 1e-9)
        #expect(withFlag.name == "Flag Lambda" && abs(withFlag.cost - 6) < 1e-9)

        let none = try RuncostBinary.run(["compare", "--requests", "1M", "--duration", "100ms", "--memory", "128MB", "--no-bundled-pricing"])
        #expect(none.status == 2)
        #expect(none.stderr == "runcost: --pricing: no pricing tables to use\n")
    }
}
