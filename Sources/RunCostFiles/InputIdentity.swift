import Foundation

/// Which files a run reads, compared by identity — device and inode, after symlinks — so that
/// `./x`, `dir/../x`, a symlink or a hard link to an input is recognised as that input.
public enum InputIdentity {
    struct FileID: Hashable { var device: UInt64; var inode: UInt64 }

    /// Throws (exit 2) when writing `target` would write over one of `inputs`. A folder among the
    /// inputs (a pricing layer) covers the folder itself and every table in it; `-` is standard input.
    public static func refuseInput(_ target: String, inputs: [String]) throws {
        guard let id = identity(target) else { return }   // not there yet: cannot be an input
        for input in expanded(inputs) where identity(input) == id {
            let same = input == target ? "" : " (it is the same file as \(input))"
            throw InputError(.wholeFile(target), "refusing to overwrite an input file\(same)")
        }
    }

    /// Each input, and for a folder the tables inside it (as the pricing loader reads them).
    public static func expanded(_ inputs: [String]) -> [String] {
        inputs.flatMap { path -> [String] in
            let path = path == "-" ? "/dev/stdin" : path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [path] }
            return [path] + names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { FilePath.join(path, $0) }
        }
    }

    /// Device and inode of what `path` finally points to; nil when nothing is there.
    static func identity(_ path: String) -> FileID? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
