import Foundation
import Vision

/// One line of a chart.
struct LineSeries {
    var name: String
    var color: BGRColor
    var points: [(x: Double, y: Double)]
    var dashed = false
    /// Rings this series' point at the chart's marker (the validation value of the best epoch).
    var ringsMarker = false

    /// The points that can be drawn (NaN and infinite values are left out).
    var finitePoints: [(x: Double, y: Double)] { points.filter { $0.x.isFinite && $0.y.isFinite } }
}

/// A vertical dashed line across a chart at `x`, labelled at the top (the best epoch).
struct ChartMarker {
    var x: Double
    var label: String
}

/// A line chart drawn with OpenCV: a title, gridded axes with "nice" ticks, antialiased series
/// with dots, a legend placed where it hides the least data, and an optional marker.
struct LineChart {
    var title: String
    var xLabel: String
    var series: [LineSeries]
    var marker: ChartMarker?

    /// Pixels between the frame's edges and the plot area, besides the tick labels on the left;
    /// the top leaves room for the title and the marker's label.
    static let padding = (top: 64, right: 28, bottom: 64, left: 22)
    static let dotRadius = 3

    /// Where the plot area lies in `frame` and how values map onto it.
    func layout(in frame: PixelRect) -> ChartLayout {
        let points = series.flatMap(\.finitePoints)
        let xAxis = AxisScale(values: points.map(\.x), padding: 0.03, ticks: 10, minimumStep: 1)
        let yAxis = AxisScale(values: points.map(\.y), padding: 0.06, ticks: 6)
        let labelWidth = yAxis.ticks.map { PlotStyle.tick.measure(yLabel($0, yAxis)).width }.max() ?? 0
        let left = frame.x + Self.padding.left + labelWidth + 10
        let top = frame.y + Self.padding.top
        let area = PixelRect(
            x: left, y: top, width: max(1, frame.x + frame.width - Self.padding.right - left),
            height: max(1, frame.y + frame.height - Self.padding.bottom - top)
        )
        return ChartLayout(plotArea: area, xAxis: xAxis, yAxis: yAxis)
    }

    /// Draws the chart into `frame` of `image`.
    func draw(into image: inout ColorImage, frame: PixelRect) {
        let layout = layout(in: frame)
        let area = layout.plotArea
        let (left, right) = (area.x, area.x + area.width)
        let (top, bottom) = (area.y, area.y + area.height)
        image.drawLabel(
            title, x: Int(area.centerX), y: frame.y + 18, style: PlotStyle.title, anchor: .center, top: true
        )
        for tick in layout.yAxis.ticks {
            let row = Int(layout.pixelY(tick).rounded())
            image.drawLine(
                from: PixelPoint(x: left, y: row), to: PixelPoint(x: right, y: row), color: PlotStyle.grid,
                antialiased: false
            )
            image.drawLabel(
                yLabel(tick, layout.yAxis), x: left - 10, y: row, style: PlotStyle.tick, anchor: .trailing
            )
        }
        for tick in layout.xAxis.ticks {
            let column = Int(layout.pixelX(tick).rounded())
            image.drawLine(
                from: PixelPoint(x: column, y: top), to: PixelPoint(x: column, y: bottom),
                color: PlotStyle.grid, antialiased: false
            )
            image.drawLine(
                from: PixelPoint(x: column, y: bottom), to: PixelPoint(x: column, y: bottom + 5),
                color: PlotStyle.axis, antialiased: false
            )
            image.drawLabel(
                Formatting.fixed(tick, layout.xAxis.decimals), x: column, y: bottom + 12,
                style: PlotStyle.tick, anchor: .center, top: true
            )
        }
        image.drawRectangle(
            PixelRect(x: left, y: top, width: area.width + 1, height: area.height + 1), color: PlotStyle.axis,
            thickness: 1
        )
        image.drawLabel(
            xLabel, x: Int(area.centerX), y: bottom + 38, style: PlotStyle.label, anchor: .center, top: true
        )
        if series.allSatisfy(\.finitePoints.isEmpty) {
            image.drawLabel(
                "no data yet", x: Int(area.centerX), y: Int(area.centerY),
                style: PlotStyle.label.colored(PlotStyle.mutedText), anchor: .center
            )
        }
        if let marker, layout.xAxis.range.contains(marker.x) { drawMarker(marker, into: &image, layout) }
        for line in series { drawSeries(line, into: &image, layout) }
        ChartLegend(entries: series, showsDots: showsDots(layout))
            .draw(into: &image, avoiding: samples(layout), in: area)
    }

    private func yLabel(_ tick: Double, _ axis: AxisScale) -> String {
        Formatting.fixed(tick, axis.decimals)
    }

    private func drawMarker(_ marker: ChartMarker, into image: inout ColorImage, _ layout: ChartLayout) {
        let area = layout.plotArea
        let column = layout.pixelX(marker.x)
        image.drawDashedPolyline(
            [(column, Double(area.y)), (column, Double(area.y + area.height))], color: PlotStyle.bestEpoch,
            thickness: 1, on: 6, off: 4, antialiased: false
        )
        // Above the plot area, clear of data and legend; centred on the line, kept over the area.
        let style = PlotStyle.tick.colored(PlotStyle.bestEpoch)
        let halfWidth = style.measure(marker.label).width / 2
        let center = min(max(Int(column.rounded()), area.x + halfWidth), area.x + area.width - halfWidth)
        image.drawLabel(marker.label, x: center, y: area.y - 8, style: style, anchor: .center)
        for line in series where line.ringsMarker {
            guard let point = line.finitePoints.first(where: { $0.x == marker.x }) else { continue }
            let center = layout.pixel(point)
            image.drawCircle(
                center: PixelPoint(x: Int(center.x.rounded()), y: Int(center.y.rounded())), radius: 7,
                color: PlotStyle.bestEpoch, thickness: 2
            )
        }
    }

    private func drawSeries(_ line: LineSeries, into image: inout ColorImage, _ layout: ChartLayout) {
        let pixels = line.finitePoints.map(layout.pixel)
        if line.dashed {
            image.drawDashedPolyline(pixels, color: line.color, thickness: 2, on: 9, off: 5)
        } else {
            image.drawPolyline(pixels.map(Self.rounded), color: line.color, thickness: 2)
        }
        guard showsDots(layout) else { return }
        for pixel in pixels {
            image.drawCircle(
                center: Self.rounded(pixel), radius: Self.dotRadius, color: line.color, filled: true
            )
        }
    }

    /// Whether series get a dot per point: only while dots stay apart (one per epoch up to a
    /// few dozen epochs); a long run reads better as plain lines.
    func showsDots(_ layout: ChartLayout) -> Bool {
        let values = Set(series.flatMap(\.finitePoints).map(\.x)).sorted()
        let spacing = zip(values, values.dropFirst()).map { layout.pixelX($1) - layout.pixelX($0) }.min()
        return (spacing ?? .infinity) >= 4 * Double(Self.dotRadius)
    }

    /// Points along every series, a few pixels apart, for placing the legend.
    private func samples(_ layout: ChartLayout) -> [(x: Double, y: Double)] {
        series.flatMap { line -> [(x: Double, y: Double)] in
            let pixels = line.finitePoints.map(layout.pixel)
            return zip(pixels, pixels.dropFirst()).flatMap { start, end in
                let steps = max(1, Int(hypot(end.x - start.x, end.y - start.y) / 4))
                return (0 ..< steps).map { step in
                    let along = Double(step) / Double(steps)
                    return (start.x + (end.x - start.x) * along, start.y + (end.y - start.y) * along)
                }
            } + pixels.suffix(1)
        }
    }

    private static func rounded(_ pixel: (x: Double, y: Double)) -> PixelPoint {
        PixelPoint(x: Int(pixel.x.rounded()), y: Int(pixel.y.rounded()))
    }
}

/// A chart's plot area and the mapping from values to pixels in it.
struct ChartLayout {
    let plotArea: PixelRect
    let xAxis: AxisScale
    let yAxis: AxisScale

    func pixelX(_ value: Double) -> Double {
        Double(plotArea.x) + xAxis.fraction(value) * Double(plotArea.width)
    }

    func pixelY(_ value: Double) -> Double {
        Double(plotArea.y + plotArea.height) - yAxis.fraction(value) * Double(plotArea.height)
    }

    func pixel(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) {
        (pixelX(point.x), pixelY(point.y))
    }
}
