import Live

/// What the live pipeline reports to the live screen, from its own thread.
public enum LiveUpdate: Sendable {
    /// A processed frame (the screen keeps only the newest one).
    case frame(LiveFrame)
    /// The annotated snapshot asked for with `s` was written to this path.
    case snapshotSaved(String)
    case snapshotFailed(String)
    /// The source ended (end of a file or folder); the summary is shown instead of just exiting.
    case finished(LiveScreenSummary)
    /// The pipeline stopped on an error (camera gone, unreadable stream).
    case failed(String)
}

/// What a finished source saw, shown when a file or folder ends.
public struct LiveScreenSummary: Hashable, Sendable {
    public var frames: Int
    public var framesWithFaces: Int
    /// How often each expression was the top label, in class order.
    public var expressionCounts: [ExpressionCount]
    public var meanFramesPerSecond: Double

    public init(frames: Int, framesWithFaces: Int, expressionCounts: [ExpressionCount],
                meanFramesPerSecond: Double) {
        self.frames = frames
        self.framesWithFaces = framesWithFaces
        self.expressionCounts = expressionCounts
        self.meanFramesPerSecond = meanFramesPerSecond
    }
}

/// How many frames had this expression as the top label.
public struct ExpressionCount: Hashable, Sendable {
    public var label: String
    public var frames: Int

    public init(label: String, frames: Int) {
        self.label = label
        self.frames = frames
    }
}

/// How the live screen reaches the pipeline it shows. The `fer live` command (and the home
/// screen, when it can start a pipeline) fills these in; each is called on the UI thread and
/// must return at once, leaving the work to the pipeline's own threads.
public struct LivePipelineHooks: Sendable {
    /// Starts the pipeline; it sends every update to `sink` (from any thread) until stopped.
    public var start: @Sendable (_ sink: @escaping @Sendable (LiveUpdate) -> Void) throws -> Void
    /// Stops the pipeline; no updates follow once it returns.
    public var stop: @Sendable () -> Void
    /// Pauses (true) or resumes (false) reading the source.
    public var setPaused: @Sendable (Bool) -> Void
    /// Asks for an annotated snapshot; the answer comes as `snapshotSaved` or `snapshotFailed`.
    public var requestSnapshot: @Sendable () -> Void

    public init(
        start: @escaping @Sendable (_ sink: @escaping @Sendable (LiveUpdate) -> Void) throws -> Void,
        stop: @escaping @Sendable () -> Void,
        setPaused: @escaping @Sendable (Bool) -> Void = { _ in },
        requestSnapshot: @escaping @Sendable () -> Void = {}
    ) {
        self.start = start
        self.stop = stop
        self.setPaused = setPaused
        self.requestSnapshot = requestSnapshot
    }
}
