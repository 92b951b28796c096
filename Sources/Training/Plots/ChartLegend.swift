import Vision

/// A chart's legend: a boxed list of line samples and series names, put in the corner of the
/// plot area that covers the fewest data points.
struct ChartLegend {
    var entries: [LineSeries]
    /// Whether the samples carry a dot, as the series do while their points stay apart.
    var showsDots = true

    static let rowHeight = 22
    static let sampleWidth = 34
    static let inset = 10

    /// The legend's size in pixels.
    var size: PixelSize {
        let nameWidth = entries.map { PlotStyle.label.measure($0.name).width }.max() ?? 0
        return PixelSize(
            width: Self.inset * 3 + Self.sampleWidth + nameWidth,
            height: Self.inset + entries.count * Self.rowHeight
        )
    }

    /// Where the legend goes in `area`: top right, bottom right, top left or bottom left, the
    /// first of those holding the fewest of `points`.
    func frame(avoiding points: [(x: Double, y: Double)], in area: PixelRect) -> PixelRect {
        let size = size, margin = 10
        let left = area.x + margin, right = area.x + area.width - margin - size.width
        let top = area.y + margin, bottom = area.y + area.height - margin - size.height
        let corners = [(right, top), (right, bottom), (left, top), (left, bottom)].map {
            PixelRect(x: $0.0, y: $0.1, width: size.width, height: size.height)
        }
        func covered(_ frame: PixelRect) -> Int {
            points.filter {
                $0.x >= Double(frame.x) && $0.x <= Double(frame.x + frame.width)
                    && $0.y >= Double(frame.y) && $0.y <= Double(frame.y + frame.height)
            }.count
        }
        let counts = corners.map(covered)
        let fewest = counts.min() ?? 0
        return corners[counts.firstIndex(of: fewest) ?? 0]
    }

    /// Draws the legend over a light backing in the corner `frame(avoiding:in:)` picks.
    func draw(into image: inout ColorImage, avoiding points: [(x: Double, y: Double)], in area: PixelRect) {
        guard !entries.isEmpty else { return }
        let frame = frame(avoiding: points, in: area)
        image.fillRectangle(frame, color: PlotStyle.background, opacity: 0.9)
        image.drawRectangle(frame, color: PlotStyle.legendBorder, thickness: 1)
        for (index, entry) in entries.enumerated() {
            let row = frame.y + Self.inset / 2 + index * Self.rowHeight + Self.rowHeight / 2
            let start = frame.x + Self.inset, end = start + Self.sampleWidth
            if entry.dashed {
                image.drawDashedPolyline(
                    [(Double(start), Double(row)), (Double(end), Double(row))], color: entry.color,
                    thickness: 2, on: 9, off: 5
                )
            } else {
                image.drawLine(
                    from: PixelPoint(x: start, y: row), to: PixelPoint(x: end, y: row), color: entry.color,
                    thickness: 2
                )
            }
            if showsDots {
                image.drawCircle(
                    center: PixelPoint(x: (start + end) / 2, y: row), radius: LineChart.dotRadius,
                    color: entry.color, filled: true
                )
            }
            image.drawLabel(entry.name, x: end + Self.inset, y: row, style: PlotStyle.label)
        }
    }
}
