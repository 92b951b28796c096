import Foundation
import Vision

/// What the interactive live screen needs from a `LiveSession`, in the screen's terms: start
/// with callbacks, pause, a snapshot of the newest frame (the `s` key), and a stop after which
/// no callback comes. Every method returns at once; the work stays on the pipeline's threads.
public final class LiveController: @unchecked Sendable {
    public let session: LiveSession
    /// Where `saveSnapshot` writes when the session has no `--snapshot` path.
    public let snapshotFolder: String
    private let annotator: FrameAnnotator
    /// Recursive, so a callback may call `stop()`.
    private let lock = NSRecursiveLock()
    private var newestFrame: LiveFrame?
    private var delivering = true

    public init(
        session: LiveSession, snapshotFolder: String = ".", annotator: FrameAnnotator = FrameAnnotator()
    ) {
        self.session = session
        self.snapshotFolder = snapshotFolder
        self.annotator = annotator
    }

    /// Starts the pipeline. `onFrame` gets each frame and `onFinish` the outcome with the
    /// outputs' "wrote …" messages, both on the pipeline's output thread, until `stop()`.
    public func start(
        onFrame: @escaping @Sendable (LiveFrame) -> Void,
        onFinish: @escaping @Sendable (LiveOutcome, [String]) -> Void
    ) {
        session.start(
            display: { [self] frame in
                lock.withLock {
                    newestFrame = frame
                    if delivering { onFrame(frame) }
                }
            },
            onFinish: { [self] outcome, messages in
                lock.withLock {
                    if delivering { onFinish(outcome, messages) }
                }
            })
    }

    /// Ends the run; once this returns no callback is made (the outputs are still closed
    /// properly on the pipeline's threads).
    public func stop() {
        lock.withLock { delivering = false }
        session.pipeline.stop()
    }

    public func setPaused(_ paused: Bool) {
        if paused { session.pipeline.pause() } else { session.pipeline.resume() }
    }

    /// Writes the newest frame, annotated, as `fer-snapshot-<n>.png` in `snapshotFolder`
    /// (the first unused n); returns the path.
    public func saveSnapshot() throws -> String {
        guard let frame = lock.withLock({ newestFrame }) else {
            throw LiveError.outputFailed(detail: "no frame to snapshot yet")
        }
        let folder = URL(fileURLWithPath: snapshotFolder)
        var number = 1
        var path = folder.appendingPathComponent("fer-snapshot-1.png").path
        while FileManager.default.fileExists(atPath: path) {
            number += 1
            path = folder.appendingPathComponent("fer-snapshot-\(number).png").path
        }
        try annotator.annotated(frame).write(to: path)
        return path
    }
}
