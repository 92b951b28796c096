import Foundation
import Training

/// The UI thread's grip on a training run that a worker is still preparing (loading data) or
/// already running. Pause and stop asked for before the run exists are applied when it arrives;
/// a stopped handle never lets its run start.
final class TrainingHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var run: TrainingRun?
    private var stopRequested = false
    private var pauseRequested = false
    private var startFailure: String?

    /// Hands over the prepared run; false (and the run must not start) when a stop came first.
    func attach(_ newRun: TrainingRun) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopRequested else { return false }
        run = newRun
        if pauseRequested { newRun.pause() }
        return true
    }

    var isStopRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    func pause() {
        lock.lock()
        defer { lock.unlock() }
        pauseRequested = true
        run?.pause()
    }

    func resume() {
        lock.lock()
        defer { lock.unlock() }
        pauseRequested = false
        run?.resume()
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        stopRequested = true
        run?.cancel()
    }

    /// Records why the run could not start.
    func fail(_ reason: String) {
        lock.lock()
        defer { lock.unlock() }
        startFailure = reason
    }

    /// How the run ended, or why it never started; nil while it is running or preparing.
    var end: TrainingEnd? {
        lock.lock()
        defer { lock.unlock() }
        if let startFailure { return .failedToStart(startFailure) }
        return run?.outcome.map(TrainingEnd.outcome)
    }

    /// Stops the run and waits until it has saved its resume checkpoint and ended.
    func stopAndWait() {
        stop()
        lock.lock()
        let current = run
        lock.unlock()
        if let current, current.outcome == nil { _ = current.wait() }
    }
}

/// How a training session from the UI ended.
public enum TrainingEnd: Sendable {
    case outcome(TrainingOutcome)
    /// The run never started (bad data or configuration, nothing to resume).
    case failedToStart(String)
}
