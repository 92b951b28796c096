/// A key and what it does, for status bars and the help overlay.
public struct KeyBinding: Hashable, Sendable {
    /// How the key is written, e.g. `"q"`, `"↑/k"`, `"Tab"`.
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}

/// A one-row bar: text on the left, text on the right, filled with the theme's status style.
public struct StatusBar: Widget {
    public var left: Line
    public var right: Line
    public var theme: Theme

    public init(left: Line, right: Line = Line([]), theme: Theme) {
        self.left = left
        self.right = right
        self.theme = theme
    }

    /// A bar listing key hints ("q quit  ? help") on the left.
    public init(hints: [KeyBinding], right: Line = Line([]), theme: Theme) {
        var spans: [Span] = []
        for (index, hint) in hints.enumerated() {
            if index > 0 { spans.append(Span("  ")) }
            spans.append(Span(hint.keys, style: theme.key))
            spans.append(Span(" " + hint.action))
        }
        self.init(left: Line(spans), right: right, theme: theme)
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: theme.statusBar)
        let inner = row.inset(horizontal: 1, vertical: 0)
        let rightWidth = min(right.width, inner.width)
        let ellipsis = theme.symbols.ellipsis
        let leftRoom = max(0, inner.width - rightWidth - (rightWidth > 0 ? 2 : 0))
        let fittedLeft = TextLayout.truncate(left, width: leftRoom, ellipsis: ellipsis)
        buffer.set(x: inner.x, y: row.y, line: fittedLeft, baseStyle: theme.statusBar, maxWidth: leftRoom)
        if rightWidth > 0 {
            let fittedRight = TextLayout.truncate(right, width: rightWidth, ellipsis: ellipsis)
            buffer.set(x: inner.right - fittedRight.width, y: row.y, line: fittedRight,
                       baseStyle: theme.statusBar, maxWidth: rightWidth)
        }
    }
}
