import Foundation
import RunCostCore

/// A traffic trace: CSV rows `timestamp,requests`, one per minute or per hour, evenly spaced.
/// Timestamps are epoch seconds or ISO 8601 (`2026-11-02T09:00:00Z`, `2026-11-02 09:00`).
public struct TraceFile: Sendable, Equatable {
    public var counts: [Double]
    public var intervalSeconds: Double

    /// The trace's pattern repeated (or cut) to fill `hours` of service.
    public func requestsPerMonth(hours: Double) -> Double {
        counts.reduce(0, +) * hours * 3600 / (Double(counts.count) * intervalSeconds)
    }

    public static func load(_ path: String, origin: Origin? = nil) throws -> TraceFile {
        let text: String
        do { text = try YAMLFile.readText(path) } catch let error as InputError {
            throw InputError(origin, "trace \(error.description)")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> TraceFile {
        var counts: [Double] = []
        var times: [(Double, Int)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if counts.isEmpty && times.isEmpty && cells.first?.lowercased() == "timestamp" { continue }
            guard cells.count == 2 else {
                throw InputError(.file(path, line: number, column: 1), "expected 2 columns 'timestamp,requests', found \(cells.count)")
            }
            guard let time = timestamp(cells[0]) else {
                throw InputError(.file(path, line: number, column: 1), "expected a timestamp (epoch seconds or ISO 8601 like 2026-11-02T09:00:00Z), got '\(cells[0])'")
            }
            let column = cells[0].count + 2
            let count: Double
            switch Quantity.parse(cells[1], as: .count) {
            case .success(let c) where c <= Ranges.requests.upperBound: count = c
            case .success: throw InputError(.file(path, line: number, column: column), "requests: '\(cells[1])' is out of range")
            case .failure(let e): throw InputError(.file(path, line: number, column: column), "requests: \(e.message)")
            }
            times.append((time, number))
            counts.append(count)
        }
        guard counts.count >= 2 else {
            throw InputError(.wholeFile(path), "a trace needs at least two rows of 'timestamp,requests'")
        }
        let interval = times[1].0 - times[0].0
        guard interval == 60 || interval == 3600 else {
            throw InputError(.file(path, line: times[1].1, column: 1), "rows must be 1 minute or 1 hour apart; these are \(Format.grouped(interval)) s apart")
        }
        for i in 2..<times.count where times[i].0 - times[i - 1].0 != interval {
            throw InputError(.file(path, line: times[i].1, column: 1), "rows must be evenly spaced \(Format.duration(interval)) apart; this one is \(Format.duration(times[i].0 - times[i - 1].0)) after the last")
        }
        guard counts.contains(where: { $0 > 0 }) else {
            throw InputError(.wholeFile(path), "the trace has no requests at all")
        }
        return TraceFile(counts: counts, intervalSeconds: interval)
    }

    static func timestamp(_ text: String) -> Double? {
        if let epoch = Quantity.decimal(text), epoch.isFinite, epoch >= 0 { return epoch }   // decimal only: no 0x3c
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return date.timeIntervalSince1970 }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        }
        return nil
    }
}
