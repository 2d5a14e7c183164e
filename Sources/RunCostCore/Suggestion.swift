/// "Did you mean …?" for unknown names: the closest candidate by edit distance, if close enough.
public enum Suggestion {
    public static func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        guard let best, best.1 <= max(2, target.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance, two rows at a time.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count), current = previous
        for (i, ca) in a.enumerated() {
            current[0] = i + 1
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint(_ word: String, in candidates: some Sequence<String>) -> String {
        nearest(word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The near miss, or when nothing is near (`amazon` for `aws`) the whole short list:
    /// "; known providers: aws, azure, gcp".
    public static func hintOrList(_ word: String, in candidates: [String], noun: String) -> String {
        let near = hint(word, in: candidates)
        return near.isEmpty ? "; known \(noun): " + candidates.joined(separator: ", ") : near
    }
}
