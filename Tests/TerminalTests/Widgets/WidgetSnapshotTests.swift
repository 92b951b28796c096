import Testing
@testable import Terminal

/// Every widget rendered at 80×24, 120×40 and a too-small 24×6, in color and NO_COLOR, compared
/// with the stored snapshots. Style sections are stored for the two smaller sizes so colors and
/// attributes are checked, not just text.
@Suite struct WidgetSnapshotTests {
    static let cases: [(Size, RenderMode)] = snapshotSizes.flatMap { size in
        RenderMode.allCases.map { (size, $0) }
    }

    /// Stores `widget` drawn over the whole buffer under `name`.
    private func check(_ name: String, _ size: Size, _ mode: RenderMode, _ widget: some Widget,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let buffer = rendered(widget, size: size)
        let styles = size.width <= 80 ? mode.capabilities : nil
        expectSnapshot(buffer, snapshotName(name, size, mode), styles: styles, sourceLocation: sourceLocation)
    }

    /// A widget inside a titled block, as screens use them.
    private struct Framed<Content: Widget>: Widget {
        let title: String
        let content: Content
        let theme: Theme
        func render(area: Rect, into buffer: inout Buffer) {
            let block = Block(title: Line(title), theme: theme)
            block.render(area: area, into: &buffer)
            content.render(area: block.inner(area), into: &buffer)
        }
    }

    @Test(arguments: cases) func block(size: Size, mode: RenderMode) {
        let widget = Framed(title: "Training — fold 2/5", content: Paragraph(
            text: "The quick brown fox jumps over the lazy dog. "
                + String(repeating: "Wrapped text. ", count: 12),
            theme: mode.theme), theme: mode.theme)
        check("block", size, mode, widget)
    }

    @Test(arguments: cases) func lineChart(size: Size, mode: RenderMode) {
        let chart = LineChart(series: Fixtures.lossSeries, xTitle: "epoch", theme: mode.theme)
        check("lineChart", size, mode, Framed(title: "Loss", content: chart, theme: mode.theme))
    }

    @Test(arguments: cases) func halfBlockImage(size: Size, mode: RenderMode) {
        check("halfBlockImage", size, mode, HalfBlockImage(image: Fixtures.face, theme: mode.theme))
    }

    @Test(arguments: cases) func asciiFrame(size: Size, mode: RenderMode) {
        let overlay = FrameOverlay(rect: Rect(x: 58, y: 28, width: 44, height: 54), label: "happy 78%")
        let frame = AsciiFrame(image: Fixtures.frame, dithering: .floydSteinberg, overlays: [overlay],
                               theme: mode.theme)
        check("asciiFrame", size, mode, frame)
    }

    @Test(arguments: cases) func asciiFrameHalfBlock(size: Size, mode: RenderMode) {
        let frame = AsciiFrame(image: Fixtures.frame, mode: .halfBlock, theme: mode.theme)
        check("asciiFrameHalfBlock", size, mode, frame)
    }

    @Test(arguments: cases) func probabilityBars(size: Size, mode: RenderMode) {
        let bars = ProbabilityBars(
            labels: Fixtures.classes, probabilities: Fixtures.probabilities, theme: mode.theme
        )
        check("probabilityBars", size, mode, bars)
    }

    @Test(arguments: cases) func progressBar(size: Size, mode: RenderMode) {
        let bar = ProgressBar(label: "Fold 2/5", fraction: 0.625, detail: "epoch 13/20",
                              rate: formatRate(2431.4, unit: "img"), remainingSeconds: 83, theme: mode.theme)
        check("progressBar", size, mode, bar)
    }

    @Test(arguments: cases) func table(size: Size, mode: RenderMode) {
        let state = TableState(selectedRow: 9, sortColumn: 2, sortAscending: false)
        let table = Table(
            columns: Fixtures.tableColumns, rows: Fixtures.tableRows, state: state, theme: mode.theme
        )
        check("table", size, mode, table)
    }

    @Test(arguments: cases) func confusionMatrix(size: Size, mode: RenderMode) {
        let matrix = ConfusionMatrixView(
            counts: Fixtures.confusion, labels: Fixtures.classes, theme: mode.theme
        )
        check("confusionMatrix", size, mode, matrix)
    }

    @Test(arguments: cases) func sparkline(size: Size, mode: RenderMode) {
        let spark = Sparkline(values: Fixtures.trainLoss + Fixtures.validationLoss,
                              style: Style(foreground: mode.theme.accent), theme: mode.theme)
        check("sparkline", size, mode, spark)
    }

    @Test(arguments: cases) func barChart(size: Size, mode: RenderMode) {
        let counts = [3995, 436, 4097, 7215, 4830, 3171, 4965]
        let items = zip(Fixtures.classes, counts).map { BarChart.Item(label: $0, value: Double($1)) }
        check("barChart", size, mode, BarChart(items: items, highlighted: 3, theme: mode.theme))
    }

    @Test(arguments: cases) func statusBar(size: Size, mode: RenderMode) {
        let hints = [KeyBinding("q", "quit"), KeyBinding("?", "help"), KeyBinding("p", "pause")]
        let bar = StatusBar(hints: hints, right: "2,431 img/s", theme: mode.theme)
        check("statusBar", size, mode, bar)
    }

    @Test(arguments: cases) func helpOverlay(size: Size, mode: RenderMode) {
        let overlay = HelpOverlay(sections: [
            HelpSection("Navigation", [KeyBinding("↑/k", "move up"), KeyBinding("↓/j", "move down"),
                                       KeyBinding("Tab", "next pane")]),
            HelpSection("Training", [KeyBinding("p", "pause / resume"), KeyBinding("s", "stop and save")]),
        ], theme: mode.theme)
        check("helpOverlay", size, mode, overlay)
    }

    @Test(arguments: cases) func sizeGuard(size: Size, mode: RenderMode) {
        let guardWidget = SizeGuard(minimumWidth: 100, minimumHeight: 30, theme: mode.theme)
        check("sizeGuard", size, mode, guardWidget)
    }
}

/// The ASCII editions (no Unicode locale) of the widgets whose glyphs change.
@Suite struct AsciiFallbackSnapshotTests {
    let theme = Theme(capabilities: Capabilities.detect(environment: ["TERM": "xterm", "LANG": "C"]))
    let size = Size(width: 80, height: 24)

    @Test func chartImageAndBars() {
        var buffer = Buffer(size: size)
        let (top, bottom) = buffer.area.splitTop(14)
        let columns = top.columns([.fill(1), .length(26)])
        let block = Block(title: "Loss", theme: theme)
        block.render(area: columns[0], into: &buffer)
        LineChart(series: Fixtures.lossSeries, theme: theme)
            .render(area: block.inner(columns[0]), into: &buffer)
        HalfBlockImage(image: Fixtures.face, theme: theme).render(area: columns[1], into: &buffer)
        let rows = bottom.rows([.length(7), .length(1), .length(1), .fill(1)])
        ProbabilityBars(labels: Fixtures.classes, probabilities: Fixtures.probabilities, theme: theme)
            .render(area: rows[0], into: &buffer)
        ProgressBar(label: "Epoch", fraction: 0.4, remainingSeconds: 3723, theme: theme)
            .render(area: rows[1], into: &buffer)
        Sparkline(values: Fixtures.trainLoss, theme: theme).render(area: rows[2], into: &buffer)
        #expect(buffer.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        expectSnapshot(buffer, "ascii-fallbacks-80x24", styles: theme.capabilities)
    }
}
