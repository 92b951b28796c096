/// Characters from dark to bright, used to draw gray levels as text.
public struct LuminanceRamp: Hashable, Sendable {
    public let scalars: [Unicode.Scalar]

    /// A ramp from the scalars of `characters`, darkest first; falls back to `standard` when
    /// fewer than two are given.
    public init(_ characters: String) {
        let scalars = Array(characters.unicodeScalars.filter { TextWidth.of($0) == 1 })
        self.scalars = scalars.count >= 2 ? scalars : LuminanceRamp.standard.scalars
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// Ten levels that read well on dark terminals.
    public static let standard = LuminanceRamp(scalars: Array(" .:-=+*#%@".unicodeScalars))
    /// A longer ramp for large frames.
    public static let detailed = LuminanceRamp(scalars: Array(
        " .'`^\",:;Il!i><~+_-?][}{1)(|/tfjrxnuvczXYUJCLQ0OZmwqpdbkhao*#MW&8%B@$".unicodeScalars
    ))

    public var levels: Int { scalars.count }

    /// The character for a gray level (0 darkest).
    public func scalar(for level: UInt8) -> Unicode.Scalar {
        scalars[index(for: Double(level))]
    }

    /// Ramp position for a (possibly out-of-range) gray value, rounded to the nearest level.
    func index(for value: Double) -> Int {
        let position = (value / 255 * Double(levels - 1)).rounded()
        return Int(min(Double(levels - 1), max(0, position)))
    }
}
