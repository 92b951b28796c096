import Vision

/// A confusion matrix as a heat map drawn with OpenCV: rows are actual classes, columns
/// predictions; a cell's shade and large label are its share of the row (the class's recall on
/// the diagonal), its small label the count. A colour bar to the right gives the scale.
struct ConfusionHeatMap {
    var matrix: ConfusionMatrix
    var title: String

    static let margin = 24
    static let headerHeight = 100
    static let footerHeight = 56
    static let colorBarWidth = 18
    static let percentStyle = TextStyle(scale: 0.6, thickness: 1, color: PlotStyle.text)
    static let countStyle = TextStyle(scale: 0.42, thickness: 1, color: PlotStyle.text)

    /// Cells shrink as classes grow so that large matrices stay on screen, but widen (up to a
    /// limit; longer names are cut) so that column headings fit.
    var cellSize: Int {
        let longest = matrix.classNames.map { PlotStyle.label.measure($0).width }.max() ?? 0
        return min(140, max(min(92, max(52, 720 / max(1, matrix.classCount))), longest + 14))
    }

    /// Width of the row-name column: the longest class name or the "actual" heading.
    private var nameColumnWidth: Int {
        (matrix.classNames + ["actual"]).map { PlotStyle.label.measure($0).width }.max() ?? 0
    }

    /// The grid of cells (empty for a matrix without classes).
    var gridArea: PixelRect {
        let side = matrix.classCount * cellSize
        return PixelRect(
            x: Self.margin + nameColumnWidth + 14, y: Self.headerHeight, width: side, height: side
        )
    }

    /// The cell of `actual` class row and `predicted` class column.
    func cell(actual: Int, predicted: Int) -> PixelRect {
        let grid = gridArea
        return PixelRect(
            x: grid.x + predicted * cellSize, y: grid.y + actual * cellSize, width: cellSize,
            height: cellSize
        )
    }

    func render() -> ColorImage {
        let grid = gridArea
        let barLeft = grid.x + grid.width + 24
        let contentRight = barLeft + Self.colorBarWidth + 8 + PlotStyle.tick.measure("100%").width
        let titleWidth = PlotStyle.title.measure(title).width
        let width = max(contentRight, titleWidth + Self.margin) + Self.margin
        let height = grid.y + max(grid.height, 60) + Self.footerHeight
        var image = ColorImage(width: width, height: height, filledWith: PlotStyle.background)
        image.drawLabel(title, x: width / 2, y: 18, style: PlotStyle.title, anchor: .center, top: true)
        image.drawLabel(
            "predicted", x: Int(grid.centerX), y: 52, style: PlotStyle.label, anchor: .center, top: true
        )
        image.drawLabel("actual", x: grid.x - 14, y: grid.y - 16, style: PlotStyle.label, anchor: .trailing)
        for (index, name) in matrix.classNames.enumerated() {
            let column = cell(actual: 0, predicted: index), row = cell(actual: index, predicted: 0)
            image.drawLabel(
                fitted(name, width: cellSize - 12), x: Int(column.centerX), y: grid.y - 16,
                style: PlotStyle.label, anchor: .center
            )
            image.drawLabel(
                name, x: grid.x - 14, y: Int(row.centerY), style: PlotStyle.label, anchor: .trailing
            )
        }
        for (actual, counts) in matrix.counts.enumerated() {
            let rowTotal = counts.reduce(0, +)
            for (predicted, count) in counts.enumerated() {
                drawCell(
                    count: count, rowTotal: rowTotal, in: cell(actual: actual, predicted: predicted),
                    into: &image
                )
            }
        }
        if !grid.isEmpty {
            let outline = PixelRect(x: grid.x, y: grid.y, width: grid.width + 1, height: grid.height + 1)
            image.drawRectangle(outline, color: PlotStyle.axis, thickness: 1)
            drawColorBar(into: &image, x: barLeft, top: grid.y, height: grid.height)
        }
        let summary = "accuracy " + Formatting.fixed(matrix.accuracy * 100, 2) + "%  ("
            + Formatting.grouped(matrix.correct) + " of " + Formatting.grouped(matrix.total) + " images)"
        image.drawLabel(
            summary, x: Int(grid.centerX), y: grid.y + max(grid.height, 60) + 20, style: PlotStyle.label,
            anchor: .center, top: true
        )
        return image
    }

    private func drawCell(count: Int, rowTotal: Int, in rect: PixelRect, into image: inout ColorImage) {
        let share = rowTotal > 0 ? Double(count) / Double(rowTotal) : 0
        image.fillRectangle(rect, color: Self.shade(share))
        image.drawRectangle(rect, color: PlotStyle.background, thickness: 1)
        let ink = share > 0.5 ? PlotStyle.background : PlotStyle.text
        // One decimal below 10%, so a handful of images does not read as "0%".
        let decimals = share < 0.1 && count > 0 ? 1 : 0
        let percent = rowTotal > 0 ? Formatting.fixed(share * 100, decimals) + "%" : "-"
        let middle = Int(rect.centerY)
        image.drawLabel(
            percent, x: Int(rect.centerX), y: middle - 7, style: Self.percentStyle.colored(ink),
            anchor: .center
        )
        image.drawLabel(
            Formatting.grouped(count), x: Int(rect.centerX), y: middle + 14,
            style: Self.countStyle.colored(ink), anchor: .center
        )
    }

    /// A vertical scale from 0% (bottom) to 100% (top) with ticks every 25%.
    private func drawColorBar(into image: inout ColorImage, x: Int, top: Int, height: Int) {
        guard height > 1 else { return }
        for row in 0 ..< height {
            let share = 1 - Double(row) / Double(height - 1)
            image.fillRectangle(
                PixelRect(x: x, y: top + row, width: Self.colorBarWidth, height: 1), color: Self.shade(share)
            )
        }
        image.drawRectangle(
            PixelRect(x: x, y: top, width: Self.colorBarWidth + 1, height: height + 1), color: PlotStyle.axis,
            thickness: 1
        )
        for percent in stride(from: 0, through: 100, by: 25) {
            let row = top + Int((Double(height - 1) * (1 - Double(percent) / 100)).rounded())
            image.drawLabel("\(percent)%", x: x + Self.colorBarWidth + 8, y: row, style: PlotStyle.tick)
        }
    }

    /// `text`, cut and ended with "." when it is wider than `width` pixels in the label style.
    private func fitted(_ text: String, width: Int) -> String {
        guard PlotStyle.label.measure(text).width > width else { return text }
        var cut = text
        while cut.count > 1, PlotStyle.label.measure(cut + ".").width > width { cut.removeLast() }
        return cut + "."
    }

    /// Stops of a white-to-dark-blue ramp (ColorBrewer "Blues"), from share 0 to share 1.
    static let ramp: [BGRColor] = [
        BGRColor(red: 247, green: 251, blue: 255), BGRColor(red: 198, green: 219, blue: 239),
        BGRColor(red: 107, green: 174, blue: 214), BGRColor(red: 33, green: 113, blue: 181),
        BGRColor(red: 8, green: 48, blue: 107),
    ]

    /// The ramp's colour for `share` in 0...1 (clamped), blended linearly between stops.
    static func shade(_ share: Double) -> BGRColor {
        let position = min(max(share.isFinite ? share : 0, 0), 1) * Double(ramp.count - 1)
        let index = min(Int(position), ramp.count - 2), amount = position - Double(index)
        let (from, to) = (ramp[index], ramp[index + 1])
        func mix(_ start: UInt8, _ end: UInt8) -> UInt8 {
            UInt8((Double(start) + (Double(end) - Double(start)) * amount).rounded())
        }
        return BGRColor(
            red: mix(from.red, to.red), green: mix(from.green, to.green), blue: mix(from.blue, to.blue)
        )
    }
}
