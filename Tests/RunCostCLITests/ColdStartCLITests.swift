import Foundation
import Testing

/// Cold starts through the binary: flags, JSON fields, start-up listing.
@Suite struct ColdStartCLITests {
    func estimates(_ args: [String]) throws -> [String: [String: Any]] { try RuncostBinary.estimatesByID(args) }

    @Test func unknownRuntimeIsAnErrorWithASuggestion() throws {
        let r = try RuncostBinary.run(["compare", "--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--runtime", "pyhton"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--runtime: runtime: expected one of python, node, java, go, rust, dotnet, container, got 'pyhton' (did you mean 'python'?)"))
    }

    /// Always-warm capacity reports 0 and 0; Lambda reports its share and the python start-up.
    @Test func jsonCarriesTheColdStartFields() throws {
        let byID = try estimates(["--requests", "2628", "--duration", "100ms", "--memory", "1GB", "--runtime", "python",
                                  "--offering", "aws-lambda-x86", "--offering", "aws-ec2-t3.small", "--offering", "azure-functions-flex"])
        #expect(byID["aws-ec2-t3.small"]?["cold_start_share"] as? Double == 0)
        #expect(byID["aws-ec2-t3.small"]?["cold_start_latency_ms"] as? Double == 0)
        let lambda = try #require(byID["aws-lambda-x86"])
        // λ = 0.001/s, d = 100 ms, k = 5 min: e^(−0.3001) + 0.0001·e^(−0.0001)·e^(−0.3·0.0001/1.0001).
        let share = try #require(lambda["cold_start_share"] as? Double)
        #expect(abs(share - 0.7408441) < 1e-6)
        #expect(lambda["cold_start_latency_ms"] as? Double == 85)
        let items = (lambda["line_items"] as! [[String: Any]]).map { $0["name"] as! String }
        #expect(items.contains("Start-up time (billed)"))
        // No sourced keep-alive: unknown, not zero.
        #expect(byID["azure-functions-flex"]?["cold_start_share"] is NSNull)
    }

    @Test func startUpTableListsEveryKind() throws {
        let r = try RuncostBinary.run(["pricing", "startup"])
        #expect(r.status == 0)
        for text in ["faas", "container", "paas", "vm", "database", "AWS Lambda (x86_64)", "Aurora Serverless v2 resume from 0 ACU"] {
            #expect(r.stdout.contains(text), "missing \(text)")
        }
        let show = try RuncostBinary.run(["pricing", "show", "aws-ec2-t3.small"])
        #expect(show.stdout.contains("start-up (nothing to first served request): 26s"))
    }
}

/// AWS's Provisioned Concurrency examples through the binary and the bundled table, to the cent.
@Suite struct KeepWarmCLITests {
    func cost(_ args: [String]) throws -> Double {
        let r = try RuncostBinary.run(["compare", "--offering", "aws-lambda-x86", "--format", "json"] + args)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        return (json["estimates"] as! [[String: Any]])[0]["monthly_cost"] as! Double
    }


    @Test func provisionedConcurrencyExamples() throws {
        let launch = try cost(["--requests", "500k", "--hours", "8", "--duration", "100ms", "--memory", "1536MB", "--min-instances", "100"])
        let rest = try cost(["--requests", "2.5M", "--duration", "120ms", "--memory", "1536MB", "--free-tier"])
        #expect(cents(launch + rest) == 19.96)
        #expect(cents(try cost(["--requests", "2M", "--hours", "24", "--duration", "280ms", "--memory", "4096MB", "--min-instances", "7"])) == 32.26)
    }

    @Test(arguments: ["-0.1%", "120%", "often"])
    func badColdStartRatesExitTwo(_ rate: String) throws {
        let r = try RuncostBinary.run(["compare", "--requests", "1M", "--duration", "100ms", "--memory", "512MB", "--max-cold-start-rate", rate])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--max-cold-start-rate"), "\(r.stderr)")
    }
}
