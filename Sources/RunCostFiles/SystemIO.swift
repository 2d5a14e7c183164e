#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A write that failed for a reason outside runcost's control (full disk, closed or broken output).
/// The CLI exits quietly on a broken pipe and with status 3 and this one line otherwise.
public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, or nil for standard output.
    public var path: String?
    public var code: Int32

    public init(path: String?, code: Int32) { self.path = path; self.code = code }

    /// The reader of a pipe went away (`runcost sweep … | head`): not worth a message.
    public var isBrokenPipe: Bool { code == EPIPE }

    public var description: String {
        let what = path.map { "cannot write \($0)" } ?? "cannot write standard output"
        return "\(what): \(SystemIO.explain(code))"
    }
}

/// Thin, checked wrappers over POSIX reads and writes: every failure keeps its real errno, and
/// nothing here traps (Foundation's `FileHandle.write(_: Data)` does, on a full disk or closed output).
public enum SystemIO {
    /// `strerror`, with the plain consequence for the errors people meet.
    public static func explain(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        switch code {
        case ENOSPC: return "\(text) (the disk is full)"
        case EBADF: return "\(text) (it is closed)"
        default: return text
        }
    }

    /// Writes every byte, retrying short writes and interruptions; throws the errno otherwise.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String?) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, code: errno)
            }
            offset += n
        }
    }

    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String?) throws {
        try bytes.withUnsafeBytes { try writeAll(fd, $0, path: path) }
    }

    /// Reads a descriptor to its end, refusing more than `limit` bytes (streams have no size to check first).
    static func readAll(_ fd: Int32, limit: Int) -> Result<[UInt8], ReadFailure> {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.errno(errno))
            }
            if n == 0 { return .success(data) }
            data.append(contentsOf: chunk[0..<n])
            if data.count > limit { return .failure(.tooLarge) }
        }
    }

    enum ReadFailure: Error { case errno(Int32), tooLarge }

    /// Standard input, output or error closed by the caller (`runcost … >&-`): park /dev/null on
    /// the descriptor, so a file opened later cannot take its number and receive the report.
    /// Standard output is parked read-only, so writing the report still fails, truthfully (EBADF).
    public static func guardStandardDescriptors() {
        for (fd, flags) in [(Int32(0), O_RDONLY), (1, O_RDONLY), (2, O_WRONLY)] where fcntl(fd, F_GETFD) == -1 {
            let opened = open("/dev/null", flags)
            if opened >= 0 && opened != fd { dup2(opened, fd); close(opened) }
        }
    }
}

/// Standard output and error, written directly and checked: a report is either fully written or
/// the command fails with the reason.
public enum StandardStreams {
    public static func write(_ text: String) throws {
        try SystemIO.writeAll(1, Array(text.utf8), path: nil)
    }

    /// A message on standard error; if even that cannot be written there is no one left to tell.
    public static func writeError(_ text: String) {
        try? SystemIO.writeAll(2, Array(text.utf8), path: "standard error")
    }
}
