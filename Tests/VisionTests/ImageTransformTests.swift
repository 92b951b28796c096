import Testing

@testable import Vision

@Suite struct ImageTransformTests {
    @Test func shrinkingAveragesBlocks() throws {
        // 4x4 made of four 2x2 blocks: area averaging must give each block's value exactly.
        let pixels: [UInt8] = [
            10, 10, 200, 200,
            10, 10, 200, 200,
            50, 50, 90, 90,
            50, 50, 90, 90,
        ]
        let image = try GrayImage(width: 4, height: 4, pixels: pixels)
        let small = try image.resized(width: 2, height: 2)
        #expect(small.pixels == [10, 200, 50, 90])
    }

    @Test func growingInterpolatesBetweenPixels() throws {
        let image = try GrayImage(width: 2, height: 1, pixels: [0, 200])
        let large = try image.resized(width: 4, height: 1)
        #expect(large.pixels.first == 0)
        #expect(large.pixels.last == 200)
        #expect(large.pixels == large.pixels.sorted())
        #expect(Set(large.pixels).count == 4)
    }

    @Test func colorResizeKeepsChannels() throws {
        let image = ColorImage(width: 10, height: 6, filledWith: BGRColor(red: 200, green: 100, blue: 30))
        let resized = try image.resized(width: 5, height: 3)
        #expect(resized.size == PixelSize(width: 5, height: 3))
        #expect(resized[x: 2, y: 1] == BGRColor(red: 200, green: 100, blue: 30))
    }

    @Test func bgrToGrayUsesLuminanceWeights() throws {
        let blue = ColorImage(width: 1, height: 1, filledWith: .blue)
        let red = ColorImage(width: 1, height: 1, filledWith: .red)
        #expect(try blue.gray.pixels == [29])  // 0.114 * 255
        #expect(try red.gray.pixels == [76])  // 0.299 * 255
        let gray = GrayImage(width: 2, height: 1, filledWith: 77)
        #expect(try gray.color().pixels == [UInt8](repeating: 77, count: 6))
    }

    @Test func croppingClampsToTheImage() throws {
        let image = TestSupport.patternGray(width: 10, height: 8)
        let inside = image.cropped(to: PixelRect(x: 2, y: 3, width: 4, height: 2))
        #expect(inside.size == PixelSize(width: 4, height: 2))
        #expect(inside[x: 0, y: 0] == image[x: 2, y: 3])
        #expect(inside[x: 3, y: 1] == image[x: 5, y: 4])
        let overhanging = image.cropped(to: PixelRect(x: -5, y: 6, width: 8, height: 10))
        #expect(overhanging.size == PixelSize(width: 3, height: 2))
        #expect(overhanging[x: 0, y: 0] == image[x: 0, y: 6])
        let outside = image.cropped(to: PixelRect(x: 20, y: 20, width: 5, height: 5))
        #expect(outside.size == PixelSize(width: 0, height: 0))
        let color = TestSupport.patternColor(width: 10, height: 8)
        #expect(
            color.cropped(to: PixelRect(x: 9, y: 7, width: 4, height: 4))[x: 0, y: 0] == color[x: 9, y: 7])
    }

    @Test func equalizationStretchesContrast() throws {
        let image = try GrayImage(width: 4, height: 1, pixels: [100, 101, 102, 103])
        let equalized = try image.equalized()
        #expect(equalized.pixels.first == 0)
        #expect(equalized.pixels.last == 255)
    }

    @Test func rectangleGeometry() {
        let box = PixelRect(x: 10, y: 10, width: 20, height: 10)
        #expect(
            box.expanded(margin: 0.5, clampedTo: PixelSize(width: 100, height: 100))
                == PixelRect(x: 0, y: 5, width: 40, height: 20))
        #expect(
            box.expanded(margin: 0.5, clampedTo: PixelSize(width: 35, height: 18))
                == PixelRect(x: 0, y: 5, width: 35, height: 13))
        #expect(box.intersectionOverUnion(with: box) == 1)
        #expect(box.intersectionOverUnion(with: PixelRect(x: 50, y: 50, width: 5, height: 5)) == 0)
    }
}
