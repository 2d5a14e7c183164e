/// Streams report text to standard output or to a file, buffered, so a million-row sweep never
/// sits in memory. A file goes through `OutputFile` (atomic, never over an input). Renderers
/// call `write` without `try`, so the first write failure is kept, later text is dropped, and
/// `finish()` throws it: a report is written whole or the command fails with the reason.
public final class TextSink {
    private let file: OutputFile?
    private var buffer: [UInt8] = []
    private var failure: Error?
    private static let chunk = 1 << 16

    /// `path` nil or `-` writes to standard output. Refuses to write over an input file.
    public init(path: String?, inputs: [String] = []) throws {
        file = try path.flatMap { $0 == "-" ? nil : try OutputFile(path: $0, inputs: inputs) }
        buffer.reserveCapacity(TextSink.chunk)
    }

    /// Called on the first write failure (the temporary file is already removed), so a command
    /// can stop at once instead of computing a million rows nobody will read.
    public var onFailure: ((Error) -> Void)?

    public func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= TextSink.chunk { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do {
            if let file { try file.write(buffer) } else { try SystemIO.writeAll(1, buffer, path: nil) }
        } catch {
            failure = error
            onFailure?(error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and for a file moves it into place. Throws the first write failure.
    public func finish() throws {
        flush()
        if let failure { file?.abandon(); throw failure }
        try file?.commit()
    }
}
