/// A titled group of key bindings in the help overlay.
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var bindings: [KeyBinding]

    public init(_ title: String, _ bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }
}

/// A centred box listing key bindings, drawn over whatever is below it.
public struct HelpOverlay: Widget {
    public var title: String
    public var sections: [HelpSection]
    /// Last line of the box, e.g. how to close it.
    public var footer: String
    public var theme: Theme

    public init(
        title: String = "Help", sections: [HelpSection], footer: String = "? or Esc to close",
        theme: Theme
    ) {
        self.title = title
        self.sections = sections
        self.footer = footer
        self.theme = theme
    }

    /// An overlay with one untitled list of bindings.
    public init(
        title: String = "Help", bindings: [KeyBinding], footer: String = "? or Esc to close",
        theme: Theme
    ) {
        self.init(title: title, sections: [HelpSection("", bindings)], footer: footer, theme: theme)
    }

    /// The text rows of the box, before fitting.
    func contentLines() -> [Line] {
        let keyWidth = sections.flatMap(\.bindings).map { TextWidth.of($0.keys) }.max() ?? 0
        var lines: [Line] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(Line([])) }
            if !section.title.isEmpty { lines.append(Line(section.title, style: theme.title)) }
            for binding in section.bindings {
                lines.append(Line([
                    Span(TextWidth.pad(binding.keys, toWidth: keyWidth), style: theme.key),
                    Span("  " + binding.action),
                ]))
            }
        }
        if !footer.isEmpty {
            lines.append(Line([]))
            lines.append(Line(footer, style: theme.muted))
        }
        return lines
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        let lines = contentLines()
        let contentWidth = max(lines.map(\.width).max() ?? 0, TextWidth.of(title) + 2)
        let box = area.centered(width: contentWidth + 4, height: lines.count + 2)
        guard box.width >= 3, box.height >= 3 else { return }
        buffer.clear(box)
        let block = Block(title: Line(title), titleAlignment: .center, rounded: true, theme: theme)
        block.render(area: box, into: &buffer)
        let inner = block.inner(box).inset(horizontal: 1, vertical: 0)
        Paragraph(lines, wrapping: .truncate, theme: theme).render(area: inner, into: &buffer)
    }
}
