/// Selection, scrolling and sorting of a `Table`, kept in app state between frames.
///
/// `selectedRow` and `offset` count rows in display order (after sorting); use
/// `displayOrder(of:)` to map a displayed row back to the data.
public struct TableState: Hashable, Sendable {
    public var selectedRow: Int?
    /// First displayed row.
    public var offset: Int
    /// Column the rows are sorted by; nil keeps the data order.
    public var sortColumn: Int?
    public var sortAscending: Bool

    public init(
        selectedRow: Int? = nil, offset: Int = 0, sortColumn: Int? = nil, sortAscending: Bool = true
    ) {
        self.selectedRow = selectedRow
        self.offset = offset
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
    }

    /// Moves the selection by `delta` rows (negative is up), clamped to the rows; selects the first
    /// row when nothing is selected.
    public mutating func moveSelection(by delta: Int, rowCount: Int) {
        guard rowCount > 0 else {
            selectedRow = nil
            return
        }
        let current = selectedRow ?? (delta >= 0 ? -1 : rowCount)
        selectedRow = min(rowCount - 1, max(0, current + delta))
    }

    /// Selects the first row (or none when there are no rows).
    public mutating func selectFirst(rowCount: Int) {
        selectedRow = rowCount > 0 ? 0 : nil
    }

    /// Selects the last row (or none when there are no rows).
    public mutating func selectLast(rowCount: Int) {
        selectedRow = rowCount > 0 ? rowCount - 1 : nil
    }

    /// Sorts by `column`: a new column sorts ascending, the current column flips direction.
    public mutating func toggleSort(column: Int) {
        if sortColumn == column {
            sortAscending.toggle()
        } else {
            sortColumn = column
            sortAscending = true
        }
    }

    /// The first row to show so that the selection is visible, starting from `offset` and moving it
    /// as little as possible.
    public func visibleOffset(visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var first = min(max(0, offset), max(0, rowCount - visibleRows))
        if let selectedRow {
            let selected = min(max(0, selectedRow), rowCount - 1)
            if selected < first { first = selected }
            if selected >= first + visibleRows { first = selected - visibleRows + 1 }
        }
        return first
    }

    /// Stores `visibleOffset(visibleRows:rowCount:)` so scrolling persists between frames.
    public mutating func scrollToSelection(visibleRows: Int, rowCount: Int) {
        offset = visibleOffset(visibleRows: visibleRows, rowCount: rowCount)
    }

    /// Data indices of `rows` in display order. Sorting is stable and number-aware: cells that
    /// start with a number ("0.873", "2,431", "87.3%", "0.41 ± 0.02") compare numerically and come
    /// before text, which compares case-insensitively.
    public func displayOrder(of rows: [[String]]) -> [Int] {
        let indices = Array(rows.indices)
        guard let sortColumn else { return indices }
        let keys = rows.map { row in SortKey(row.indices.contains(sortColumn) ? row[sortColumn] : "") }
        return indices.sorted { first, second in
            let order = SortKey.compare(keys[first], keys[second])
            if order == 0 { return first < second }
            return sortAscending ? order < 0 : order > 0
        }
    }
}

/// A table cell prepared for number-aware comparison.
struct SortKey {
    let number: Double?
    let text: String

    init(_ cell: String) {
        text = cell.lowercased()
        number = SortKey.leadingNumber(cell)
    }

    /// -1, 0 or 1 like a three-way comparison.
    static func compare(_ first: SortKey, _ second: SortKey) -> Int {
        switch (first.number, second.number) {
        case let (left?, right?): return left < right ? -1 : (left > right ? 1 : 0)
        case (.some, nil): return -1
        case (nil, .some): return 1
        case (nil, nil): return first.text < second.text ? -1 : (first.text > second.text ? 1 : 0)
        }
    }

    /// The number a cell starts with, ignoring thousands separators and leading spaces.
    static func leadingNumber(_ cell: String) -> Double? {
        var digits = ""
        for character in cell.drop(while: { $0 == " " }) {
            if character.isNumber || character == "." || character == "-" || character == "+"
                || character == "e" || character == "E" {
                digits.append(character)
            } else if character != "," {
                break
            }
        }
        while let last = digits.last, !last.isNumber { digits.removeLast() }
        return Double(digits)
    }
}
