import Foundation
import Vision

/// The pipeline's four stages, each the body of one thread: read, detect, classify, deliver.
extension LivePipeline {
    func readFrames() {
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

    func detectFaces() {
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

    func classifyFaces() {
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

    func deliverFrames(to sink: Sink, onFinish: (@Sendable (LiveOutcome) -> Void)?) {
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
        onFinish?(recordOutcome(summary))
    }
}
