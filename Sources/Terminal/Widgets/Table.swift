/// A column of a `Table`.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// Width as a layout constraint (e.g. `.length(8)`, `.fill(1)`); columns are one cell apart.
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Rows of text under a header, with a highlighted selection, sorting (indicator ▲/▼ on the sorted
/// column) and scrolling that keeps the selection visible.
public struct Table: Widget {
    public var columns: [TableColumn]
    /// Row cells in data order; missing cells are blank, extra cells are ignored.
    public var rows: [[String]]
    public var state: TableState
    /// Shown under the header when there are no rows.
    public var emptyMessage: String
    public var theme: Theme

    public init(columns: [TableColumn], rows: [[String]], state: TableState = TableState(),
                emptyMessage: String = "", theme: Theme) {
        self.columns = columns
        self.rows = rows
        self.state = state
        self.emptyMessage = emptyMessage
        self.theme = theme
    }

    /// Rows of data that fit in `area` under the header.
    public static func visibleRowCount(in area: Rect) -> Int {
        max(0, area.height - 1)
    }

    /// The displayed row (as `TableState.selectedRow` counts) drawn at screen row `y` when the
    /// table is rendered in `area`; nil for the header and below the last row.
    public static func displayedRow(atY y: Int, area: Rect, state: TableState, rowCount: Int) -> Int? {
        let body = area.inset(top: 1)
        guard y >= body.y, y < body.bottom else { return nil }
        let row = state.visibleOffset(visibleRows: body.height, rowCount: rowCount) + y - body.y
        return row < rowCount ? row : nil
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        let columnRects = area.columns(columns.map(\.width), spacing: 1)
        let ellipsis = theme.symbols.ellipsis
        let headerStyle = theme.title.patched(with: Style(underline: true))
        for (index, column) in columns.enumerated() {
            let rect = columnRects[index]
            var title = column.title
            if state.sortColumn == index, rect.width >= 3 {
                // The arrow always shows; the title gives way.
                let arrow = state.sortAscending ? theme.symbols.sortAscending : theme.symbols.sortDescending
                let shortened = TextWidth.truncate(title, toWidth: rect.width - 2, ellipsis: ellipsis)
                title = shortened + " " + String(arrow)
            }
            let text = TextWidth.pad(
                title, toWidth: rect.width, alignment: column.alignment, ellipsis: ellipsis
            )
            buffer.set(x: rect.x, y: area.y, string: text, style: headerStyle)
        }
        let body = area.inset(top: 1)
        guard !body.isEmpty else { return }
        if rows.isEmpty {
            buffer.set(x: body.x, y: body.y, string: emptyMessage, style: theme.muted, maxWidth: body.width)
            return
        }
        let order = state.displayOrder(of: rows)
        let first = state.visibleOffset(visibleRows: body.height, rowCount: rows.count)
        for line in 0..<min(body.height, rows.count - first) {
            let displayRow = first + line
            let cells = rows[order[displayRow]]
            let y = body.y + line
            let isSelected = state.selectedRow == displayRow
            let style = isSelected ? theme.highlight : theme.text
            if isSelected { buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style) }
            for (index, column) in columns.enumerated() {
                let rect = columnRects[index]
                let cell = cells.indices.contains(index) ? cells[index] : ""
                let text = TextWidth.pad(cell, toWidth: rect.width, alignment: column.alignment,
                                         ellipsis: ellipsis)
                buffer.set(x: rect.x, y: y, string: text, style: style)
            }
        }
    }
}
