import Testing

@testable import Vision

@Suite struct DrawingTests {
    static let background = BGRColor.black

    private func blank(_ width: Int = 40, _ height: Int = 30) -> ColorImage {
        ColorImage(width: width, height: height, filledWith: Self.background)
    }

    @Test func rectangleOutlineAndFill() {
        var image = blank()
        image.drawRectangle(PixelRect(x: 5, y: 5, width: 10, height: 8), color: .red, thickness: 1)
        #expect(image[x: 5, y: 5] == .red)
        #expect(image[x: 14, y: 12] == .red)
        #expect(image[x: 10, y: 9] == Self.background)  // inside stays empty
        #expect(image[x: 15, y: 5] == Self.background)  // one past the right edge
        image.fillRectangle(PixelRect(x: 20, y: 10, width: 4, height: 4), color: .green)
        #expect(image[x: 21, y: 11] == .green)
        #expect(image[x: 24, y: 11] == Self.background)
    }

    @Test func translucentFillMixesColors() {
        var image = ColorImage(width: 4, height: 4, filledWith: .white)
        image.fillRectangle(PixelRect(x: -2, y: -2, width: 4, height: 4), color: .black, opacity: 0.5)
        #expect(image[x: 0, y: 0] == BGRColor(red: 128, green: 128, blue: 128))
        #expect(image[x: 2, y: 2] == .white)
    }

    @Test func linesPolylinesAndCircles() {
        var image = blank()
        image.drawLine(
            from: PixelPoint(x: 0, y: 2), to: PixelPoint(x: 39, y: 2), color: .blue, antialiased: false)
        #expect((0..<40).allSatisfy { image[x: $0, y: 2] == .blue })
        image.drawPolyline(
            [PixelPoint(x: 2, y: 10), PixelPoint(x: 10, y: 10), PixelPoint(x: 10, y: 20)],
            color: .yellow, antialiased: false)
        #expect(image[x: 6, y: 10] == .yellow)
        #expect(image[x: 10, y: 15] == .yellow)
        #expect(image[x: 6, y: 15] == Self.background)  // open polyline: no closing segment
        image.drawCircle(
            center: PixelPoint(x: 30, y: 20), radius: 4, color: .green, filled: true, antialiased: false)
        #expect(image[x: 30, y: 20] == .green)
        #expect(image[x: 30, y: 26] == Self.background)
    }

    @Test func textIsMeasuredAndDrawnInsideItsBox() {
        let metrics = ColorImage.measureText("Happy 87%", scale: 0.5)
        #expect(metrics.size.width > 40 && metrics.size.width < 120)
        #expect(metrics.size.height > 5 && metrics.size.height < 20)
        #expect(ColorImage.measureText("Happy 87%", scale: 1.0).size.width > metrics.size.width)
        var image = blank(140, 40)
        let origin = PixelPoint(x: 10, y: 8)
        image.drawText("Happy 87%", at: origin, scale: 0.5, color: .white)
        var inside = 0, outside = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image[x: x, y: y] != Self.background {
                let inBox =
                    x >= origin.x - 1 && x <= origin.x + metrics.size.width + 1
                    && y >= origin.y - 1 && y <= origin.y + metrics.totalHeight + 1
                if inBox { inside += 1 } else { outside += 1 }
            }
        }
        #expect(inside > 30)
        #expect(outside == 0)
    }

    @Test func drawingOnAnEmptyImageOrOffTheEdgeIsHarmless() {
        var empty = ColorImage(width: 0, height: 0)
        empty.drawRectangle(PixelRect(x: 0, y: 0, width: 5, height: 5), color: .red)
        empty.drawText("x", at: PixelPoint(x: 0, y: 0))
        #expect(empty.pixels.isEmpty)
        var image = blank()
        image.drawLine(
            from: PixelPoint(x: -100, y: -100), to: PixelPoint(x: -50, y: -50), color: .red, thickness: 0)
        image.fillRectangle(PixelRect(x: 100, y: 100, width: 5, height: 5), color: .red, opacity: 0.3)
        #expect(image == blank())
    }
}
