import ArgumentParser

/// A user-facing failure: printed as `shuyu: error: ...` and exit code 2.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// `--verbose`, which every command takes.
struct DiagnosticOptions: ParsableArguments {
    @Flag(help: "On an error, also print its kind and every detail the library gave; some commands say more about what they did.")
    var verbose = false
}

/// Runs `body`, turning thrown library errors into a message on stderr and exit code 2
/// (never a stack trace); with `verbose`, the error's type and full contents follow.
func reportingErrors<T>(verbose: Bool = false, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as ValidationError {
        throw error
    } catch {
        let text = String(describing: error)
        Console.error(text.contains(": error: ") ? text : "shuyu: error: \(text)")
        if verbose {
            Console.error("  (\(type(of: error)): \(String(reflecting: error)))")
        }
        throw ExitCode(2)
    }
}
