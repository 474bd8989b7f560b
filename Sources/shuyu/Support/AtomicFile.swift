import Foundation

/// Writes files atomically: a temporary file in the same folder, flushed to
/// disk, then renamed over the target. A crash leaves the old file or the new
/// one, never a half-written file.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).shuyu-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CLIError("\(path): error: cannot create a temporary file in \(folder.path); check that the folder exists and is writable")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
            // Keep the permissions of the file being replaced.
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               let permissions = attributes[.posixPermissions] {
                try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, path) == 0 else {
                throw CLIError("\(path): error: cannot replace the file (\(String(cString: strerror(errno)))); the original is unchanged")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

extension AtomicFile {
    /// Writes `text` atomically to `output` (a command's `-o FILE`), or to standard
    /// output when there is none.
    static func write(_ text: String, toOutput output: String?) throws {
        if let output {
            try write(text, to: output)
        } else {
            var buffer = OutputBuffer()
            buffer.write(text)
            buffer.flush()
        }
    }
}
