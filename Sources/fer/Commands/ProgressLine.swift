import Foundation
import Training

#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress report on standard error ("scoring: 3,200 / 7,178 faces (45 %)"),
/// redrawn in place at most five times a second; silent when standard error is not a
/// terminal, so logs and pipes stay clean.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let unit: String
    private let enabled = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    /// Shows `done` of `total`; the last call (done == total) is always drawn.
    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
        lastDrawn = now
        drawn = true
        let percent = total > 0 ? 100 * done / total : 100
        let text = "\(label): \(Formatting.grouped(done)) / \(Formatting.grouped(total)) \(unit) (\(percent) %)"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Clears the line, so what follows starts on a clean one.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
