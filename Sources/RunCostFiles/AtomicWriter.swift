/// Writes whole files the safe way: atomically, never over an input (see `OutputFile`).
public enum AtomicWriter {
    public static func write(_ text: String, to path: String, inputs: [String] = [], overwrite: Bool = true) throws {
        let file = try OutputFile(path: path, inputs: inputs, overwrite: overwrite)
        try file.write(Array(text.utf8))
        try file.commit()
    }
}
