import Terminal
import Training

/// The table of folds: state, epochs, best epoch and its scores, test accuracy when known, and
/// a last row with the mean ± standard deviation over the finished folds.
struct FoldTableView: Widget {
    let screen: DashboardScreen
    let theme: Theme

    static let columns = [
        TableColumn("Fold", width: .length(4), alignment: .right),
        TableColumn("State", width: .length(10)),
        TableColumn("Epochs", width: .length(6), alignment: .right),
        TableColumn("Best", width: .length(4), alignment: .right),
        TableColumn("Val acc", width: .length(7), alignment: .right),
        TableColumn("Val loss", width: .length(8), alignment: .right),
        TableColumn("Test acc", width: .length(8), alignment: .right),
    ]

    /// Rows the widget needs: header, folds, summary.
    static func height(folds: Int) -> Int { folds + 2 }

    func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let (tableArea, summaryRow) = area.splitBottom(1)
        let selected = screen.folds.firstIndex { $0.fold == screen.currentFold && $0.status == .training }
        Table(columns: Self.columns, rows: screen.folds.map(row), state: TableState(selectedRow: selected),
              emptyMessage: "waiting for the run to start", theme: theme)
            .render(area: tableArea, into: &buffer)
        renderSummary(in: summaryRow, into: &buffer)
    }

    private func row(_ fold: FoldProgress) -> [String] {
        let state: String
        switch fold.status {
        case .waiting: state = "waiting"
        case .training: state = screen.isPaused ? "paused" : "training"
        case .finished: state = "done"
        case .stoppedEarly: state = "early stop"
        }
        let done = fold.result?.epochsRun ?? fold.history.last?.epoch ?? 0
        return [
            String(fold.fold), state, "\(done)/\(fold.epochs)", fold.bestEpoch.map(String.init) ?? "-",
            fold.bestValidationAccuracy.map { formatPercent($0) } ?? "-",
            fold.bestValidationLoss.map { formatFixed($0, decimals: 4) } ?? "-",
            fold.result?.testAccuracy.map { formatPercent($0) } ?? "-",
        ]
    }

    private func renderSummary(in row: Rect, into buffer: inout Buffer) {
        let finished = screen.folds.compactMap { $0.result?.best.validationAccuracy }
        guard !finished.isEmpty, !row.isEmpty else { return }
        let plural = finished.count == 1 ? "" : "s"
        var text = "mean ± std over \(finished.count) fold\(plural): val acc "
            + Self.percentSpread(MeanDeviation(finished))
        if case .finished(let summary) = screen.phase, let test = summary.testAccuracy {
            text += " · test " + Self.percentSpread(test)
            if let ensemble = summary.ensembleTest {
                text += " · ensemble " + formatPercent(ensemble.accuracy, decimals: 2)
            }
        }
        buffer.set(x: row.x, y: row.y, string: text, style: Style(bold: true), maxWidth: row.width)
    }

    /// "41.60 ± 0.41%".
    static func percentSpread(_ spread: MeanDeviation) -> String {
        formatFixed(spread.mean * 100, decimals: 2) + " ± "
            + formatFixed(spread.standardDeviation * 100, decimals: 2) + "%"
    }
}
