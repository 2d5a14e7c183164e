import RunCostCore

/// The workload pane's commitment control: one cycling field, like `traffic`, over on-demand,
/// a 1- or 3-year commitment sized to the baseline, and spot capacity.
enum CommitmentStepping {
    static let choices = ["none", "1y", "3y", "spot"]
    static let example = "none, 1y, 3y or spot"

    static func display(_ w: Workload) -> String {
        w.spot ? "spot" : w.commitment.term == .none ? "none" : w.commitment.term.rawValue
    }

    static func step(_ w: inout Workload, up: Bool) {
        let index = choices.firstIndex(of: display(w)) ?? 0
        set(choices[(index + (up ? 1 : choices.count - 1)) % choices.count], &w)
    }

    /// Nil when `word` was a choice; otherwise the message for the status line.
    static func parse(_ word: String, _ w: inout Workload) -> String? {
        guard choices.contains(word) else {
            return "commitment: expected one of \(choices.joined(separator: ", ")), got '\(word)'" + Suggestion.hint(word, in: choices)
        }
        set(word, &w)
        return nil
    }

    /// Said whenever the control changes: the discounts are table figures, most of them unverified.
    static func notice(_ w: Workload) -> String {
        if w.spot { return "Spot: indicative, unverified discounts; offerings without spot are infeasible. Enter on a row explains." }
        if w.commitment.term == .none { return "On-demand prices." }
        return "\(w.commitment.term.label) commitment sized to the baseline; most discounts are unverified planning figures (Enter on a row shows each)."
    }

    static func set(_ choice: String, _ w: inout Workload) {
        w.spot = choice == "spot"
        w.commitment = CommitmentChoice(term: CommitmentTerm(rawValue: choice) ?? .none)
    }
}
