import RunCostCore

/// Where a value came from: a place in a file, a command-line flag, or a whole file.
public enum Origin: Sendable, Equatable, CustomStringConvertible {
    case file(String, line: Int, column: Int)
    case wholeFile(String)
    case flag(String)

    public var description: String {
        switch self {
        case let .file(path, line, column): "\(path):\(line):\(column)"
        case let .wholeFile(path): path
        case let .flag(name): name
        }
    }
}

/// Bad input: says where and what was expected. The CLI prints it and exits with status 2.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var origin: Origin?
    public var message: String

    public init(_ origin: Origin?, _ message: String) {
        self.origin = origin; self.message = message
    }

    /// Neutralised: a message quotes file content, and stderr is a terminal too.
    public var description: String { SafeText.neutralised(origin.map { "\($0): \(message)" } ?? message, keepingLineBreaks: true) }
}
