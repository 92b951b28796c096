/// The glyphs widgets draw with, in a Unicode and an ASCII edition.
public struct Symbols: Hashable, Sendable {
    public var horizontal: Unicode.Scalar
    public var vertical: Unicode.Scalar
    public var topLeft: Unicode.Scalar
    public var topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar
    public var bottomRight: Unicode.Scalar
    /// Rounded corners (same as square ones in ASCII).
    public var roundedTopLeft: Unicode.Scalar
    public var roundedTopRight: Unicode.Scalar
    public var roundedBottomLeft: Unicode.Scalar
    public var roundedBottomRight: Unicode.Scalar
    /// A y-axis tick: `┤` or `+`.
    public var axisTick: Unicode.Scalar
    /// Partial horizontal bar glyphs from 0/8 to 8/8 of a cell (ASCII: blank or `#`).
    public var horizontalEighths: [Unicode.Scalar]
    /// Sparkline levels from lowest to highest.
    public var sparkLevels: [Unicode.Scalar]
    /// The empty part of a progress bar.
    public var barTrack: Unicode.Scalar
    /// The marked best point of a chart series.
    public var bestMarker: Unicode.Scalar
    /// Legend swatch in front of a series name.
    public var legendSwatch: Unicode.Scalar
    /// The selected-row marker.
    public var pointer: Unicode.Scalar
    public var sortAscending: Unicode.Scalar
    public var sortDescending: Unicode.Scalar
    /// Upper half block (`▀`), used by half-block images; nil when only ASCII is safe.
    public var upperHalfBlock: Unicode.Scalar?
    /// True when braille dots can be drawn.
    public var hasBraille: Bool
    /// True for the Unicode edition (partial blocks and other non-ASCII glyphs are available).
    public var isUnicode: Bool
    public var ellipsis: String
    public var times: String
    public var dash: String

    public static let unicode = Symbols(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        roundedTopLeft: "╭", roundedTopRight: "╮", roundedBottomLeft: "╰", roundedBottomRight: "╯",
        axisTick: "┤",
        horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        barTrack: "░", bestMarker: "●", legendSwatch: "■", pointer: "▶",
        sortAscending: "▲", sortDescending: "▼", upperHalfBlock: "▀", hasBraille: true, isUnicode: true,
        ellipsis: "…", times: "×", dash: "—"
    )

    public static let ascii = Symbols(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        roundedTopLeft: "+", roundedTopRight: "+", roundedBottomLeft: "+", roundedBottomRight: "+",
        axisTick: "+",
        horizontalEighths: [" ", "#", "#", "#", "#", "#", "#", "#", "#"],
        sparkLevels: ["_", ".", "-", "~", "=", "+", "*", "#"],
        barTrack: ".", bestMarker: "*", legendSwatch: "#", pointer: ">",
        sortAscending: "^", sortDescending: "v", upperHalfBlock: nil, hasBraille: false, isUnicode: false,
        ellipsis: "~", times: "x", dash: "-"
    )
}
