import Terminal

/// Draws the picker: runs across the top, the selected run's folds and the selected fold's
/// checkpoints below, and the selected checkpoint's path on the last row.
struct CheckpointView: Widget {
    let screen: CheckpointScreen
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        switch screen.phase {
        case .scanning:
            LoadingView(title: "Reading \(screen.runsDirectory)", done: 0, total: 0, unit: "runs",
                        theme: theme)
                .render(area: area, into: &buffer)
        case .failed(let reason):
            FailureView(title: "Cannot list the runs", reason: reason, theme: theme)
                .render(area: area, into: &buffer)
        case .ready where screen.runs.isEmpty:
            let lines = [
                Line("No training runs in \(screen.runsDirectory) yet.", style: theme.title),
                Line(""),
                Line([Span("Train one with "), Span("fer train --data DIR", style: theme.key),
                      Span(", or pass "), Span("--runs DIR", style: theme.key), Span(".")]),
            ]
            Paragraph(lines, alignment: .center, theme: theme)
                .render(area: area.centered(width: area.width, height: lines.count), into: &buffer)
        case .ready:
            renderTables(in: area, into: &buffer)
        }
    }

    private func renderTables(in area: Rect, into buffer: inout Buffer) {
        let layout = CheckpointLayout(area: area, runCount: screen.runs.count)
        let (runArea, foldArea, checkpointArea, detailRow) = (layout.runs, layout.folds, layout.checkpoints,
                                                               layout.detail)
        let run = screen.selectedRun
        let fold = screen.selectedFold
        table(title: "Runs", pane: .runs, columns: CheckpointTables.runColumns,
              rows: CheckpointTables.runRows(screen.runs), state: screen.runTable, area: runArea,
              into: &buffer)
        table(title: "Folds", pane: .folds, columns: CheckpointTables.foldColumns,
              rows: CheckpointTables.foldRows(run?.folds ?? []), state: screen.foldTable, area: foldArea,
              into: &buffer)
        let checkpointTitle = "Checkpoints" + (fold.map { " \(theme.symbols.dash) fold \($0.fold)" } ?? "")
        table(title: checkpointTitle, pane: .checkpoints, columns: CheckpointTables.checkpointColumns,
              rows: CheckpointTables.checkpointRows(fold?.checkpoints ?? []), state: screen.checkpointTable,
              area: checkpointArea, into: &buffer)
        renderDetail(in: detailRow, into: &buffer)
    }

    private func table(title: String, pane: CheckpointScreen.Pane, columns: [TableColumn], rows: [[String]],
                       state: TableState, area: Rect, into buffer: inout Buffer) {
        let focused = screen.focus == pane
        let block = Block(title: Line(" \(title) ", style: focused ? theme.key : theme.title), rounded: true,
                          borderStyle: focused ? Style(foreground: theme.accent, bold: true) : nil,
                          theme: theme)
        block.render(area: area, into: &buffer)
        let inner = CheckpointLayout.tableArea(inFrame: area)
        Table(columns: columns, rows: rows, state: state, emptyMessage: "none",
              theme: focused ? theme : quietTheme)
            .render(area: inner, into: &buffer)
    }

    /// The theme for unfocused tables: their selection is shown muted instead of highlighted.
    private var quietTheme: Theme {
        var quiet = theme
        quiet.highlight = theme.capabilities.hasColor
            ? Style(foreground: .gray(230), background: .gray(60)) : Style(underline: true)
        return quiet
    }

    private func renderDetail(in row: Rect, into buffer: inout Buffer) {
        guard !row.isEmpty else { return }
        let line: Line
        if let checkpoint = screen.selectedCheckpoint, let path = checkpoint.path {
            line = Line([Span("Selected ", style: theme.muted), Span(path)])
        } else if screen.selectedCheckpoint != nil {
            line = Line("This epoch's checkpoint was pruned (training keeps the newest few and the best).",
                        style: theme.muted)
        } else {
            line = Line("No checkpoint selected.", style: theme.muted)
        }
        let fitted = TextLayout.truncate(line, width: row.width - 1, ellipsis: theme.symbols.ellipsis)
        buffer.set(x: row.x + 1, y: row.y, line: fitted, maxWidth: row.width - 1)
    }
}
