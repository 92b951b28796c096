import Foundation
import Testing

@testable import Vision

/// A 596x336 video made from the astronaut's face moving and growing across a plain
/// background: the face must be found in every frame and the box must follow it.
@Suite struct MovingFaceVideoTests {
    static let frameSize = PixelSize(width: 596, height: 336)
    static let frameCount = 24
    /// Square around the face in the photo; the face itself is `FaceDetectorTests.astronautFace`.
    static let patch = PixelRect(x: 135, y: 25, width: 180, height: 180)

    /// Where the patch goes in frame `index` and its side: left to right, slowly growing.
    static func placement(_ index: Int) -> (x: Int, y: Int, side: Int) {
        let side = 150 + index * 2
        return (x: 20 + index * 16, y: 40 + index * 3, side: side)
    }

    /// Expected face center in frame `index`, from the face's position inside the patch.
    static func expectedCenter(_ index: Int) -> (x: Double, y: Double) {
        let place = placement(index)
        let scale = Double(place.side) / Double(patch.width)
        let face = FaceDetectorTests.astronautFace
        return (
            Double(place.x) + (face.centerX - Double(patch.x)) * scale,
            Double(place.y) + (face.centerY - Double(patch.y)) * scale
        )
    }

    static func makeFrame(_ index: Int, face: ColorImage) throws -> ColorImage {
        let place = placement(index)
        let scaled = try face.resized(width: place.side, height: place.side)
        var frame = ColorImage(
            width: frameSize.width, height: frameSize.height,
            filledWith: BGRColor(red: 90, green: 110, blue: 130))
        let rowBytes = place.side * 3
        for row in 0..<place.side {
            let target = ((place.y + row) * frameSize.width + place.x) * 3
            frame.pixels.replaceSubrange(
                target..<(target + rowBytes),
                with: scaled.pixels[(row * rowBytes)..<((row + 1) * rowBytes)])
        }
        return frame
    }

    @Test func faceIsFoundAndFollowedInEveryFrame() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let face = try ColorImage(contentsOf: TestSupport.astronautPath).cropped(to: Self.patch)
        let path = directory.appendingPathComponent("moving-face.mp4").path
        let writer = try VideoWriter(path: path, size: Self.frameSize, framesPerSecond: 25)
        for index in 0..<Self.frameCount { try writer.write(Self.makeFrame(index, face: face)) }
        try writer.close()

        let capture = try VideoCapture(file: path)
        let detector = try FaceDetector()
        let tracker = FaceTracker(detector: detector)
        var frame = ColorImage(width: 0, height: 0)
        var index = 0
        var previousX = -Double.infinity
        while try capture.read(into: &frame) {
            let expected = Self.expectedCenter(index)
            let faces = try detector.detect(in: frame)
            #expect(faces.count == 1, "frame \(index): \(faces)")
            if let box = faces.first {
                #expect(abs(box.centerX - expected.x) < 10, "frame \(index): \(box) vs \(expected)")
                #expect(abs(box.centerY - expected.y) < 10, "frame \(index): \(box) vs \(expected)")
                #expect(box.centerX > previousX)
                previousX = box.centerX
            }
            let followed = try tracker.update(with: frame)
            #expect(followed.count == 1, "tracker, frame \(index): \(followed)")
            if let box = followed.first {
                #expect(abs(box.centerX - expected.x) < 10, "tracker, frame \(index): \(box) vs \(expected)")
                #expect(abs(box.centerY - expected.y) < 10, "tracker, frame \(index): \(box) vs \(expected)")
            }
            index += 1
        }
        #expect(index == Self.frameCount)
        // Following the face replaces most full scans (one every 15 frames when nothing is lost).
        #expect(tracker.fullScans <= 3, "full scans: \(tracker.fullScans)")
    }
}
