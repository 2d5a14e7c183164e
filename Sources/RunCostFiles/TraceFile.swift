import Foundation
import RunCostCore

/// A traffic trace: CSV rows `timestamp,requests`, one per minute or per hour, evenly spaced.
/// Timestamps are epoch seconds or ISO 8601 (`2026-11-02T09:00:00Z`, `2026-11-02 09:00`).
///
/// The file is read in blocks and each row is folded into a `TraceLoad` as it is read, so a trace
/// of any length costs memory for its distinct request counts only. Lines may end in LF or CRLF,
/// and a UTF-8 byte-order mark is skipped (a spreadsheet saved on Windows writes both).
public struct TraceFile: Sendable, Equatable {
    public var load: TraceLoad
    public var intervalSeconds: Double

    /// The trace's pattern repeated (or cut) to fill `hours` of service.
    public func requestsPerMonth(hours: Double) -> Double {
        load.total * hours * 3600 / (Double(load.intervals) * intervalSeconds)
    }

    public static func load(_ path: String, origin: Origin? = nil) throws -> TraceFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(origin, "trace \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(origin, "trace \(path): is a directory; expected a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(origin, "trace \(path): cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        var reader = TraceReader(path: path)
        while true {
            let block: Data?
            do { block = try handle.read(upToCount: 1 << 20) } catch {
                throw InputError(origin, "trace \(path): cannot be read (\(error.localizedDescription))")
            }
            guard let block, !block.isEmpty else { break }
            try block.withUnsafeBytes { try reader.feed($0.bindMemory(to: UInt8.self)) }
        }
        return try reader.finish()
    }

    public static func parse(_ text: String, path: String) throws -> TraceFile {
        var reader = TraceReader(path: path)
        var text = text
        try text.withUTF8 { try reader.feed($0) }
        return try reader.finish()
    }
}

/// Splits blocks of bytes into lines and folds each row into the trace's load as it goes.
struct TraceReader {
    let path: String
    var load = TraceLoad()
    var lineNumber = 0
    var partial: [UInt8] = []          // a line cut by the end of a block
    var first: (time: Double, line: Int)?
    var interval: Double?
    var previous = 0.0

    init(path: String) { self.path = path }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var start = 0
        for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "\n") {
            if partial.isEmpty {
                try row(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            } else {
                partial.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                try partial.withUnsafeBufferPointer { try row($0) }
                partial.removeAll(keepingCapacity: true)
            }
            start = i + 1
        }
        partial.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        // A row is a few dozen bytes: a file without line ends is not a trace, and must not fill memory.
        guard partial.count <= TraceReader.longestLine else {
            throw InputError(.file(path, line: lineNumber + 1, column: 1), "a line longer than 64 KiB; a trace is a CSV of timestamp,requests")
        }
    }

    static let longestLine = 1 << 16

    mutating func finish() throws -> TraceFile {
        if !partial.isEmpty {
            let last = partial
            partial = []
            try last.withUnsafeBufferPointer { try row($0) }
        }
        guard load.intervals >= 2, let interval else {
            throw InputError(.wholeFile(path), "a trace needs at least two rows of 'timestamp,requests'")
        }
        guard load.total > 0 else { throw InputError(.wholeFile(path), "the trace has no requests at all") }
        return TraceFile(load: load, intervalSeconds: interval)
    }

    func error(_ column: Int, _ message: String) -> InputError {
        InputError(.file(path, line: lineNumber, column: column), message)
    }

    /// One line without its LF.
    mutating func row(_ raw: UnsafeBufferPointer<UInt8>) throws {
        lineNumber += 1
        var lo = 0, hi = raw.count
        if lineNumber == 1, hi >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { lo = 3 }   // byte-order mark
        let line = UnsafeBufferPointer(rebasing: raw[lo..<hi])
        lo = 0; hi = line.count
        while hi > lo, isBlank(line[hi - 1]) { hi -= 1 }   // CR of a CRLF, trailing blanks
        while lo < hi, isBlank(line[lo]) { lo += 1 }
        if lo == hi || line[lo] == UInt8(ascii: "#") { return }
        var ascii = true
        for i in lo..<hi {
            if line[i] == 0 { throw error(column(line, i), "not text (a NUL byte); a trace is a CSV of timestamp,requests") }
            if line[i] >= 0x80 { ascii = false }
        }
        if !ascii, String(validating: line, as: UTF8.self) == nil {
            throw error(1, "not UTF-8 text; a trace is a CSV of timestamp,requests")
        }
        // The one comma, and each cell's bounds without blanks.
        var commas = 0, comma = hi
        for i in lo..<hi where line[i] == UInt8(ascii: ",") {
            if commas == 0 { comma = i }
            commas += 1
        }
        var timeEnd = comma
        while timeEnd > lo, isBlank(line[timeEnd - 1]) { timeEnd -= 1 }
        let time = UnsafeBufferPointer(rebasing: line[lo..<timeEnd])
        if load.intervals == 0, first == nil, isWord(time, "timestamp") { return }   // a header row
        guard commas == 1 else {
            throw error(column(line, lo), "expected 2 columns 'timestamp,requests', found \(commas + 1)")
        }
        var countStart = comma + 1
        while countStart < hi, isBlank(line[countStart]) { countStart += 1 }
        let countText = UnsafeBufferPointer(rebasing: line[countStart..<hi])

        guard let t = Timestamp.parse(time) else {
            throw error(column(line, lo), "expected a timestamp (epoch seconds or ISO 8601 like 2026-11-02T09:00:00Z), got '\(text(time))'")
        }
        let count = try requests(countText, column: column(line, countStart))
        try space(t)
        load.add(count)
    }

    /// Checks the row's spacing against the first two rows'.
    mutating func space(_ t: Double) throws {
        if let first {
            if let interval {
                guard t - previous == interval else {
                    throw error(1, "rows must be evenly spaced \(Format.duration(interval)) apart; this one is \(Format.duration(t - previous)) after the last")
                }
            } else {
                let gap = t - first.time
                guard gap == 60 || gap == 3600 else {
                    throw error(1, "rows must be 1 minute or 1 hour apart; these are \(Format.grouped(gap)) s apart")
                }
                interval = gap
            }
        } else {
            first = (t, lineNumber)
        }
        previous = t
    }

    func requests(_ cell: UnsafeBufferPointer<UInt8>, column: Int) throws -> Double {
        // Plain whole numbers (nearly every row) without building a String.
        if !cell.isEmpty, cell.count <= 15, cell.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return Double(cell.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        switch Quantity.parse(text(cell), as: .count) {
        case .success(let c) where c <= Ranges.requests.upperBound: return c
        case .success: throw error(column, "requests: '\(text(cell))' is out of range")
        case .failure(let e): throw error(column, "requests: \(e.message)")
        }
    }

    func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    func isWord(_ cell: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard cell.count == word.utf8CodeUnitCount else { return false }
        return (0..<cell.count).allSatisfy { cell[$0] | 0x20 == word.utf8Start[$0] }
    }

    /// 1-based column in characters (UTF-8 lead bytes) of byte `offset`.
    func column(_ line: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        (0..<offset).reduce(1) { $0 + (line[$1] & 0xC0 == 0x80 ? 0 : 1) }
    }

    func text(_ cell: UnsafeBufferPointer<UInt8>) -> String { String(decoding: cell, as: UTF8.self) }
}

/// Timestamps read by hand at fixed positions: no formatter object per row, nothing lenient.
enum Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when `cell` is not
    /// - epoch seconds: digits with an optional decimal fraction (no sign, exponent or hex), or
    /// - ISO 8601: `YYYY-MM-DD` `T` or space `hh:mm`, optional `:ss` and `.fraction`, optional zone
    ///   `Z`, `±hh:mm` or `±hhmm` (none means UTC).
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        if let epoch = epochSeconds(cell) { return epoch }
        return iso8601(cell)
    }

    static func digit(_ b: UInt8) -> Int? { b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil }

    static func epochSeconds(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, whole = 0
        while i < cell.count, let d = digit(cell[i]) {
            guard i < 15 else { return nil }       // beyond any plausible date, and exact in a Double
            whole = whole * 10 + d; i += 1
        }
        guard i > 0 else { return nil }
        if i == cell.count { return Double(whole) }
        guard cell[i] == UInt8(ascii: "."), i + 1 < cell.count else { return nil }
        var fraction = 0.0, scale = 0.1
        for b in cell[(i + 1)...] {
            guard let d = digit(b) else { return nil }
            fraction += Double(d) * scale; scale /= 10
        }
        return Double(whole) + fraction
    }

    static func iso8601(_ c: UnsafeBufferPointer<UInt8>) -> Double? {
        func number(_ at: Int, _ width: Int) -> Int? {
            guard at + width <= c.count else { return nil }
            var n = 0
            for i in at..<(at + width) { guard let d = digit(c[i]) else { return nil }; n = n * 10 + d }
            return n
        }
        func byte(_ at: Int, _ allowed: String) -> Bool { at < c.count && allowed.utf8.contains(c[at]) }
        guard let year = number(0, 4), byte(4, "-"), let month = number(5, 2), byte(7, "-"), let day = number(8, 2),
              byte(10, "T t"), let hour = number(11, 2), byte(13, ":"), let minute = number(14, 2),
              let date = CalendarDate(year: year, month: month, day: day), hour < 24, minute < 60 else { return nil }
        var seconds = 0.0, i = 16
        if byte(i, ":") {
            guard let s = number(i + 1, 2), s < 60 else { return nil }
            seconds = Double(s); i += 3
            if byte(i, ".") {
                i += 1
                var scale = 0.1, any = false
                while i < c.count, let d = digit(c[i]) { seconds += Double(d) * scale; scale /= 10; i += 1; any = true }
                guard any else { return nil }
            }
        }
        var offset = 0
        if byte(i, "Zz") { i += 1 }
        else if byte(i, "+-") {
            let sign = c[i] == UInt8(ascii: "-") ? -1 : 1
            guard let h = number(i + 1, 2), h < 24 else { return nil }
            var m: Int?
            if byte(i + 3, ":") { m = number(i + 4, 2); i += 6 } else { m = number(i + 3, 2); i += 5 }
            guard let m, m < 60 else { return nil }
            offset = sign * (h * 3600 + m * 60)
        }
        guard i == c.count else { return nil }
        return Double(date.dayNumber * 86400 + hour * 3600 + minute * 60 - offset) + seconds
    }
}
