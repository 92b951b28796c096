import Foundation
import Testing
@testable import Live
import Vision

/// Every bad `--source` and `--model` gives a clear error, never a crash.
@Suite struct BadInputTests {
    static func openSession(_ source: String, timeout: Double = 10) throws -> LiveSession {
        var options = LiveOptions()
        options.source = source
        options.streamTimeout = timeout
        return try LiveSession(options: options, classifier: try TestSupport.untrainedClassifier())
    }

    static func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func missingVideoFile() {
        let message = Self.message { _ = try Self.openSession("/nonexistent/clip.mp4") }
        #expect(message == "cannot open video '/nonexistent/clip.mp4': file not found")
    }

    @Test func corruptVideoBytes() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("broken.mp4").path
        var generator = SystemRandomNumberGenerator()
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
            .write(to: URL(fileURLWithPath: path))
        let message = Self.message { _ = try Self.openSession(path) }
        #expect(message.contains("broken.mp4"), "\(message)")
    }

    @Test func truncatedVideoEndsWithAnError() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clip = DemoClip(size: PixelSize(width: 320, height: 180), frameCount: 60)
        let path = directory.appendingPathComponent("cut.avi").path
        try clip.write(to: path, photoPath: TestSupport.astronautPath)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        // MJPG in AVI still opens when cut (its header promises 60 frames); the run then ends
        // early with a truncation error, and the summary covers the frames that were shown.
        let session = try Self.openSession(path)
        let (outcome, _) = session.run { _ in }
        let error = try #require(outcome.error as? LiveError)
        guard case .truncatedVideo(_, let read, let expected) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(read > 0 && read < expected && expected == clip.frameCount)
        #expect(outcome.summary.frames == read)
        #expect("\(error)".hasSuffix("ended after \(read) of 60 frames: the file looks truncated or damaged"))
    }

    @Test func folderWithoutImages() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("hello".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let message = Self.message { _ = try Self.openSession(directory.path) }
        #expect(message == "'\(directory.path)' contains no image files")
        let glob = Self.message { _ = try Self.openSession(directory.path + "/*.png") }
        #expect(glob == "'\(directory.path)/*.png' contains no image files")
    }

    @Test func folderOfUnreadableImagesEndsWithTheirError() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("not an image".utf8).write(to: directory.appendingPathComponent("a.png"))
        let (outcome, _) = try Self.openSession(directory.path).run { _ in }
        #expect(outcome.summary.frames == 0)
        #expect(outcome.summary.skippedImages == 1)
        #expect("\(outcome.error.map { "\($0)" } ?? "none")".contains("not an image"))
    }

    @Test func cameraThatDoesNotExist() {
        let message = Self.message { _ = try Self.openSession("42") }
        #expect(message == "no camera at index 42 — try --source FILE")
    }

    @Test func unreachableStream() {
        let start = Date()
        let message = Self.message { _ = try Self.openSession("http://127.0.0.1:9/x", timeout: 2) }
        #expect(message.contains("127.0.0.1:9"), "\(message)")
        #expect(Date().timeIntervalSince(start) < 8)
    }

    @Test func missingModelSaysHowToGetOne() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folders = [directory.appendingPathComponent("Assets").path, "/nowhere/Assets"]
        let message = Self.message { _ = try ClassifierLoader.load(modelPath: nil, assetFolders: folders) }
        #expect(
            message.hasPrefix(
                "no model found: the default model is not at "
                    + "'\(directory.path)/Assets/model' nor in 1 other place fer looks"))
        #expect(message.hasSuffix("train one with `fer train` or pass --model PATH"))
        let missing = Self.message {
            _ = try ClassifierLoader.load(modelPath: directory.path + "/x.safetensors")
        }
        #expect(missing == "No model at '\(directory.path)/x.safetensors': nothing exists there.")
        let notAModel = directory.appendingPathComponent("notes.safetensors")
        try Data("hello".utf8).write(to: notAModel)
        let corrupt = Self.message { _ = try ClassifierLoader.load(modelPath: notAModel.path) }
        #expect(corrupt.contains("notes.safetensors"), "\(corrupt)")
    }

    @Test func missingDemoPhotoSaysWhereItLooked() {
        let clip = DemoClip(size: PixelSize(width: 64, height: 64), frameCount: 1, framesPerSecond: 1234)
        let message = Self.message { _ = try clip.cachedFile(assetFolders: ["/nowhere/Assets"]) }
        #expect(message.hasPrefix("cannot find 'astronaut.png' in '/nowhere/Assets' — run fer from its"))
    }

    @Test func invalidOptionsAreRejected() throws {
        let classifier = try TestSupport.untrainedClassifier()
        func message(_ change: (inout LiveOptions) -> Void) -> String {
            var options = LiveOptions()
            options.source = TestSupport.astronautPath
            change(&options)
            return Self.message { _ = try LiveSession(options: options, classifier: classifier) }
        }
        #expect(message { $0.configuration.maximumFaces = 0 }.contains("--faces"))
        #expect(message { $0.configuration.smoothing = 1 }.contains("--smoothing"))
        #expect(message { $0.configuration.frameRateLimit = 0 }.contains("--fps"))
        #expect(message { $0.configuration.margin = 2 }.contains("margin"))
    }
}
