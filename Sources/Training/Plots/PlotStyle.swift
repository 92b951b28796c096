import Vision

/// Colours and text sizes shared by the run folder's plots, so charts and heat maps match.
enum PlotStyle {
    static let background = BGRColor.white
    static let text = BGRColor(red: 33, green: 33, blue: 33)
    static let mutedText = BGRColor(red: 90, green: 90, blue: 90)
    static let axis = BGRColor(red: 110, green: 110, blue: 110)
    static let grid = BGRColor(red: 228, green: 228, blue: 228)
    static let legendBorder = BGRColor(red: 200, green: 200, blue: 200)
    /// Matplotlib's first two colours (blue, orange): distinct, also for most colour-blind eyes.
    static let training = BGRColor(red: 31, green: 119, blue: 180)
    static let validation = BGRColor(red: 255, green: 127, blue: 14)
    static let bestEpoch = BGRColor(red: 44, green: 160, blue: 44)

    static let title = TextStyle(scale: 0.75, thickness: 2, color: text)
    static let label = TextStyle(scale: 0.55, thickness: 1, color: text)
    static let tick = TextStyle(scale: 0.45, thickness: 1, color: mutedText)
}

/// How a label is drawn with OpenCV's Hershey font.
struct TextStyle {
    var scale: Double
    var thickness: Int
    var color: BGRColor

    /// The same style in another colour.
    func colored(_ color: BGRColor) -> TextStyle {
        TextStyle(scale: scale, thickness: thickness, color: color)
    }

    /// Width and cap height of `text` in this style.
    func measure(_ text: String) -> PixelSize {
        ColorImage.measureText(text, scale: scale, thickness: thickness).size
    }
}
