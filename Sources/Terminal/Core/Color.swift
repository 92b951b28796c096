/// A terminal color as widgets ask for it; backends convert it to what the terminal supports
/// (see `Capabilities.adapt(_:)`).
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 basic colors (0–7 normal, 8–15 bright); values above 15 wrap.
    case ansi(UInt8)
    /// An entry of the 256-color palette (16–231 color cube, 232–255 gray ramp).
    case indexed(UInt8)
    /// A 24-bit color.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.ansi(0)
    public static let red = Color.ansi(1)
    public static let green = Color.ansi(2)
    public static let yellow = Color.ansi(3)
    public static let blue = Color.ansi(4)
    public static let magenta = Color.ansi(5)
    public static let cyan = Color.ansi(6)
    public static let white = Color.ansi(7)
    public static let brightBlack = Color.ansi(8)
    public static let brightRed = Color.ansi(9)
    public static let brightGreen = Color.ansi(10)
    public static let brightYellow = Color.ansi(11)
    public static let brightBlue = Color.ansi(12)
    public static let brightMagenta = Color.ansi(13)
    public static let brightCyan = Color.ansi(14)
    public static let brightWhite = Color.ansi(15)

    /// A gray of the given luminance (0 black … 255 white). Drawn exactly in truecolor and through
    /// the 256-color gray ramp (232–255, plus black and white) otherwise.
    public static func gray(_ level: UInt8) -> Color { .rgb(level, level, level) }

    /// Linear blend between two colors (`fraction` 0 gives `self`, 1 gives `other`), in RGB.
    public func blended(with other: Color, fraction: Double) -> Color {
        guard let from = rgbComponents, let to = other.rgbComponents else {
            return fraction < 0.5 ? self : other
        }
        let amount = fraction.isFinite ? Swift.min(1, Swift.max(0, fraction)) : 0
        func mix(_ first: UInt8, _ second: UInt8) -> UInt8 {
            UInt8((Double(first) + (Double(second) - Double(first)) * amount).rounded())
        }
        return .rgb(mix(from.red, to.red), mix(from.green, to.green), mix(from.blue, to.blue))
    }

    /// The color's RGB value in the xterm default palette; nil for `.default`.
    public var rgbComponents: (red: UInt8, green: UInt8, blue: UInt8)? {
        switch self {
        case .default: return nil
        case .ansi(let index): return ColorPalette.rgb(ofIndex: index & 15)
        case .indexed(let index): return ColorPalette.rgb(ofIndex: index)
        case .rgb(let red, let green, let blue): return (red, green, blue)
        }
    }
}
