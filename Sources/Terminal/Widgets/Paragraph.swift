/// Lines of styled text, wrapped or truncated to the area, optionally scrolled.
public struct Paragraph: Widget {
    public var lines: [Line]
    /// Base style under every span.
    public var style: Style
    public var alignment: Alignment
    public var wrapping: Wrapping
    /// Rows (after wrapping) skipped at the top.
    public var scroll: Int
    public var theme: Theme

    public init(
        _ lines: [Line], style: Style = .plain, alignment: Alignment = .left, wrapping: Wrapping = .word,
        scroll: Int = 0, theme: Theme
    ) {
        self.lines = lines
        self.style = style
        self.alignment = alignment
        self.wrapping = wrapping
        self.scroll = scroll
        self.theme = theme
    }

    /// A paragraph of plain text; `\n` starts a new line.
    public init(
        text: String, style: Style = .plain, alignment: Alignment = .left, wrapping: Wrapping = .word,
        scroll: Int = 0, theme: Theme
    ) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0)) }
        self.init(lines, style: style, alignment: alignment, wrapping: wrapping, scroll: scroll, theme: theme)
    }

    /// The rows the text occupies at `width`, after wrapping.
    public func layout(width: Int) -> [Line] {
        lines.flatMap { line -> [Line] in
            let rows = TextLayout.wrap(
                line, width: width, wrapping: wrapping, ellipsis: theme.symbols.ellipsis
            )
            return rows.isEmpty ? [Line([])] : rows
        }
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        if style != .plain { buffer.fill(area, style: style) }
        let rows = layout(width: area.width).dropFirst(max(0, scroll)).prefix(area.height)
        for (offset, row) in rows.enumerated() {
            let rowWidth = row.width
            let start: Int
            switch alignment {
            case .left: start = area.x
            case .center: start = area.x + max(0, area.width - rowWidth) / 2
            case .right: start = area.x + max(0, area.width - rowWidth)
            }
            buffer.set(
                x: start, y: area.y + offset, line: row, baseStyle: style, maxWidth: area.right - start
            )
        }
    }
}
