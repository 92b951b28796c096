import Foundation

/// What a live run saw, shown when a file ends or the user stops: frames, faces, how often
/// each expression was the top label, speed and per-stage latency.
public struct LiveSummary: Sendable, Equatable {
    /// The source, as named in messages ("'clip.mp4'", "camera 0").
    public var source: String
    public var classNames: [String]
    public var frames = 0
    public var framesWithFaces = 0
    /// Faces over all frames (a frame with two faces counts two).
    public var facesFound = 0
    /// For each class, the faces whose top label it was.
    public var expressionCounts: [String: Int] = [:]
    /// Wall-clock seconds from the first frame read to the last frame finished.
    public var seconds = 0.0
    /// Stage times summed over all frames, in milliseconds.
    public var totalTimings = StageTimings()
    /// Frames skipped because the analysis fell behind a live source.
    public var droppedFrames = 0
    /// Image files of a folder or glob that could not be decoded and were skipped.
    public var skippedImages = 0

    public init(source: String, classNames: [String]) {
        self.source = source
        self.classNames = classNames
    }

    /// Counts one processed frame.
    public mutating func record(_ frame: LiveFrame) {
        frames += 1
        if !frame.faces.isEmpty { framesWithFaces += 1 }
        facesFound += frame.faces.count
        for face in frame.faces { expressionCounts[face.top.label, default: 0] += 1 }
        totalTimings.decode += frame.timings.decode
        totalTimings.detect += frame.timings.detect
        totalTimings.classify += frame.timings.classify
    }

    /// Frames processed per wall-clock second over the whole run.
    public var meanFramesPerSecond: Double { seconds > 0 ? Double(frames) / seconds : 0 }

    /// Mean milliseconds per frame of each stage.
    public var meanTimings: StageTimings {
        let count = Double(max(frames, 1))
        return StageTimings(
            decode: totalTimings.decode / count, detect: totalTimings.detect / count,
            classify: totalTimings.classify / count)
    }

    /// Expressions by how often they were the top label, most frequent first (ties in class order).
    public var rankedExpressions: [(label: String, count: Int)] {
        let order = classNames + expressionCounts.keys.filter { !classNames.contains($0) }.sorted()
        return order.compactMap { label in expressionCounts[label].map { (label, $0) } }
            .enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
            .map(\.element)
    }

    /// The summary as a few aligned lines for the terminal.
    public var lines: [String] {
        let share = frames > 0 ? Int((Double(framesWithFaces) / Double(frames) * 100).rounded()) : 0
        let expressions = rankedExpressions.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
        let mean = meanTimings
        let speed = "\(Self.fixed(seconds, 2)) s, \(Self.fixed(meanFramesPerSecond, 1)) frames/s"
        var result = [
            "summary of \(source)",
            "  frames       \(frames) in \(speed)",
            "  faces        \(facesFound) in \(Self.count(framesWithFaces, "frame")) (\(share)% of frames)",
            "  expressions  \(expressions.isEmpty ? "none (no face found)" : expressions)",
            "  latency      decode \(Self.fixed(mean.decode, 2)) ms, "
                + "detect \(Self.fixed(mean.detect, 2)) ms, "
                + "classify \(Self.fixed(mean.classify, 2)) ms per frame",
        ]
        if droppedFrames > 0 {
            let dropped = Self.count(droppedFrames, "frame")
            result.append("  dropped      \(dropped) (the analysis fell behind the source)")
        }
        if skippedImages > 0 {
            result.append("  skipped      \(Self.count(skippedImages, "unreadable image"))")
        }
        return result
    }

    /// "1 frame", "2 frames".
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
