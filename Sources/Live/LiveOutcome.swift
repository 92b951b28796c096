/// How a live run ended: its summary, and the error that ended it early, if any (a truncated
/// video still has a summary of the frames it did show).
public struct LiveOutcome: Sendable {
    public var summary: LiveSummary
    public var error: (any Error)?
    /// True when `stop()` ended the run rather than the end of the source.
    public var wasStopped: Bool

    public init(summary: LiveSummary, error: (any Error)? = nil, wasStopped: Bool = false) {
        self.summary = summary
        self.error = error
        self.wasStopped = wasStopped
    }
}
