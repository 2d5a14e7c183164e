import Foundation

/// A file being written for `-o`. A regular file (or a new one) is written to a temporary file
/// beside it and renamed into place by `commit()`, so a reader sees the old content or the new,
/// never half; a symlink is followed and its target replaced, keeping the link. A device, FIFO
/// or socket (`/dev/null`, `/dev/full`, a pipe) is written directly: renaming over it would
/// replace it. Never writes over an input (`InputIdentity`).
public final class OutputFile {
    /// The name given, for messages.
    public let path: String
    private let fd: Int32
    private var temporary: String?
    private let destination: String
    private let closesDescriptor: Bool

    public init(path: String, inputs: [String] = [], overwrite: Bool = true) throws {
        self.path = path
        guard !path.isEmpty else { throw InputError(.flag("--output"), "expected a file name, got an empty one") }
        try InputIdentity.refuseInput(path, inputs: inputs)
        let real = OutputFile.followingSymlinks(path)
        destination = real
        // The standard streams by name: write to the descriptor itself, keeping `>>` appends.
        if let fd = ["/dev/stdout": Int32(1), "/dev/fd/1": 1, "/proc/self/fd/1": 1, "/dev/stderr": 2, "/dev/fd/2": 2, "/proc/self/fd/2": 2][path] {
            self.fd = fd; closesDescriptor = false
            return
        }
        var info = stat()
        let exists = stat(real, &info) == 0
        if exists {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw InputError(.wholeFile(path), "is a folder; expected a file name to write") }
            if !overwrite { throw InputError(.wholeFile(path), "already exists; not overwriting it") }
            if type != S_IFREG {
                let opened = open(real, O_WRONLY | O_CLOEXEC)
                guard opened >= 0 else { throw OutputFile.openError(path, errno) }
                fd = opened; closesDescriptor = true
                return
            }
        }
        let folder = OutputFile.folder(of: real)
        OutputFile.removeStaleTemporaries(for: real)
        let temp = folder + "/" + OutputFile.temporaryName(for: real, pid: getpid())
        InterruptCleanup.watch(temp)
        unlink(temp)   // our own pid's leftover from a killed earlier run
        let opened = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard opened >= 0 else {
            let code = errno
            InterruptCleanup.release()
            throw OutputFile.openError(path, code, folder: folder)
        }
        // Replacing a file keeps its permissions (a report someone made group-readable stays so).
        if exists { fchmod(opened, info.st_mode & 0o7777) }
        fd = opened; temporary = temp; closesDescriptor = true
    }

    public func write(_ bytes: [UInt8]) throws {
        do { try SystemIO.writeAll(fd, bytes, path: path) } catch { abandon(); throw error }
    }

    /// Moves the finished file into place (or just closes a device).
    public func commit() throws {
        guard closesDescriptor else { return }
        let closed = close(fd) == 0 ? 0 : errno   // NFS and full disks report late, at close
        guard let temporary else {
            if closed != 0 { throw WriteError(path: path, code: closed) }
            return
        }
        self.temporary = nil
        defer { InterruptCleanup.release() }
        if closed != 0 { unlink(temporary); throw WriteError(path: path, code: closed) }
        guard rename(temporary, destination) == 0 else {
            let code = errno
            unlink(temporary)
            throw WriteError(path: path, code: code)
        }
    }

    /// Removes the temporary file; the target keeps its old content (or stays absent).
    public func abandon() {
        guard let temporary else { return }
        self.temporary = nil
        close(fd)
        unlink(temporary)
        InterruptCleanup.release()
    }

    deinit { abandon() }

    // MARK: names

    /// Where a chain of symlinks ends (the final name need not exist yet).
    static func followingSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : folder(of: current) + "/" + link
        }
        return current
    }

    static func folder(of path: String) -> String {
        let folder = FilePath.folder(of: path)
        return folder.isEmpty ? "." : folder
    }

    /// `.NAME.PID.tmp`, hidden beside the target. A name too long for that (a file name may have
    /// 255 bytes) is cut and given a stable hash, so every run finds the same prefix to clean up.
    static func temporaryName(for path: String, pid: Int32) -> String {
        temporaryPrefix(for: path) + "\(pid).tmp"
    }

    static func temporaryPrefix(for path: String) -> String {
        let name = FilePath.name(of: path)
        let budget = 255 - ".".utf8.count - ".4294967295.tmp".utf8.count
        guard name.utf8.count > budget else { return "." + name + "." }
        var cut = ""
        for scalar in name.unicodeScalars {
            if cut.utf8.count + String(scalar).utf8.count > budget - 17 { break }
            cut.unicodeScalars.append(scalar)
        }
        return "." + cut + "~" + fnv1a(name) + "."
    }

    /// FNV-1a, 64 bits, hex: stable across runs, unlike `hashValue`.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Temporary files of this target left by processes that no longer exist (killed with SIGKILL,
    /// or by a power cut). A live process's file is left alone: it may still be writing.
    static func removeStaleTemporaries(for path: String) {
        let folder = folder(of: path)
        let prefix = temporaryPrefix(for: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(4)
            guard !middle.isEmpty, middle.allSatisfy(\.isASCII), middle.allSatisfy(\.isNumber), let pid = Int32(middle) else { continue }
            if pid != getpid(), !isAlive(pid) { unlink(folder + "/" + name) }
        }
    }

    /// A process that exists and is not a zombie (killed, waiting for its parent to notice).
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[close...].dropFirst(2).first != "Z"
    }

    static func openError(_ path: String, _ code: Int32, folder: String? = nil) -> Error {
        switch code {
        case ENOENT, ENOTDIR:
            return InputError(.wholeFile(path), "cannot write here: the folder \(folder.map { "'\($0)' " } ?? "")does not exist")
        case EACCES, EPERM, EROFS, ENAMETOOLONG, EISDIR:
            return InputError(.wholeFile(path), "cannot write here: \(SystemIO.explain(code))")
        default:
            return WriteError(path: path, code: code)
        }
    }
}
