import Foundation
import Testing
import RunCostCore
@testable import RunCostFiles

/// The tree built from libyaml's events (the fast path) against Yams' composer (the path it
/// replaced, and still the one that reports errors): same tree, same decoded offerings, same
/// error message, on the bundled tables, a generated table and a corpus of awkward YAML.
@Suite struct YAMLEventReaderTests {
    static let pricing = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("pricing").path

    /// What reading a text gives: a tree, or an error message.
    enum Read: Equatable { case tree(YAMLNode), error(String) }

    /// The text read both ways.
    static func bothWays(_ text: String, path: String = "t.yaml") -> (events: Read, yams: Read) {
        func read(_ composer: YAMLFile.Composer) -> Read {
            do { return .tree(try YAMLFile(text: text, path: path, composer: composer).root) } catch { return .error("\(error)") }
        }
        return (read(.events), read(.yams))
    }

    @Test func bundledTablesDecodeTheSameBothWays() throws {
        let tables = try EmbeddedTable.read(folder: Self.pricing)
        #expect(tables.count >= 5)
        for table in tables {
            // The fast path reads every bundled table itself: none falls back to Yams.
            #expect(YAMLEventReader.compose(table.text) != .unusual, "\(table.name) fell back to Yams")
            let events = try YAMLFile(text: table.text, path: table.name, composer: .events)
            let yams = try YAMLFile(text: table.text, path: table.name, composer: .yams)
            #expect(events.root == yams.root, "\(table.name): the trees differ")
            if ColdStartLoader.isColdStartTable(events) {
                let a = try ColdStartLoader.load(events), b = try ColdStartLoader.load(yams)
                #expect(!a.isEmpty && a == b)
            } else if ServiceLoader.isServiceTable(events) {
                let a = try ServiceLoader.load(events, seen: []), b = try ServiceLoader.load(yams, seen: [])
                #expect(!a.isEmpty && a == b, "\(table.name): the services differ")
            } else {
                let a = try PricingLoader.load(events, seen: []), b = try PricingLoader.load(yams, seen: [])
                #expect(!a.isEmpty && a == b, "\(table.name): the offerings differ")
            }
        }
    }

    @Test func generatedTableDecodesTheSameBothWays() throws {
        let bundled = try Catalog.load([Self.pricing]).offerings.filter { $0.currency == "USD" }
        let generated = (0..<300).map { i -> Offering in
            var o = bundled[i % bundled.count].scalingPrices(by: 0.7 + Double(i % 7) * 0.1)
            o.id = "bench-\(i)-\(o.id)"; o.provider = "bench"
            return o
        }
        let text = PricingWriter.yaml(provider: "bench", currency: "USD", offerings: generated)
        let events = try YAMLFile(text: text, path: "bench.yaml", composer: .events)
        let yams = try YAMLFile(text: text, path: "bench.yaml", composer: .yams)
        #expect(events.root == yams.root)
        let decoded = try PricingLoader.load(events, seen: []), reference = try PricingLoader.load(yams, seen: [])
        #expect(decoded.count == 300 && decoded == reference)
    }

    /// Marks are libyaml's, counted from 1 and in characters (not bytes), as Yams reported them.
    @Test func marksCountCharacters() throws {
        let yaml = try YAMLFile(text: "name: Zürich\nwhere: é\nlist:\n  - a\n  - {k: v}\n", path: "m.yaml", composer: .events)
        guard case .mapping(let m) = yaml.root else { Issue.record("not a mapping"); return }
        #expect(m.mark == YAMLNode.Mark(line: 1, column: 1))
        #expect(m.pairs[1].value.mark == YAMLNode.Mark(line: 2, column: 8))
        guard case .sequence(let items) = m.pairs[2].value else { Issue.record("not a list"); return }
        #expect(items.map(\.mark) == [YAMLNode.Mark(line: 4, column: 5), YAMLNode.Mark(line: 5, column: 5)])
        #expect(m.pairs[0].value.scalar?.string == "Zürich")
    }

    static let corpus: [String] = [
        // Plain documents the fast path reads itself.
        "a: 1\n", "a: 'x'\nb: \"y\\tz\"\nc: |\n  line\n  two\nd: >\n  folded\n  text\n", "- 1\n- [2, 3]\n- {x: y}\n",
        "a: ~\nb: null\nc:\nd: ''\n", "a: &one 1\nb: *one\n", "a: &m {x: 1}\nb: *m\nc: &m 2\nd: *m\n",
        "---\na: 1\n...\n", "a:\r\n  b: 1\r\n", "\u{FEFF}a: 1\n", "a: \"\\u00e9\\x41\"\n",
        (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n"),
        String(repeating: "[", count: 50) + String(repeating: "]", count: 50),
        // Empty files.
        "", "# only a comment\n", "---\n", "~\n", "''\n",
        // Tags: refused where they stand, or accepted when they say what runcost assumes.
        "a: !foo 1\n", "a: 1\nb: !!float 1\n", "a: !!str 1\n", "a: ! 1\n", "!!map {a: 1}\n", "a: !!seq [1]\n",
        "!!int ''\n", "a: !<tag:x> 1\n", "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
        // Repeated keys, also differently quoted or tagged, in small and large mappings.
        "a: 1\na: 2\n", "'a': 1\n\"a\": 2\n", "!!str a: 1\na: 2\n", "!!int 1: a\n1: b\n",
        "x:\n  b: 1\n  c: 2\n  b: 3\n", "{a: 1, b: 2, a: 3}\n", "b: 1\na: 1\nb: 2\na: 2\n",
        (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again\n",
        "- requests: 1\n  requests: 2\n", "offerings:\n  - id: x\n    price: 1\n    price: 2\n",
        // Keys that are not single values, aliases as keys.
        "? [a]\n: 1\n", "{a: 1}: 2\n", "? {a: 1}\n: 1\n? {a: 1}\n: 2\n", "a: &k x\n*k : 2\n", "a: &k [1]\n*k : 2\n",
        // Aliases that name nothing, or themselves.
        "a: *nope\n", "a: &x [*x]\n",
        // Several documents.
        "a: 1\n---\nb: 2\n", "---\n---\n",
        // Syntax errors.
        "a: [1\nb: 2\n", "a: 'open\n", "a: b: c\n", "\ta: 1\n", "a:\n\t- 1\n", "- a\nb: 1\n", "a: \"\\q\"\n",
        "a: @x\n", "a: `x`\n", "key: value\n  bad: indent\n", "[a, b]]\n", "a: \"\\uD800\"\n", "&a\n", "a: &\n",
        "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "%FOO\n---\na\n",
    ]

    @Test(arguments: corpus.indices)
    func readsAsYamsDid(_ i: Int) {
        let (events, yams) = Self.bothWays(Self.corpus[i])
        #expect(events == yams, "\(Self.corpus[i].debugDescription)")
    }

    /// Exact messages for the cases the fast path hands to Yams (the same as before this reader).
    @Test func unusualDocumentsKeepTheirMessages() throws {
        let expected: [(String, String)] = [
            ("a: 1\nb: !!float 1\n", "t.yaml:2:4: YAML tag 'tag:yaml.org,2002:float' is not supported; write the plain value"),
            ("x:\n  b: 1\n  c: 2\n  b: 3\n", "t.yaml:4:3: 'b' appears twice in the same mapping"),
            ("a: *nope\n", "t.yaml:1:4: malformed YAML: found undefined alias"),
            ("a: 1\n---\nb: 2\n", "t.yaml:2:1: malformed YAML: expected a single document in the stream but found another document"),
            ("a: [1\nb: 2\n", "t.yaml:2:2: malformed YAML: while parsing a flow sequence did not find expected ',' or ']'"),
        ]
        for (text, message) in expected {
            #expect(YAMLEventReader.compose(text) == .unusual)
            #expect(throws: (any Error).self) { try YAMLFile(text: text, path: "t.yaml") }
            do { _ = try YAMLFile(text: text, path: "t.yaml"); Issue.record("\(text.debugDescription) was accepted") } catch {
                #expect("\(error)" == message)
            }
        }
        // The fast path's own outcome for a plain table and for no document at all.
        #expect(YAMLEventReader.compose("# nothing\n") == .document(nil))
        #expect(YAMLEventReader.compose("a: 1\n") != .unusual)
    }
}
