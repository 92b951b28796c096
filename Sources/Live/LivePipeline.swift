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
    private let firstSource: any FrameSource
    private let reopen: SourceOpener?
    private let recognizer: FaceRecognizer
    private let initialSmoother: ExpressionSmoother
    private let decoded: FrameQueue<DecodedFrame>
    private let detected = FrameQueue<DetectedFrame>(
        capacity: LivePipeline.classificationBatch, dropsOldest: false)
    private let processed = FrameQueue<LiveFrame>(capacity: 4, dropsOldest: false)

    private let control = NSCondition()
    private var started = false
    private var paused = false
    private var stopping = false
    private var firstError: (any Error)?
    private var outcome: LiveOutcome?
    private var startTime: UInt64 = 0
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
    /// thread). Calling it twice does nothing the second time. Sets the engine to one BLAS
    /// thread and one worker for the rest of the process: the stages already fill the cores.
    public func start(sink: @escaping Sink, onFinish: (@Sendable (LiveOutcome) -> Void)? = nil) {
        control.lock()
        guard !started else {
            control.unlock()
            return
        }
        started = true
        startTime = Stopwatch.now()
        control.unlock()
        // The stages keep the cores busy; multi-threaded inference would only make them contend.
        BLAS.threadCount = 1
        Parallel.workerCount = 1
        spawn("fer.live.read") { self.readFrames() }
        spawn("fer.live.detect") { self.detectFaces() }
        spawn("fer.live.classify") { self.classifyFaces() }
        spawn("fer.live.output") { self.deliverFrames(to: sink, onFinish: onFinish) }
    }

    /// Starts, waits for the end and returns the outcome.
    public func run(sink: @escaping Sink) -> LiveOutcome {
        start(sink: sink)
        return wait()
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

    public func togglePause() {
        control.lock()
        let value = !paused
        control.unlock()
        setPaused(value)
    }

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

    /// True once the run has ended.
    public var isFinished: Bool {
        control.lock()
        defer { control.unlock() }
        return outcome != nil
    }

    // MARK: - Threads

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

    private var isStopping: Bool {
        control.lock()
        defer { control.unlock() }
        return stopping
    }

    /// Waits while paused; true when it did wait (the frame pacing should restart).
    private func waitWhilePaused() -> Bool {
        control.lock()
        defer { control.unlock() }
        var waited = false
        while paused && !stopping {
            waited = true
            control.wait()
        }
        return waited
    }

    /// Keeps the first error; it ends the run.
    private func fail(_ error: any Error) {
        control.lock()
        if firstError == nil { firstError = error }
        stopping = true
        control.broadcast()
        control.unlock()
        decoded.close()
    }

    private func readFrames() {
        var pacer = FramePacer(framesPerSecond: configuration.frameRateLimit)
        var source = firstSource
        var frame = ColorImage(width: 0, height: 0)
        var index = 0
        var indexInSource = 0
        var mediaTimeOffset = 0.0
        do {
            while !isStopping {
                if waitWhilePaused() { pacer.restart() }
                if isStopping { break }
                pacer.waitForNextFrame()
                let decodeStart = Stopwatch.now()
                guard try source.read(into: &frame) else {
                    try Self.checkCleanEnd(of: source, framesRead: indexInSource)
                    guard configuration.loops, indexInSource > 0, let reopen else { break }
                    mediaTimeOffset += Self.mediaTime(of: indexInSource, in: source) ?? 0
                    source = try reopen()
                    indexInSource = 0
                    continue
                }
                let item = try decode(
                    frame, index: index, decodeStart: decodeStart,
                    timestamp: Self.mediaTime(of: indexInSource, in: source).map { $0 + mediaTimeOffset }
                        ?? Stopwatch.seconds(since: startTime))
                guard decoded.push(item) else { break }
                index += 1
                indexInSource += 1
            }
        } catch {
            fail(error)
        }
        decoded.close()
    }

    /// The gray display copy of a color frame, timed together with its decoding.
    private func decode(
        _ frame: ColorImage, index: Int, decodeStart: UInt64, timestamp: Double
    ) throws -> DecodedFrame {
        var display = try frame.gray
        var scale = 1.0
        if let width = configuration.displayWidth, display.width > width {
            let height = max(
                1, Int((Double(display.height) * Double(width) / Double(display.width)).rounded()))
            scale = Double(display.width) / Double(width)
            display = try display.resized(width: width, height: height)
        }
        return DecodedFrame(
            index: index, timestamp: timestamp, color: frame, display: display, displayScale: scale,
            decodeMilliseconds: Stopwatch.milliseconds(since: decodeStart))
    }

    /// Seconds into a file at frame `index`; nil for live sources (they use wall time).
    private static func mediaTime(of index: Int, in source: any FrameSource) -> Double? {
        guard source.expectedFrameCount != nil, let rate = source.framesPerSecond, rate > 0 else {
            return nil
        }
        return Double(index) / rate
    }

    /// Throws when a source ended in a way the user should hear about: a truncated video, or
    /// an image folder whose images all failed to decode.
    private static func checkCleanEnd(of source: any FrameSource, framesRead: Int) throws {
        if let capture = source as? VideoCapture, capture.endedEarly, let expected = capture.info.frameCount {
            throw LiveError.truncatedVideo(
                source: capture.sourceDescription, framesRead: capture.framesRead,
                framesExpected: expected)
        }
        if let sequence = source as? ImageSequence, framesRead == 0, sequence.unreadableImages > 0 {
            throw sequence.lastUnreadableError ?? VisionError.noImages(source: sequence.sourceDescription)
        }
    }

    private func detectFaces() {
        // Unrelated pictures of a folder cannot be followed from one to the next.
        let interval = firstSource is ImageSequence ? 1 : configuration.fullScanInterval
        let tracker = recognizer.makeTracker(fullScanInterval: interval)
        var failed = false
        while let item = decoded.pop() {
            guard !failed else { continue }
            do {
                detected.push(
                    DetectedFrame(
                        decoded: item, faces: try recognizer.findFaces(in: item.color, tracker: tracker)))
            } catch {
                failed = true
                fail(error)
            }
        }
        detected.close()
    }

    private func classifyFaces() {
        var smoother = initialSmoother
        var failed = false
        while let batch = detected.popBatch(maximum: Self.classificationBatch) {
            guard !failed else { continue }
            do {
                let start = Stopwatch.now()
                let probabilities = try recognizer.classify(crops: batch.flatMap(\.faces.crops))
                // The batch's time is shared out by each frame's number of faces.
                let millisecondsPerFace =
                    probabilities.isEmpty
                    ? 0
                    : Stopwatch.milliseconds(since: start) / Double(probabilities.count)
                var offset = 0
                for item in batch {
                    let count = item.faces.crops.count
                    let observations = zip(item.faces.boxes, probabilities[offset..<offset + count]).map {
                        FaceObservation(box: $0, probabilities: $1)
                    }
                    offset += count
                    processed.push(
                        makeFrame(
                            item, observations: observations, smoothed: smoother.update(observations),
                            classifyMilliseconds: millisecondsPerFace * Double(count)))
                }
            } catch {
                failed = true
                fail(error)
            }
        }
        processed.close()
    }

    private func makeFrame(
        _ item: DetectedFrame, observations: [FaceObservation],
        smoothed: [(track: Int, probabilities: [Float])], classifyMilliseconds: Double
    ) -> LiveFrame {
        let faces = zip(observations, smoothed).map { face, result in
            RecognizedFace(
                box: face.box, probabilities: result.probabilities, classNames: classNames,
                track: result.track)
        }
        let decoded = item.decoded
        let timings = StageTimings(
            decode: decoded.decodeMilliseconds, detect: item.faces.milliseconds,
            classify: classifyMilliseconds)
        return LiveFrame(
            index: decoded.index, timestamp: decoded.timestamp, image: decoded.display,
            sourceScale: decoded.displayScale, faces: faces, timings: timings, framesPerSecond: 0,
            colorImage: decoded.color,
            expectedFrameCount: configuration.loops ? nil : firstSource.expectedFrameCount)
    }

    private func deliverFrames(to sink: Sink, onFinish: (@Sendable (LiveOutcome) -> Void)?) {
        var summary = LiveSummary(source: sourceDescription, classNames: classNames)
        var meter = FrameRateMeter()
        var sinkFailed = false
        while var frame = processed.pop() {
            frame.framesPerSecond = meter.record(at: Stopwatch.seconds(since: startTime))
            summary.record(frame)
            guard !sinkFailed else { continue }
            do {
                try sink(frame)
            } catch {
                sinkFailed = true
                fail(error)
            }
        }
        summary.seconds = Stopwatch.seconds(since: startTime)
        summary.droppedFrames = decoded.dropped
        summary.skippedImages = (firstSource as? ImageSequence)?.unreadableImages ?? 0
        control.lock()
        let result = LiveOutcome(
            summary: summary, error: firstError, wasStopped: stopping && firstError == nil)
        outcome = result
        control.broadcast()
        control.unlock()
        onFinish?(result)
    }
}
