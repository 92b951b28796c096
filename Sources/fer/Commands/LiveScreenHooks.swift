import App
import Foundation
import Live

/// Connects the live pipeline to the App's live screen (used by `fer live` and the home screen).
enum LiveScreenHooks {
    /// Hooks that open `options.source` when the screen starts — or, when that source cannot be
    /// opened and `fallbackSource` is given (the home screen on a machine without a camera),
    /// that one instead.
    static func make(options: LiveOptions, fallbackSource: String? = nil) -> LivePipelineHooks {
        var playing = options
        playing.playsAtSourceRate = true
        let options = playing, state = LiveScreenState()
        return LivePipelineHooks(
            start: { sink in
                let session: LiveSession
                do {
                    session = try LiveSession(options: options)
                } catch {
                    guard let fallbackSource else { throw error }
                    var fallback = options
                    fallback.source = fallbackSource
                    session = try LiveSession(options: fallback)
                }
                let controller = LiveController(session: session)
                state.set(controller: controller, sink: sink)
                controller.start(
                    onFrame: { sink(.frame($0)) },
                    onFinish: { outcome, _ in
                        sink(outcome.error.map { .failed("\($0)") } ?? .finished(LiveScreenSummary(outcome.summary)))
                    }
                )
            },
            stop: { state.controller?.stop() },
            setPaused: { state.controller?.setPaused($0) },
            requestSnapshot: {
                guard let (controller, sink) = state.current else { return }
                do {
                    sink(.snapshotSaved(try controller.saveSnapshot()))
                } catch {
                    sink(.snapshotFailed("\(error)"))
                }
            }
        )
    }
}

/// The running controller and the screen's sink, set on start, read by the other hooks.
private final class LiveScreenState: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (LiveController, @Sendable (LiveUpdate) -> Void)?

    func set(controller: LiveController, sink: @escaping @Sendable (LiveUpdate) -> Void) {
        lock.withLock { stored = (controller, sink) }
    }

    var current: (LiveController, @Sendable (LiveUpdate) -> Void)? { lock.withLock { stored } }
    var controller: LiveController? { current?.0 }
}

extension LiveScreenSummary {
    /// The screen's view of the pipeline's summary.
    init(_ summary: Live.LiveSummary) {
        self.init(
            frames: summary.frames, framesWithFaces: summary.framesWithFaces,
            expressionCounts: summary.rankedExpressions.map { ExpressionCount(label: $0.label, frames: $0.count) },
            meanFramesPerSecond: summary.meanFramesPerSecond
        )
    }
}
