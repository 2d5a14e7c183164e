import RunCostCore
import RunCostFiles

/// `explain ID --commitment 1y` on an offering that sells no such commitment is bad input (exit 2),
/// not an infeasible estimate: the user named both the offering and the option.
func requireOptionOffered(_ o: Offering, _ w: Workload, _ spec: WorkloadSpec) throws {
    if w.spot, o.spot == nil {
        throw InputError(spec.value(.spot)?.origin, "\(o.id) offers no spot or preemptible capacity in its pricing table")
    }
    guard w.commitment.term != .none, o.commitmentPlan(for: w.commitment) == nil else { return }
    let offered = o.commitments.map { plan in
        "\(plan.id) (\(plan.discounts.keys.map(\.rawValue).sorted().joined(separator: ", ")))"
    }
    let origin = (w.commitment.plan != nil ? spec.value(.commitmentPlan)?.origin : nil) ?? spec.value(.commitment)?.origin
    let what = w.commitment.plan.map { "no \(w.commitment.term.rawValue) plan '\($0)'" } ?? "no \(w.commitment.term.label) commitment"
    throw InputError(origin, "\(o.id) has \(what) in its pricing table"
        + (offered.isEmpty ? "" : "; it offers " + offered.joined(separator: ", ")))
}

extension Selection {
    /// Sweeps and break-even searches draw each committed (or spot) offering next to its on-demand
    /// twin (`<id>-on-demand`), so the crossover where the commitment starts to pay shows up.
    mutating func addOnDemandTwins() {
        guard workload.commitment.term != .none || workload.spot else { return }
        offerings = offerings.flatMap { o -> [Offering] in
            let offered = workload.spot ? o.spot != nil : o.commitmentPlan(for: workload.commitment) != nil
            return offered ? [o, o.onDemandTwin] : [o.onDemandTwin]
        }
    }
}
