/// A measured trace reduced to what the model uses: how many intervals carried each request count,
/// in how many intervals, and the total. Rows are added one at a time while a file is read, so a
/// trace of any length costs memory for its distinct counts only, never for its rows.
public struct TraceLoad: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Intervals (rows) seen so far.
    public private(set) var intervals = 0
    /// Requests over all intervals, summed in row order.
    public private(set) var total = 0.0
    /// Intervals per distinct request count.
    public private(set) var occurrences: [Double: Int] = [:]

    public init() {}

    public init(_ counts: some Sequence<Double>) {
        for c in counts { add(c) }
    }

    public init(arrayLiteral counts: Double...) { self.init(counts) }

    public mutating func add(_ count: Double) {
        intervals += 1
        total += count
        occurrences[count, default: 0] += 1
    }

    /// The load levels: each distinct count as a multiple of the average, held for its share of intervals.
    var levels: [TrafficProfile.Level] {
        let n = Double(intervals)
        return occurrences.keys.sorted().map { c in
            TrafficProfile.Level(multiplier: c * n / total, share: Double(occurrences[c]!) / n)
        }
    }
}
