import Foundation
import Live

extension LivePipelineHooks {
    /// Hooks that open a live session on `options` when the screen starts, on a worker thread
    /// (opening a camera or stream and loading the model take a moment), and drive it through a
    /// `LiveController`. A source that cannot be opened is reported on the screen.
    public static func session(options: LiveOptions) -> LivePipelineHooks {
        let state = LiveSessionState()
        return LivePipelineHooks(
            start: { sink in
                DispatchQueue.global(qos: .userInitiated).async { state.open(options, sink: sink) }
            },
            stop: { state.stop() },
            setPaused: { state.controller?.setPaused($0) },
            requestSnapshot: { state.snapshot() })
    }
}

extension LiveScreenSummary {
    /// The screen's view of the pipeline's summary: expressions most frequent first.
    public init(pipelineSummary summary: LiveSummary) {
        self.init(
            frames: summary.frames, framesWithFaces: summary.framesWithFaces,
            expressionCounts: summary.rankedExpressions.map {
                ExpressionCount(label: $0.label, frames: $0.count)
            },
            meanFramesPerSecond: summary.meanFramesPerSecond)
    }
}

/// The session behind `LivePipelineHooks.session`, created on a worker thread and used from the
/// UI thread; a stop that comes first keeps it from starting.
private final class LiveSessionState: @unchecked Sendable {
    private let lock = NSLock()
    private var current: LiveController?
    private var sink: (@Sendable (LiveUpdate) -> Void)?
    private var stopped = false

    var controller: LiveController? { lock.withLock { current } }

    func open(_ options: LiveOptions, sink: @escaping @Sendable (LiveUpdate) -> Void) {
        var options = options
        options.playsAtSourceRate = true
        let controller: LiveController
        do {
            controller = LiveController(session: try LiveSession(options: options))
        } catch {
            if !lock.withLock({ stopped }) { sink(.failed("\(error)")) }
            return
        }
        let started: Bool = lock.withLock {
            guard !stopped else { return false }
            current = controller
            self.sink = sink
            return true
        }
        guard started else { return }
        controller.start(
            onFrame: { sink(.frame($0)) },
            onFinish: { outcome, _ in
                sink(outcome.error.map { .failed("\($0)") }
                     ?? .finished(LiveScreenSummary(pipelineSummary: outcome.summary)))
            })
    }

    func stop() {
        let running: LiveController? = lock.withLock {
            stopped = true
            return current
        }
        running?.stop()
    }

    func snapshot() {
        let (running, sink) = lock.withLock { (current, self.sink) }
        guard let running, let sink else { return }
        do {
            sink(.snapshotSaved(try running.saveSnapshot()))
        } catch {
            sink(.snapshotFailed("\(error)"))
        }
    }
}
