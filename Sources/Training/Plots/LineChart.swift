import Foundation
import Vision

/// One line of a chart.
struct LineSeries {
    var name: String
    var color: BGRColor
    var points: [(x: Double, y: Double)]
    var dashed = false
}

/// A line chart with a title, gridded axes with "nice" ticks, a legend and an optional
/// vertical marker (the best epoch), drawn into a region of a canvas.
struct LineChart {
    var title: String
    var xLabel: String
    var series: [LineSeries]
    /// A dashed vertical line at `x`, labelled.
    var marker: (x: Double, label: String)?

    static let axisColor = BGRColor(red: 40, green: 40, blue: 40)
    static let gridColor = BGRColor(red: 225, green: 225, blue: 225)
    static let textColor = BGRColor(red: 30, green: 30, blue: 30)
    static let markerColor = BGRColor(red: 44, green: 160, blue: 44)

    /// Draws the chart into the rectangle (x, y, width, height) of `canvas`.
    func draw(into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int) {
        let left = x + 70, right = x + width - 15, top = y + 40, bottom = y + height - 45
        guard right > left + 10, bottom > top + 10 else { return }
        canvas.drawText(title, centerX: (left + right) / 2, y: y + 10, Self.textColor, scale: 2)
        canvas.drawText(xLabel, centerX: (left + right) / 2, y: bottom + 28, Self.textColor, scale: 1)

        let points = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let xRange = Self.range(points.map(\.x), padding: 0.03)
        let yRange = Self.range(points.map(\.y), padding: 0.05)
        func pixelX(_ value: Double) -> Double {
            Double(left) + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(right - left)
        }
        func pixelY(_ value: Double) -> Double {
            Double(bottom) - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * Double(bottom - top)
        }

        let yStep = Self.niceStep(yRange.upperBound - yRange.lowerBound, ticks: 5)
        let decimals = max(0, Int((-log10(yStep)).rounded(.up)))
        for tick in Self.ticks(yRange, step: yStep) {
            let row = pixelY(tick)
            canvas.drawLine(from: (Double(left), row), to: (Double(right), row), Self.gridColor)
            let label = Formatting.fixed(tick, decimals)
            canvas.drawText(label, x: left - 8 - BitmapFont.width(of: label, scale: 1), y: Int(row) - 3, Self.textColor)
        }
        let xStep = max(1, Self.niceStep(xRange.upperBound - xRange.lowerBound, ticks: 8))
        for tick in Self.ticks(xRange, step: xStep) {
            let column = pixelX(tick)
            canvas.drawLine(from: (column, Double(top)), to: (column, Double(bottom)), Self.gridColor)
            canvas.drawText(Formatting.fixed(tick, 0), centerX: Int(column), y: bottom + 8, Self.textColor)
        }
        canvas.drawLine(from: (Double(left), Double(top)), to: (Double(left), Double(bottom)), Self.axisColor)
        canvas.drawLine(from: (Double(left), Double(bottom)), to: (Double(right), Double(bottom)), Self.axisColor)

        if let marker, xRange.contains(marker.x) {
            let column = pixelX(marker.x)
            canvas.drawLine(
                from: (column, Double(top)), to: (column, Double(bottom)), Self.markerColor, dash: (on: 6, off: 4)
            )
            canvas.drawText(marker.label, x: Int(column) + 4, y: top + 4, Self.markerColor)
        }

        for line in series {
            let visible = line.points.filter { $0.x.isFinite && $0.y.isFinite }
            let dash: (on: Double, off: Double)? = line.dashed ? (on: 8, off: 5) : nil
            for (from, to) in zip(visible, visible.dropFirst()) {
                canvas.drawLine(
                    from: (pixelX(from.x), pixelY(from.y)), to: (pixelX(to.x), pixelY(to.y)), line.color,
                    thickness: 2, dash: dash
                )
            }
            for point in visible {
                canvas.fillRectangle(x: Int(pixelX(point.x)) - 2, y: Int(pixelY(point.y)) - 2, width: 5, height: 5, line.color)
            }
        }
        let legendWidth = (series.map { BitmapFont.width(of: $0.name, scale: 1) }.max() ?? 0) + 40
        let legendHeight = series.count * 14 + 8
        let legendLeft = right - legendWidth - 6
        // Top-right corner, unless more of the data lies there than in the bottom-right one.
        let pixels = points.map { (x: pixelX($0.x), y: pixelY($0.y)) }
        func pointsInLegend(top legendTop: Int) -> Int {
            pixels.filter {
                $0.x >= Double(legendLeft) && $0.y >= Double(legendTop) && $0.y <= Double(legendTop + legendHeight)
            }.count
        }
        let upper = top + 6, lower = bottom - legendHeight - 6
        let legendTop = pointsInLegend(top: lower) < pointsInLegend(top: upper) ? lower : upper
        drawLegend(into: &canvas, x: legendLeft, y: legendTop, width: legendWidth, height: legendHeight)
    }

    private func drawLegend(into canvas: inout Canvas, x left: Int, y top: Int, width: Int, height: Int) {
        canvas.fillRectangle(x: left, y: top, width: width, height: height, .white)
        canvas.strokeRectangle(x: left, y: top, width: width, height: height, Self.gridColor)
        for (index, line) in series.enumerated() {
            let row = Double(top + 10 + index * 14)
            canvas.drawLine(
                from: (Double(left + 6), row), to: (Double(left + 28), row), line.color, thickness: 2,
                dash: line.dashed ? (on: 5, off: 3) : nil
            )
            canvas.drawText(line.name, x: left + 34, y: Int(row) - 3, Self.textColor)
        }
    }

    /// The span of `values`, widened by `padding` of it on each side (±0.5 when flat or empty).
    static func range(_ values: [Double], padding: Double) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return 0 ... 1 }
        guard high > low else { return (low - 0.5) ... (high + 0.5) }
        let margin = (high - low) * padding
        return (low - margin) ... (high + margin)
    }

    /// A step of 1, 2 or 5 × 10^k that cuts `span` into about `ticks` parts.
    static func niceStep(_ span: Double, ticks: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let rough = span / Double(max(ticks, 1))
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// Multiples of `step` inside `range`.
    static func ticks(_ range: ClosedRange<Double>, step: Double) -> [Double] {
        let first = (range.lowerBound / step).rounded(.up), last = (range.upperBound / step).rounded(.down)
        guard first <= last, last - first < 1000 else { return [] }
        // `+ 0` turns -0.0 (from rounding a small negative bound) into 0, so no "-0.0" label.
        return stride(from: first, through: last, by: 1).map { $0 * step + 0 }
    }
}
