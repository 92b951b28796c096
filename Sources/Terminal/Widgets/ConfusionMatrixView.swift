/// A K×K confusion matrix as a heat map: rows are true classes, columns predicted classes.
///
/// Cells show counts or row-normalised percentages; the background deepens with the value
/// (green on the diagonal, red off it). In monochrome, strong cells are reversed and the diagonal
/// is bold. Ragged or missing rows are read as zeros; only as many classes as labels are shown.
public struct ConfusionMatrixView: Widget {
    /// What the cells show.
    public enum Mode: Hashable, Sendable {
        /// Raw counts; intensity relative to the largest count.
        case counts
        /// Each row as percentages of its total (recall on the diagonal).
        case rowPercent
    }

    public var counts: [[Int]]
    public var labels: [String]
    public var mode: Mode
    public var theme: Theme

    public init(counts: [[Int]], labels: [String], mode: Mode = .rowPercent, theme: Theme) {
        self.counts = counts
        self.labels = labels
        self.mode = mode
        self.theme = theme
    }

    /// Count at (`row`, `column`), 0 when missing or negative.
    func count(_ row: Int, _ column: Int) -> Int {
        guard counts.indices.contains(row), counts[row].indices.contains(column) else { return 0 }
        return max(0, counts[row][column])
    }

    /// Text and intensity (0…1) of every cell, row by row.
    func cellValues() -> [[(text: String, intensity: Double)]] {
        let classes = labels.count
        let grid = (0..<classes).map { row in (0..<classes).map { count(row, $0) } }
        let largest = grid.joined().max() ?? 0
        return grid.map { row in
            let total = row.reduce(0, +)
            return row.map { cellCount -> (text: String, intensity: Double) in
                switch mode {
                case .counts:
                    return (formatCount(cellCount), largest > 0 ? Double(cellCount) / Double(largest) : 0)
                case .rowPercent:
                    guard total > 0 else { return ("-", 0) }
                    let fraction = Double(cellCount) / Double(total)
                    return (formatFixed(fraction * 100, decimals: 0), fraction)
                }
            }
        }
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        let classes = labels.count
        guard classes > 0, area.width > 4, area.height > 1 else { return }
        let ellipsis = theme.symbols.ellipsis
        let corner = "true\\pred"
        let longestLabel = labels.map { TextWidth.of($0) }.max() ?? 0
        let headerWidth = min(max(longestLabel, TextWidth.of(corner)), max(3, area.width / 4))
        let values = cellValues()
        let widest = values.joined().map { TextWidth.of($0.text) }.max() ?? 1
        // Wide enough for labels when possible (up to 9), never narrower than the numbers + 1.
        let cellWidth = min(max(longestLabel + 1, widest + 2), 9, (area.width - headerWidth - 1) / classes)
        guard cellWidth >= widest + 1 else {
            buffer.set(x: area.x, y: area.y, string: "matrix needs more room", style: theme.muted,
                       maxWidth: area.width)
            return
        }
        let cornerText = TextWidth.pad(corner, toWidth: headerWidth, ellipsis: ellipsis)
        buffer.set(x: area.x, y: area.y, string: cornerText, style: theme.muted)
        let gridX = area.x + headerWidth + 1
        for column in 0..<classes {
            let label = TextWidth.pad(
                labels[column], toWidth: cellWidth - 1, alignment: .right, ellipsis: ellipsis
            )
            buffer.set(x: gridX + column * cellWidth, y: area.y, string: label, style: theme.title,
                       maxWidth: area.right - gridX - column * cellWidth)
        }
        for row in 0..<min(classes, area.height - 1) {
            let y = area.y + 1 + row
            let rowLabel = TextWidth.pad(labels[row], toWidth: headerWidth, ellipsis: ellipsis)
            buffer.set(x: area.x, y: y, string: rowLabel, style: theme.title)
            for column in 0..<classes {
                let (text, intensity) = values[row][column]
                let style = cellStyle(intensity: intensity, diagonal: row == column)
                let x = gridX + column * cellWidth
                let cellRect = Rect(x: x, y: y, width: min(cellWidth - 1, area.right - x), height: 1)
                buffer.fill(cellRect, style: style)
                buffer.set(x: x, y: y, string: TextWidth.pad(text, toWidth: cellWidth - 1, alignment: .right),
                           style: style, maxWidth: area.right - x)
            }
        }
    }

    private func cellStyle(intensity: Double, diagonal: Bool) -> Style {
        guard theme.capabilities.hasColor else {
            return Style(bold: diagonal, reverse: intensity >= 0.5)
        }
        let hue = diagonal ? theme.good : theme.bad
        let background = Color.gray(28).blended(with: hue, fraction: 0.15 + 0.85 * intensity)
        let foreground: Color = intensity > 0.55 ? .gray(10) : .gray(225)
        return Style(foreground: foreground, background: background, bold: diagonal)
    }
}
