import Foundation

/// Pause and cancel requests from any thread, read by the training thread between batches.
final class RunControl: @unchecked Sendable {
    private let condition = NSCondition()
    private var pauseRequested = false
    private var cancelRequested = false

    func pause() {
        condition.lock()
        pauseRequested = true
        condition.unlock()
    }

    func resume() {
        condition.lock()
        pauseRequested = false
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelRequested = true
        condition.broadcast()
        condition.unlock()
    }

    var isPaused: Bool {
        condition.lock()
        defer { condition.unlock() }
        return pauseRequested
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelRequested
    }

    /// Called by the training thread between batches: when a pause is requested, calls
    /// `onPause`, blocks until resumed or cancelled, then calls `onResume` (if not cancelled).
    /// Returns true when the run should stop.
    func shouldStop(onPause: () -> Void, onResume: () -> Void) -> Bool {
        condition.lock()
        guard pauseRequested, !cancelRequested else {
            defer { condition.unlock() }
            return cancelRequested
        }
        condition.unlock()
        onPause()
        condition.lock()
        while pauseRequested, !cancelRequested { condition.wait() }
        let cancelled = cancelRequested
        condition.unlock()
        if !cancelled { onResume() }
        return cancelled
    }
}
