import Terminal

/// Where the checkpoint picker draws its three tables and the detail row, for the view and for
/// mouse clicks.
struct CheckpointLayout {
    let runs: Rect
    let folds: Rect
    let checkpoints: Rect
    let detail: Rect

    init(area: Rect, runCount: Int) {
        let (tables, detailRow) = area.splitBottom(1)
        let runHeight = min(max(5, runCount + 3), max(5, tables.height * 2 / 5))
        let (runArea, lower) = tables.splitTop(runHeight)
        (folds, checkpoints) = lower.splitLeft(min(24, lower.width / 3))
        runs = runArea
        detail = detailRow
    }

    /// The bordered area of `pane`.
    func frame(of pane: CheckpointScreen.Pane) -> Rect {
        switch pane {
        case .runs: runs
        case .folds: folds
        case .checkpoints: checkpoints
        }
    }

    /// Where `pane`'s table is drawn inside its border.
    func table(of pane: CheckpointScreen.Pane) -> Rect {
        Self.tableArea(inFrame: frame(of: pane))
    }

    /// A table's area inside a rounded, titled block, one column in from the border.
    static func tableArea(inFrame frame: Rect) -> Rect {
        frame.inset(by: 1).inset(horizontal: 1, vertical: 0)
    }
}
