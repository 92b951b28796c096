/// A grid of braille cells, each holding 2×4 dots, for high-resolution line plots.
///
/// Dot coordinates run from the top-left: `x` in `0..<dotWidth`, `y` in `0..<dotHeight`. Each cell
/// remembers the color of the last dot drawn into it. Without Unicode the cells are drawn as ASCII
/// strokes (`'`, `-`, `.`, `|`) chosen from which dot rows are set.
public struct BrailleCanvas: Sendable {
    public let columns: Int
    public let rows: Int
    private var bits: [UInt8]
    private var colors: [Color]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: .default, count: self.columns * self.rows)
    }

    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    /// Bit of the braille pattern (U+2800 + bits) for a dot within its cell.
    static func bit(dotX: Int, dotY: Int) -> UInt8 {
        // Dots 1–3 run down the left column, 4–6 down the right, 7 and 8 are the bottom row.
        let row = dotY & 3
        let right = dotX & 1 == 1
        if row == 3 { return right ? 0x80 : 0x40 }
        return UInt8(1) << UInt8(right ? row + 3 : row)
    }

    /// Sets one dot; dots outside the canvas are ignored.
    public mutating func setDot(x: Int, y: Int, color: Color = .default) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y >> 2) * columns + (x >> 1)
        bits[index] |= BrailleCanvas.bit(dotX: x, dotY: y)
        colors[index] = color
    }

    /// Draws a straight line of dots between two dot positions (Bresenham), clipped to the canvas.
    public mutating func drawLine(fromX: Int, fromY: Int, toX: Int, toY: Int, color: Color = .default) {
        var phase = 0
        drawLine(
            fromX: fromX, fromY: fromY, toX: toX, toY: toY, color: color, dashPattern: 0xFF, phase: &phase
        )
    }

    /// Draws a dashed line: the `n`-th dot along the line is set when bit `n % 8` of `dashPattern`
    /// is 1 (0xFF is solid). `phase` carries the dot count over, so consecutive segments of one
    /// series (each starting where the previous ended) continue the same dash rhythm.
    public mutating func drawLine(
        fromX: Int, fromY: Int, toX: Int, toY: Int, color: Color, dashPattern: UInt8, phase: inout Int
    ) {
        var x = fromX
        var y = fromY
        let deltaX = abs(toX - fromX)
        let deltaY = -abs(toY - fromY)
        let stepX = fromX < toX ? 1 : -1
        let stepY = fromY < toY ? 1 : -1
        var error = deltaX + deltaY
        while true {
            if dashPattern & (1 << UInt8(phase & 7)) != 0 { setDot(x: x, y: y, color: color) }
            if x == toX && y == toY { break }
            phase += 1
            let doubled = 2 * error
            if doubled >= deltaY {
                error += deltaY
                x += stepX
            }
            if doubled <= deltaX {
                error += deltaX
                y += stepY
            }
        }
    }

    /// The dot pattern of a cell (bit per dot, see `bit(dotX:dotY:)`); 0 outside the canvas.
    public func pattern(column: Int, row: Int) -> UInt8 {
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        return bits[row * columns + column]
    }

    /// The glyph for a cell: a braille character, or an ASCII stroke; nil when the cell is empty.
    public func glyph(column: Int, row: Int, unicode: Bool) -> Unicode.Scalar? {
        let dots = pattern(column: column, row: row)
        guard dots != 0 else { return nil }
        if unicode { return Unicode.Scalar(0x2800 + UInt32(dots)) }
        return BrailleCanvas.asciiStroke(dots)
    }

    /// An ASCII character that looks like the dot pattern: vertical runs become `|`, dots near the
    /// top `'`, in the middle `-`, near the bottom `.`.
    static func asciiStroke(_ dots: UInt8) -> Unicode.Scalar {
        var occupiedRows: [Int] = []
        for row in 0..<4 where dots & (bit(dotX: 0, dotY: row) | bit(dotX: 1, dotY: row)) != 0 {
            occupiedRows.append(row)
        }
        if occupiedRows.count >= 3 { return "|" }
        let mean = Double(occupiedRows.reduce(0, +)) / Double(max(1, occupiedRows.count))
        if mean < 1 { return "'" }
        if mean < 2.5 { return "-" }
        return "."
    }

    /// Draws the non-empty cells into `buffer` with the top-left cell at `origin`, each in its
    /// dot color over `baseStyle`. Empty cells are left untouched.
    public func render(into buffer: inout Buffer, x originX: Int, y originY: Int, unicode: Bool,
                       baseStyle: Style = .plain) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                guard bits[index] != 0, let glyph = glyph(column: column, row: row, unicode: unicode) else {
                    continue
                }
                buffer.set(x: originX + column, y: originY + row, scalar: glyph,
                           style: baseStyle.foreground(colors[index]))
            }
        }
    }
}
