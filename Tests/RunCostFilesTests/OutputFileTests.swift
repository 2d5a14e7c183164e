import Foundation
import Testing
import RunCostTestSupport
@testable import RunCostFiles

/// The pieces behind `-o`: path arithmetic that does not trap, temporary names that fit, identity
/// of inputs, atomic writes through symlinks.
@Suite struct OutputFileTests {
    @Test(arguments: [("a", ""), ("-", ""), ("a/b.yaml", "a"), ("/x", "/"), ("a//b", "a"), ("a/", ""), ("/", "/"),
                      ("./w", "."), ("../p/t.csv", "../p"), ("/tmp/d/", "/tmp")])
    func folderOf(path: String, folder: String) {
        #expect(FilePath.folder(of: path) == folder)
    }

    @Test func nameAndJoin() {
        #expect(FilePath.name(of: "a/b.yaml") == "b.yaml" && FilePath.name(of: "x") == "x" && FilePath.name(of: "d/") == "d")
        #expect(FilePath.join("", "t.csv") == "t.csv" && FilePath.join("a", "/abs") == "/abs" && FilePath.join("/", "x") == "/x")
        #expect(FilePath.join("a/b", "t.csv") == "a/b/t.csv")
    }

    /// A file name may have 255 bytes; its temporary name must too, and be the same on every run
    /// (the next run finds a dead process's file by that prefix).
    @Test func temporaryNamesFitAndAreStable() {
        let short = OutputFile.temporaryName(for: "out/report.csv", pid: 4242)
        #expect(short == ".report.csv.4242.tmp")
        for name in [String(repeating: "r", count: 250), String(repeating: "é", count: 127), String(repeating: "x", count: 255)] {
            let temp = OutputFile.temporaryName(for: "dir/" + name, pid: Int32.max)
            #expect(temp.utf8.count <= 255, "\(temp.utf8.count) bytes")
            #expect(OutputFile.temporaryPrefix(for: name) == OutputFile.temporaryPrefix(for: "other/" + name))
        }
        let a = OutputFile.temporaryPrefix(for: String(repeating: "r", count: 249) + "a")
        let b = OutputFile.temporaryPrefix(for: String(repeating: "r", count: 249) + "b")
        #expect(a != b, "two long names sharing a prefix must not share temporaries")
        #expect(OutputFile.fnv1a("a") == "af63dc4c8601ec8c")   // FNV-1a 64 of "a", the published test vector
    }

    @Test func inputsAreRecognisedByIdentity() throws {
        let dir = try ScratchFolder.create()
        let tables = dir.appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: tables.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let table = tables.appendingPathComponent("t.yaml")
        try Data("x".utf8).write(to: table)
        try FileManager.default.linkItem(at: table, to: dir.appendingPathComponent("hard"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("soft").path, withDestinationPath: "tables/t.yaml")
        for target in [table.path, tables.path + "/sub/../t.yaml", dir.appendingPathComponent("hard").path, dir.appendingPathComponent("soft").path] {
            #expect(throws: InputError.self, "\(target)") { try InputIdentity.refuseInput(target, inputs: [tables.path]) }
        }
        try InputIdentity.refuseInput(dir.appendingPathComponent("new.csv").path, inputs: [tables.path])
        try InputIdentity.refuseInput(tables.appendingPathComponent("new.yaml").path, inputs: [tables.path])
    }

    @Test func writingThroughASymlinkKeepsTheLink() throws {
        let dir = try ScratchFolder.create()
        try Data("old".utf8).write(to: dir.appendingPathComponent("real.txt"))
        let link = dir.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
        try AtomicWriter.write("new", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.txt")
        #expect(try String(contentsOf: dir.appendingPathComponent("real.txt"), encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.txt", "real.txt"])
    }

    @Test func overwriteFalseRefusesAnExistingFile() throws {
        let dir = try ScratchFolder.create()
        let path = dir.appendingPathComponent("a.csv").path
        try AtomicWriter.write("1", to: path, overwrite: false)
        #expect(throws: InputError(.wholeFile(path), "already exists; not overwriting it")) { try AtomicWriter.write("2", to: path, overwrite: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "1")
    }
}
