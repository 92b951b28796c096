/// A grid of cells that widgets draw into and backends copy to the screen.
///
/// Storage is one flat array of small value-type cells (no `String` or `Character` per cell), so a
/// full-screen frame is cheap to render, compare and throw away. Everything written is clipped to
/// the buffer: out-of-range coordinates are ignored rather than trapping.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A blank buffer; negative sizes are treated as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public init(size: Size) {
        self.init(width: size.width, height: size.height)
    }

    public var size: Size { Size(width: width, height: height) }
    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position, or nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Writes one scalar at a position (ignored outside the buffer). Zero-width scalars are ignored;
    /// control characters become `?`. Returns the column after it.
    @discardableResult
    public mutating func set(x: Int, y: Int, scalar: Unicode.Scalar, style: Style = .plain) -> Int {
        let columns = TextWidth.of(scalar)
        guard columns > 0 else { return x }
        guard y >= 0, y < height, x >= 0, x + columns <= width else {
            if y >= 0, y < height, x >= 0, x < width { put(" ", columns: 1, style: style, x: x, y: y) }
            return x + columns
        }
        put(Buffer.printable(scalar), columns: columns, style: style, x: x, y: y)
        return x + columns
    }

    /// Writes `string` from (`x`, `y`) to the right, clipped to the buffer and to `maxWidth` columns.
    /// A wide character that would be cut in half becomes a space. Returns the column after the
    /// last column written (or reached, when text starts left of the buffer).
    @discardableResult
    public mutating func set(
        x: Int, y: Int, string: String, style: Style = .plain, maxWidth: Int = Int.max
    ) -> Int {
        guard y >= 0, y < height, maxWidth > 0 else { return x }
        let limit = maxWidth >= width - x ? width : x + maxWidth
        var column = x
        for scalar in string.unicodeScalars {
            let columns = TextWidth.of(scalar)
            if columns == 0 { continue }
            if column + columns > limit {
                if column >= 0, column < limit { put(" ", columns: 1, style: style, x: column, y: y) }
                break
            }
            if column >= 0 {
                put(Buffer.printable(scalar), columns: columns, style: style, x: column, y: y)
            } else if column + columns > 0 {
                put(" ", columns: 1, style: style, x: 0, y: y)
            }
            column += columns
        }
        return column
    }

    /// Lays `style` over every cell of `rect` (see `Style.patched(with:)`), keeping the text.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let clipped = rect.intersection(area)
        for row in clipped.y..<clipped.bottom {
            let start = row * width
            for column in clipped.x..<clipped.right {
                cells[start + column].style = cells[start + column].style.patched(with: style)
            }
        }
    }

    /// Sets every cell of `rect` to `scalar` in `style`.
    public mutating func fill(_ rect: Rect, scalar: Unicode.Scalar = " ", style: Style = .plain) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        if TextWidth.of(scalar) != 1 {
            fill(rect, scalar: " ", style: style)
            return
        }
        let cell = Cell(Buffer.printable(scalar), style: style)
        for row in clipped.y..<clipped.bottom {
            repairWideNeighbours(x: clipped.x, y: row)
            repairWideNeighbours(x: clipped.right - 1, y: row)
            let start = row * width
            for column in clipped.x..<clipped.right { cells[start + column] = cell }
        }
    }

    /// Blanks `rect` (spaces in the default style).
    public mutating func clear(_ rect: Rect) {
        fill(rect)
    }

    /// Copies `other` into this buffer with its top-left corner at (`x`, `y`), clipped.
    public mutating func paste(_ other: Buffer, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width {
                let cell = other.cells[row * other.width + column]
                if cell.isContinuation { continue }
                set(x: x + column, y: y + row, scalar: cell.scalar, style: cell.style)
            }
        }
    }

    /// Plain text of each row (continuation halves of wide characters left out), for snapshots and
    /// plain-mode output.
    public var lines: [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * 3)
        return (0..<height).map { row in
            bytes.removeAll(keepingCapacity: true)
            let start = row * width
            for column in 0..<width where !cells[start + column].isContinuation {
                UTF8.encode(cells[start + column].scalar) { bytes.append($0) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Cells that differ from `previous`, in row-major order; every cell when the sizes differ.
    /// Continuation halves are never listed: drawing the wide character covers them.
    public func diff(from previous: Buffer) -> [CellChange] {
        var changes: [CellChange] = []
        let sameSize = previous.width == width && previous.height == height
        for index in cells.indices {
            let cell = cells[index]
            if cell.isContinuation { continue }
            if sameSize && previous.cells[index] == cell { continue }
            changes.append(CellChange(x: index % width, y: index / width, cell: cell))
        }
        return changes
    }

    // MARK: - Internals

    /// Stores a scalar known to fit, keeping wide characters whole: a wide character that gets
    /// partly overwritten turns its other half into a space.
    private mutating func put(_ scalar: Unicode.Scalar, columns: Int, style: Style, x: Int, y: Int) {
        repairWideNeighbours(x: x, y: y)
        let index = y * width + x
        if columns == 2 {
            repairWideNeighbours(x: x + 1, y: y)
            cells[index] = Cell(scalar, style: style, width: 2)
            cells[index + 1] = Cell(" ", style: style, width: 0)
        } else {
            cells[index] = Cell(scalar, style: style, width: 1)
        }
    }

    /// Before (`x`, `y`) is overwritten: if it is half of a wide character, blank the other half.
    private mutating func repairWideNeighbours(x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let index = y * width + x
        let cell = cells[index]
        if cell.width == 0, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
            cells[index] = Cell(" ", style: cell.style)
        } else if cell.width == 2, x + 1 < width {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }

    /// Control characters would move the terminal's cursor; show them as `?` (tab as a space).
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value == 0x09 { return " " }
        if value < 0x20 || (0x7F...0x9F).contains(value) { return "?" }
        return scalar
    }
}

/// One cell that a backend must redraw.
public struct CellChange: Hashable, Sendable {
    public let x: Int
    public let y: Int
    public let cell: Cell
}
