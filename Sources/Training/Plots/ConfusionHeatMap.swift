import Vision

/// A confusion matrix as a heat map: rows are actual classes, columns predictions; a cell's
/// shade is its share of the row (the class's recall on the diagonal), its text the count.
struct ConfusionHeatMap {
    var matrix: ConfusionMatrix
    var title: String

    static let cellSize = 72
    static let low = BGRColor(red: 247, green: 251, blue: 255)
    static let high = BGRColor(red: 8, green: 48, blue: 107)

    func render() -> Canvas {
        let names = matrix.classNames, cell = Self.cellSize
        let nameWidth = names.map { BitmapFont.width(of: $0, scale: 2) }.max() ?? 0
        let left = max(110, nameWidth + 24), top = 84
        let side = names.count * cell
        var canvas = Canvas(width: left + side + 20, height: top + side + 40)
        let text = LineChart.textColor
        canvas.drawText(title, centerX: canvas.width / 2, y: 10, text, scale: 2)
        canvas.drawText("PREDICTED", centerX: left + side / 2, y: 40, text)
        canvas.drawText("ACTUAL", x: 8, y: top - 14, text)
        for (index, name) in names.enumerated() {
            let label = String(name.prefix(cell / BitmapFont.advance - 1))
            canvas.drawText(label, centerX: left + index * cell + cell / 2, y: top - 14, text)
            canvas.drawText(name, x: left - 12 - BitmapFont.width(of: name, scale: 2), y: top + index * cell + cell / 2 - 7,
                            text, scale: 2)
        }
        for (row, counts) in matrix.counts.enumerated() {
            let rowTotal = counts.reduce(0, +)
            for (column, count) in counts.enumerated() {
                let share = rowTotal > 0 ? Double(count) / Double(rowTotal) : 0
                let x = left + column * cell, y = top + row * cell
                canvas.fillRectangle(x: x, y: y, width: cell, height: cell, Self.shade(share))
                let ink: BGRColor = share > 0.5 ? .white : text
                canvas.drawText(String(count), centerX: x + cell / 2, y: y + cell / 2 - 12, ink, scale: 2)
                canvas.drawText(Formatting.fixed(share * 100, 0) + "%", centerX: x + cell / 2, y: y + cell / 2 + 8, ink)
            }
        }
        canvas.strokeRectangle(x: left - 1, y: top - 1, width: side + 2, height: side + 2, LineChart.axisColor)
        canvas.drawText("ACCURACY \(Formatting.fixed(matrix.accuracy, 4)) ON \(matrix.total) IMAGES",
                        centerX: left + side / 2, y: top + side + 14, text)
        return canvas
    }

    /// Linear blend from the light to the dark color for `share` in 0...1.
    static func shade(_ share: Double) -> BGRColor {
        let amount = min(max(share, 0), 1)
        func mix(_ from: UInt8, _ to: UInt8) -> UInt8 {
            UInt8((Double(from) + (Double(to) - Double(from)) * amount).rounded())
        }
        return BGRColor(red: mix(low.red, high.red), green: mix(low.green, high.green), blue: mix(low.blue, high.blue))
    }
}
