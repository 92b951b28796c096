import Terminal

/// The status row while a `TextPrompt` is open: "label: text█", the end of long text kept in view.
struct PromptView: Widget {
    let prompt: TextPrompt
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: theme.statusBar)
        let label = prompt.label + ": "
        var x = buffer.set(x: row.x + 1, y: row.y, string: label,
                           style: theme.statusBar.patched(with: theme.key),
                           maxWidth: row.width - 1)
        let room = row.right - x - 1
        guard room > 0 else { return }
        var text = prompt.text
        while TextWidth.of(text) > room - 1, !text.isEmpty { text.removeFirst() }
        x = buffer.set(x: x, y: row.y, string: text, style: theme.statusBar, maxWidth: room)
        let cursor: Unicode.Scalar = theme.capabilities.unicode ? "█" : "_"
        buffer.set(x: x, y: row.y, scalar: cursor, style: theme.statusBar)
    }
}
