import Foundation

/// Runs a live session without the screen (`--plain`, pipes, no terminal): progress lines
/// about once a second, Ctrl-C stops cleanly, and the outcome comes back for the summary.
public enum PlainLiveRunner {
    /// - Parameter report: receives progress lines (called on the pipeline's output thread).
    public static func run(
        _ session: LiveSession, progressInterval: Double = 1,
        report: @escaping @Sendable (String) -> Void
    ) -> (outcome: LiveOutcome, messages: [String]) {
        let progress = ProgressState(interval: progressInterval)
        let pipeline = session.pipeline
        let interrupt = InterruptHandler { pipeline.stop() }
        defer { interrupt.cancel() }
        return session.run { frame in
            if let line = progress.line(for: frame) { report(line) }
        }
    }
}

/// The progress printer's state, touched only by the output thread but captured by a
/// `@Sendable` sink.
private final class ProgressState: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: PlainProgress
    private let start = Stopwatch.now()

    init(interval: Double) {
        progress = PlainProgress(interval: interval)
    }

    func line(for frame: LiveFrame) -> String? {
        lock.withLock { progress.line(for: frame, at: Stopwatch.seconds(since: start)) }
    }
}
