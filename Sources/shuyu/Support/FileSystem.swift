import Glibc

/// The file-system questions every command asks before its real work (where the project
/// is, which glossaries and corpus files it has), answered with POSIX calls. A lookup takes a
/// few milliseconds in all, and FileManager and URL spent about a millisecond of them on
/// first use.
enum FileSystem {
    /// What a path names, symbolic links followed.
    enum Kind {
        case file, directory
    }

    /// What `path` names, or nil when nothing (or a dangling link) is there.
    static func kind(_ path: String) -> Kind? {
        status(path).map { $0.st_mode & S_IFMT == S_IFDIR ? .directory : .file }
    }

    /// The size in bytes of what `path` names (links followed), or nil when nothing is there.
    static func size(_ path: String) -> Int? {
        status(path).map { Int($0.st_size) }
    }

    /// stat(2) of `path`, links followed.
    private static func status(_ path: String) -> stat? {
        var status = stat()
        return fstatat(AT_FDCWD, path, &status, 0) == 0 ? status : nil
    }

    /// The names in `directory` (without `.` and `..`), in no particular order; nil when it
    /// cannot be read.
    static func names(in directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `path` with every symbolic link resolved, absolute; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The bytes of the regular file at `path`, or nil when it is not one or cannot be read
    /// (the caller then reads it with FileManager, which says why).
    static func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(4096, Int(status.st_size) + 1))
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// The current working directory.
    static var currentDirectory: String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// An absolute `path` with `.` and `..` components and doubled slashes removed, without
    /// resolving links (as `URL.standardizedFileURL` does).
    static func standardized(_ path: String) -> String {
        // Component by component over the bytes (`split` and `joined` cost a lookup more on
        // their first use in a process than the whole walk).
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + 1)
        var starts: [Int] = []  // where each kept component's slash stands in `out`
        var component: [UInt8] = []
        func flush() {
            defer { component.removeAll(keepingCapacity: true) }
            if component.isEmpty || component == [0x2E] { return }
            if component == [0x2E, 0x2E] {
                if let start = starts.popLast() { out.removeSubrange(start...) }
                return
            }
            starts.append(out.count)
            out.append(0x2F)
            out.append(contentsOf: component)
        }
        for byte in path.utf8 {
            if byte == 0x2F { flush() } else { component.append(byte) }
        }
        flush()
        return out.isEmpty ? "/" : String(decoding: out, as: UTF8.self)
    }

    /// The folder that holds `path` (`/` for `/` itself).
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
