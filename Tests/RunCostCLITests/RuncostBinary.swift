import Foundation
import RunCostTestSupport

/// Runs the built `runcost` executable the way a user would, from the package root, with the
/// bundled (compiled-in) pricing tables only.
enum RuncostBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `runcost` built beside this test bundle (same configuration and scratch path).
    static var executable: URL {
        // To show a new test fails on an older build: RUNCOST_TEST_BINARY=/path/to/old/runcost swift test …
        if let chosen = ProcessInfo.processInfo.environment["RUNCOST_TEST_BINARY"], !chosen.isEmpty { return URL(fileURLWithPath: chosen) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("runcost")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/runcost")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["RUNCOST_PRICING_DIR"] = ""   // no user layer: tests see the bundled tables only
        for (k, v) in extra { environment[k] = v }
        return try run(arguments, executable: executable, directory: packageRoot, exactEnvironment: environment, stdin: stdin)
    }

    /// Runs `executable` in `directory` with exactly `exactEnvironment` and nothing inherited.
    static func run(_ arguments: [String], executable: URL, directory: URL, exactEnvironment environment: [String: String],
                    stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        // Output goes to files, so a large report can never fill a pipe and stall the child.
        let dir = try ScratchFolder.create()
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let input = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: dir) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
