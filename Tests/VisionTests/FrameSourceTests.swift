import Foundation
import Testing

@testable import Vision

@Suite struct FrameSourceTests {
    /// A folder with images 1, 2 and 10 (each a uniform gray of that value times 20), a text
    /// file, a truncated JPEG and a subfolder.
    private func makeFolder() throws -> URL {
        let directory = try TestSupport.makeTemporaryDirectory()
        for number in [10, 2, 1] {
            let image = GrayImage(width: 8, height: 6, filledWith: UInt8(number * 20))
            try image.write(to: directory.appendingPathComponent("\(number).png").path)
        }
        try Data("not an image".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let jpeg = try GrayImage(width: 16, height: 16, filledWith: 9).encoded(format: .jpeg)
        try Data(jpeg.prefix(jpeg.count / 2)).write(to: directory.appendingPathComponent("broken.jpg"))
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("nested.png"),
            withIntermediateDirectories: false)
        return directory
    }

    private func readAll(_ source: any FrameSource) throws -> [UInt8] {
        var frame = ColorImage(width: 0, height: 0)
        var firstBytes: [UInt8] = []
        while try source.read(into: &frame) { firstBytes.append(frame.pixels[0]) }
        return firstBytes
    }

    @Test func folderIsReadInNaturalOrderSkippingNonImages() throws {
        let directory = try makeFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = SourceLocation(parsing: directory.path)
        #expect(location == .imageFolder(path: directory.path))
        let source = try location.open()
        #expect(source.expectedFrameCount == 4)
        #expect(try readAll(source) == [20, 40, 200])
        let sequence = try #require(source as? ImageSequence)
        #expect(sequence.skippedNonImages == 1)
        #expect(sequence.unreadableImages == 1)
        #expect(
            sequence.lastUnreadableError
                == .truncatedImage(
                    source: "'\(directory.appendingPathComponent("broken.jpg").path)'"))
    }

    @Test func globSelectsMatchingImages() throws {
        let directory = try makeFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pattern = directory.path + "/*.png"
        #expect(SourceLocation(parsing: pattern) == .imageGlob(pattern: pattern))
        let source = try SourceLocation(parsing: pattern).open()
        #expect(try readAll(source) == [20, 40, 200])
        #expect(throws: VisionError.noImages(source: "'\(directory.path)/*.gif'")) {
            try ImageSequence(glob: directory.path + "/*.gif")
        }
    }

    @Test func emptyFolderHasNoImages() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            try ImageSequence(folder: directory.path)
        } throws: { error in
            "\(error)" == "'\(directory.path)' contains no image files"
        }
    }

    @Test func argumentsAreClassified() {
        #expect(SourceLocation(parsing: "0") == .camera(index: 0))
        #expect(SourceLocation(parsing: "12") == .camera(index: 12))
        #expect(SourceLocation(parsing: "rtsp://cam.local/live") == .stream(url: "rtsp://cam.local/live"))
        #expect(SourceLocation(parsing: "clip.mp4") == .videoFile(path: "clip.mp4"))
        #expect(SourceLocation(parsing: "frames/img_?.jpg") == .imageGlob(pattern: "frames/img_?.jpg"))
    }

    @Test func videoFileSourceOpensThroughTheLocation() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("two.avi").path
        let writer = try VideoWriter(path: path, size: PixelSize(width: 32, height: 32), framesPerSecond: 5)
        try writer.write(GrayImage(width: 32, height: 32, filledWith: 50))
        try writer.write(GrayImage(width: 32, height: 32, filledWith: 200))
        try writer.close()
        let source = try SourceLocation(parsing: path).open()
        #expect(source.sourceDescription == "'\(path)'")
        #expect(source.framesPerSecond == 5)
        let values = try readAll(source)
        #expect(values.count == 2)
        #expect(values.count == 2 && abs(Int(values[0]) - 50) < 6 && abs(Int(values[1]) - 200) < 6)
    }
}
