import Dataset
import Terminal

/// Draws the browser: loading progress, an error, or the face grid (or one zoomed face) with the
/// side panel.
struct BrowserView: Widget {
    let screen: BrowserScreen
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        switch screen.phase {
        case .loading(let done, let total):
            LoadingView(title: "Loading faces from \(screen.datasetPath)", done: done, total: total,
                        unit: "files",
                        theme: theme).render(area: area, into: &buffer)
        case .failed(let reason):
            FailureView(title: "Cannot load the dataset", reason: reason, theme: theme)
                .render(area: area, into: &buffer)
        case .ready:
            guard let dataset = screen.dataset else { return }
            let layout = BrowserLayout(body: area)
            if screen.visible.isEmpty {
                renderEmpty(in: layout.grid, into: &buffer)
            } else if screen.isZoomed {
                renderZoom(dataset, in: layout.grid, into: &buffer)
            } else {
                renderGrid(dataset, layout: layout, into: &buffer)
            }
            FaceDetailsPanel(screen: screen, dataset: dataset, layout: layout, theme: theme)
                .render(area: layout.side, into: &buffer)
        }
    }

    private func renderGrid(_ dataset: FaceDataset, layout: BrowserLayout, into buffer: inout Buffer) {
        let pageStart = screen.selection / layout.pageSize * layout.pageSize
        for slot in 0..<layout.pageSize {
            let position = pageStart + slot
            guard position < screen.visible.count else { break }
            let face = screen.visible[position]
            let tile = layout.tile(slot)
            let imageArea = Rect(x: tile.x, y: tile.y, width: tile.width, height: tile.height - 1)
            HalfBlockImage(image: dataset.terminalImage(at: face), scaling: .fit, centered: true,
                           theme: theme)
                .render(area: imageArea.intersection(layout.grid), into: &buffer)
            let labelRow = Rect(x: tile.x, y: tile.bottom - 1, width: tile.width, height: 1)
            drawLabel(face, dataset: dataset, selected: position == screen.selection, row: labelRow,
                      into: &buffer)
        }
    }

    /// "▶ happy→sad": the true class, then the prediction (✓ when right).
    private func drawLabel(_ face: Int, dataset: FaceDataset, selected: Bool, row: Rect,
                           into buffer: inout Buffer) {
        let base = selected ? theme.highlight : theme.text
        if selected { buffer.fill(row, style: base) }
        let prefix = selected ? String(theme.symbols.pointer) : " "
        let label = dataset.className(of: face)
        var spans = [Span(prefix + label, style: base)]
        if let predicted = screen.predictions?.predictedName(of: face) {
            if predicted == label {
                spans.append(Span(theme.symbols.isUnicode ? " ✓" : " ok",
                                  style: selected ? base : Style(foreground: theme.good)))
            } else {
                let arrow = theme.symbols.isUnicode ? "→" : ">"
                let wrong = Style(foreground: theme.bad, bold: true)
                spans.append(Span(arrow + predicted, style: selected ? base : wrong))
            }
        }
        let line = TextLayout.truncate(Line(spans), width: row.width, ellipsis: theme.symbols.ellipsis)
        buffer.set(x: row.x, y: row.y, line: line, maxWidth: row.width)
    }

    private func renderZoom(_ dataset: FaceDataset, in area: Rect, into buffer: inout Buffer) {
        guard let face = screen.selectedFace else { return }
        let position = "face \(formatCount(screen.selection + 1)) of \(formatCount(screen.visible.count))"
        let title = "\(dataset.className(of: face)) \(theme.symbols.dash) \(position)"
        let block = Block(title: Line(" \(title) ", style: theme.title), rounded: true, theme: theme)
        block.render(area: area, into: &buffer)
        HalfBlockImage(image: dataset.terminalImage(at: face), scaling: .fit, centered: true, theme: theme)
            .render(area: block.inner(area), into: &buffer)
    }

    private func renderEmpty(in area: Rect, into buffer: inout Buffer) {
        let names = screen.dataset?.classNames ?? []
        var title = "No faces match \(screen.filter.summary(classNames: names))"
        if let pending = screen.pendingPredictions, screen.filter.misclassifiedOnly {
            title += " yet (\(formatCount(pending.done))/\(formatCount(pending.total)) predicted)"
        }
        let lines = [
            Line(title + ".", style: theme.title),
            Line(""),
            Line([Span("0", style: theme.key), Span(" all classes   "), Span("x", style: theme.key),
                  Span(" misclassified on/off   "), Span("/", style: theme.key), Span(" change the search")]),
        ]
        let box = area.centered(width: area.width, height: lines.count)
        Paragraph(lines, alignment: .center, wrapping: .word, theme: theme).render(area: box, into: &buffer)
    }
}
