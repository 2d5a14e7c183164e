import Foundation
import Testing
import RunCostCore
@testable import RunCostFiles

/// `Fields` tracks read keys with a flag per entry and the names asked for in a list; mappings
/// below and above `Fields.scanLimit` keys (scanned, or checked with a set) read alike.
@Suite struct FieldsTests {
    func file(_ text: String) throws -> YAMLFile {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runcost-fields-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try YAMLFile(path: path)
    }

    func error(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }

    @Test(arguments: [3, Fields.scanLimit, Fields.scanLimit + 1, 40])
    func everyKeyIsReadAndTheUnreadOneLocated(_ keys: Int) throws {
        let yaml = try file((0..<keys).map { "k\($0): \($0)" }.joined(separator: "\n") + "\n")
        var f = try yaml.mapping(yaml.root, "a test mapping")
        #expect(f.keys == (0..<keys).map { "k\($0)" })
        for i in 0..<keys where i != 2 {
            #expect(try f.optional("k\(i)").map { try yaml.quantity($0, "k\(i)", .count, Ranges.count) } == Double(i))
        }
        let message = try #require(error { try f.rejectUnknown(known: ["k2"]) })
        #expect(message.hasSuffix(":3:1: unknown field 'k2' in a test mapping (did you mean 'k2'?)"), "\(message)")
        _ = try f.required("k2")
        try f.rejectUnknown()
    }

    // A repeated key was reported with Yams' text, which quotes the whole document, and no place.
    @Test func aRepeatedKeyIsLocatedOnOneLine() throws {
        let lines = ["# a table"] + (0..<20).map { "k\($0): \($0)" } + ["k1: again"]
        let message = try #require(error { _ = try file(lines.joined(separator: "\n") + "\n") })
        // Located at the repeat (line 22), named once: the wording of the project's own duplicate check.
        #expect(message.hasSuffix(":22:1: 'k1' appears twice in the same mapping"), "\(message)")
        #expect(!message.contains("\n") && !message.contains("k19"))
    }

    @Test func unreadKeysAreUnknownWithTheNearestNameAsked() throws {
        let yaml = try file("memory: 1GB\nduraton: 2s\nnote: ~\n")
        var f = try yaml.mapping(yaml.root, "a workload")
        #expect(try f.optional("memory").map { try yaml.quantity($0, "memory", .memory, Ranges.memory) } == 1024)
        #expect(f.optional("duration") == nil)
        #expect(f.optional("note") == nil)      // null, but present: read, not unknown
        #expect(f.optional("memory") != nil)    // asking twice is harmless
        let message = try #require(error { try f.rejectUnknown() })
        #expect(message.hasSuffix(":2:1: unknown field 'duraton' in a workload (did you mean 'duration'?)"), "\(message)")
        _ = f.optional("duraton")
        try f.rejectUnknown()
    }
}

/// `YAMLFile.readText` checks the bytes at once: NUL and invalid UTF-8 are refused, a byte-order
/// mark is dropped, and `string` trims white space at either end (ASCII or not) as before.
@Suite struct YAMLTextTests {
    func temp(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runcost-text-\(UUID().uuidString).yaml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func bytesAreCheckedAtOnce() throws {
        let bom = try temp([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        #expect(try YAMLFile.readText(bom) == "a: 1\n")
        #expect(try YAMLFile(path: bom).mapping(YAMLFile(path: bom).root, "m").keys == ["a"])
        for bad in [Array("a: 1\n".utf8) + [0], Array("a: ".utf8) + [0xC3, 0x28] + [0x0A]] {
            let path = try temp(bad)
            #expect { try YAMLFile.readText(path) } throws: { "\($0)".hasSuffix("is not a UTF-8 text file") }
        }
        let accented = try temp(Array("name: Zürich\n".utf8))
        #expect(try YAMLFile.readText(accented) == "name: Zürich\n")
    }

    @Test func stringTrimsWhiteSpaceAtEitherEnd() {
        for (text, trimmed) in [("plain", "plain"), (" a b\t", "a b"), ("\u{00A0}x\u{2003}", "x"), ("é", "é"), ("\t", "")] {
            #expect(YAMLFile.trimmingWhitespace(text) == trimmed)
            #expect(YAMLFile.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespaces))
        }
    }
}
