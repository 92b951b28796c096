import Terminal

/// A centred box asking a yes/no question, "y yes · n no" at its foot.
struct ConfirmationView: Widget {
    let confirmation: Confirmation
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        let width = min(area.width, max(40, min(72, TextWidth.of(confirmation.question) + 4)))
        let textWidth = max(1, width - 4)
        let rows = TextLayout.wrap(Line(confirmation.question), width: textWidth, wrapping: .word)
        let box = area.centered(width: width, height: rows.count + 4)
        guard box.width >= 10, box.height >= 4 else { return }
        buffer.clear(box)
        let block = Block(title: Line(confirmation.title), titleAlignment: .center, rounded: true,
                          borderStyle: Style(foreground: theme.warning, bold: true), theme: theme)
        block.render(area: box, into: &buffer)
        let inner = block.inner(box).inset(horizontal: 1, vertical: 0)
        let (textArea, footer) = inner.splitBottom(1)
        Paragraph(rows, wrapping: .truncate, theme: theme).render(area: textArea, into: &buffer)
        let answer = Line([
            Span("y", style: theme.key), Span(" yes    "), Span("n", style: theme.key), Span(" no (default)"),
        ])
        buffer.set(x: footer.x, y: footer.y, line: answer, maxWidth: footer.width)
    }
}
