import Foundation

/// Holds frame reading to at most `framesPerSecond` by sleeping before each frame. A late
/// frame does not make the next ones rush to catch up.
struct FramePacer {
    /// Nanoseconds between frames; nil for no limit.
    let interval: UInt64?
    private var nextFrameTime: UInt64?

    init(framesPerSecond: Double?) {
        if let framesPerSecond, framesPerSecond > 0, framesPerSecond.isFinite {
            interval = UInt64((1_000_000_000 / framesPerSecond).rounded())
        } else {
            interval = nil
        }
    }

    /// Sleeps until the next frame is due.
    mutating func waitForNextFrame() {
        guard let interval else { return }
        let now = Stopwatch.now()
        if let due = nextFrameTime, due > now {
            Thread.sleep(forTimeInterval: Double(due - now) / 1_000_000_000)
            nextFrameTime = due + interval
        } else {
            nextFrameTime = now + interval
        }
    }

    /// Forgets the schedule (after a pause), so the next frame comes at once.
    mutating func restart() {
        nextFrameTime = nil
    }
}
