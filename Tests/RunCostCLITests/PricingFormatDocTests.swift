import Foundation
import Testing
import RunCostTestSupport

/// The worked examples in docs/pricing-format.md, run as written: each example's files are
/// written to a scratch folder, its command is run, and every line of its shown output must
/// appear in what runcost prints. A doc that drifts from the program fails here.
@Suite struct PricingFormatDocTests {
    struct Example {
        var files: [String: String] = [:]
        var command: [String] = []
        var output: [String] = []
    }

    /// Blocks introduced by `<!-- example NAME: file F -->`, `<!-- example NAME: run -->` and
    /// `<!-- example NAME: output -->`, each followed by a fenced block.
    static func examples() throws -> [String: Example] {
        let doc = try String(contentsOf: RuncostBinary.packageRoot.appendingPathComponent("docs/pricing-format.md"), encoding: .utf8)
        let lines = doc.components(separatedBy: "\n")
        var examples: [String: Example] = [:]
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard line.hasPrefix("<!-- example "), line.hasSuffix(" -->") else { i += 1; continue }
            let body = line.dropFirst("<!-- example ".count).dropLast(" -->".count)
            let parts = body.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts[0], role = parts[1]
            i += 1
            guard i < lines.count, lines[i].hasPrefix("```") else { i += 1; continue }
            i += 1
            var block: [String] = []
            while i < lines.count, !lines[i].hasPrefix("```") { block.append(lines[i]); i += 1 }
            i += 1
            var example = examples[name] ?? Example()
            if role.hasPrefix("file ") { example.files[String(role.dropFirst(5))] = block.joined(separator: "\n") + "\n" }
            else if role == "run" { example.command = block.joined(separator: " ").split(separator: " ").map(String.init) }
            else if role == "output" { example.output = block }
            examples[name] = example
        }
        return examples
    }

    @Test func bothExamplesAreInTheDoc() throws {
        let examples = try Self.examples()
        #expect(Set(examples.keys) == ["override-one-price", "add-an-offering", "add-a-service"])
        for (name, e) in examples {
            #expect(!e.files.isEmpty && e.command.first == "runcost" && !e.output.isEmpty, "\(name) is incomplete")
        }
    }

    @Test(arguments: ["override-one-price", "add-an-offering", "add-a-service"])
    func exampleRunsAsDocumented(_ name: String) throws {
        let example = try #require(try Self.examples()[name])
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (file, text) in example.files {
            try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
            let valid = try RuncostBinary.run(["pricing", "validate", dir.appendingPathComponent(file).path])
            #expect(valid.status == 0, "\(file): \(valid.stderr)")
        }
        let args = example.command.dropFirst().map { example.files[$0] != nil ? dir.appendingPathComponent($0).path : $0 }
        let r = try RuncostBinary.run(Array(args))
        #expect(r.status == 0, "\(name): \(r.stderr)")
        for line in example.output {
            #expect(r.stdout.contains(line), "\(name): the doc shows '\(line)', runcost printed:\n\(r.stdout)")
        }
    }
}
