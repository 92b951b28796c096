/// How an image is resampled to another size.
public enum ResamplingMethod: Hashable, Sendable {
    /// Take the pixel under each target pixel's centre (sharp, blocky).
    case nearest
    /// Average the source pixels each target pixel covers (smooth when shrinking; equals nearest
    /// when enlarging).
    case area
}

/// An 8-bit grayscale image, row-major, 0 black … 255 white.
public struct GrayImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    /// Fails with `TerminalError.invalidImage` unless `pixels` has exactly `width * height` entries.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width >= 0, height >= 0, width.multipliedReportingOverflow(by: height).overflow == false,
              pixels.count == width * height else {
            throw TerminalError.invalidImage(width: width, height: height, pixelCount: pixels.count)
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image filled with one level.
    public init(width: Int, height: Int, level: UInt8 = 0) {
        self.width = max(0, width)
        self.height = max(0, height)
        pixels = Array(repeating: level, count: self.width * self.height)
    }

    /// Internal initializer for sizes already known to match.
    init(checkedWidth width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The pixel at (`x`, `y`), with coordinates clamped to the image (0 for an empty image).
    public func pixel(x: Int, y: Int) -> UInt8 {
        guard !isEmpty else { return 0 }
        return pixels[min(max(0, y), height - 1) * width + min(max(0, x), width - 1)]
    }

    /// The image resampled to `newWidth` × `newHeight` (at least 1×1 unless this image is empty).
    public func resized(width newWidth: Int, height newHeight: Int,
                        method: ResamplingMethod = .area) -> GrayImage {
        guard !isEmpty, newWidth > 0, newHeight > 0 else {
            return GrayImage(width: 0, height: 0)
        }
        if newWidth == width && newHeight == height { return self }
        var output = [UInt8](repeating: 0, count: newWidth * newHeight)
        switch method {
        case .nearest:
            for targetY in 0..<newHeight {
                let sourceY = min(height - 1, (2 * targetY + 1) * height / (2 * newHeight))
                for targetX in 0..<newWidth {
                    let sourceX = min(width - 1, (2 * targetX + 1) * width / (2 * newWidth))
                    output[targetY * newWidth + targetX] = pixels[sourceY * width + sourceX]
                }
            }
        case .area:
            let columnSpans = GrayImage.spans(source: width, target: newWidth)
            let rowSpans = GrayImage.spans(source: height, target: newHeight)
            pixels.withUnsafeBufferPointer { source in
                for targetY in 0..<newHeight {
                    let rows = rowSpans[targetY]
                    for targetX in 0..<newWidth {
                        let columns = columnSpans[targetX]
                        var sum = 0
                        for sourceY in rows {
                            let start = sourceY * width
                            for sourceX in columns { sum += Int(source[start + sourceX]) }
                        }
                        let count = rows.count * columns.count
                        output[targetY * newWidth + targetX] = UInt8((sum + count / 2) / count)
                    }
                }
            }
        }
        return GrayImage(checkedWidth: newWidth, height: newHeight, pixels: output)
    }

    /// For each target index, the source indices it covers (never empty).
    private static func spans(source: Int, target: Int) -> [Range<Int>] {
        (0..<target).map { index in
            let start = min(source - 1, index * source / target)
            let end = max(start + 1, min(source, ((index + 1) * source + target - 1) / target))
            return start..<end
        }
    }
}
