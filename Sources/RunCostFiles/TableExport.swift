import Foundation

/// Writes tables held in memory (the bundled ones) to a folder for editing.
public enum TableExport {
    /// Creates `folder` if needed and writes each table atomically. Every target is checked before
    /// anything is written, so a refusal leaves the folder as it was.
    public static func write(_ tables: [EmbeddedTable], to folder: String, overwrite: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw InputError(.wholeFile(folder), "is a file; expected a folder to write the tables into") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw InputError(.wholeFile(folder), "cannot create this folder (is its parent writable?)")
            }
        }
        let targets = tables.map { (folder as NSString).appendingPathComponent($0.name) }
        for target in targets where FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw InputError(.wholeFile(target), "is a directory; expected a table file to write") }
            if !overwrite { throw InputError(.wholeFile(target), "already exists; give --force to replace it") }
        }
        for (table, target) in zip(tables, targets) {
            try AtomicWriter.write(table.text, to: target, overwrite: overwrite)
        }
    }
}
