import Foundation

/// Scratch folders for tests. They all live in one folder per test process,
/// `$TMPDIR/fer-tests-<pid>`, which is removed when the process exits; folders left by a
/// process that was killed are removed by the next one.
public enum ScratchFolder {
    /// This process's folder, created on first use.
    static let root: URL = {
        let temporary = FileManager.default.temporaryDirectory
        removeFoldersOfEndedProcesses(in: temporary)
        let root = temporary.appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchFolder.root) }
        return root
    }()

    private static let prefix = "fer-tests-"

    /// A unique path named after `label`, not yet created.
    public static func url(_ label: String) -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)")
    }

    /// A new empty folder named after `label`.
    public static func make(_ label: String) throws -> URL {
        let folder = url(label)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func removeFoldersOfEndedProcesses(in temporary: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }
}
