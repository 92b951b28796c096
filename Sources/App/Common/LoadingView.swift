import Terminal

/// A centred title and progress bar for work that has just started (dataset loading, scanning).
struct LoadingView: Widget {
    let title: String
    let done: Int
    let total: Int
    /// What is counted ("files").
    let unit: String
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        let width = min(area.width - 4, 70)
        let box = area.centered(width: width, height: 3)
        guard !box.isEmpty else { return }
        buffer.set(x: box.x, y: box.y, string: title + theme.symbols.ellipsis, style: theme.title,
                   maxWidth: box.width)
        let fraction = total > 0 ? Double(done) / Double(total) : 0
        let detail = total > 0 ? "\(formatCount(done))/\(formatCount(total)) \(unit)" : "scanning"
        ProgressBar(label: "", fraction: fraction, detail: detail, theme: theme)
            .render(area: Rect(x: box.x, y: box.y + 2, width: box.width, height: 1), into: &buffer)
    }
}

/// A centred error: what failed, why (wrapped), and how to go back.
struct FailureView: Widget {
    let title: String
    let reason: String
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        let width = min(area.width - 4, 76)
        guard width > 4 else { return }
        var lines = [Line(title, style: Style(foreground: theme.bad, bold: true)), Line("")]
        lines += TextLayout.wrap(Line(reason), width: width, wrapping: .word)
        lines += [Line(""), Line([Span("q", style: theme.key), Span(" back")])]
        let box = area.centered(width: width, height: lines.count)
        Paragraph(lines, wrapping: .truncate, theme: theme).render(area: box, into: &buffer)
    }
}
