import Testing
import RunCostCore
@testable import RunCostFiles

/// `as_of:` and `source:` read the same way in offering and service tables (DatedSource.swift): the
/// same located errors, and the what-if prefix a TUI-saved table writes is accepted on offerings only.
@Suite struct DatedSourceTests {
    static func table(_ list: String, asOf: String = "2026-09-20", source: String = "https://e.com/x") -> String {
        let body = list == "services" ? "    category: data\n    meters: [{ name: storage, measure: storage, price: 0.25 }]"
                                      : "    kind: vm\n    billing: { model: provisioned, hourly: 0.01, vcpu: 2, memory: 4GB }"
        return """
        provider: acme
        currency: USD
        \(list):
          - id: acme-x
            name: Acme X
            region: r
            as_of: \(asOf)
            source: "\(source)"
        \(body)
        """
    }

    /// The error loading `list` ("services" or "offerings") reports, or "loaded".
    static func outcome(_ list: String, asOf: String = "2026-09-20", source: String = "https://e.com/x") -> String {
        do {
            let yaml = try YAMLFile(text: table(list, asOf: asOf, source: source), path: "t.yaml")
            if list == "services" { _ = try ServiceLoader.load(yaml, seen: []) } else { _ = try PricingLoader.load(yaml, seen: []) }
            return "loaded"
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["services", "offerings"])
    func sameLocatedErrors(list: String) {
        #expect(Self.outcome(list) == "loaded")
        #expect(Self.outcome(list, asOf: "2026-02-30") == "t.yaml:7:12: as_of: expected a date YYYY-MM-DD, got '2026-02-30'")
        #expect(Self.outcome(list, source: "the docs") == "t.yaml:8:13: source: expected the URL the prices were read from, got 'the docs'")
        // Both bad: the date is read first.
        #expect(Self.outcome(list, asOf: "soon", source: "the docs").hasPrefix("t.yaml:7:12: as_of:"))
    }

    @Test func whatIfPrefixOnOfferingsOnly() {
        let whatIf = Offering.whatIfSourcePrefix + "https://e.com/x"
        #expect(Self.outcome("offerings", source: whatIf) == "loaded")
        #expect(Self.outcome("offerings", source: Offering.whatIfSourcePrefix + "the docs")
                == "t.yaml:8:13: source: expected the URL the prices were read from, got '\(Offering.whatIfSourcePrefix)the docs'")
        #expect(Self.outcome("services", source: whatIf)
                == "t.yaml:8:13: source: expected the URL the prices were read from, got '\(whatIf)'")
    }
}
