import RunCostCore

extension WorkloadSpec {
    /// `commitment: none | 1y | 3y`, `commitment_plan`, `commit_amount` (committed spend per hour,
    /// in the table's currency) and `spot: true`.
    func readCommitment(into w: inout Workload) throws {
        if let v = value(.commitment) {
            w.commitment.term = try Fields.choice(v.text.lowercased(), "commitment", CommitmentTerm.self, v.origin)
        }
        if let v = value(.commitmentPlan) {
            w.commitment.plan = v.text
            guard w.commitment.term != .none else { throw InputError(v.origin, "commitment_plan needs a commitment term (1y or 3y)") }
        }
        if let v = value(.commitAmount) {
            w.commitment.amountPerHour = try Fields.check(v.text, "commit_amount", .number, 0...1e6, v.origin)
            guard w.commitment.term != .none else { throw InputError(v.origin, "commit_amount needs a commitment term (1y or 3y)") }
        }
        if let v = value(.spot) {
            w.spot = try Fields.bool(v.text, "spot", v.origin)
            if w.spot, w.commitment.term != .none {
                throw InputError(v.origin, "spot capacity is not covered by commitments; give spot or commitment, not both")
            }
        }
    }
}
