import Dataset
import Terminal

/// The browser's side panel: class counts (the filtered or highlighted class marked) and the
/// selected face: its place, label, file and, with a model, the prediction and probabilities.
struct FaceDetailsPanel: Widget {
    let screen: BrowserScreen
    let dataset: FaceDataset
    let layout: BrowserLayout
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let classRows = BrowserLayout.classPanelHeight(classCount: dataset.classCount, sideHeight: area.height)
        let (classArea, faceArea) = area.splitTop(classRows)
        renderClasses(in: classArea, into: &buffer)
        renderFace(in: faceArea, into: &buffer)
    }

    private func renderClasses(in area: Rect, into buffer: inout Buffer) {
        let focused = screen.focus == .classes
        let block = Block(title: Line(focused ? " Classes (Enter filters) " : " Classes ",
                                      style: focused ? theme.key : theme.title),
                          rounded: true, borderStyle: focused ? Style(foreground: theme.accent) : nil,
                          theme: theme)
        block.render(area: area, into: &buffer)
        let counts = dataset.classCounts()
        let items = dataset.classNames.enumerated().map { index, name in
            BarChart.Item(label: "\(index + 1) \(name)", value: Double(counts[index]))
        }
        let highlighted = focused ? screen.classCursor : screen.filter.classIndex
        BarChart(items: items, highlighted: highlighted, theme: theme)
            .render(area: block.inner(area), into: &buffer)
    }

    private func renderFace(in area: Rect, into buffer: inout Buffer) {
        guard let face = screen.selectedFace else { return }
        let page = screen.selection / layout.pageSize + 1
        let pages = (screen.visible.count + layout.pageSize - 1) / layout.pageSize
        let title = " Face \(formatCount(screen.selection + 1)) of \(formatCount(screen.visible.count))"
            + " \(theme.symbols.dash) page \(formatCount(page))/\(formatCount(pages)) "
        let block = Block(title: Line(title, style: theme.title), rounded: true, theme: theme)
        block.render(area: area, into: &buffer)
        let inner = block.inner(area).inset(horizontal: 1, vertical: 0)
        guard !inner.isEmpty else { return }
        let valueWidth = max(1, inner.width - 10)
        let ellipsis = theme.symbols.ellipsis
        var rows: [(String, Line)] = [
            ("Label", Line(dataset.className(of: face), style: Style(bold: true))),
            ("File", Line(truncatedLeading(dataset.sources[face].description, toWidth: valueWidth,
                                           ellipsis: ellipsis))),
            ("Split", Line("\(dataset.splits[face]) \(theme.symbols.dash) #\(formatCount(face + 1))",
                           style: theme.muted)),
        ]
        rows.append(("Predicted", predictionLine(face)))
        var y = inner.y
        for (label, value) in rows where y < inner.bottom {
            buffer.set(x: inner.x, y: y, string: label, style: theme.muted, maxWidth: inner.width)
            buffer.set(x: inner.x + 10, y: y, line: value, maxWidth: valueWidth)
            y += 1
        }
        guard let predictions = screen.predictions, let probabilities = predictions.probabilities(of: face),
              y + 1 < inner.bottom else { return }
        let bars = Rect(x: inner.x, y: y + 1, width: inner.width, height: inner.bottom - y - 1)
        ProbabilityBars(labels: predictions.classNames, probabilities: probabilities.map(Double.init),
                        theme: theme)
            .render(area: bars, into: &buffer)
    }

    private func predictionLine(_ face: Int) -> Line {
        guard let modelName = screen.modelName else {
            return Line("none (use --model)", style: theme.muted)
        }
        if let error = screen.predictionError { return Line(error, style: Style(foreground: theme.bad)) }
        guard let predictions = screen.predictions, let predicted = predictions.predictedClass(of: face),
              let probabilities = predictions.probabilities(of: face) else {
            let done = screen.predictions?.doneCount ?? 0
            return Line("\(modelName) working\(theme.symbols.ellipsis) \(formatCount(done))/"
                        + formatCount(dataset.count), style: theme.muted)
        }
        let name = predictions.classNames[predicted]
        let correct = name == dataset.className(of: face)
        let unicode = theme.symbols.isUnicode
        let mark = correct ? (unicode ? " ✓" : " ok") : (unicode ? " ✗" : " wrong")
        return Line([
            Span(name, style: Style(bold: true)),
            Span(" " + formatPercent(Double(probabilities[predicted]), decimals: 0)),
            Span(mark, style: Style(foreground: correct ? theme.good : theme.bad, bold: true)),
        ])
    }
}
