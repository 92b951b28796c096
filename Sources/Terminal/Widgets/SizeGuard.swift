/// Guards a screen against a terminal that is too small: check `fits(_:)`, and when it does not,
/// render the guard instead of the screen. It clears the area and centres
/// "Terminal too small — enlarge it to at least W×H (now w×h)", wrapped to the width.
public struct SizeGuard: Widget {
    public var minimumWidth: Int
    public var minimumHeight: Int
    public var theme: Theme

    public init(minimumWidth: Int, minimumHeight: Int, theme: Theme) {
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
        self.theme = theme
    }

    /// True when `area` is at least the minimum size, so the real screen can be drawn.
    public func fits(_ area: Rect) -> Bool {
        area.width >= minimumWidth && area.height >= minimumHeight
    }

    /// The message for an area of the given size.
    public func message(for size: Size) -> String {
        let symbols = theme.symbols
        let minimum = "\(minimumWidth)\(symbols.times)\(minimumHeight)"
        let now = "\(size.width)\(symbols.times)\(size.height)"
        return "Terminal too small \(symbols.dash) enlarge it to at least \(minimum) (now \(now))"
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.clear(area)
        let style = Style(foreground: theme.warning, bold: true)
        let message = Line(message(for: area.size), style: style)
        let rows = TextLayout.wrap(message, width: area.width, wrapping: .word)
        let box = area.centered(width: area.width, height: rows.count)
        Paragraph(rows, alignment: .center, wrapping: .truncate, theme: theme)
            .render(area: box, into: &buffer)
    }
}
