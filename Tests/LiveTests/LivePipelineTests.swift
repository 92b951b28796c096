import Foundation
import Testing
@testable import Live
import Vision

/// The whole pipeline on a clip the test makes: the astronaut's face moving and growing
/// across 30 frames of 596×336.
@Suite(.serialized) struct LivePipelineTests {
    @Test func findsTheFaceInEveryFrameAndWritesEveryOutput() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = LiveOptions()
        options.source = try TestSupport.writeDemoClip(in: directory)
        options.jsonLinesPath = directory.appendingPathComponent("frames.jsonl").path
        options.recordingPath = directory.appendingPathComponent("annotated.mp4").path
        options.snapshotPath = directory.appendingPathComponent("last.jpg").path
        let session = try LiveSession(options: options, classifier: try TestSupport.untrainedClassifier())
        let collector = FrameCollector()
        let (outcome, messages) = session.run { collector.append($0) }

        #expect(outcome.error == nil, "\(String(describing: outcome.error))")
        let clip = TestSupport.demoClip
        let frames = collector.frames
        #expect(frames.map(\.index) == Array(0..<clip.frameCount))
        for frame in frames {
            #expect(frame.faces.count == 1, "frame \(frame.index): \(frame.faces)")
            guard let box = frame.faces.first?.box else { continue }
            let expected = clip.expectedFace(frame.index)
            #expect(abs(box.centerX - expected.centerX) < 12, "frame \(frame.index): \(box) vs \(expected)")
            #expect(abs(box.centerY - expected.centerY) < 12, "frame \(frame.index): \(box) vs \(expected)")
            #expect(frame.faces.first?.track == 1, "one person keeps one track")
            #expect(abs((frame.faces.first?.probabilities.reduce(0, +) ?? 0) - 1) < 1e-4)
        }
        #expect(frames.first?.timestamp == 0)
        #expect(
            abs((frames.last?.timestamp ?? 0) - Double(clip.frameCount - 1) / clip.framesPerSecond) < 1e-6)

        let summary = outcome.summary
        #expect(summary.frames == clip.frameCount)
        #expect(summary.framesWithFaces == clip.frameCount)
        #expect(summary.facesFound == clip.frameCount)
        #expect(summary.expressionCounts.values.reduce(0, +) == clip.frameCount)
        #expect(summary.meanFramesPerSecond > 0)

        let lines = try String(contentsOfFile: options.jsonLinesPath ?? "", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == clip.frameCount)
        let records = try lines.map { try JSONDecoder().decode(FrameRecord.self, from: Data($0.utf8)) }
        #expect(records.map(\.index) == Array(0..<clip.frameCount))
        #expect(records.allSatisfy { $0.faces.count == 1 && $0.faces[0].probabilities.count == 7 })
        #expect(records.first?.faces.first?.box == frames.first?.faces.first?.box)

        #expect(try TestSupport.countFrames(options.recordingPath ?? "") == clip.frameCount)
        let snapshot = try ColorImage(contentsOf: options.snapshotPath ?? "")
        #expect(snapshot.size == clip.size)
        #expect(messages.count == 3, "\(messages)")
    }

    @Test func stopEndsARunAndReportsIt() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = LiveOptions()
        options.source = try TestSupport.writeDemoClip(in: directory)
        options.configuration.frameRateLimit = 20
        options.configuration.loops = true
        let session = try LiveSession(options: options, classifier: try TestSupport.untrainedClassifier())
        let collector = FrameCollector()
        session.pipeline.pause()
        #expect(session.pipeline.isPaused)
        session.start(display: { collector.append($0) })
        Thread.sleep(forTimeInterval: 0.2)
        #expect(collector.frames.isEmpty, "nothing is read while paused")
        session.pipeline.resume()
        Thread.sleep(forTimeInterval: 0.3)
        session.pipeline.stop()
        let outcome = session.pipeline.wait()
        #expect(outcome.wasStopped)
        #expect(outcome.error == nil)
        let count = collector.frames.count
        // 0.3 s at 20 frames/s: a handful of frames, far fewer than the clip holds.
        #expect(count >= 2 && count <= 12, "\(count) frames")
        #expect(outcome.summary.frames == count)
    }

    @Test func loopingContinuesPastTheEndOfTheFile() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clip = DemoClip(size: PixelSize(width: 200, height: 120), frameCount: 4)
        let path = directory.appendingPathComponent("short.avi").path
        try clip.write(to: path, photoPath: TestSupport.astronautPath)
        var options = LiveOptions()
        options.source = path
        options.configuration.loops = true
        let session = try LiveSession(options: options, classifier: try TestSupport.untrainedClassifier())
        let collector = FrameCollector()
        session.start(display: { frame in
            collector.append(frame)
            if frame.index == 9 { session.pipeline.stop() }
        })
        let outcome = session.pipeline.wait()
        let frames = collector.frames
        #expect(outcome.error == nil)
        #expect(frames.count >= 10)
        #expect(Array(frames.map(\.index).prefix(10)) == Array(0..<10))
        #expect(
            frames.map(\.timestamp) == frames.map(\.timestamp).sorted(), "time keeps running across loops")
    }
}

@Suite struct LiveControllerTests {
    /// Recorded if the finish callback runs.
    static let finishMarker = LiveFrame(
        index: -1, timestamp: 0, image: GrayImage(width: 1, height: 1), sourceScale: 1, faces: [],
        timings: StageTimings(), framesPerSecond: 0)

    @Test func noFrameArrivesAfterStopAndSnapshotsAreNumbered() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = LiveOptions()
        options.source = try TestSupport.writeDemoClip(in: directory)
        options.configuration.loops = true
        let session = try LiveSession(options: options, classifier: try TestSupport.untrainedClassifier())
        let controller = LiveController(session: session, snapshotFolder: directory.path)
        #expect(throws: LiveError.self) { try controller.saveSnapshot() }
        let collector = FrameCollector()
        controller.start(
            onFrame: { frame in
                collector.append(frame)
                if frame.index == 4 { controller.stop() }
            }, onFinish: { _, _ in collector.append(Self.finishMarker) })
        let outcome = session.pipeline.wait()
        #expect(outcome.wasStopped)
        #expect(collector.frames.map(\.index) == Array(0...4), "nothing after stop, not even the finish call")
        let first = try controller.saveSnapshot()
        let second = try controller.saveSnapshot()
        #expect(first == directory.appendingPathComponent("fer-snapshot-1.png").path)
        #expect(second == directory.appendingPathComponent("fer-snapshot-2.png").path)
        #expect(try ColorImage(contentsOf: first).size == TestSupport.demoClip.size)
    }
}
