import Engine
import Foundation
import Vision

/// Live mode's engine: frames from a `FrameSource` are decoded on one thread, searched for
/// faces on a second, classified on a third (several frames' faces in one batch when they
/// pile up) and handed to a sink on a fourth, so decoding, detection, inference and output
/// (screen, JSON lines, recording) overlap on the cores.
///
/// Each processed frame reaches the sink as a `LiveFrame` (faces with smoothed probabilities,
/// stage timings, FPS). The run ends at the end of the source, on `stop()`, or on an error;
/// then `onFinish` gets a `LiveOutcome` with the `LiveSummary`, and `wait()` returns it.
///
/// Thread-safety: `start`, `pause`, `resume`, `stop` and `wait` may be called from any
/// thread. The recognizer's detector is used only by the detection thread, its classifier only
/// by the classification thread.
public final class LivePipeline: @unchecked Sendable {
    /// Receives each processed frame on the pipeline's output thread; throwing stops the run.
    public typealias Sink = @Sendable (LiveFrame) throws -> Void
    /// Opens the source again, for `loops`.
    public typealias SourceOpener = @Sendable () throws -> any FrameSource

    public let configuration: LiveConfiguration
    public let classNames: [String]
    /// The source's name for messages ("'clip.mp4'", "camera 0").
    public let sourceDescription: String
    let firstSource: any FrameSource
    let reopen: SourceOpener?
    let recognizer: FaceRecognizer
    let initialSmoother: ExpressionSmoother
    let decoded: FrameQueue<DecodedFrame>
    let detected = FrameQueue<DetectedFrame>(
        capacity: LivePipeline.classificationBatch, dropsOldest: false)
    let processed = FrameQueue<LiveFrame>(capacity: 4, dropsOldest: false)

    private let control = NSCondition()
    private var started = false
    private var paused = false
    private var stopping = false
    private var firstError: (any Error)?
    private var outcome: LiveOutcome?
    /// Set by `start` before the threads begin, read by them.
    private(set) var startTime: UInt64 = 0
    /// Most frames whose faces are classified in one model call.
    static let classificationBatch = 8

    /// - Parameters:
    ///   - source: where frames come from; read only by the pipeline from now on.
    ///   - recognizer: detection and classification; used only by the pipeline's threads.
    ///   - reopen: opens the source anew, needed when `configuration.loops` is set.
    public init(
        source: any FrameSource, recognizer: FaceRecognizer,
        configuration: LiveConfiguration = LiveConfiguration(),
        reopen: SourceOpener? = nil
    ) throws {
        try configuration.validate()
        if configuration.loops && reopen == nil {
            throw LiveError.invalidOption(detail: "looping needs a source that can be opened again")
        }
        self.configuration = configuration
        firstSource = source
        self.reopen = reopen
        self.recognizer = recognizer
        initialSmoother = try ExpressionSmoother(smoothing: configuration.smoothing)
        classNames = recognizer.classNames
        sourceDescription = source.sourceDescription
        let live = source.expectedFrameCount == nil
        let drops = configuration.dropsFramesWhenBehind ?? live
        decoded = FrameQueue(capacity: drops ? 2 : 4, dropsOldest: drops)
    }

    /// Starts the threads; frames go to `sink`, the outcome to `onFinish` (on the output
    /// thread). Calling it twice does nothing the second time. Sets the engine to one worker
    /// for the rest of the process: the stages already fill the cores.
    public func start(sink: @escaping Sink, onFinish: (@Sendable (LiveOutcome) -> Void)? = nil) {
        control.lock()
        guard !started else {
            control.unlock()
            return
        }
        started = true
        startTime = Stopwatch.now()
        control.unlock()
        spawn("fer.live.read") { self.readFrames() }
        spawn("fer.live.detect") { self.detectFaces() }
        // The stages keep the cores busy; batches split over workers would only make them contend
        // (BLAS is single-threaded already: the engine sets that when a model is built).
        spawn("fer.live.classify") { Parallel.withOneWorker { self.classifyFaces() } }
        spawn("fer.live.output") { self.deliverFrames(to: sink, onFinish: onFinish) }
    }

    /// Blocks until the run has ended (call it after `start`).
    public func wait() -> LiveOutcome {
        control.lock()
        defer { control.unlock() }
        while outcome == nil { control.wait() }
        return outcome ?? LiveOutcome(summary: LiveSummary(source: sourceDescription, classNames: classNames))
    }

    /// Holds reading frames until `resume()`; frames already read still come through.
    public func pause() { setPaused(true) }

    public func resume() { setPaused(false) }

    public var isPaused: Bool {
        control.lock()
        defer { control.unlock() }
        return paused
    }

    /// Ends the run: reading stops, frames already read are still delivered, then the
    /// outcome is reported. Returns at once; use `wait()` to block.
    public func stop() {
        control.lock()
        stopping = true
        control.broadcast()
        control.unlock()
        decoded.close()
    }

    // MARK: - Control shared with the stages (LivePipelineStages.swift)

    private func spawn(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }

    private func setPaused(_ value: Bool) {
        control.lock()
        paused = value
        control.broadcast()
        control.unlock()
    }

    var isStopping: Bool {
        control.lock()
        defer { control.unlock() }
        return stopping
    }

    /// Waits while paused; true when it did wait (the frame pacing should restart).
    func waitWhilePaused() -> Bool {
        control.lock()
        defer { control.unlock() }
        var waited = false
        while paused && !stopping {
            waited = true
            control.wait()
        }
        return waited
    }

    /// Ends the run with `summary` and the first error, and wakes `wait()`.
    func recordOutcome(_ summary: LiveSummary) -> LiveOutcome {
        control.lock()
        defer { control.unlock() }
        let result = LiveOutcome(
            summary: summary, error: firstError, wasStopped: stopping && firstError == nil)
        outcome = result
        control.broadcast()
        return result
    }

    /// Keeps the first error; it ends the run.
    func fail(_ error: any Error) {
        control.lock()
        if firstError == nil { firstError = error }
        stopping = true
        control.broadcast()
        control.unlock()
        decoded.close()
    }
}
