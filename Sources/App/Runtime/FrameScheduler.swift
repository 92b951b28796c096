/// Decides when the UI loop draws: at once after a key or a resize (so keys are answered within
/// one poll), otherwise at most `maximumFramesPerSecond` times a second and only when something
/// changed, so a stream of training events or camera frames cannot eat the CPU it reports on.
public struct FrameScheduler: Hashable, Sendable {
    /// Cap for frames caused by worker messages.
    public var maximumFramesPerSecond: Double
    /// Longest wait for a key in one turn, in seconds (≤ 50 ms keeps the UI responsive).
    public var pollInterval: Double

    public init(maximumFramesPerSecond: Double = 15, pollInterval: Double = 0.04) {
        self.maximumFramesPerSecond = maximumFramesPerSecond
        self.pollInterval = pollInterval
    }

    public var minimumFrameInterval: Double { maximumFramesPerSecond > 0 ? 1 / maximumFramesPerSecond : 0 }

    /// Whether to draw now. `sinceLastFrame` is nil before the first frame.
    public func shouldDraw(changed: Bool, urgent: Bool, sinceLastFrame: Double?) -> Bool {
        guard let sinceLastFrame else { return true }
        if urgent { return true }
        return changed && sinceLastFrame >= minimumFrameInterval
    }

    /// How long to wait for a key: the poll interval, or less when a pending change is due sooner.
    public func keyTimeout(changed: Bool, sinceLastFrame: Double?) -> Double {
        guard changed, let sinceLastFrame else { return pollInterval }
        return max(0, min(pollInterval, minimumFrameInterval - sinceLastFrame))
    }
}
