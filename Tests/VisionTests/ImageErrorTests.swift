import Foundation
import Testing

@testable import Vision

@Suite struct ImageErrorTests {
    let directory: URL

    init() throws {
        directory = try TestSupport.makeTemporaryDirectory()
    }

    private func file(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func missingFileSaysFileNotFound() {
        let path = directory.appendingPathComponent("x.jpg").path
        #expect(throws: VisionError.fileNotFound(path: path)) { try GrayImage(contentsOf: path) }
        let error = VisionError.fileNotFound(path: "x.jpg")
        #expect(error.description == "cannot read image 'x.jpg': file not found")
    }

    @Test func textFileIsNotAnImage() throws {
        let path = try file("notes.txt", bytes: Array("shopping: milk, eggs\n".utf8))
        #expect(throws: VisionError.notAnImage(source: "'\(path)'")) { try ColorImage(contentsOf: path) }
        #expect(
            VisionError.notAnImage(source: "'notes.txt'").description
                == "'notes.txt' is not an image OpenCV can decode")
        #expect(throws: VisionError.notAnImage(source: "image data (3 bytes)")) {
            try GrayImage.decode(bytes: [1, 2, 3])
        }
    }

    @Test func emptyFileAndDirectoryAreReported() throws {
        let empty = try file("empty.png", bytes: [])
        #expect(throws: VisionError.self) { try GrayImage(contentsOf: empty) }
        #expect {
            try GrayImage(contentsOf: directory.path)
        } throws: { error in
            "\(error)".contains("is a directory")
        }
    }

    @Test func truncatedJpegIsDetected() throws {
        let jpeg = try TestSupport.patternGray(width: 64, height: 64).encoded(format: .jpeg(quality: 90))
        let cut = Array(jpeg.prefix(jpeg.count * 6 / 10))
        let path = try file("cut.jpg", bytes: cut)
        #expect(throws: VisionError.truncatedImage(source: "'\(path)'")) { try GrayImage(contentsOf: path) }
        #expect(throws: VisionError.truncatedImage(source: "image data (\(cut.count) bytes)")) {
            try ColorImage.decode(bytes: cut)
        }
        // Cutting off only the final end marker is caught too.
        #expect(throws: VisionError.self) { try GrayImage.decode(bytes: Array(jpeg.dropLast(2))) }
        // Bytes after a complete JPEG (some cameras append them) are fine.
        let padded = jpeg + [0, 0, 0, 0]
        #expect(try GrayImage.decode(bytes: padded).size == PixelSize(width: 64, height: 64))
    }

    @Test func truncatedPngIsCorrupt() throws {
        let png = try TestSupport.patternColor(width: 64, height: 64).encoded(format: .png)
        #expect {
            try ColorImage.decode(bytes: Array(png.prefix(png.count / 2)))
        } throws: { error in
            guard case .corruptImage(let detail) = error as? VisionError else { return false }
            return detail.contains("PNG")
        }
        // The known-size path must fail the same way and not report the caller's buffer as pixels.
        let gray = try TestSupport.patternGray(width: 16, height: 16).encoded(format: .png)
        var buffer = [UInt8](repeating: 0, count: 16 * 16)
        #expect(throws: VisionError.self) {
            try Array(gray.prefix(gray.count / 2)).withUnsafeBytes { bytes in
                try buffer.withUnsafeMutableBufferPointer { output in
                    try GrayImage.decode(bytes: bytes, width: 16, height: 16, into: output)
                }
            }
        }
    }

    @Test func writingReportsBadPathsAndFormats() throws {
        let image = TestSupport.patternGray(width: 8, height: 8)
        let noDirectory = directory.appendingPathComponent("missing/out.png").path
        #expect {
            try image.write(to: noDirectory)
        } throws: { error in
            "\(error)".contains("No such file or directory")
        }
        #expect(throws: VisionError.self) {
            try image.write(to: directory.appendingPathComponent("out.xyz").path)
        }
        #expect(throws: VisionError.self) {
            try image.write(to: directory.appendingPathComponent("out").path)
        }
    }

    @Test func mismatchedPixelCountsAreRejected() {
        #expect(throws: VisionError.self) { try GrayImage(width: 3, height: 3, pixels: [1, 2]) }
        #expect(throws: VisionError.self) { try ColorImage(width: 2, height: 1, pixels: [1, 2, 3]) }
        #expect(throws: VisionError.self) { try GrayImage(width: -1, height: -1, pixels: [1]) }
        #expect(throws: VisionError.self) { try GrayImage(width: 4, height: 4).resized(width: 0, height: 2) }
        #expect(throws: VisionError.self) {
            try GrayImage(width: 4, height: 4).resized(width: Int.max, height: Int.max)
        }
        #expect(throws: VisionError.self) {
            try GrayImage(contentsOf: TestSupport.astronautPath, width: Int.max, height: 3)
        }
    }
}
