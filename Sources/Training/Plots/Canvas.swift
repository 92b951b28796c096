import Engine
import Foundation
import Vision

/// A BGR pixel buffer to draw plots into (lines, rectangles, bitmap text), written as PNG
/// through Vision's OpenCV encoder.
struct Canvas {
    let width: Int
    let height: Int
    private(set) var pixels: [UInt8]

    init(width: Int, height: Int, background: BGRColor = .white) {
        self.width = max(1, width)
        self.height = max(1, height)
        let color = [background.blue, background.green, background.red]
        pixels = [UInt8](unsafeUninitializedCapacity: self.width * self.height * 3) { buffer, count in
            for offset in 0 ..< buffer.count { buffer[offset] = color[offset % 3] }
            count = buffer.count
        }
    }

    /// Sets one pixel; outside the canvas does nothing.
    mutating func setPixel(x: Int, y: Int, _ color: BGRColor) {
        fillRectangle(x: x, y: y, width: 1, height: 1, color)
    }

    /// Fills a rectangle, clipped to the canvas.
    mutating func fillRectangle(x: Int, y: Int, width: Int, height: Int, _ color: BGRColor) {
        let top = max(0, y), bottom = min(self.height, y + height)
        let left = max(0, x), right = min(self.width, x + width)
        guard top < bottom, left < right else { return }
        let rowLength = self.width
        pixels.withUnsafeMutableBufferPointer { buffer in
            for row in top ..< bottom {
                var offset = (row * rowLength + left) * 3
                for _ in left ..< right {
                    buffer[offset] = color.blue
                    buffer[offset + 1] = color.green
                    buffer[offset + 2] = color.red
                    offset += 3
                }
            }
        }
    }

    /// Draws the outline of a rectangle one pixel wide.
    mutating func strokeRectangle(x: Int, y: Int, width: Int, height: Int, _ color: BGRColor) {
        fillRectangle(x: x, y: y, width: width, height: 1, color)
        fillRectangle(x: x, y: y + height - 1, width: width, height: 1, color)
        fillRectangle(x: x, y: y, width: 1, height: height, color)
        fillRectangle(x: x + width - 1, y: y, width: 1, height: height, color)
    }

    /// A straight line `thickness` pixels wide; `dash` (on, off lengths in pixels) makes it dashed.
    mutating func drawLine(
        from start: (x: Double, y: Double), to end: (x: Double, y: Double), _ color: BGRColor, thickness: Int = 1,
        dash: (on: Double, off: Double)? = nil
    ) {
        let length = ((end.x - start.x) * (end.x - start.x) + (end.y - start.y) * (end.y - start.y)).squareRoot()
        let steps = max(1, Int(length.rounded(.up)))
        let offset = (thickness - 1) / 2
        for step in 0 ... steps {
            let along = Double(step) / Double(steps)
            if let dash, (along * length).truncatingRemainder(dividingBy: dash.on + dash.off) >= dash.on { continue }
            let x = Int((start.x + (end.x - start.x) * along).rounded())
            let y = Int((start.y + (end.y - start.y) * along).rounded())
            fillRectangle(x: x - offset, y: y - offset, width: thickness, height: thickness, color)
        }
    }

    /// Draws `text` with its top-left corner at (x, y), each font pixel `scale` pixels wide.
    mutating func drawText(_ text: String, x: Int, y: Int, _ color: BGRColor, scale: Int = 1) {
        var left = x
        for character in text {
            for (row, bits) in BitmapFont.rows(of: character).enumerated() {
                for column in 0 ..< BitmapFont.glyphWidth where bits & (0x10 >> UInt8(column)) != 0 {
                    fillRectangle(x: left + column * scale, y: y + row * scale, width: scale, height: scale, color)
                }
            }
            left += BitmapFont.advance * scale
        }
    }

    /// Draws `text` centred horizontally on `centerX`.
    mutating func drawText(_ text: String, centerX: Int, y: Int, _ color: BGRColor, scale: Int = 1) {
        drawText(text, x: centerX - BitmapFont.width(of: text, scale: scale) / 2, y: y, color, scale: scale)
    }

    /// Encodes as PNG and writes it atomically.
    func writePNG(to file: URL) throws {
        let image = try ColorImage(width: width, height: height, pixels: pixels)
        try AtomicFile.write(Data(try image.encoded(format: .png)), to: file)
    }
}
