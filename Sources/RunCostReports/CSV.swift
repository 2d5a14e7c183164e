import RunCostCore
import Foundation

/// RFC 4180 CSV: quoted where needed, CRLF-free, a final newline, and text cells that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'`.
/// Text cells are neutralised first (`SafeText`): no control scalar survives, so a name holding
/// "\r\n=cmd" can neither start a new record nor reach a terminal that shows the file.
public enum CSV {
    public enum Cell: Sendable {
        case text(String)
        case number(Double?)   // nil → empty cell
        /// An amount of money: at most 6 decimal places (a millionth of a dollar is far below
        /// any bill), so `0.0008666699999999999` reads `0.000867`. JSON keeps the unrounded value.
        case money(Double?)
        /// A unit price: 10 significant digits, written out in decimal (`0.0000166667`, not `1.66667e-05`).
        case price(Double?)
    }

    public static func row(_ cells: [Cell]) -> String {
        cells.map(render).joined(separator: ",") + "\n"
    }

    public static func header(_ names: [String]) -> String { row(names.map { .text($0) }) }

    /// A money column's name with its currency: `monthly_cost_usd`.
    public static func moneyColumn(_ name: String, _ currency: String) -> String { name + "_" + currency.lowercased() }

    static func money(_ value: Double) -> String {
        let text = Format.trimmed(value, maxFractionDigits: 6)
        return text == "-0" ? "0" : text
    }

    static func price(_ value: Double) -> String {
        let clean = Format.significant(value, digits: 10)
        guard abs(clean) < 1e15, abs(clean) >= 1e-12 || clean == 0 else { return JSON.format(clean) }
        let decimals = clean == 0 ? 0 : Swift.max(0, 9 - Int(log10(abs(clean)).rounded(.down)))
        let text = Format.trimmed(clean, maxFractionDigits: decimals)
        return text == "-0" ? "0" : text
    }

    static func render(_ cell: Cell) -> String {
        switch cell {
        case .number(let n): return n.flatMap { $0.isFinite ? JSON.format($0) : nil } ?? ""
        case .money(let m): return m.flatMap { $0.isFinite ? money($0) : nil } ?? ""
        case .price(let p): return p.flatMap { $0.isFinite ? price($0) : nil } ?? ""
        case .text(let raw):
            var s = SafeText.neutralised(raw)
            if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { s = "'" + s }
            // Scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
            if s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
    }
}

extension SweepParameter {
    /// The CSV column for this parameter, naming its unit: `requests_per_month`, `duration_s`, `memory_mib`.
    public var csvColumn: String {
        switch self {
        case .requests: "requests_per_month"
        case .rps: "requests_per_second"
        case .duration: "duration_s"
        case .cpuTime: "cpu_time_s"
        case .memory: "memory_mib"
        case .concurrency: "concurrency"
        case .peakToAverage: "peak_to_average"
        case .hours: "hours_per_month"
        case .instances: "instances"
        case .commitmentUtilisation: "commitment_utilisation"
        case .maxColdStartRate: "max_cold_start_rate"
        case .readsPerRequest: "reads_per_request"
        case .monthlyActiveUsers: "monthly_active_users"
        case .responseSize: "response_size_mib"
        case .storage: "storage_mib"
        }
    }
}
