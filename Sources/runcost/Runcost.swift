import ArgumentParser
import Foundation
import RunCostFiles

@main
struct Runcost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runcost",
        abstract: "What will this workload cost per month on serverless, PaaS, containers and VMs?",
        discussion: """
        Prices one workload across providers and billing models from editable pricing tables, offline.

        Examples:
          runcost compare examples/api.yaml
          runcost breakeven examples/api.yaml --vary requests --from 100k --to 10B
          runcost tui examples/api.yaml
          runcost check examples/budget.yaml

        Exit codes: 0 success, 1 a check failed, 2 bad usage or bad input, 3 internal error.
        """,
        version: "0.1.0",
        subcommands: [Compare.self, Explain.self, SweepCommand.self, BreakEvenCommand.self, CapacityCommand.self, Check.self, Diff.self, PricingCommand.self, TUICommand.self])

    /// Maps every failure to the exit codes of design.md §4 and never prints a backtrace.
    static func main() {
        SystemIO.guardStandardDescriptors()
        // A reader that goes away shows up as EPIPE on the write, handled below, not as a signal.
        signal(SIGPIPE, SIG_IGN)
        let arguments = CommandLineArguments.negativeValuesAttached(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as InputError {
            fail(error.description, code: 2)
        } catch let error as WriteError {
            writeFailed(error)
        } catch let error as CheckFailed {
            if !error.message.isEmpty { StandardStreams.writeError(error.message + "\n") }
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {   // --help, --version
                do { try StandardStreams.write(fullMessage(for: error) + "\n") } catch let error as WriteError { writeFailed(error) } catch {}
                Foundation.exit(0)
            }
            if error is ExitCode { Foundation.exit(code.rawValue) }
            // Usage errors (unknown flag, missing value) are bad input: status 2, on one line.
            let isUsage = code == .validationFailure || error is ValidationError || code.rawValue == 64
            fail(isUsage ? CommandLineArguments.oneLine(message(for: error), arguments: arguments) : fullMessage(for: error),
                 code: isUsage ? 2 : 3)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        StandardStreams.writeError("runcost: " + message + "\n")
        Foundation.exit(code)
    }

    /// A broken pipe means the reader has what it wanted: exit quietly. Anything else lost the report.
    static func writeFailed(_ error: WriteError) -> Never {
        if error.isBrokenPipe { Foundation.exit(0) }
        fail(error.description, code: 3)
    }
}

/// A budget or threshold check did not pass: exit status 1.
struct CheckFailed: Error {
    var message: String = ""
}
