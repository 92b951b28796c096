import Live
import Terminal
import Vision

/// Draws the live screen: the frame on the left with face boxes, and on the right the label in
/// large letters, the class probabilities, and speed (FPS trend, per-stage milliseconds).
struct LiveView: Widget {
    let screen: LiveScreen
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        if let failure = screen.failure {
            FailureView(title: "The live source stopped", reason: failure, theme: theme)
                .render(area: area, into: &buffer)
            return
        }
        let sideWidth = min(44, max(30, area.width * 32 / 100))
        let (frameArea, sideArea) = area.splitRight(sideWidth)
        guard let frame = screen.latest else {
            let waiting = Line("Waiting for the first frame from \(screen.source)\(theme.symbols.ellipsis)",
                               style: theme.muted)
            Paragraph([waiting], alignment: .center, theme: theme)
                .render(area: frameArea.centered(width: frameArea.width, height: 1), into: &buffer)
            LivePanel(screen: screen, frame: nil, theme: theme).render(area: sideArea, into: &buffer)
            return
        }
        renderFrame(frame, in: frameArea.inset(right: 1), into: &buffer)
        LivePanel(screen: screen, frame: frame, theme: theme).render(area: sideArea, into: &buffer)
        if let summary = screen.summary {
            LiveSummaryView(summary: summary, source: screen.source, theme: theme)
                .render(area: frameArea, into: &buffer)
        }
    }

    private func renderFrame(_ frame: LiveFrame, in area: Rect, into buffer: inout Buffer) {
        guard let image = try? Terminal.GrayImage(width: frame.image.width, height: frame.image.height,
                                                  pixels: frame.image.pixels) else { return }
        let scale = frame.sourceScale > 0 ? frame.sourceScale : 1
        let overlays = frame.faces.enumerated().map { index, face -> FrameOverlay in
            let box = face.box
            let rect = Terminal.Rect(x: Int(Double(box.x) / scale), y: Int(Double(box.y) / scale),
                                     width: Int(Double(box.width) / scale),
                                     height: Int(Double(box.height) / scale))
            let top = face.top
            return FrameOverlay(rect: rect,
                                label: "\(top.label) \(formatPercent(Double(top.probability), decimals: 0))",
                                color: index == 0 ? theme.accent : theme.seriesColor(index))
        }
        let widget = AsciiFrame(
            image: image, mode: screen.mode == .halfBlock ? .halfBlock : .ascii,
            dithering: screen.mode == .dithered ? .ordered : .none, colorize: screen.mode == .tinted,
            overlays: overlays, theme: theme)
        widget.render(area: area, into: &buffer)
        if frame.faces.isEmpty {
            let text = " no face found "
            let box = area.centered(width: TextWidth.of(text), height: 1)
            let style = Style(foreground: theme.warning, bold: true, reverse: true)
            buffer.set(x: box.x, y: box.y, string: text, style: style, maxWidth: box.width)
        }
    }
}

/// The live screen's right panel.
private struct LivePanel: Widget {
    let screen: LiveScreen
    let frame: LiveFrame?
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        let block = Block(title: Line(" Expression ", style: theme.title), rounded: true, theme: theme)
        block.render(area: area, into: &buffer)
        let inner = block.inner(area).inset(horizontal: 1, vertical: 0)
        guard inner.height >= 4 else { return }
        let face = frame?.faces.first
        let (labelArea, rest) = inner.splitTop(4)
        if let face {
            let top = face.top
            BigText(text: top.label, style: Style(foreground: theme.accent, bold: true), theme: theme)
                .render(area: labelArea.splitTop(3).top, into: &buffer)
            let faces = frame?.faces.count ?? 0
            let plural = faces == 1 ? "" : "s"
            let detail = "\(formatPercent(Double(top.probability))) sure · \(faces) face\(plural)"
            buffer.set(x: labelArea.x, y: labelArea.y + 3, string: detail, style: theme.muted,
                       maxWidth: labelArea.width)
        } else {
            let text = frame == nil ? "waiting" : "no face"
            BigText(text: text, style: theme.muted, theme: theme)
                .render(area: labelArea.splitTop(3).top, into: &buffer)
        }
        let statsHeight = min(5, rest.height)
        let (barsArea, statsArea) = rest.splitBottom(statsHeight)
        let bars = barsArea.inset(top: 1)
        if let face {
            ProbabilityBars(labels: face.classNames, probabilities: face.probabilities.map(Double.init),
                            theme: theme)
                .render(area: bars, into: &buffer)
        } else if frame != nil {
            Paragraph([Line("No face in this frame; the bars return when one is found.", style: theme.muted)],
                      theme: theme).render(area: bars, into: &buffer)
        }
        renderStats(in: statsArea, into: &buffer)
    }

    private func renderStats(in area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty, let frame else { return }
        let fps = "FPS " + formatFixed(frame.framesPerSecond, decimals: 1)
        var x = buffer.set(x: area.x, y: area.y, string: fps, style: Style(bold: true), maxWidth: area.width)
        x += 1
        Sparkline(values: screen.speedHistory, style: Style(foreground: theme.accent), theme: theme)
            .render(area: Rect(x: x, y: area.y, width: max(0, area.right - x), height: 1), into: &buffer)
        let timings = frame.timings
        let rows: [(String, Double)] = [("decode", timings.decode), ("detect", timings.detect),
                                        ("classify", timings.classify), ("total", timings.total)]
        for (offset, row) in rows.enumerated() where offset + 1 < area.height {
            let y = area.y + 1 + offset
            buffer.set(x: area.x, y: y, string: TextWidth.pad(row.0, toWidth: 9), style: theme.muted)
            let value = TextWidth.pad(formatFixed(row.1, decimals: 1), toWidth: 6, alignment: .right) + " ms"
            let style = offset == 3 ? Style(bold: true) : theme.text
            buffer.set(x: area.x + 9, y: y, string: value, style: style, maxWidth: area.width - 9)
        }
    }
}

/// The box shown over the last frame when a file or folder has ended.
private struct LiveSummaryView: Widget {
    let summary: LiveScreenSummary
    let source: String
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        let counts = summary.expressionCounts
        let height = min(area.height, 6 + counts.count)
        let box = area.centered(width: min(area.width, 52), height: height)
        guard box.height >= 4 else { return }
        buffer.clear(box)
        let block = Block(title: Line(" End of \(source) ", style: theme.title), titleAlignment: .center,
                          rounded: true, borderStyle: Style(foreground: theme.accent), theme: theme)
        block.render(area: box, into: &buffer)
        let inner = block.inner(box).inset(horizontal: 1, vertical: 0)
        let withFaces = summary.frames > 0 ? Double(summary.framesWithFaces) / Double(summary.frames) : 0
        let lines = [
            Line("\(formatCount(summary.frames)) frames, a face in \(formatCount(summary.framesWithFaces)) "
                 + "(\(formatPercent(withFaces, decimals: 0)))"),
            Line("mean speed \(formatFixed(summary.meanFramesPerSecond, decimals: 1)) frames/s"),
        ]
        Paragraph(lines, wrapping: .truncate, theme: theme).render(area: inner.splitTop(2).top, into: &buffer)
        let items = counts.map { BarChart.Item(label: $0.label, value: Double($0.frames)) }
        let barsArea = inner.inset(top: 3).splitBottom(1).rest
        BarChart(items: items, theme: theme).render(area: barsArea, into: &buffer)
        let footer = Line([Span("q", style: theme.key), Span(" leave")])
        buffer.set(x: inner.x, y: inner.bottom - 1, line: footer, maxWidth: inner.width)
    }
}
