#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error, with the terminal checks the CLI conventions need.
enum Console {
    /// Whether standard output is a terminal.
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// Whether standard error is a terminal.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether colour may be used on standard output: a terminal, and `NO_COLOR` unset or empty.
    static var useColor: Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return stdoutIsTerminal
    }

    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        writeAll(STDERR_FILENO, Array((text + "\n").utf8))
    }

    /// Ends the process with `status` once a command has written everything (this module's
    /// output is unbuffered or flushed), without freeing what it holds one object at a time:
    /// the system takes a process's memory back at once. A checked 14 MB draft holds millions
    /// of lines, masks and pairs, and freeing them took a sixth of the command's time.
    static func exitWithoutTeardown(_ status: Int32) -> Never {
        exit(status)
    }
}

/// Buffered writing to standard output.
struct OutputBuffer {
    private var buffer: [UInt8] = []

    init() {
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Lets `write` append UTF-8 to the buffer directly (for output written 100,000s of times).
    mutating func write(_ write: (inout [UInt8]) -> Void) {
        write(&buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func writeLine(_ text: String) {
        write(text)
        buffer.append(0x0A)
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        writeAll(STDOUT_FILENO, buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Progress on standard error for long work: only when stderr is a terminal and not `--quiet`.
struct Progress {
    let enabled: Bool
    private var lastLength = 0

    init(quiet: Bool) {
        enabled = !quiet && Console.stderrIsTerminal
    }

    mutating func update(_ message: String) {
        guard enabled else { return }
        let padding = String(repeating: " ", count: max(0, lastLength - message.count))
        writeAll(STDERR_FILENO, Array("\r\(message)\(padding)".utf8))
        lastLength = message.count
    }

    mutating func finish() {
        guard enabled, lastLength > 0 else { return }
        writeAll(STDERR_FILENO, Array("\r\(String(repeating: " ", count: lastLength))\r".utf8))
        lastLength = 0
    }
}

/// Writes every byte of `bytes` to the file descriptor `fd`, retrying short writes.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return  // the reader went away (for example `| head`): stop quietly
            }
            offset += written
        }
    }
}
