/// Horizontal bars with sub-cell precision, shared by the bar widgets.
enum BarPainter {
    /// Draws a bar covering `fraction` (clamped to 0…1) of `width` cells from (`x`, `y`). With
    /// Unicode the last cell is a partial block (eighths); in ASCII cells are whole `#`. The rest of
    /// the width gets `track` when given.
    static func draw(
        fraction: Double, x: Int, y: Int, width: Int, style: Style,
        track: (scalar: Unicode.Scalar, style: Style)?, symbols: Symbols, into buffer: inout Buffer
    ) {
        guard width > 0 else { return }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = Int((clamped * Double(width) * 8).rounded())
        let fullCells: Int
        var partial: Unicode.Scalar?
        if symbols.isUnicode {
            fullCells = eighths / 8
            if eighths % 8 > 0 { partial = symbols.horizontalEighths[eighths % 8] }
        } else {
            fullCells = Int((clamped * Double(width)).rounded())
        }
        let full = symbols.horizontalEighths[8]
        buffer.fill(Rect(x: x, y: y, width: fullCells, height: 1), scalar: full, style: style)
        var used = fullCells
        if let partial, used < width {
            buffer.set(x: x + used, y: y, scalar: partial, style: style)
            used += 1
        }
        if let track, used < width {
            buffer.fill(Rect(x: x + used, y: y, width: width - used, height: 1), scalar: track.scalar,
                        style: track.style)
        }
    }
}

/// One row of "label  ████▌   value": the layout shared by `ProbabilityBars` and `BarChart`.
struct LabeledBarRow {
    var label: String
    var fraction: Double
    var valueText: String
    var labelStyle: Style
    var barStyle: Style
    var valueStyle: Style
    var marked: Bool

    /// Draws rows top to bottom in `area`, with columns sized to the widest label and value.
    static func draw(_ rows: [LabeledBarRow], area: Rect, pointer: Unicode.Scalar?, symbols: Symbols,
                     into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let pointerWidth = pointer == nil ? 0 : 2
        let labelWidth = min(rows.map { TextWidth.of($0.label) }.max() ?? 0, max(1, area.width / 3))
        let valueWidth = rows.map { TextWidth.of($0.valueText) }.max() ?? 0
        let barWidth = area.width - pointerWidth - labelWidth - valueWidth - 2
        for (index, row) in rows.prefix(area.height).enumerated() {
            let y = area.y + index
            var x = area.x
            if let pointer, row.marked { buffer.set(x: x, y: y, scalar: pointer, style: row.labelStyle) }
            x += pointerWidth
            let label = TextWidth.pad(row.label, toWidth: labelWidth, ellipsis: symbols.ellipsis)
            buffer.set(x: x, y: y, string: label, style: row.labelStyle, maxWidth: area.right - x)
            x += labelWidth + 1
            if barWidth >= 1 {
                BarPainter.draw(fraction: row.fraction, x: x, y: y, width: barWidth, style: row.barStyle,
                                track: nil, symbols: symbols, into: &buffer)
                x += barWidth + 1
            }
            let value = TextWidth.pad(row.valueText, toWidth: valueWidth, alignment: .right)
            buffer.set(x: x, y: y, string: value, style: row.valueStyle, maxWidth: area.right - x)
        }
    }
}
