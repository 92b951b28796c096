/// Width and height of an image in pixels.
public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }
}

/// An axis-aligned rectangle in pixel coordinates (origin top-left, y down).
public struct PixelRect: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var area: Int { max(0, width) * max(0, height) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var centerX: Double { Double(x) + Double(width) / 2 }
    public var centerY: Double { Double(y) + Double(height) / 2 }
    public var description: String { "\(width)x\(height) at (\(x), \(y))" }

    /// The part of this rectangle inside an image of `size` (empty when they do not overlap).
    public func clamped(to size: PixelSize) -> PixelRect {
        let left = min(max(x, 0), max(size.width, 0))
        let top = min(max(y, 0), max(size.height, 0))
        let right = min(max(x + width, left), size.width)
        let bottom = min(max(y + height, top), size.height)
        return PixelRect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }

    /// Grown by `margin` times its width/height on every side (0.2 adds 20% per side), then
    /// clamped to an image of `size`. A margin keeps the chin and brows a detector cuts off.
    public func expanded(margin: Double, clampedTo size: PixelSize) -> PixelRect {
        let growX = Int((Double(width) * margin).rounded())
        let growY = Int((Double(height) * margin).rounded())
        let grown = PixelRect(
            x: x - growX, y: y - growY, width: width + 2 * growX, height: height + 2 * growY)
        return grown.clamped(to: size)
    }

    /// Intersection area over union area (0 when disjoint, 1 when equal).
    public func intersectionOverUnion(with other: PixelRect) -> Double {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(x + width, other.x + other.width), bottom = min(y + height, other.y + other.height)
        let overlap = max(0, right - left) * max(0, bottom - top)
        let union = area + other.area - overlap
        return union > 0 ? Double(overlap) / Double(union) : 0
    }
}
