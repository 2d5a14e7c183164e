import Foundation

/// Fixes up the command line around swift-argument-parser's habits: it reads `-1` after an option
/// as another option ("Missing value"), and its errors span several lines with usage and help.
enum CommandLineArguments {
    /// Options that take no value; a negative number after one of these is left alone.
    static let flags: Set<String> = ["--fixed-fleet", "--free-tier", "--no-free-tier", "--no-bundled-pricing", "--help", "-h", "--version"]

    /// `--points -1` becomes `--points=-1`, so the option gets its value and the command can say
    /// what is wrong with it (negative, out of range) instead of "Missing value".
    static func negativeValuesAttached(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if arg == "--" { result += arguments[i...]; break }
            let isOption = (arg.hasPrefix("--") && !arg.contains("=")) || arg == "-o"
            if isOption, !flags.contains(arg), i + 1 < arguments.count, looksNegative(arguments[i + 1]) {
                result.append((arg == "-o" ? "--output" : arg) + "=" + arguments[i + 1])
                i += 2
                continue
            }
            result.append(arg)
            i += 1
        }
        return result
    }

    /// `-1`, `-0.5`, `-.5`, `-1e3`, `-inf`, `-nan`: a value, not an option.
    static func looksNegative(_ text: String) -> Bool {
        guard text.hasPrefix("-"), text.count > 1 else { return false }
        let rest = text.dropFirst().lowercased()
        if let first = rest.first, first.isASCII, first.isNumber { return true }
        if rest.hasPrefix("."), rest.dropFirst().first.map({ $0.isASCII && $0.isNumber }) == true { return true }
        return rest.hasPrefix("inf") || rest == "nan"
    }

    /// One line: the parser's message without its usage and help lines, with where to look.
    static func oneLine(_ message: String, arguments: [String]) -> String {
        let kept = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") && !$0.hasPrefix("Help:") }
        // A list of choices comes as "- a" lines: make it "a, b, c".
        var text = ""
        for line in kept {
            if line.hasPrefix("- ") {
                text += (text.hasSuffix(":") ? " " : ", ") + line.dropFirst(2)
            } else {
                text += (text.isEmpty ? "" : " ") + line
            }
        }
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        return text + " (see '\(commandPath(arguments)) --help')"
    }

    /// `runcost`, `runcost compare`, `runcost pricing list`: the subcommands named on the line.
    static func commandPath(_ arguments: [String]) -> String {
        let names: Set<String> = ["compare", "explain", "sweep", "breakeven", "capacity", "check", "diff", "pricing", "tui", "list", "show", "validate"]
        var path = ["runcost"]
        for arg in arguments {
            guard names.contains(arg) else { break }
            if path.count == 2, path[1] != "pricing" { break }
            path.append(arg)
            if path.count == 3 { break }
        }
        return path.joined(separator: " ")
    }
}
