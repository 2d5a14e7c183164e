import RunCostCore

/// Where and when a table's figures were read: `as_of:` (a date) and `source:` (a URL). One reading
/// for offerings, services, commitments and cold-start rows, so a bad date or a bare name gets the
/// same located error wherever it stands.
extension YAMLFile {
    /// A calendar date, YYYY-MM-DD.
    func date(_ node: Node, _ what: String) throws -> CalendarDate {
        let text = try string(node, what)
        guard let date = CalendarDate(iso: text) else {
            throw InputError(origin(of: node), "\(what): expected a date YYYY-MM-DD, got '\(text)'")
        }
        return date
    }

    /// An http(s) URL; `expected` names what it is ("the URL the prices were read from"). A what-if
    /// table saved by the TUI puts Offering.whatIfSourcePrefix before the original URL, which only
    /// offerings accept (`allowingWhatIf`).
    func url(_ node: Node, _ what: String, expected: String, allowingWhatIf: Bool = false) throws -> String {
        let text = try string(node, what)
        let url = allowingWhatIf && text.hasPrefix(Offering.whatIfSourcePrefix) ? String(text.dropFirst(Offering.whatIfSourcePrefix.count)) : text
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw InputError(origin(of: node), "\(what): expected \(expected), got '\(text)'")
        }
        return text
    }
}

/// An offering's or a service's `as_of:` and `source:`, read in that order.
struct DatedSource {
    let asOf: CalendarDate
    let source: String

    init(_ yaml: YAMLFile, _ f: inout Fields, allowingWhatIf: Bool = false) throws {
        asOf = try yaml.date(f.required("as_of"), "as_of")
        source = try yaml.url(f.required("source"), "source", expected: "the URL the prices were read from", allowingWhatIf: allowingWhatIf)
    }
}
