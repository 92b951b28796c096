import Foundation

/// Rows of cells as plain-text lines with aligned columns, for line output (`--plain`, pipes).
public enum TextColumns {
    /// Pads columns to a common width; the last cell of short rows (messages) runs on freely.
    public static func aligned(_ rows: [[String]]) -> [String] {
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows where row.count == columnCount {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1
                    ? cell
                    : cell.padding(toLength: max(widths[column], cell.count), withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
