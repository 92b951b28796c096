import Terminal

/// Where the browser's parts go in its body, and how big the face thumbnails are: the grid on
/// the left, the side panel (class counts, selected face) on the right. A pure function of the
/// area, so key handling (paging) and drawing agree.
struct BrowserLayout {
    let grid: Rect
    let side: Rect
    /// Thumbnail side in pixels (drawn as `thumbnail` columns × `thumbnail / 2` rows).
    let thumbnail: Int
    let columns: Int
    let rows: Int

    /// Thumbnail sizes tried, largest first.
    static let thumbnailSizes = [48, 32, 24, 16, 12, 8]
    /// The largest thumbnail size is chosen that still shows this many faces.
    static let preferredFacesPerPage = 12

    init(body: Rect) {
        let sideWidth = min(40, max(26, body.width * 36 / 100))
        let (gridArea, sideArea) = body.splitRight(sideWidth)
        grid = gridArea.inset(right: 1)
        side = sideArea
        var choice = (thumbnail: 8, columns: 0, rows: 0)
        var bestCount = -1
        for size in Self.thumbnailSizes {
            let columns = (grid.width + 1) / (size + 1)
            let rows = grid.height / (size / 2 + 1)
            let count = columns * rows
            if count >= Self.preferredFacesPerPage {
                choice = (size, columns, rows)
                break
            }
            if count > bestCount {
                bestCount = count
                choice = (size, columns, rows)
            }
        }
        thumbnail = choice.thumbnail
        columns = max(1, choice.columns)
        rows = max(1, choice.rows)
        // Centre the tiles in the grid area.
        let usedWidth = columns * (thumbnail + 1) - 1
        origin = (grid.x + max(0, grid.width - usedWidth) / 2, grid.y)
    }

    /// Top-left corner of the first tile.
    private let origin: (x: Int, y: Int)

    var pageSize: Int { columns * rows }
    var tileHeight: Int { thumbnail / 2 + 1 }

    /// Rows of the class-count panel at the top of a side panel `sideHeight` rows tall: a row per
    /// class and its border, at most half the panel.
    static func classPanelHeight(classCount: Int, sideHeight: Int) -> Int {
        min(classCount + 2, max(3, sideHeight / 2))
    }

    /// The class whose count row is at (`x`, `y`) in the side panel, nil elsewhere.
    func classIndex(atX x: Int, y: Int, classCount: Int) -> Int? {
        let panel = side.splitTop(Self.classPanelHeight(classCount: classCount, sideHeight: side.height)).top
        let rows = panel.inset(by: 1)
        guard rows.contains(x: x, y: y), y - rows.y < classCount else { return nil }
        return y - rows.y
    }

    /// The page slot of the tile at (`x`, `y`), nil between and outside the tiles.
    func slot(atX x: Int, y: Int) -> Int? {
        guard grid.contains(x: x, y: y) else { return nil }
        let column = (x - origin.x) / (thumbnail + 1), row = (y - origin.y) / tileHeight
        guard x >= origin.x, column < columns, row < rows else { return nil }
        let slot = row * columns + column
        return tile(slot).contains(x: x, y: y) ? slot : nil
    }

    /// The tile of the `slot`-th face on the page (row-major): image rows, then one label row.
    func tile(_ slot: Int) -> Rect {
        let column = slot % columns
        let row = slot / columns
        return Rect(x: origin.x + column * (thumbnail + 1), y: origin.y + row * tileHeight,
                    width: thumbnail, height: tileHeight)
    }
}
