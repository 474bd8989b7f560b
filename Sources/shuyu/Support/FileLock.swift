#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Serializes read-modify-write of files between Shuyu processes: an exclusive
/// `flock` on the file's folder, so that two commands merging into the same glossary
/// both land instead of the second overwriting the first. The lock leaves no file
/// behind and goes away with the process.
enum FileLock {
    /// How long to wait for another Shuyu before giving up.
    static let timeout: Double = 30

    /// Runs `body` holding the lock for `path`'s folder.
    static func withLock<T>(for path: String, _ body: () throws -> T) throws -> T {
        var folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CLIError("\(path): error: cannot open its folder (\(String(cString: strerror(errno)))); check that \(folder) exists")
        }
        defer { close(descriptor) }
        let start = Date()
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw CLIError("\(path): error: cannot lock its folder (\(String(cString: strerror(errno))))")
            }
            guard Date().timeIntervalSince(start) < timeout else {
                throw CLIError("\(path): error: another shuyu has been writing in \(folder) for \(Int(timeout)) s; try again when it is done")
            }
            usleep(20_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
