import Foundation
import Testing
import RunCostCore
import RunCostTestSupport
@testable import RunCostFiles

@Suite struct QuantityTests {
    func value(_ text: String, _ kind: Quantity.Kind) -> Double? {
        if case .success(let v) = Quantity.parse(text, as: kind) { return v }
        return nil
    }

    func message(_ text: String, _ kind: Quantity.Kind) -> String? {
        if case .failure(let e) = Quantity.parse(text, as: kind) { return e.message }
        return nil
    }

    @Test(arguments: [("3M", 3e6), ("1.5e9", 1.5e9), ("250k", 250_000), ("2B", 2e9), ("7440000", 7_440_000), ("+5", 5)])
    func counts(_ text: String, _ expected: Double) { #expect(value(text, .count) == expected) }

    @Test(arguments: [("120ms", 0.12), ("2s", 2), ("15min", 900), ("1h", 3600), ("1.5 s", 1.5)])
    func durations(_ text: String, _ expected: Double) { #expect(value(text, .duration) == expected) }

    // MB and MiB both mean 2^20 bytes, GB and GiB 2^30, as providers bill: 1536 MB = 1.5 GB.
    @Test(arguments: [("512MB", 512), ("512MiB", 512), ("1.5GB", 1536), ("2GiB", 2048), ("512 MB", 512), ("1TB", 1_048_576)])
    func memory(_ text: String, _ expected: Double) { #expect(value(text, .memory) == expected) }

    @Test func fractions() {
        #expect(value("70%", .fraction) == 0.7)
        #expect(value("0.7", .fraction) == 0.7)
    }

    @Test func rejectsWhatIsNotANumber() {
        #expect(message("-5ms", .duration)?.hasSuffix("must not be negative") == true)
        #expect(message("1e400", .count)?.hasSuffix("out of range") == true)
        #expect(message("nan", .count) != nil)
        #expect(message("inf", .count) != nil)
        #expect(message("", .count) == "expected a count like 3M, 250k or 1.5e9, got nothing")
        #expect(message("512 MBs", .memory)?.contains("unknown unit 'MBs' (did you mean 'MB'?)") == true)
        #expect(message("12 parsecs", .duration)?.contains("unknown unit 'parsecs'") == true)
        #expect(message("120", .duration)?.contains("a unit is required") == true)
        #expect(message("1..2", .number) != nil)
        #expect(message("0x10", .number) != nil)
        #expect(message("eight cents", .number) != nil)
    }

    @Test func money() {
        if case .success(let m) = Quantity.money("250 USD") { #expect(m.amount == 250 && m.currency == "USD") } else { Issue.record("250 USD") }
        if case .success(let m) = Quantity.money("$12.50") { #expect(m.amount == 12.5 && m.currency == "USD") } else { Issue.record("$12.50") }
        if case .success(let m) = Quantity.money("99") { #expect(m.amount == 99 && m.currency == nil) } else { Issue.record("99") }
        for bad in ["lots", "eight cents", "250 dollars", "-5", "1e400", ""] {
            if case .success = Quantity.money(bad) { Issue.record("accepted '\(bad)'") }
        }
    }
}

@Suite struct WorkloadSpecTests {
    func temp(_ name: String, _ text: String) throws -> String {
        let dir = try ScratchFolder.create()
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func flagsOverrideTheFile() throws {
        let path = try temp("w.yaml", "requests: 3M\nduration: 120ms\nmemory: 1536MB\nfree_tier: true\n")
        var spec = try WorkloadSpec(file: path)
        spec.override(.rps, "10")
        spec.override(.freeTier, "false")
        let w = try spec.build()
        #expect(w.requestsPerMonth == 10 * 730 * 3600)
        #expect(w.duration == 0.12 && w.memoryMiB == 1536 && !w.freeTier)
    }

    @Test func errorsNameTheFlagOrThePlace() throws {
        var spec = WorkloadSpec()
        spec.override(.requests, "1M"); spec.override(.duration, "1s"); spec.override(.memory, "1GB")
        spec.override(.traffic, "diurnal"); spec.override(.peakToAverage, "30")
        #expect(throws: InputError(.flag("--peak-to-average"), "peak_to_average: a diurnal day peaks at most 24 × its average (one busy hour); got 30")) {
            try spec.build()
        }
        let path = try temp("w.yaml", "requests: 3M\nduration: 120ms\nmemory: 1536MB\nconcurrency: 2.5\n")
        #expect(throws: InputError(.file(path, line: 4, column: 14), "concurrency: expected a whole number, got '2.5'")) {
            try WorkloadSpec(file: path).build()
        }
    }

    @Test func oneVolumeOnly() throws {
        let path = try temp("w.yaml", "requests: 3M\nrps: 5\nduration: 1s\nmemory: 1GB\n")
        #expect(throws: InputError(.file(path, line: 2, column: 6), "give requests or rps, not both")) {
            try WorkloadSpec(file: path).build()
        }
    }

    @Test func traceFile() throws {
        let path = try temp("t.csv", "timestamp,requests\n2026-11-02T00:00:00Z,100\n2026-11-02T01:00:00Z,300\n")
        let trace = try TraceFile.load(path)
        #expect(trace.load == [100, 300] && trace.intervalSeconds == 3600)
        // 400 requests in 2 hours, repeated over 730 hours = 146,000.
        #expect(trace.requestsPerMonth(hours: 730) == 146_000)
        let uneven = try temp("u.csv", "0,1\n60,2\n180,3\n")
        #expect(throws: InputError(.file(uneven, line: 3, column: 1), "rows must be evenly spaced 1min apart; this one is 2min after the last")) {
            try TraceFile.load(uneven)
        }
        let bad = try temp("b.csv", "0,1\n60,many\n")
        #expect(throws: InputError(.file(bad, line: 2, column: 4), "requests: expected a count like 3M, 250k or 1.5e9, got 'many'")) {
            try TraceFile.load(bad)
        }
    }

    @Test func bundledExamplesLoad() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let examples = root.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("budget") }
        #expect(names.count >= 6)
        for name in names { _ = try WorkloadSpec(file: examples.appendingPathComponent(name).path).build() }
        let catalog = try Catalog.load([root.appendingPathComponent("pricing").path])
        #expect(catalog.offerings.count >= 40)
        #expect(Set(catalog.offerings.map(\.id)).count == catalog.offerings.count)
    }
}

/// The byte-level fast path must accept exactly what the character parser accepts, with the same
/// value, and leave every error (with its message) to the character parser.
@Suite struct QuantityFastPathTests {
    static let texts = [
        "3M", "1.5e9", "250k", "2B", "7440000", "+5", "120ms", "2s", "15min", "1h", "1.5 s", " 1.5\ts ", "512MB",
        "1.5GB", "2GiB", "1TB", "70%", "0.7", "1.", ".5", "6e1", "6e", "6e+", "6E-2", "1e400", "1e308k", "0.0000001",
        "", " ", "-1", "+-1", "+", ".", "..5", "1..5", "0x10", "nan", "inf", "1 2", "12 MB extra", "5mb", "5 min",
        "5\u{301}", "٣", "5\u{200B}", "5 µs", "1\r\n", "16", "0", "000", "1_000", "1,000",
    ]

    @Test func agreesWithTheCharacterParserOnEveryKind() {
        for kind in [Quantity.Kind.count, .duration, .memory, .number, .fraction] {
            for text in Self.texts {
                let full = Quantity.parseCharacters(text, as: kind)
                if let fast = Quantity.parseASCII(text, as: kind) {
                    #expect(full == .success(fast), "\(text) as \(kind)")
                }
                #expect(Quantity.parse(text, as: kind) == full, "\(text) as \(kind)")
            }
        }
        // The fast path does run on plain values, with the figures the tables mean.
        #expect(Quantity.parseASCII("1.5GiB", as: .memory) == 1536)
        #expect(Quantity.parseASCII(" 120ms", as: .duration) == 0.12)
        #expect(Quantity.parseASCII("70%", as: .fraction) == 0.7)
        #expect(Quantity.parseASCII("5\u{301}", as: .number) == nil)
    }
}
