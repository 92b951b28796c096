/// A point of a chart series.
public struct ChartPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One line of a `LineChart`.
public struct ChartSeries: Hashable, Sendable {
    /// Which point, if any, is marked as the best one.
    public enum Best: Hashable, Sendable {
        case none, minimum, maximum
    }

    public var name: String
    /// Points in drawing order; non-finite values break the line.
    public var points: [ChartPoint]
    /// Line color; nil takes the theme's series color for the series' position.
    public var color: Color?
    public var best: Best

    public init(name: String, points: [ChartPoint], color: Color? = nil, best: Best = .none) {
        self.name = name
        self.points = points
        self.color = color
        self.best = best
    }

    /// A series of values at x = `startX`, `startX + 1`, … (e.g. epochs 1, 2, 3).
    public init(name: String, values: [Double], startX: Double = 1, color: Color? = nil, best: Best = .none) {
        let points = values.enumerated().map { ChartPoint(x: startX + Double($0.offset), y: $0.element) }
        self.init(name: name, points: points, color: color, best: best)
    }

    /// The marked point (lowest or highest finite y; the earliest on ties), if any.
    public var bestPoint: ChartPoint? {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        switch best {
        case .none: return nil
        case .minimum: return finite.min { $0.y < $1.y }
        case .maximum: return finite.max { $0.y < $1.y }
        }
    }
}

/// A multi-series line chart drawn with braille dots (2×4 per cell), with y labels (max, middle,
/// min), x labels, a legend row and the best point of each series marked.
///
/// Layout, top to bottom: legend, plot with the y axis on its left, x axis line, x labels. Parts are
/// dropped as the area shrinks. Values outside a fixed range are pinned to its edge. Without colors,
/// series are told apart by dash patterns (solid, long dashes, short dashes, dots), shown in the
/// legend.
public struct LineChart: Widget {
    public var series: [ChartSeries]
    /// Fixed y range; nil scales to the data.
    public var yRange: ClosedRange<Double>?
    /// Fixed x range; nil scales to the data.
    public var xRange: ClosedRange<Double>?
    public var yFormat: ValueFormat
    public var xFormat: ValueFormat
    /// Name of the x axis (e.g. "epoch"), shown before the last x label when there is room.
    public var xTitle: String?
    public var showLegend: Bool
    public var theme: Theme

    public init(
        series: [ChartSeries], yRange: ClosedRange<Double>? = nil, xRange: ClosedRange<Double>? = nil,
        yFormat: ValueFormat = .automatic, xFormat: ValueFormat = .decimals(0), xTitle: String? = nil,
        showLegend: Bool = true, theme: Theme
    ) {
        self.series = series
        self.yRange = yRange
        self.xRange = xRange
        self.yFormat = yFormat
        self.xFormat = xFormat
        self.xTitle = xTitle
        self.showLegend = showLegend
        self.theme = theme
    }

    /// The x and y ranges the chart will show: the fixed ranges, or the data's extent, widened
    /// when empty so that mapping never divides by zero.
    public func resolvedRanges() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let xs = finite.map(\.x)
        let ys = finite.map(\.y)
        let x = LineChart.widened(xRange ?? (xs.min() ?? 0)...(xs.max() ?? 1), padding: 1)
        let typical = abs(ys.first ?? 1)
        let yPadding = typical > 0 ? typical * 0.1 : 1
        let y = LineChart.widened(yRange ?? (ys.min() ?? 0)...(ys.max() ?? 1), padding: yPadding)
        return (x, y)
    }

    private static func widened(_ range: ClosedRange<Double>, padding: Double) -> ClosedRange<Double> {
        guard range.lowerBound.isFinite, range.upperBound.isFinite else { return 0...1 }
        if range.upperBound > range.lowerBound { return range }
        return (range.lowerBound - padding)...(range.upperBound + padding)
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard area.width >= 3, area.height >= 1 else { return }
        let ranges = resolvedRanges()
        var remaining = area
        if showLegend && area.height >= 4 && !series.isEmpty {
            let (legendRow, rest) = remaining.splitTop(1)
            drawLegend(in: legendRow, ySpan: ranges.y.upperBound - ranges.y.lowerBound, into: &buffer)
            remaining = rest
        }
        let hasXAxis = remaining.height >= 5
        let (plotAndAxis, labelRow) = hasXAxis ? remaining.splitBottom(1) : (remaining, Rect.zero)
        let (plotRows, axisRow) = hasXAxis ? plotAndAxis.splitBottom(1) : (plotAndAxis, Rect.zero)
        guard plotRows.height > 0 else { return }

        let yLabels = yAxisLabels(range: ranges.y, rows: plotRows.height)
        var labelWidth = yLabels.map { TextWidth.of($0.text) }.max() ?? 0
        if area.width < labelWidth + 6 { labelWidth = 0 }
        let showAxis = labelWidth > 0
        let plot = plotRows.inset(left: showAxis ? labelWidth + 1 : 0)
        guard !plot.isEmpty else { return }

        if showAxis {
            drawYAxis(labels: yLabels, labelWidth: labelWidth, plot: plot, into: &buffer)
            if hasXAxis {
                drawXAxis(axisRow: axisRow, labelRow: labelRow, plot: plot, labelWidth: labelWidth,
                          range: ranges.x, into: &buffer)
            }
        }
        drawSeries(in: plot, ranges: ranges, into: &buffer)
    }

    // MARK: - Parts

    private func color(of index: Int) -> Color {
        series[index].color ?? theme.seriesColor(index)
    }

    /// Dot patterns for series in monochrome (see `BrailleCanvas.drawLine`), and their legend glyphs.
    static let dashPatterns: [UInt8] = [0xFF, 0x0F, 0x33, 0x11]
    static let unicodeDashGlyphs: [Unicode.Scalar] = ["━", "╍", "┅", "┉"]
    static let asciiDashGlyphs: [Unicode.Scalar] = ["-", "=", ":", "."]

    private func dashPattern(of index: Int) -> UInt8 {
        theme.capabilities.hasColor ? 0xFF : LineChart.dashPatterns[index % LineChart.dashPatterns.count]
    }

    private func legendSwatch(of index: Int) -> Unicode.Scalar {
        guard !theme.capabilities.hasColor else { return theme.symbols.legendSwatch }
        let glyphs = theme.capabilities.unicode ? LineChart.unicodeDashGlyphs : LineChart.asciiDashGlyphs
        return glyphs[index % glyphs.count]
    }

    private func drawLegend(in row: Rect, ySpan span: Double, into buffer: inout Buffer) {
        var spans: [Span] = []
        for (index, entry) in series.enumerated() {
            if index > 0 { spans.append(Span("  ")) }
            spans.append(Span(String(legendSwatch(of: index)), style: Style(foreground: color(of: index))))
            spans.append(Span(" " + entry.name))
            if let best = entry.bestPoint {
                let value = yFormat.format(best.y, span: span)
                let position = xFormat.format(best.x, span: 0)
                spans.append(Span(" \(theme.symbols.bestMarker)\(value)@\(position)", style: theme.muted))
            }
        }
        let line = TextLayout.truncate(Line(spans), width: row.width, ellipsis: theme.symbols.ellipsis)
        buffer.set(x: row.x, y: row.y, line: line, maxWidth: row.width)
    }

    /// Labels for the top, middle (when there are at least 5 rows) and bottom plot rows.
    private func yAxisLabels(range: ClosedRange<Double>, rows: Int) -> [(row: Int, text: String)] {
        let span = range.upperBound - range.lowerBound
        var labels = [(row: 0, text: yFormat.format(range.upperBound, span: span))]
        if rows >= 5 {
            let middleRow = (rows - 1) / 2
            // The value at the centre of the middle row.
            let fraction = (Double(middleRow) * 4 + 1.5) / Double(rows * 4 - 1)
            let value = range.upperBound - fraction * span
            labels.append((row: middleRow, text: yFormat.format(value, span: span)))
        }
        if rows >= 2 { labels.append((row: rows - 1, text: yFormat.format(range.lowerBound, span: span))) }
        return labels
    }

    private func drawYAxis(labels: [(row: Int, text: String)], labelWidth: Int, plot: Rect,
                           into buffer: inout Buffer) {
        let axisX = plot.x - 1
        let symbols = theme.symbols
        buffer.fill(Rect(x: axisX, y: plot.y, width: 1, height: plot.height),
                    scalar: symbols.vertical, style: theme.border)
        for label in labels {
            let text = TextWidth.pad(label.text, toWidth: labelWidth, alignment: .right)
            buffer.set(x: axisX - labelWidth, y: plot.y + label.row, string: text, style: theme.muted)
            buffer.set(x: axisX, y: plot.y + label.row, scalar: symbols.axisTick, style: theme.border)
        }
    }

    private func drawXAxis(axisRow: Rect, labelRow: Rect, plot: Rect, labelWidth: Int,
                           range: ClosedRange<Double>, into buffer: inout Buffer) {
        let symbols = theme.symbols
        buffer.set(x: plot.x - 1, y: axisRow.y, scalar: symbols.bottomLeft, style: theme.border)
        buffer.fill(Rect(x: plot.x, y: axisRow.y, width: plot.width, height: 1),
                    scalar: symbols.horizontal, style: theme.border)
        let span = range.upperBound - range.lowerBound
        let first = xFormat.format(range.lowerBound, span: span)
        var last = xFormat.format(range.upperBound, span: span)
        if let xTitle, !xTitle.isEmpty {
            let needed = TextWidth.of(first) + TextWidth.of(xTitle) + TextWidth.of(last) + 3
            if needed < plot.width / 2 { last = xTitle + " " + last }
        }
        let middle = xFormat.format(range.lowerBound + span / 2, span: span)
        buffer.set(x: plot.x, y: labelRow.y, string: first, style: theme.muted)
        let lastStart = plot.right - TextWidth.of(last)
        if lastStart > plot.x + TextWidth.of(first) {
            buffer.set(x: lastStart, y: labelRow.y, string: last, style: theme.muted)
        }
        let middleWidth = TextWidth.of(middle)
        let middleStart = plot.x + (plot.width - middleWidth) / 2
        if middleStart > plot.x + TextWidth.of(first) + 1, middleStart + middleWidth < lastStart - 1,
           middle != first, middle != last {
            buffer.set(x: middleStart, y: labelRow.y, string: middle, style: theme.muted)
        }
    }

    private func drawSeries(in plot: Rect, ranges: (x: ClosedRange<Double>, y: ClosedRange<Double>),
                            into buffer: inout Buffer) {
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        let mapper = DotMapper(xRange: ranges.x, yRange: ranges.y, dotWidth: canvas.dotWidth,
                               dotHeight: canvas.dotHeight)
        for (index, entry) in series.enumerated() {
            let seriesColor = color(of: index)
            let pattern = dashPattern(of: index)
            var phase = 0
            var previous: (x: Int, y: Int)?
            for point in entry.points {
                guard let dot = mapper.dot(for: point) else {
                    previous = nil
                    continue
                }
                if let start = previous {
                    canvas.drawLine(
                        fromX: start.x, fromY: start.y, toX: dot.x, toY: dot.y, color: seriesColor,
                        dashPattern: pattern, phase: &phase
                    )
                } else {
                    canvas.setDot(x: dot.x, y: dot.y, color: seriesColor)
                }
                previous = dot
            }
        }
        canvas.render(into: &buffer, x: plot.x, y: plot.y, unicode: theme.capabilities.unicode)
        for (index, entry) in series.enumerated() {
            guard let best = entry.bestPoint, let dot = mapper.dot(for: best) else { continue }
            buffer.set(x: plot.x + dot.x / 2, y: plot.y + dot.y / 4, scalar: theme.symbols.bestMarker,
                       style: Style(foreground: color(of: index), bold: true))
        }
    }
}

/// Maps data coordinates to braille dot coordinates (y grows downwards).
struct DotMapper {
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    let dotWidth: Int
    let dotHeight: Int

    /// The dot for a point, pinned inside the canvas; nil for non-finite points.
    func dot(for point: ChartPoint) -> (x: Int, y: Int)? {
        guard point.x.isFinite, point.y.isFinite, dotWidth > 0, dotHeight > 0 else { return nil }
        let xFraction = (point.x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let yFraction = (yRange.upperBound - point.y) / (yRange.upperBound - yRange.lowerBound)
        let x = Int((min(1, max(0, xFraction)) * Double(dotWidth - 1)).rounded())
        let y = Int((min(1, max(0, yFraction)) * Double(dotHeight - 1)).rounded())
        return (x, y)
    }
}
