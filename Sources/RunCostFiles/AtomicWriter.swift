import Foundation

/// Writes files the safe way: to a temporary file in the same folder, then renamed into place,
/// so a reader never sees half a file. Refuses to overwrite inputs, and existing files unless told.
public enum AtomicWriter {
    public static func write(_ text: String, to path: String, inputs: [String] = [], overwrite: Bool = true) throws {
        try checkTarget(path, inputs: inputs, overwrite: overwrite)
        let temporary = temporaryName(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw InputError(.wholeFile(path), "cannot write here (does the folder exist, and is it writable?)")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw InputError(.wholeFile(path), "cannot replace the file: \(String(cString: strerror(errno)))")
        }
    }

    /// Refuses inputs, folders, and (unless `overwrite`) existing files.
    static func checkTarget(_ path: String, inputs: [String], overwrite: Bool = true) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw InputError(.wholeFile(path), "refusing to overwrite an input file")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw InputError(.wholeFile(path), "is a directory; expected a file name to write") }
            if !overwrite { throw InputError(.wholeFile(path), "already exists; not overwriting it") }
        }
    }

    /// A hidden name beside the target, unique to this process.
    static func temporaryName(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
    }
}
