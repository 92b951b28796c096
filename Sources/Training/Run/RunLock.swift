import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on a run folder, held while the run trains, with the trainer's
/// process id in the lock file: a second `fer train --resume` of the folder and the
/// checkpoint screen's delete see it and refuse. The kernel drops the lock when the process
/// ends, however it ends, so a killed run never leaves its folder locked.
public final class RunLock: @unchecked Sendable {
    /// The lock file inside the run folder.
    public static let fileName = "train.lock"

    private let mutex = NSLock()
    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { release() }

    /// Takes the lock of `folder` for this process and writes its pid; throws when another
    /// training holds it.
    public static func acquire(_ folder: RunFolder) throws(TrainingError) -> RunLock {
        let path = folder.url.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = processID(in: descriptor)
            close(descriptor)
            throw .runInUse(path: folder.url.path, processID: holder)
        }
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return RunLock(descriptor: descriptor)
    }

    /// The process id training in `folder`, or nil when no process holds its lock.
    public static func holder(of folder: RunFolder) -> Int32? {
        let path = folder.url.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return nil
        }
        return processID(in: descriptor) ?? 0
    }

    /// Lets go of the lock (also done when the lock is freed or the process ends).
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private static func processID(in descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: bytes.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
