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
