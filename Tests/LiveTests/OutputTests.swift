import Foundation
import Testing
@testable import Live
import Vision

@Suite struct OutputTests {
    static let classNames = ["angry", "happy", "sad"]

    static func frame(index: Int, faces: [RecognizedFace], color: ColorImage? = nil) throws -> LiveFrame {
        LiveFrame(
            index: index, timestamp: Double(index) / 25,
            image: GrayImage(width: 160, height: 90, filledWith: 100),
            sourceScale: 2, faces: faces, timings: StageTimings(decode: 1, detect: 2, classify: 3),
            framesPerSecond: 25, colorImage: color)
    }

    static let face = RecognizedFace(
        box: FaceBox(x: 100, y: 40, width: 60, height: 60),
        probabilities: [0.1, 0.7, 0.2], classNames: classNames, track: 3)

    @Test func jsonLineNamesEveryClass() throws {
        let record = FrameRecord(try Self.frame(index: 7, faces: [Self.face]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(
            text == #"{"faces":[{"box":{"height":60,"width":60,"x":100,"y":40},"label":"happy","#
                + #""probabilities":{"angry":0.1,"happy":0.7,"sad":0.2},"probability":0.7,"track":3}],"#
                + #""index":7,"time":0.28}"#
        )
    }

    @Test func noFaceFrameHasAnEmptyList() throws {
        let record = FrameRecord(try Self.frame(index: 0, faces: []))
        #expect(record.faces.isEmpty)
    }

    @Test func annotationDrawsTheBoxAndThePanel() throws {
        let background = BGRColor(red: 50, green: 50, blue: 50)
        let plain = ColorImage(width: 320, height: 180, filledWith: background)
        let annotated = try FrameAnnotator().annotated(
            try Self.frame(index: 0, faces: [Self.face], color: plain))
        #expect(annotated.size == plain.size)
        // The box's left edge, below its label, takes the track's color.
        let edge = try #require(annotated[x: 100, y: 80])
        #expect(edge == FrameAnnotator.palette[(3 - 1) % FrameAnnotator.palette.count])
        // The panel darkens the top-left corner; the bottom-right corner is untouched.
        #expect((annotated[x: 4, y: 4]?.red ?? 255) < 50)
        #expect(annotated[x: 310, y: 170] == background)
    }

    @Test func annotationOfAGrayFrameScalesTheBoxes() throws {
        // No color picture kept: the gray display image (half size) is annotated instead.
        let annotated = try FrameAnnotator(showsBars: false).annotated(
            try Self.frame(index: 0, faces: [Self.face]))
        #expect(annotated.size == PixelSize(width: 160, height: 90))
        let color = FrameAnnotator.palette[2]
        #expect(annotated[x: 50, y: 40] == color, "box left edge at x = 100 / 2")
        #expect(annotated[x: 10, y: 10] == BGRColor(red: 100, green: 100, blue: 100))
    }

    @Test func snapshotTakesTheChosenFrame() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chosen.png").path
        let outputs = try LiveOutputs(settings: LiveOutputs.Settings(snapshotPath: path, snapshotFrame: 1))
        for index in 0..<3 {
            let shade = UInt8(60 * index)
            let color = ColorImage(
                width: 64, height: 48, filledWith: BGRColor(red: shade, green: shade, blue: shade))
            try outputs.write(try Self.frame(index: index, faces: [], color: color))
        }
        #expect(try outputs.finish() == ["wrote '\(path)' (frame 1)"])
        let snapshot = try ColorImage(contentsOf: path)
        #expect(snapshot[x: 60, y: 44] == BGRColor(red: 60, green: 60, blue: 60))
    }

    @Test func missingOutputFolderFailsBeforeTheRun() {
        #expect(
            throws: LiveError.outputFailed(
                detail: "cannot write '/nonexistent/x.mp4': folder '/nonexistent' does not exist")
        ) {
            _ = try LiveOutputs(settings: LiveOutputs.Settings(recordingPath: "/nonexistent/x.mp4"))
        }
    }

    @Test func annotationPathsForOneOrManyImages() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let single = directory.appendingPathComponent("out.png").path
        #expect(try AnnotationPaths.paths(for: ["a.jpg"], target: single) == [single])
        let folder = directory.appendingPathComponent("annotated").path
        let many = try AnnotationPaths.paths(for: ["x/a.jpg", "y/a.png", "b.jpeg"], target: folder)
        #expect(many == ["a.png", "a-2.png", "b.png"].map { folder + "/" + $0 })
        #expect(throws: LiveError.self) {
            try AnnotationPaths.paths(for: ["a.jpg", "b.jpg"], target: single)
        }
        #expect(throws: LiveError.self) {
            try AnnotationPaths.paths(for: ["a.jpg"], target: directory.path + "/x.txt")
        }
    }
}
