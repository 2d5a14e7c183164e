import RunCostCore
import Yams

/// Reads an offering's `commitments:` and `spot:` blocks (docs/pricing-format.md). Every figure
/// names its source and `as_of`; a discount must lie strictly between 0 and 100%.
enum CommitmentLoader {
    static let discountRange: ClosedRange<Double> = 0.0001...0.9999

    static func plans(_ yaml: YAMLFile, _ node: Node) throws -> [CommitmentPlan] {
        var plans: [CommitmentPlan] = []
        for item in try yaml.sequence(node, "commitments") {
            var f = try yaml.mapping(item, "a commitment")
            let idNode = try f.required("plan")
            let id = try yaml.string(idNode, "plan")
            guard !plans.contains(where: { $0.id == id }) else {
                throw InputError(yaml.origin(of: idNode), "duplicate commitment plan '\(id)'")
            }
            let name = try yaml.string(f.required("name"), "name")
            let basis = try f.optional("basis").map { try yaml.choice($0, "basis", CommitmentPlan.Basis.self) } ?? .spend
            let discountNode = try f.required("discount")
            var g = try yaml.mapping(discountNode, "discount")
            var discounts: [CommitmentTerm: Double] = [:]
            for term in [CommitmentTerm.oneYear, .threeYear] {
                if let v = g.optional(term.rawValue) {
                    discounts[term] = try yaml.quantity(v, "discount \(term.rawValue)", .fraction, discountRange)
                }
            }
            try g.rejectUnknown(known: ["1y", "3y"])
            guard !discounts.isEmpty else { throw InputError(yaml.origin(of: discountNode), "discount: expected 1y and/or 3y, e.g. {1y: 28%, 3y: 46%}") }
            let (source, asOf) = try provenance(yaml, &f)
            let verified = try yaml.bool(f.required("verified"), "verified")
            try f.rejectUnknown(known: ["plan", "name", "basis", "discount", "source", "as_of", "verified"])
            plans.append(CommitmentPlan(id: id, name: name, basis: basis, discounts: discounts,
                                        source: source, asOf: asOf, verified: verified))
        }
        return plans
    }

    static func spot(_ yaml: YAMLFile, _ node: Node) throws -> SpotDiscount {
        var f = try yaml.mapping(node, "spot")
        let discount = try yaml.quantity(f.required("discount"), "discount", .fraction, discountRange)
        let (source, asOf) = try provenance(yaml, &f)
        let verified = try yaml.bool(f.required("verified"), "verified")
        try f.rejectUnknown(known: ["discount", "source", "as_of", "verified"])
        return SpotDiscount(discount: discount, source: source, asOf: asOf, verified: verified)
    }

    static func provenance(_ yaml: YAMLFile, _ f: inout Fields) throws -> (String, CalendarDate) {
        let source = try yaml.url(f.required("source"), "source", expected: "the URL the discount was read from")
        return (source, try yaml.date(f.required("as_of"), "as_of"))
    }

    /// The `commitments:` and `spot:` blocks as the loader reads them back (PricingWriter).
    static func yaml(_ o: Offering) -> String {
        var out = ""
        if !o.commitments.isEmpty {
            out += "    commitments:\n"
            for plan in o.commitments {
                let discounts = [CommitmentTerm.oneYear, .threeYear].compactMap { term in
                    plan.discounts[term].map { "\(term.rawValue): \(YAMLText.number($0))" }
                }
                out += "      - plan: \(YAMLText.quoted(plan.id))\n        name: \(YAMLText.quoted(plan.name))\n"
                out += "        basis: \(plan.basis.rawValue)\n        discount: {\(discounts.joined(separator: ", "))}\n"
                out += "        source: \(YAMLText.quoted(plan.source))\n        as_of: \(plan.asOf)\n        verified: \(plan.verified)\n"
            }
        }
        if let spot = o.spot {
            out += "    spot: {discount: \(YAMLText.number(spot.discount)), source: \(YAMLText.quoted(spot.source)), as_of: \(spot.asOf), verified: \(spot.verified)}\n"
        }
        return out
    }
}
