/// A width and height in terminal cells (or pixels, for images).
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    /// Negative dimensions are clamped to zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var description: String { "\(width)×\(height)" }
}

/// An axis-aligned rectangle of cells: `x`, `y` is the top-left corner.
///
/// Width and height are never negative; every helper clamps instead of trapping, so layout code
/// can subtract freely when the terminal is tiny.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at the origin with the given size.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var size: Size { Size(width: width, height: height) }
    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "(\(x),\(y) \(width)×\(height))" }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < right && row >= y && row < bottom
    }

    /// The overlap of two rectangles (empty, positioned at `self`'s corner, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let rightEdge = min(right, other.right)
        let bottomEdge = min(bottom, other.bottom)
        guard rightEdge > left, bottomEdge > top else {
            return Rect(x: left, y: top, width: 0, height: 0)
        }
        return Rect(x: left, y: top, width: rightEdge - left, height: bottomEdge - top)
    }

    /// Shrinks every side by `amount` cells.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks the left/right sides by `horizontal` and the top/bottom sides by `vertical`.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }

    /// Shrinks each side separately; never produces a negative size.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// A rectangle of at most the given size, centred inside this one.
    public func centered(width innerWidth: Int, height innerHeight: Int) -> Rect {
        let clampedWidth = min(max(0, innerWidth), width)
        let clampedHeight = min(max(0, innerHeight), height)
        return Rect(
            x: x + (width - clampedWidth) / 2, y: y + (height - clampedHeight) / 2,
            width: clampedWidth, height: clampedHeight
        )
    }

    /// The first `count` rows, and the rest.
    public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: taken),
                Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// The last `count` rows, and the rest above them.
    public func splitBottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: height - taken),
                Rect(x: x, y: bottom - taken, width: width, height: taken))
    }

    /// The first `count` columns, and the rest.
    public func splitLeft(_ count: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, count), width)
        return (Rect(x: x, y: y, width: taken, height: height),
                Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// The last `count` columns, and the rest to their left.
    public func splitRight(_ count: Int) -> (rest: Rect, right: Rect) {
        let taken = min(max(0, count), width)
        return (Rect(x: x, y: y, width: width - taken, height: height),
                Rect(x: right - taken, y: y, width: taken, height: height))
    }

    /// Splits top to bottom into stacked rows sized by `constraints`, `spacing` rows apart.
    public func rows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let sizes = Constraint.solve(constraints, total: height, spacing: spacing)
        var top = y
        return sizes.map { size in
            defer { top += size + max(0, spacing) }
            return Rect(x: x, y: top, width: width, height: size)
        }
    }

    /// Splits left to right into columns sized by `constraints`, `spacing` columns apart.
    public func columns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let sizes = Constraint.solve(constraints, total: width, spacing: spacing)
        var left = x
        return sizes.map { size in
            defer { left += size + max(0, spacing) }
            return Rect(x: left, y: y, width: size, height: height)
        }
    }
}
