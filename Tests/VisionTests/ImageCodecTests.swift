import Foundation
import Testing

@testable import Vision

@Suite struct ImageCodecTests {
    @Test func pngRoundTripIsLosslessForGrayAndColor() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gray = TestSupport.patternGray(width: 37, height: 23)
        let color = TestSupport.patternColor(width: 41, height: 19)
        let grayPath = directory.appendingPathComponent("gray.png").path
        let colorPath = directory.appendingPathComponent("color.png").path
        try gray.write(to: grayPath)
        try color.write(to: colorPath)
        #expect(try GrayImage(contentsOf: grayPath) == gray)
        #expect(try ColorImage(contentsOf: colorPath) == color)
    }

    @Test func jpegRoundTripIsClose() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let color = try ColorImage(contentsOf: TestSupport.astronautPath).resized(width: 128, height: 96)
        let path = directory.appendingPathComponent("color.jpg").path
        try color.write(to: path, quality: 95)
        let decoded = try ColorImage(contentsOf: path)
        #expect(decoded.size == color.size)
        #expect(decoded != color)  // JPEG is lossy
        #expect(TestSupport.meanAbsoluteDifference(decoded.pixels, color.pixels) < 4)
    }

    @Test func decodesEncodedBytesInMemory() throws {
        let gray = TestSupport.patternGray(width: 48, height: 48)
        let png = try gray.encoded(format: .png)
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(try GrayImage.decode(bytes: png) == gray)
        let jpeg = try gray.encoded(format: .jpeg(quality: 90))
        #expect(Array(jpeg.prefix(2)) == [0xFF, 0xD8])
        let decoded = try GrayImage.decode(bytes: jpeg)
        #expect(TestSupport.meanAbsoluteDifference(decoded.pixels, gray.pixels) < 8)
    }

    @Test func decodesKnownSizeStraightIntoABuffer() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gray = TestSupport.patternGray(width: 48, height: 48)
        let path = directory.appendingPathComponent("face.png").path
        try gray.write(to: path)
        var storage = [UInt8](repeating: 7, count: 48 * 48 * 2)
        try storage.withUnsafeMutableBufferPointer { buffer in
            let second = UnsafeMutableBufferPointer(rebasing: buffer[(48 * 48)...])
            try GrayImage.read(contentsOf: path, width: 48, height: 48, into: second)
        }
        #expect(Array(storage[..<(48 * 48)]) == [UInt8](repeating: 7, count: 48 * 48))
        #expect(Array(storage[(48 * 48)...]) == gray.pixels)
        #expect(try GrayImage(contentsOf: path, width: 48, height: 48) == gray)
        #expect {
            try GrayImage(contentsOf: path, width: 32, height: 48)
        } throws: { error in
            "\(error)".contains("is 48x48, expected 32x48")
        }
    }

    @Test func colorAstronautPhotoDecodesToItsSize() throws {
        let photo = try ColorImage(contentsOf: TestSupport.astronautPath)
        #expect(photo.size == PixelSize(width: 512, height: 512))
        #expect(photo.pixels.count == 512 * 512 * 3)
        let gray = try GrayImage(contentsOf: TestSupport.astronautPath)
        // Reading as gray must equal reading in color and converting (the live path does that).
        #expect(try photo.gray == gray)
    }
}
