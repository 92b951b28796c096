/// Capabilities plus the colors and styles widgets use, so screens stay consistent.
///
/// In monochrome the styles fall back to attributes (reverse for selection, bold for titles), so
/// nothing depends on color alone.
public struct Theme: Hashable, Sendable {
    public var capabilities: Capabilities
    /// Colors for chart series, folds and legend entries, in order.
    public var seriesColors: [Color]
    /// The color that draws attention (top probability, selection background).
    public var accent: Color
    public var text: Style
    public var muted: Style
    public var border: Style
    public var title: Style
    /// Selected rows and focused items.
    public var highlight: Style
    /// The status bar background row.
    public var statusBar: Style
    /// Keys in status bars and help.
    public var key: Style
    public var good: Color
    public var warning: Color
    public var bad: Color

    /// The default palette for the given capabilities.
    public init(capabilities: Capabilities) {
        self.capabilities = capabilities
        seriesColors = [
            .rgb(86, 182, 255), .rgb(255, 163, 72), .rgb(120, 220, 120), .rgb(240, 98, 146),
            .rgb(190, 150, 255), .rgb(240, 220, 90), .rgb(90, 220, 210), .rgb(200, 200, 200),
        ]
        accent = .rgb(86, 182, 255)
        good = .rgb(120, 220, 120)
        warning = .rgb(240, 200, 80)
        bad = .rgb(240, 90, 90)
        text = .plain
        if capabilities.hasColor {
            muted = Style(foreground: .gray(140))
            border = Style(foreground: .gray(110))
            title = Style(foreground: .rgb(230, 230, 230), bold: true)
            highlight = Style(foreground: .gray(15), background: accent, bold: true)
            statusBar = Style(foreground: .gray(230), background: .gray(48))
            key = Style(foreground: accent, bold: true)
        } else {
            muted = Style(dim: true)
            border = .plain
            title = Style(bold: true)
            highlight = Style(bold: true, reverse: true)
            statusBar = Style(reverse: true)
            key = Style(bold: true)
        }
    }

    public var symbols: Symbols { capabilities.symbols }

    /// Color of the `index`-th series (cycles through `seriesColors`).
    public func seriesColor(_ index: Int) -> Color {
        guard !seriesColors.isEmpty else { return .default }
        let wrapped = ((index % seriesColors.count) + seriesColors.count) % seriesColors.count
        return seriesColors[wrapped]
    }
}
