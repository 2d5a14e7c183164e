import Testing
import RunCostCore
@testable import RunCostFiles

/// Tier lists read the same way in an offering (`gb_second_tiers:`) and a service meter (`tiers:`):
/// one reader, the same located errors, named after the field.
@Suite struct TierListTests {
    /// The tiers in an offering (line 12) or a service meter (line 13), loaded; the error or "loaded N tiers".
    static func outcome(_ table: String, _ tiers: String) -> String {
        let text = table == "offering" ? """
            provider: acme
            currency: USD
            offerings:
              - id: acme-fn
                name: Acme Fn
                kind: serverless
                region: r
                as_of: 2026-09-20
                source: https://e.com/fn
                billing:
                  model: per-request
                  gb_second_tiers: \(tiers)
            """ : """
            provider: acme
            currency: USD
            services:
              - id: acme-q
                name: Acme Q
                category: data
                region: r
                as_of: 2026-09-20
                source: https://e.com/q
                meters:
                  - name: reads
                    measure: reads
                    tiers: \(tiers)
            """
        do {
            let yaml = try YAMLFile(text: text, path: "t.yaml")
            if table == "offering" {
                guard case .perRequest(let p) = try PricingLoader.load(yaml, seen: [])[0].billing else { return "not per-request" }
                return "loaded \(p.gbSecond?.tiers.count ?? 0) tiers"
            }
            return "loaded \(try ServiceLoader.load(yaml, seen: [])[0].meters[0].price.tiers.count) tiers"
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [("offering", "t.yaml:12:", "gb_second_tiers"), ("service", "t.yaml:13:", "tiers")])
    func sameRulesAndErrors(table: String, line: String, field: String) {
        #expect(Self.outcome(table, "[{ price: 1, up_to: 10 }, { price: 0.5 }]") == "loaded 2 tiers")
        let cases = [
            ("[{ price: 1, up_to: 10 }, { price: 0.5, up_to: 20 }]", "the last tier must have no up_to (it covers everything above)"),
            ("[{ price: 1 }, { price: 0.5 }]", "every tier but the last needs up_to"),
            ("[{ price: 1, up_to: 10 }, { price: 0.5, up_to: 5 }, { price: 0.1 }]", "up_to must increase from tier to tier"),
            ("[]", "\(field) needs at least one tier"),
        ]
        for (tiers, message) in cases {
            let got = Self.outcome(table, tiers)
            #expect(got.hasPrefix(line) && got.hasSuffix(": " + message), "\(tiers): \(got)")
        }
    }
}
