import Engine
import Foundation
@testable import Live
import TestScratch
import Training
import Vision

/// Paths, scratch folders and small models shared by the Live tests.
enum TestSupport {
    /// The package root, found from this file's location (Tests/LiveTests/...).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var astronautPath: String { packageRoot.appendingPathComponent("Assets/astronaut.png").path }

    /// A fresh empty folder under the system temporary folder.
    static func makeTemporaryDirectory() throws -> URL {
        try ScratchFolder.make("live")
    }

    /// The seed network with untrained weights: real inference, meaningless labels — enough
    /// to exercise the pipeline.
    static func untrainedClassifier() throws -> Predictor {
        try Predictor(models: [Model(spec: .seed(), seed: 1)])
    }

    /// Writes an untrained seed checkpoint to `directory/name` and returns its path.
    static func writeCheckpoint(
        in directory: URL, name: String = "model.safetensors", seed: UInt64 = 1
    ) throws -> String {
        let model = try Model(spec: .seed(), seed: seed)
        let url = directory.appendingPathComponent(name)
        try Checkpoint(model: model, metadata: CheckpointMetadata(spec: model.spec)).write(to: url)
        return url.path
    }

    /// A small demo clip (the astronaut moving and growing), written once per test run.
    static let demoClip = DemoClip(frameCount: 30)

    static func writeDemoClip(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("demo.mp4").path
        try demoClip.write(to: path, photoPath: astronautPath)
        return path
    }

    /// Frames in a video file, counted by decoding them all.
    static func countFrames(_ path: String) throws -> Int {
        let capture = try VideoCapture(file: path)
        var frame = ColorImage(width: 0, height: 0)
        var count = 0
        while try capture.read(into: &frame) { count += 1 }
        return count
    }
}

/// Collects the frames a pipeline delivers (from its output thread).
final class FrameCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [LiveFrame] = []

    func append(_ frame: LiveFrame) {
        lock.withLock { collected.append(frame) }
    }

    var frames: [LiveFrame] { lock.withLock { collected } }
}

/// A classifier with scripted answers, for tests of what happens around the model.
final class ScriptedClassifier: ExpressionClassifier {
    let classNames = ["calm", "glad"]
    private var answers: [[Float]]
    private var next = 0

    init(answers: [[Float]]) {
        self.answers = answers
    }

    func probabilities(for faces: [[UInt8]]) throws -> [[Float]] {
        faces.map { _ in
            defer { next += 1 }
            return answers[next % answers.count]
        }
    }
}
