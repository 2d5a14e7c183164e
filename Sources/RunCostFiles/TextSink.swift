import Foundation

/// Streams report text to standard output or to a file, buffered, so a million-row sweep never
/// sits in memory. A file is written to a temporary name and renamed into place by `finish()`,
/// so readers never see half a report and an interrupted run leaves the old file intact.
public final class TextSink {
    private let handle: FileHandle
    private let temporary: String?
    private let target: String?
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 16

    /// `path` nil writes to standard output. Refuses to write over an input file.
    public init(path: String?, inputs: [String] = []) throws {
        target = path
        guard let path else {
            handle = FileHandle.standardOutput; temporary = nil
            buffer.reserveCapacity(TextSink.chunk)
            return
        }
        try AtomicWriter.checkTarget(path, inputs: inputs)
        let temp = AtomicWriter.temporaryName(for: path)
        guard FileManager.default.createFile(atPath: temp, contents: nil), let h = FileHandle(forWritingAtPath: temp) else {
            throw InputError(.wholeFile(path), "cannot write here (does the folder exist, and is it writable?)")
        }
        handle = h; temporary = temp
        buffer.reserveCapacity(TextSink.chunk)
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= TextSink.chunk { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and for a file moves it into place.
    public func finish() throws {
        flush()
        guard let temporary, let target else { return }
        try handle.close()
        guard rename(temporary, target) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw InputError(.wholeFile(target), "cannot replace the file: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        // Abandoned without finish(): an error happened; leave the target untouched.
        if let temporary, FileManager.default.fileExists(atPath: temporary) { try? FileManager.default.removeItem(atPath: temporary) }
    }
}
