import Foundation
import Testing

/// Commitments through the binary: the JSON `commitment` object, CSV columns, the on-demand twin
/// in break-even searches, and bad input with exit 2.
@Suite struct CommitmentCLITests {
    static let workload = ["--requests", "30M", "--duration", "100ms", "--memory", "512MB"]

    @Test func jsonCarriesTheCommitment() throws {
        let r = try RuncostBinary.run(["compare", "--offering", "aws-ec2-m5.large", "--offering", "aws-app-runner",
                                       "--commitment", "1y", "--format", "json"] + Self.workload)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let estimates = json["estimates"] as! [[String: Any]]
        let m5 = estimates.first { $0["offering"] as? String == "aws-ec2-m5.large" }!
        // $70.08 of instance-hours × 0.68 = $47.6544, plus the attached costs no plan discounts: an
        // 8 GB boot volume at $0.08/GB-month ($0.64) and a public IPv4 at $0.005/h × 730 h ($3.65).
        #expect(cents(m5["monthly_cost"] as! Double) == 51.94)
        let c = m5["commitment"] as! [String: Any]
        #expect(c["term"] as? String == "1y")
        #expect(c["plan"] as? String == "compute-savings-plan")
        #expect(cents(c["on_demand_cost"] as! Double) == 74.37)   // $70.08 + $4.29 attached
        #expect(abs((c["breakeven_utilisation"] as! Double) - 0.68) < 1e-12)
        #expect(c["verified"] as? Bool == false)
        // An offering that sells no commitment is marked, with the reason, not priced silently.
        let cx = estimates.first { $0["offering"] as? String == "aws-app-runner" }!
        #expect(cx["feasible"] as? Bool == false)
        #expect((cx["reasons"] as! [String])[0].contains("no 1-year commitment"))
    }

    @Test func csvGainsCommitmentColumnsOnlyWhenAsked() throws {
        let plain = try RuncostBinary.run(["compare", "--offering", "aws-ec2-m5.large", "--format", "csv"] + Self.workload)
        #expect(!plain.stdout.contains("breakeven_utilisation"))
        let r = try RuncostBinary.run(["compare", "--offering", "aws-ec2-m5.large", "--commitment", "3y", "--format", "csv"] + Self.workload)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines[0].hasSuffix("commitment,commitment_plan,discount,committed_monthly_usd,on_demand_cost_usd,utilisation,breakeven_utilisation,discount_verified,discount_as_of"))
        #expect(lines[1].contains(",3y,compute-savings-plan,0.65,24.528,"))
    }

    @Test func breakEvenUtilisationIsOneMinusTheDiscount() throws {
        let r = try RuncostBinary.run(["breakeven", "--offering", "aws-ec2-m5.large", "--commitment", "1y",
                                       "--vary", "commitment-utilisation", "--from", "10%", "--to", "100%", "--format", "json"] + Self.workload)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let crossings = json["crossovers"] as! [[String: Any]]
        #expect(crossings.count == 1)
        #expect(abs((crossings[0]["value"] as! Double) - 0.68) < 1e-6)
    }

    @Test(arguments: [
        (["explain", "hetzner-cx22", "--commitment", "1y"], "--commitment: hetzner-cx22 has no 1-year commitment"),
        (["explain", "aws-fargate-x86", "--commitment", "1y"], "it offers compute-savings-plan (3y)"),
        (["explain", "gcp-cloud-run-request", "--spot"], "--spot: gcp-cloud-run-request offers no spot"),
        (["compare", "--commitment", "1yr"], "did you mean '1y'"),
        (["compare", "--commitment", "1y", "--spot"], "not covered by commitments"),
        (["compare", "--commit-amount", "0.1"], "commit_amount needs a commitment term"),
        (["compare", "--commitment", "1y", "--commit-amount", "-1"], "--commit-amount"),
    ])
    func badInputExitsTwo(args: [String], message: String) throws {
        let r = try RuncostBinary.run(args + Self.workload)
        #expect(r.status == 2, "\(args): \(r.stdout)")
        #expect(r.stderr.contains(message), "got: \(r.stderr)")
    }
}
