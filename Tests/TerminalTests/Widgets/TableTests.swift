import Testing
@testable import Terminal

@Suite struct TableStateTests {
    @Test func aScreenRowMapsToTheDisplayedRowUnderIt() {
        let area = Rect(x: 2, y: 5, width: 20, height: 4)  // header at 5, rows at 6…8
        let top = TableState(selectedRow: 0)
        #expect(Table.displayedRow(atY: 6, area: area, state: top, rowCount: 10) == 0)
        #expect(Table.displayedRow(atY: 8, area: area, state: top, rowCount: 10) == 2)
        #expect(Table.displayedRow(atY: 5, area: area, state: top, rowCount: 10) == nil, "the header")
        #expect(Table.displayedRow(atY: 9, area: area, state: top, rowCount: 10) == nil, "below the table")
        #expect(Table.displayedRow(atY: 8, area: area, state: top, rowCount: 2) == nil, "below the last row")
        let scrolled = TableState(selectedRow: 9)
        #expect(Table.displayedRow(atY: 6, area: area, state: scrolled, rowCount: 10) == 7,
                "the rows scrolled so that the selection shows")
    }

    let rows = [["b", "10", "87.5%"], ["a", "9", "2,431"], ["C", "100", "n/a"], ["a", "9", "12"]]

    @Test func sortsNumbersNumericallyAndTextCaseInsensitively() {
        var state = TableState(sortColumn: 1)
        #expect(state.displayOrder(of: rows) == [1, 3, 0, 2])
        state.toggleSort(column: 1)
        #expect(!state.sortAscending)
        #expect(state.displayOrder(of: rows) == [2, 0, 1, 3])
        state.toggleSort(column: 0)
        #expect(state.sortAscending && state.sortColumn == 0)
        #expect(state.displayOrder(of: rows) == [1, 3, 0, 2])
        // Numbers (with separators and units) before text.
        let third = TableState(sortColumn: 2).displayOrder(of: rows)
        #expect(third == [3, 0, 1, 2])
        #expect(TableState().displayOrder(of: rows) == [0, 1, 2, 3])
        // A sort column beyond short rows treats missing cells as empty.
        #expect(TableState(sortColumn: 7).displayOrder(of: rows) == [0, 1, 2, 3])
    }

    @Test func leadingNumbersAreParsed() {
        #expect(SortKey.leadingNumber("2,431 img/s") == 2431)
        #expect(SortKey.leadingNumber("87.3%") == 87.3)
        #expect(SortKey.leadingNumber("0.41 ± 0.02") == 0.41)
        #expect(SortKey.leadingNumber("-3") == -3)
        #expect(SortKey.leadingNumber("fold-3") == nil)
    }

    @Test func selectionMovesAndClamps() {
        var state = TableState()
        state.moveSelection(by: 1, rowCount: 5)
        #expect(state.selectedRow == 0)
        state.moveSelection(by: 10, rowCount: 5)
        #expect(state.selectedRow == 4)
        state.moveSelection(by: -2, rowCount: 5)
        #expect(state.selectedRow == 2)
        state.selectFirst(rowCount: 5)
        #expect(state.selectedRow == 0)
        state.selectLast(rowCount: 0)
        #expect(state.selectedRow == nil)
        state.moveSelection(by: -1, rowCount: 3)
        #expect(state.selectedRow == 2)
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var state = TableState(selectedRow: 0)
        #expect(state.visibleOffset(visibleRows: 5, rowCount: 20) == 0)
        state.selectedRow = 7
        #expect(state.visibleOffset(visibleRows: 5, rowCount: 20) == 3)
        state.scrollToSelection(visibleRows: 5, rowCount: 20)
        state.selectedRow = 5
        // Still visible from offset 3: no jump.
        #expect(state.visibleOffset(visibleRows: 5, rowCount: 20) == 3)
        state.selectedRow = 1
        #expect(state.visibleOffset(visibleRows: 5, rowCount: 20) == 1)
        // An offset past the end is pulled back so the last page is full.
        #expect(TableState(offset: 50).visibleOffset(visibleRows: 5, rowCount: 20) == 15)
    }

    @Test func renderShowsSortArrowAndHighlightsTheSelectedRow() {
        let theme = Theme(capabilities: Capabilities(colorMode: .monochrome, unicode: true))
        let columns = [
            TableColumn("Name", width: .length(6)),
            TableColumn("Count", width: .length(6), alignment: .right),
        ]
        let state = TableState(selectedRow: 3, sortColumn: 1, sortAscending: false)
        let rows = (1...10).map { ["row\($0)", "\($0)"] }
        let table = Table(columns: columns, rows: rows, state: state, theme: theme)
        let buffer = rendered(table, size: Size(width: 13, height: 3))
        #expect(buffer.lines == ["Name   Cou… ▼", "row8        8", "row7        7"])
        #expect(buffer.cell(x: 0, y: 2)?.style.reverse == true)
        #expect(buffer.cell(x: 0, y: 1)?.style.reverse == false)
        let empty = Table(columns: columns, rows: [], emptyMessage: "no runs yet", theme: theme)
        #expect(rendered(empty, size: Size(width: 13, height: 2)).lines[1] == "no runs yet  ")
    }
}
