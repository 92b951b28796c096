import Testing
@testable import Live
import Vision

@Suite struct SummaryTests {
    static let names = ["angry", "happy", "sad"]

    static func frame(_ index: Int, labels: [Int]) -> LiveFrame {
        let faces = labels.enumerated().map { position, label in
            var probabilities: [Float] = [0.2, 0.2, 0.2]
            probabilities[label] = 0.6
            return RecognizedFace(
                box: FaceBox(x: 10 + 100 * position, y: 10, width: 50, height: 50),
                probabilities: probabilities, classNames: names, track: position + 1)
        }
        return LiveFrame(
            index: index, timestamp: Double(index), image: GrayImage(width: 4, height: 4), sourceScale: 1,
            faces: faces, timings: StageTimings(decode: 1, detect: Double(index), classify: 0.5),
            framesPerSecond: 0, expectedFrameCount: 4)
    }

    @Test func countsFramesFacesAndTopLabels() {
        var summary = LiveSummary(source: "'clip.mp4'", classNames: Self.names)
        for (index, labels) in [[1], [], [1, 2], [0]].enumerated() {
            summary.record(Self.frame(index, labels: labels))
        }
        summary.seconds = 2
        #expect(summary.frames == 4)
        #expect(summary.framesWithFaces == 3)
        #expect(summary.facesFound == 4)
        #expect(summary.expressionCounts == ["happy": 2, "sad": 1, "angry": 1])
        #expect(summary.rankedExpressions.map(\.label) == ["happy", "angry", "sad"], "ties keep class order")
        #expect(summary.meanFramesPerSecond == 2)
        #expect(summary.meanTimings == StageTimings(decode: 1, detect: 1.5, classify: 0.5))
        #expect(
            summary.lines == [
                "summary of 'clip.mp4'",
                "  frames       4 in 2.00 s, 2.0 frames/s",
                "  faces        4 in 3 frames (75% of frames)",
                "  expressions  happy 2, angry 1, sad 1",
                "  latency      decode 1.00 ms, detect 1.50 ms, classify 0.50 ms per frame",
            ])
    }

    @Test func emptyRunSaysNoFaceWasFound() {
        let summary = LiveSummary(source: "camera 0", classNames: Self.names)
        #expect(summary.lines[3] == "  expressions  none (no face found)")
        #expect(summary.meanFramesPerSecond == 0)
    }

    @Test func progressLineDescribesTheLargestFace() {
        var frame = Self.frame(2, labels: [1, 0])
        frame.framesPerSecond = 151.25
        #expect(PlainProgress.describe(frame) == "frame 3/4  t=2.00s  happy 60% (2 faces)  151.2 frames/s")
        var progress = PlainProgress(interval: 1)
        #expect(progress.line(for: frame, at: 10) != nil)
        #expect(progress.line(for: frame, at: 10.5) == nil, "at most one line per interval")
        #expect(progress.line(for: frame, at: 11.1) != nil)
        #expect(PlainProgress.describe(Self.frame(0, labels: [])) == "frame 1/4  t=0.00s  no face")
    }
}
