import ArgumentParser

/// A user-facing failure: printed as `shuyu: error: ...` and exit code 2.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs `body`, turning thrown library errors into a message on stderr and exit code 2.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as ValidationError {
        throw error
    } catch {
        let text = String(describing: error)
        Console.error(text.contains(": error: ") ? text : "shuyu: error: \(text)")
        throw ExitCode(2)
    }
}
