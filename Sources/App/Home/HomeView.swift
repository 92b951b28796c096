import Terminal

/// Draws the home screen: a centred box with the menu and what is in use.
struct HomeView: Widget {
    let screen: HomeScreen
    let theme: Theme

    /// The centred box in `area`.
    static func box(in area: Rect) -> Rect {
        area.centered(width: min(area.width, 78), height: min(area.height, 14))
    }

    /// The box's text area, inside the border and two columns of margin.
    static func inner(in area: Rect) -> Rect {
        box(in: area).inset(by: 1).inset(horizontal: 2, vertical: 0)
    }

    /// The row of each menu item (under the one-line tagline and a blank row).
    static func itemRows(in area: Rect) -> [(item: HomeItem, row: Rect)] {
        let inner = inner(in: area)
        return HomeItem.allCases.enumerated().compactMap { index, item in
            let y = inner.y + 2 + index
            return y < inner.bottom ? (item, Rect(x: inner.x, y: y, width: inner.width, height: 1)) : nil
        }
    }

    func render(area: Rect, into buffer: inout Buffer) {
        let block = Block(title: Line(" fer ", style: theme.title), rounded: true, theme: theme)
        block.render(area: Self.box(in: area), into: &buffer)
        let inner = Self.inner(in: area)
        guard !inner.isEmpty else { return }
        buffer.set(x: inner.x, y: inner.y, string: "Facial expression recognition in the terminal",
                   style: theme.muted,
                   maxWidth: inner.width)
        var y = inner.y + 2
        for (item, row) in Self.itemRows(in: area) {
            drawItem(item, row: row, into: &buffer)
            y = row.bottom
        }
        y += 1
        for (label, value) in infoRows() where y < inner.bottom {
            buffer.set(x: inner.x, y: y, string: label, style: theme.title, maxWidth: inner.width)
            buffer.set(x: inner.x + 9, y: y, line: value, maxWidth: inner.width - 9)
            y += 1
        }
        y += 1
        if y < inner.bottom {
            let command = Line([Span("Same as ", style: theme.muted), Span(screen.selection.command)])
            buffer.set(x: inner.x, y: y, line: command, maxWidth: inner.width)
        }
    }

    private func drawItem(_ item: HomeItem, row: Rect, into buffer: inout Buffer) {
        let isSelected = item == screen.selection
        let isAvailable = item != .live || screen.context.liveAvailable
        let base = isSelected ? theme.highlight : (isAvailable ? theme.text : theme.muted)
        if isSelected { buffer.fill(row, style: base) }
        let pointer = isSelected ? String(theme.symbols.pointer) : " "
        var x = buffer.set(x: row.x, y: row.y, string: pointer + " ", style: base)
        x = buffer.set(x: x, y: row.y, string: String(item.shortcut), style: isSelected ? base : theme.key)
        x = buffer.set(x: x + 2, y: row.y, string: TextWidth.pad(item.name, toWidth: 12),
                       style: base.bolded())
        let summary = isAvailable ? item.summary : "run `fer live` (not available here)"
        buffer.set(x: x + 1, y: row.y, string: summary, style: base, maxWidth: row.right - x - 1)
    }

    private func infoRows() -> [(String, Line)] {
        let context = screen.context
        let bad = Style(foreground: theme.bad, bold: !theme.capabilities.hasColor)
        let dataset: Line
        if let path = context.datasetPath, !path.isEmpty {
            if context.datasetExists {
                let origin = context.datasetOrigin == .demo ? " (demo faces)" : ""
                dataset = Line([Span(path), Span(origin, style: theme.muted)])
            } else {
                dataset = Line([Span(path), Span("  not found", style: bad)])
            }
        } else {
            dataset = Line([Span("none", style: bad),
                            Span("  press d to choose a folder", style: theme.muted)])
        }
        let model: Line
        if let choice = context.model {
            model = Line([Span(choice.path), Span(" (\(choice.origin.description))", style: theme.muted)])
        } else {
            model = Line([Span("not found", style: bad),
                          Span("  train one, or pass --model", style: theme.muted)])
        }
        return [("Dataset", dataset), ("Model", model), ("Runs", Line(context.runsDirectory))]
    }
}
