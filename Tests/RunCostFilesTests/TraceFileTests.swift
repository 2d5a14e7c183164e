import Foundation
import Testing
import RunCostTestSupport
@testable import RunCostCore
@testable import RunCostFiles

/// Traces are read by hand, row by row, into load levels: these pin the formats, the errors and
/// the streaming (rows cut by the reader's block boundary).
@Suite struct TraceFileTests {
    func temp(_ name: String, _ text: String) throws -> String {
        let dir = try ScratchFolder.create()
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // Issue 13 item 5: a spreadsheet on Windows saves CRLF with a byte-order mark.
    @Test func windowsSpreadsheetTrace() throws {
        let path = try temp("t.csv", "\u{FEFF}timestamp,requests\r\n2026-11-02T00:00:00Z,100\r\n2026-11-02T01:00:00Z,300\r\n")
        let trace = try TraceFile.load(path)
        #expect(trace.load == [100, 300] && trace.intervalSeconds == 3600)
        #expect(trace.requestsPerMonth(hours: 730) == 146_000)
        let bad = try temp("b.csv", "0,1\r\n60,many\r\n")
        #expect(throws: InputError(.file(bad, line: 2, column: 4), "requests: expected a count like 3M, 250k or 1.5e9, got 'many'")) {
            try TraceFile.load(bad)
        }
    }

    // Issue 13 item 9: `0x3c` was read as 60 seconds.
    @Test func hexAndOtherLenientTimestampsAreRefused() throws {
        for stamp in ["0x3c", "6e1", "+60", "-60", "60.", "inf", "2026-02-30T00:00:00Z", "2026-11-02T24:00", "2026-11-02T09:60",
                      "2026-11-02", "2026-11-02T09:00:00+25:00", "2026-11-02T09:00:00Zjunk", "٦٠"] {
            let path = try temp("h.csv", "0,1\n\(stamp),2\n")
            #expect(throws: InputError(.file(path, line: 2, column: 1),
                                       "expected a timestamp (epoch seconds or ISO 8601 like 2026-11-02T09:00:00Z), got '\(stamp)'")) {
                try TraceFile.load(path)
            }
        }
    }

    /// The hand-written reader agrees with Foundation's formatters on every accepted layout.
    @Test func timestampsAgreeWithFoundation() throws {
        let iso = ISO8601DateFormatter()
        let plain = DateFormatter()
        plain.locale = Locale(identifier: "en_US_POSIX")
        plain.timeZone = TimeZone(identifier: "UTC")
        func seconds(_ s: String) -> Double? {
            var s = s
            return s.withUTF8 { Timestamp.parse($0) }
        }
        for s in ["2026-11-02T09:00:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "2026-11-02T09:00:00+01:00",
                  "2026-11-02T09:00:00-05:30", "2000-03-01T00:00:00Z"] {
            #expect(seconds(s) == iso.date(from: s)?.timeIntervalSince1970, "\(s)")
        }
        for (s, format) in [("2026-11-02 09:00:30", "yyyy-MM-dd HH:mm:ss"), ("2026-11-02 09:00", "yyyy-MM-dd HH:mm"),
                            ("2026-11-02T09:00:30", "yyyy-MM-dd'T'HH:mm:ss"), ("2026-11-02T09:00", "yyyy-MM-dd'T'HH:mm")] {
            plain.dateFormat = format
            #expect(seconds(s) == plain.date(from: s)?.timeIntervalSince1970, "\(s)")
        }
        #expect(seconds("1793523600") == 1_793_523_600)
        #expect(seconds("60.5") == 60.5)
        #expect(seconds("2026-11-02T09:00:00.250Z") == iso.date(from: "2026-11-02T09:00:00Z")!.timeIntervalSince1970 + 0.25)
        #expect(seconds("2026-11-02T09:00:00+0100") == iso.date(from: "2026-11-02T08:00:00Z")?.timeIntervalSince1970)
    }

    /// 100,000 per-minute rows (2.6 MB) cross the reader's 1 MiB blocks mid-line; five distinct
    /// counts become five load levels, and the month's volume is the trace's rate.
    @Test func longTraceStreamsIntoLevels() throws {
        var text = "timestamp,requests\n"
        for i in 0..<100_000 { text += "\(1_793_491_200 + 60 * i),\(i % 5 * 10)\r\n" }
        let trace = try TraceFile.load(try temp("long.csv", text))
        #expect(trace.load.intervals == 100_000 && trace.intervalSeconds == 60)
        #expect(trace.load.total == 2_000_000)                        // 20,000 rows each of 0, 10, 20, 30, 40
        // 2,000,000 requests in 100,000 minutes = 20/min; 730 h × 60 min × 20 = 876,000.
        #expect(trace.requestsPerMonth(hours: 730) == 876_000)
        let profile = TrafficProfile(.trace(trace.load), peakToAverage: nil)
        #expect(profile.levels.map(\.multiplier) == [0, 0.5, 1, 1.5, 2])
        #expect(profile.levels.map(\.share) == [0.2, 0.2, 0.2, 0.2, 0.2])
    }

    @Test func errorsNameTheLine() throws {
        let short = try temp("s.csv", "timestamp,requests\n0,5\n")
        #expect(throws: InputError(.wholeFile(short), "a trace needs at least two rows of 'timestamp,requests'")) { try TraceFile.load(short) }
        let columns = try temp("c.csv", "0,5\n60,5,7\n")
        #expect(throws: InputError(.file(columns, line: 2, column: 1), "expected 2 columns 'timestamp,requests', found 3")) { try TraceFile.load(columns) }
        let gap = try temp("g.csv", "0,5\n90,5\n")
        #expect(throws: InputError(.file(gap, line: 2, column: 1), "rows must be 1 minute or 1 hour apart; these are 90 s apart")) { try TraceFile.load(gap) }
        let idle = try temp("i.csv", "# quiet\n0,0\n60,0\n")
        #expect(throws: InputError(.wholeFile(idle), "the trace has no requests at all")) { try TraceFile.load(idle) }
        #expect(throws: InputError(nil, "trace /nonexistent/t.csv: no such file")) { try TraceFile.load("/nonexistent/t.csv") }
        let endless = try temp("e.csv", "0,1\n" + String(repeating: "9", count: 3 << 20))
        #expect(throws: InputError(.file(endless, line: 2, column: 1), "a line longer than 64 KiB; a trace is a CSV of timestamp,requests")) { try TraceFile.load(endless) }
        let binary = try temp("n.csv", "0,1\n60,\u{0}2\n")
        #expect(throws: InputError(.file(binary, line: 2, column: 4), "not text (a NUL byte); a trace is a CSV of timestamp,requests")) { try TraceFile.load(binary) }
    }
}
