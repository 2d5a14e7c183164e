import Foundation

/// A fresh folder under the system's temporary directory for the files a test writes (the test
/// removes it when done).
public enum ScratchFolder {
    public static func create() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("runcost-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
