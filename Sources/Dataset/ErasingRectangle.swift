/// A rectangle to fill with one gray value (random erasing), in pixels.
public struct ErasingRectangle: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    /// Fill value in [0, 1].
    public var value: Float

    public init(x: Int, y: Int, width: Int, height: Int, value: Float) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.value = value
    }
}
