import Foundation

/// A file name typed at the save or export prompt, checked before anything touches the disk.
///
/// Foundation's path functions trap on some names (`a/`, `a//`, a lone combining mark or
/// zero-width joiner crashed the screen), so the text is checked scalar by scalar and split on
/// `/` here, and only a normalised path reaches the writer.
enum OutputPath {
    /// The longest file name most file systems accept, in bytes.
    static let maximumNameBytes = 255

    /// The path to write ("a//b" → "a/b", "./x" → "x"), or why the text cannot name a file.
    static func normalise(_ text: String) -> Result<String, StepError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(StepError("type a file name")) }
        if let bad = trimmed.unicodeScalars.first(where: isInvisibleOrControl) {
            return .failure(StepError("the name holds an invisible or control character (U+\(hex(bad))); type a plain file name"))
        }
        // Split by scalar: "/" followed by a combining mark is one Character, not a separator.
        let scalars = trimmed.unicodeScalars
        guard scalars.last != "/" else {
            return .failure(StepError("'\(trimmed)' names a folder; add a file name after the slash"))
        }
        let absolute = scalars.first == "/"
        let components = scalars.split(separator: "/").map { String(String.UnicodeScalarView($0)) }.filter { $0 != "." }
        guard let name = components.last, name != ".." else {
            return .failure(StepError("'\(trimmed)' names a folder; type a file name"))
        }
        if let joined = components.first(where: { $0.unicodeScalars.first.map(extendsPrevious) ?? true }) {
            return .failure(StepError("'\(joined)' starts with a combining character; type a plain file name"))
        }
        guard name.utf8.count <= maximumNameBytes else {
            return .failure(StepError("the file name is \(name.utf8.count) bytes long; the limit is \(maximumNameBytes)"))
        }
        return .success((absolute ? "/" : "") + components.joined(separator: "/"))
    }

    /// Why `path` must not be written, or nil: a folder, a missing folder, or an input (by
    /// identity, so another spelling, a symlink or a hard link of an input is refused too).
    static func refusal(_ path: String, inputs: [(path: String, role: String)]) -> String? {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "/" : folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "folder \(folder) does not exist; nothing written"
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "\(path) is a folder; type a file name"
        }
        guard let target = identity(path) else { return nil }
        if let input = inputs.first(where: { identity($0.path) == target }) {
            return "\(path) is the \(input.role) this screen was started with; never written over, choose another name"
        }
        return nil
    }

    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// Device and inode of the file `path` leads to (following symlinks), nil when there is none.
    static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Control, format (bidi overrides, zero-width joiners), line and paragraph separators.
    static func isInvisibleOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// Scalars that attach to the character before them: a name cannot start with one.
    static func extendsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isGraphemeExtend || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
            || p.generalCategory == .nonspacingMark
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
