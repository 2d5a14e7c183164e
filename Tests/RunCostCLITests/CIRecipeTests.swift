import Foundation
import Testing
import RunCostTestSupport

/// examples/ci/runcost-check.sh, the shell steps of both CI recipes, run as a pipeline would in a
/// throw-away application repository: runcost is obtained at a pinned tag from a local copy of this
/// repository (no network: git may only use local paths, SwiftPM resolves through local mirrors),
/// built once into the cache, then reused by the next job.
@Suite(.serialized) struct CIRecipeTests {
    static let root = RuncostBinary.packageRoot

    @discardableResult
    static func shell(_ command: String, in directory: URL, environment: [String: String]) throws -> RuncostBinary.Result {
        try RuncostBinary.run(["-c", command], executable: URL(fileURLWithPath: "/bin/sh"), directory: directory,
                              exactEnvironment: environment)
    }

    /// This working tree (tracked and new files, as `git ls-files` sees them) committed into a
    /// fresh repository and tagged, standing for runcost's remote.
    static func runcostRemote(in dir: URL, tag: String, environment: [String: String]) throws -> URL {
        let remote = dir.appendingPathComponent("runcost-remote")
        try FileManager.default.createDirectory(at: remote, withIntermediateDirectories: true)
        let copy = try shell("git ls-files -z -co --exclude-standard | xargs -0 cp --parents -t '\(remote.path)'", in: root, environment: environment)
        #expect(copy.status == 0, "\(copy.stderr)")
        let commit = try shell("git init -q && git add -A && git -c user.name=ci -c user.email=ci@example.com commit -qm runcost && git tag \(tag)",
                               in: remote, environment: environment)
        #expect(commit.status == 0, "\(commit.stderr)")
        return remote
    }

    /// SwiftPM mirrors from the dependencies' URLs to the repositories already fetched for this build.
    static func localMirrors(home: URL) throws {
        let repositories = root.appendingPathComponent(".build/repositories")
        let names = try FileManager.default.contentsOfDirectory(atPath: repositories.path)
        func local(_ prefix: String) throws -> String {
            let name = try #require(names.first { $0.hasPrefix(prefix + "-") }, "no fetched \(prefix) in .build/repositories")
            return repositories.appendingPathComponent(name).path
        }
        let mirrors: [[String: String]] = [
            ["original": "https://github.com/jpsim/Yams", "mirror": try local("Yams")],
            ["original": "https://github.com/apple/swift-argument-parser", "mirror": try local("swift-argument-parser")],
        ]
        let folder = home.appendingPathComponent(".swiftpm/configuration")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let json = try JSONSerialization.data(withJSONObject: ["version": 1, "object": mirrors] as [String: Any])
        try json.write(to: folder.appendingPathComponent("mirrors.json"))
    }

    @Test func scriptObtainsPinnedRuncostOnceAndChecksAnApplicationRepository() throws {
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dir.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Self.localMirrors(home: home)
        let tmp = dir.appendingPathComponent("tmp")   // SwiftPM's lock files and mktemp stay in the scratch folder
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path, "TMPDIR": tmp.path,
                    "GIT_ALLOW_PROTOCOL": "file"]   // git refuses https: nothing can come from the network
        let remote = try Self.runcostRemote(in: dir, tag: "v9.9.9-test", environment: base)

        // The application: a budget on its own workload, nothing of runcost's.
        let app = dir.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: app.appendingPathComponent("ci"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("examples/ci/runcost-check.sh"),
                                         to: app.appendingPathComponent("ci/runcost-check.sh"))
        try """
        name: shop-api
        requests: 30M
        duration: 120ms
        memory: 512MB
        """.write(to: app.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        try """
        checks:
          - name: shop-api on Lambda
            workload: api.yaml
            offering: aws-lambda-arm
            rules:
              max_monthly: 25 USD
        """.write(to: app.appendingPathComponent("runcost-budget.yaml"), atomically: true, encoding: .utf8)
        try Self.shell("git init -q && git add -A && git -c user.name=ci -c user.email=ci@example.com commit -qm app", in: app, environment: base)

        var env = base
        env["RUNCOST_VERSION"] = "v9.9.9-test"
        env["RUNCOST_REPOSITORY"] = remote.path
        env["RUNCOST_CONFIGURATION"] = "debug"     // the recipes build release; debug keeps the test shorter
        env["GITHUB_STEP_SUMMARY"] = dir.appendingPathComponent("step-summary.md").path

        // First job: not cached, so runcost is cloned at the tag and built; the budget fails.
        // aws-lambda-arm: 30M × $0.20/M = $6.00 + 30M × 0.12 s × 0.5 GB × $0.0000133334 = $24.00 → $30.00 > $25.
        let first = try Self.shell("sh ci/runcost-check.sh", in: app, environment: env)
        #expect(first.status == 1, "stdout: \(first.stdout)\nstderr: \(first.stderr)")
        #expect(first.stdout.contains("runcost v9.9.9-test: not cached; building it from \(remote.path)"))
        #expect(first.stdout.contains("FAIL"), "the text report is in the job log: \(first.stdout)")
        #expect(first.stdout.contains("$30.00"))
        let cached = app.appendingPathComponent(".runcost-cache/v9.9.9-test/runcost")
        #expect(FileManager.default.isExecutableFile(atPath: cached.path))
        let markdown = try String(contentsOf: app.appendingPathComponent("runcost-reports/runcost-summary.md"), encoding: .utf8)
        #expect(markdown.contains("❌") && markdown.contains("$30.00"))
        #expect(try String(contentsOfFile: env["GITHUB_STEP_SUMMARY"]!, encoding: .utf8) == markdown)
        let junit = try String(contentsOf: app.appendingPathComponent("runcost-reports/runcost-junit.xml"), encoding: .utf8)
        #expect(junit.contains("<failure") && junit.contains("max_monthly aws-lambda-arm"))

        // Second job, budget raised: the cached binary is used (the remote is gone, so no clone could work).
        try FileManager.default.removeItem(at: remote)
        try String(contentsOf: app.appendingPathComponent("runcost-budget.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "25 USD", with: "30 USD")
            .write(to: app.appendingPathComponent("runcost-budget.yaml"), atomically: true, encoding: .utf8)
        let second = try Self.shell("sh ci/runcost-check.sh", in: app, environment: env)
        #expect(second.status == 0, "stdout: \(second.stdout)\nstderr: \(second.stderr)")
        #expect(second.stdout.hasPrefix("runcost v9.9.9-test: using the cached .runcost-cache/v9.9.9-test/runcost\n"))
        #expect(second.stdout.contains("PASS") && !second.stdout.contains("FAIL"))

        // Another version is not in the cache and cannot be obtained: exit 3, named.
        env["RUNCOST_VERSION"] = "v0.0.0-missing"
        let missing = try Self.shell("sh ci/runcost-check.sh", in: app, environment: env)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("runcost-check: could not obtain runcost v0.0.0-missing from \(remote.path)"))
    }
}
