import Foundation
import Testing

@testable import Vision

@Suite struct VideoTests {
    static let frameCount = 30
    static let size = PixelSize(width: 160, height: 120)

    /// Frame `index`: dark background with a white 24x24 square moving right and down.
    static func movingSquare(_ index: Int) -> ColorImage {
        var frame = ColorImage(
            width: size.width, height: size.height, filledWith: BGRColor(red: 20, green: 30, blue: 40))
        let left = 8 + index * 4, top = 10 + index * 2
        for y in top..<(top + 24) {
            for x in left..<(left + 24) {
                let start = (y * size.width + x) * 3
                frame.pixels[start] = 255
                frame.pixels[start + 1] = 255
                frame.pixels[start + 2] = 255
            }
        }
        return frame
    }

    /// Center of the bright pixels of a frame.
    static func brightCenter(_ frame: ColorImage) throws -> (x: Double, y: Double) {
        let gray = try frame.gray
        var sumX = 0, sumY = 0, count = 0
        for y in 0..<gray.height {
            for x in 0..<gray.width where gray.pixels[y * gray.width + x] > 160 {
                sumX += x
                sumY += y
                count += 1
            }
        }
        return count > 0 ? (Double(sumX) / Double(count), Double(sumY) / Double(count)) : (-1, -1)
    }

    private func writeMovingSquare(to path: String) throws {
        let writer = try VideoWriter(path: path, size: Self.size, framesPerSecond: 15)
        for index in 0..<Self.frameCount { try writer.write(Self.movingSquare(index)) }
        #expect(writer.framesWritten == Self.frameCount)
        try writer.close()
    }

    @Test(arguments: ["clip.mp4", "clip.avi"])
    func writtenVideoReadsBackFrameByFrame(name: String) throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try writeMovingSquare(to: path)

        let capture = try VideoCapture(file: path)
        #expect(capture.info.size == Self.size)
        #expect(capture.info.frameCount == Self.frameCount)
        #expect(abs((capture.info.framesPerSecond ?? 0) - 15) < 0.01)
        #expect(capture.info.backend == "FFMPEG")
        var frame = ColorImage(width: 0, height: 0)
        var index = 0
        while try capture.read(into: &frame) {
            #expect(frame.size == Self.size)
            let center = try Self.brightCenter(frame)
            #expect(abs(center.x - Double(8 + index * 4 + 12)) < 1.5, "frame \(index) x \(center.x)")
            #expect(abs(center.y - Double(10 + index * 2 + 12)) < 1.5, "frame \(index) y \(center.y)")
            index += 1
        }
        #expect(index == Self.frameCount)
        #expect(capture.framesRead == Self.frameCount)
        #expect(!capture.endedEarly)
        #expect(try capture.read() == nil)
    }

    @Test func missingCameraFailsFastWithAHint() {
        let start = Date()
        #expect(throws: VisionError.noCamera(index: 42)) { try VideoCapture(camera: 42) }
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(VisionError.noCamera(index: 0).description == "no camera at index 0 — try --source FILE")
    }

    @Test func unreachableStreamFailsQuicklyWithAClearMessage() {
        let start = Date()
        #expect {
            try VideoCapture(url: "http://127.0.0.1:9/none.mjpg", timeout: 3)
        } throws: { error in
            let text = "\(error)"
            return text.contains("'http://127.0.0.1:9/none.mjpg'") && text.hasPrefix("cannot open stream")
        }
        #expect(Date().timeIntervalSince(start) < 4)
        #expect(
            VisionError.streamTimedOut(url: "rtsp://cam/live", seconds: 5).description
                == "cannot open stream 'rtsp://cam/live': timed out after 5 s")
    }

    @Test func silentServerTimesOut() throws {
        let server = try SilentServer()
        let url = "http://127.0.0.1:\(server.port)/live.mjpg"
        let start = Date()
        #expect(throws: VisionError.streamTimedOut(url: url, seconds: 1)) {
            try VideoCapture(url: url, timeout: 1)
        }
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed > 0.8 && elapsed < 3, "took \(elapsed) s")
    }

    @Test func missingCorruptAndTruncatedVideosAreReported() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.mp4").path
        #expect(throws: VisionError.videoNotFound(path: missing)) { try VideoCapture(file: missing) }

        let garbage = directory.appendingPathComponent("garbage.mp4")
        var generator = SystemRandomNumberGenerator()
        try Data((0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: garbage)
        #expect {
            try VideoCapture(file: garbage.path)
        } throws: { error in
            guard case .unreadableVideo(let detail) = error as? VisionError else { return false }
            return detail.contains("not a video OpenCV can read")
        }

        let clip = directory.appendingPathComponent("clip.mp4").path
        try writeMovingSquare(to: clip)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: clip))
        let truncated = directory.appendingPathComponent("truncated.mp4")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        #expect(throws: VisionError.self) { try VideoCapture(file: truncated.path) }
    }

    @Test func truncatedAviEndsEarly() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clip = directory.appendingPathComponent("clip.avi").path
        try writeMovingSquare(to: clip)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: clip))
        let truncated = directory.appendingPathComponent("truncated.avi")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        let capture = try VideoCapture(file: truncated.path)
        var frames = 0
        while try capture.read() != nil { frames += 1 }
        #expect(frames > 0)
        #expect(frames < Self.frameCount)
        #expect(capture.endedEarly)
    }

    @Test func writerRejectsBadPathsAndSizes() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: VisionError.self) {
            try VideoWriter(
                path: directory.appendingPathComponent("no/dir.mp4").path, size: Self.size,
                framesPerSecond: 10)
        }
        #expect(throws: VisionError.self) {
            try VideoWriter(
                path: directory.appendingPathComponent("clip.xyz").path, size: Self.size, framesPerSecond: 10)
        }
        let writer = try VideoWriter(
            path: directory.appendingPathComponent("ok.avi").path, size: Self.size,
            framesPerSecond: 10)
        #expect(throws: VisionError.self) { try writer.write(ColorImage(width: 10, height: 10)) }
        try writer.write(GrayImage(width: Self.size.width, height: Self.size.height, filledWith: 128))
        try writer.close()
        #expect(throws: VisionError.self) { try writer.write(Self.movingSquare(0)) }
    }

    @Test func backendsAreListed() {
        let names = VideoBackends.all
        #expect(names.contains("FFMPEG"))
        #expect(VideoBackends.writers.contains("FFMPEG"))
    }
}
