#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX file-system helpers: listing with `stat` data, full reads, atomic writes.
/// Foundation's `FileManager` is several times slower on 35,000-file folders, and the cache
/// key needs every file's size and modification time anyway.
enum FileSystem {
    /// What `stat` says about one path.
    struct Status: Sendable, Hashable {
        var isDirectory: Bool
        var isRegularFile: Bool
        var size: Int64
        var modificationSeconds: Int64
        var modificationNanoseconds: Int64
        /// Device and inode: the same pair is the same file or folder, whatever path led to it.
        var identity: Identity
    }

    /// Device and inode of a file or folder.
    struct Identity: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// One entry of a directory (hidden entries, `.` and `..` excluded).
    struct Entry: Sendable {
        var name: String
        /// What the entry names, symbolic links followed.
        var status: Status
        /// The entry itself is a symbolic link.
        var isLink: Bool
    }

    /// `stat` of `path`, following symbolic links; nil when it does not exist.
    static func status(of path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Status(info)
    }

    /// The non-hidden entries of the directory at `path`, sorted by name (`<`: code point order).
    static func entries(of path: String) throws(DatasetError) -> [Entry] {
        guard let directory = opendir(path) else {
            throw .unreadable(path: path, reason: systemError())
        }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var entries: [Entry] = []
        while let pointer = readdir(directory) {
            let name = withUnsafePointer(to: &pointer.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var info = stat(), own = stat()
            // A dangling symbolic link or a file removed meanwhile is simply not listed.
            guard fstatat(descriptor, name, &info, 0) == 0 else { continue }
            let isLink = fstatat(descriptor, name, &own, AT_SYMLINK_NOFOLLOW) == 0 && own.st_mode & S_IFMT == S_IFLNK
            entries.append(Entry(name: name, status: Status(info), isLink: isLink))
        }
        entries.sort { $0.name < $1.name }
        return entries
    }

    /// Reads up to `buffer.count` bytes from `descriptor`; the count read, or -1 on error.
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var total = 0
        while total < buffer.count {
            let count = read(descriptor, base + total, buffer.count - total)
            if count < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Writes `parts` one after another to a temporary file next to `path`, then renames it
    /// over `path`, so readers never see a half-written file.
    static func writeAtomically(_ path: String, parts: [UnsafeRawBufferPointer]) throws(DatasetError) {
        let temporaryPath = "\(path).\(getpid()).tmp"
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(path: temporaryPath, reason: systemError()) }
        var failure: String?
        for part in parts where failure == nil {
            guard let base = part.baseAddress else { continue }
            var written = 0
            while written < part.count {
                let count = write(descriptor, base + written, part.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = systemError()
                    break
                }
                written += count
            }
        }
        close(descriptor)
        if failure == nil, rename(temporaryPath, path) != 0 { failure = systemError() }
        if let failure {
            unlink(temporaryPath)
            throw .unwritable(path: path, reason: failure)
        }
    }

    /// Creates `path` and its missing parents.
    static func createDirectories(_ path: String) throws(DatasetError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/\(component)"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw .unwritable(path: prefix, reason: systemError())
            }
        }
    }

    static func removeFile(_ path: String) {
        unlink(path)
    }

    /// `path` made absolute against the current directory, with `.`/`..`/`//` resolved
    /// textually (symbolic links are kept, so the cache key follows what the user typed).
    static func absolutePath(_ path: String) -> String {
        var joined = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                let directory = buffer.withUnsafeBufferPointer { pointer in
                    pointer.baseAddress.map { String(cString: $0) } ?? ""
                }
                joined = directory + "/" + path
            }
        }
        var components: [Substring] = []
        for component in joined.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The text of the current `errno`.
    static func systemError() -> String {
        String(cString: strerror(errno))
    }
}

extension FileSystem.Status {
    init(_ info: stat) {
        let kind = info.st_mode & S_IFMT
        isDirectory = kind == S_IFDIR
        isRegularFile = kind == S_IFREG
        size = Int64(info.st_size)
        identity = FileSystem.Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        #if canImport(Darwin)
        modificationSeconds = Int64(info.st_mtimespec.tv_sec)
        modificationNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        modificationSeconds = Int64(info.st_mtim.tv_sec)
        modificationNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
