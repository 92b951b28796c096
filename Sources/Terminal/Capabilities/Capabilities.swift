/// How many colors the terminal can show, from none to 24-bit.
public enum ColorMode: Int, Comparable, Hashable, Sendable, CaseIterable {
    case monochrome
    case ansi16
    case indexed256
    case truecolor

    public static func < (lhs: ColorMode, rhs: ColorMode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What the terminal can display: colors and whether Unicode (UTF-8) glyphs are safe.
///
/// Widgets consult it where their output must differ (half blocks versus an ASCII ramp, braille
/// versus ASCII plots); colors in a buffer are converted with `adapt(_:)` when drawn.
public struct Capabilities: Hashable, Sendable {
    public var colorMode: ColorMode
    public var unicode: Bool

    public init(colorMode: ColorMode, unicode: Bool) {
        self.colorMode = colorMode
        self.unicode = unicode
    }

    /// Unicode with 256 colors: the common modern terminal.
    public static let standard = Capabilities(colorMode: .indexed256, unicode: true)
    /// Unicode with 24-bit color.
    public static let truecolor = Capabilities(colorMode: .truecolor, unicode: true)
    /// No colors, no Unicode: the safest output.
    public static let plain = Capabilities(colorMode: .monochrome, unicode: false)

    /// True when any color is shown.
    public var hasColor: Bool { colorMode != .monochrome }
    /// True when grays can be shown smoothly (the 256-color gray ramp or better); below that,
    /// images fall back to an ASCII luminance ramp.
    public var hasGrayRamp: Bool { colorMode >= .indexed256 }
    /// Glyphs to draw with: Unicode box drawing, blocks and braille, or ASCII stand-ins.
    public var symbols: Symbols { unicode ? .unicode : .ascii }

    /// Detects capabilities from environment variables.
    ///
    /// Colors: none when `NO_COLOR` is set and non-empty, `TERM` is empty or `dumb`, or
    /// `terminalColors` (from terminfo, when known) is below 8; truecolor when `COLORTERM` is
    /// `truecolor` or `24bit`; 256 when `TERM` mentions `256color` or terminfo reports at least
    /// 256; 16 otherwise. Unicode: the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` names a
    /// UTF-8 codeset.
    public static func detect(environment: [String: String], terminalColors: Int? = nil) -> Capabilities {
        Capabilities(
            colorMode: detectColorMode(environment: environment, terminalColors: terminalColors),
            unicode: detectUnicode(environment: environment)
        )
    }

    static func detectColorMode(environment: [String: String], terminalColors: Int?) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let term = (environment["TERM"] ?? "").lowercased()
        if term.isEmpty || term == "dumb" { return .monochrome }
        if let colors = terminalColors, colors < 8 { return .monochrome }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" || term.hasSuffix("-direct") {
            return .truecolor
        }
        if term.contains("256color") || (terminalColors ?? 0) >= 256 { return .indexed256 }
        return .ansi16
    }

    static func detectUnicode(environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy
            .compactMap { environment[$0] }
            .first { !$0.isEmpty } ?? ""
        let normalized = locale.lowercased().filter { $0 != "-" }
        return normalized.contains("utf8")
    }

    /// The color the terminal will actually show for `color`: RGB goes to the nearest 256-color
    /// entry (cube or gray ramp), 256 colors to the nearest of the basic 16, and everything to
    /// `.default` in monochrome.
    public func adapt(_ color: Color) -> Color {
        switch (colorMode, color) {
        case (_, .default), (.truecolor, _):
            return color
        case (.monochrome, _):
            return .default
        case (.indexed256, .rgb(let red, let green, let blue)):
            return .indexed(ColorPalette.nearestIndexed(red: red, green: green, blue: blue))
        case (.indexed256, _):
            return color
        case (.ansi16, .ansi):
            return color
        case (.ansi16, .indexed(let index)) where index < 16:
            return .ansi(index)
        case (.ansi16, _):
            guard let rgb = color.rgbComponents else { return .default }
            return .ansi(ColorPalette.nearestBasic(red: rgb.red, green: rgb.green, blue: rgb.blue))
        }
    }

    /// `style` with both colors adapted; attributes are kept (they work on every terminal).
    public func adapt(_ style: Style) -> Style {
        var adapted = style
        adapted.foreground = adapt(style.foreground)
        adapted.background = adapt(style.background)
        return adapted
    }
}
