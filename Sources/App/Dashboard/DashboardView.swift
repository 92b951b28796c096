import Terminal
import Training

/// Draws the dashboard in its current view (overview, all folds, details), or the loading and
/// failure states before a run exists.
struct DashboardView: Widget {
    let screen: DashboardScreen
    let theme: Theme

    func render(area: Rect, into buffer: inout Buffer) {
        switch screen.phase {
        case .loading(let done, let total):
            LoadingView(title: "Loading data for training (\(screen.request))", done: done, total: total,
                        unit: "files", theme: theme).render(area: area, into: &buffer)
            return
        case .failed(let reason) where screen.started == nil:
            FailureView(title: "Training could not start", reason: reason, theme: theme)
                .render(area: area, into: &buffer)
            return
        default:
            break
        }
        switch screen.view {
        case .overview: renderOverview(in: area, into: &buffer)
        case .folds: renderFolds(in: area, into: &buffer)
        case .details: renderDetails(in: area, into: &buffer)
        }
    }

    // MARK: - Views

    private func renderOverview(in area: Rect, into buffer: inout Buffer) {
        let showSide = area.width >= 112
        let (main, side) = showSide ? area.splitRight(min(56, area.width * 36 / 100)) : (area, Rect.zero)
        let (progressArea, rest) = main.splitTop(ProgressPanel.height + 1)
        let progressRows = progressArea.inset(horizontal: 1, vertical: 0).splitTop(ProgressPanel.height).top
        ProgressPanel(screen: screen, theme: theme).render(area: progressRows, into: &buffer)
        let tableHeight = min(FoldTableView.height(folds: screen.folds.count) + 2, max(4, rest.height / 2))
        // Without a side column the log shares the main column, when there is room for it.
        var chartHeight = rest.height - tableHeight
        if !showSide, chartHeight - 12 >= 4 { chartHeight = max(12, rest.height * 55 / 100) }
        let (chartArea, lower) = rest.splitTop(chartHeight)
        let (tableArea, logArea) = lower.splitTop(tableHeight)
        renderFoldCharts(in: chartArea, into: &buffer)
        let tableInner = frame("Folds", tableArea, into: &buffer)
        FoldTableView(screen: screen, theme: theme).render(area: tableInner, into: &buffer)
        if logArea.height >= 3 { renderLog(in: logArea, into: &buffer) }
        guard showSide else { return }
        let (factsArea, below) = side.splitTop(9)
        let factsInner = frame("Run", factsArea, into: &buffer)
        RunFactsView(screen: screen, theme: theme).render(area: factsInner, into: &buffer)
        let (confusionArea, sideLog) = below.splitTop(min(below.height, classCount + 3))
        renderConfusion(in: confusionArea, into: &buffer)
        if sideLog.height >= 3 { renderLog(in: sideLog, into: &buffer) }
    }

    private var classCount: Int { screen.started?.dataset.classNames.count ?? 7 }

    private func renderFolds(in area: Rect, into buffer: inout Buffer) {
        let tableHeight = min(FoldTableView.height(folds: screen.folds.count) + 2, max(4, area.height / 2))
        let (chartArea, tableArea) = area.splitBottom(tableHeight)
        let halves = chartArea.columns([.fill(1), .fill(1)])
        let accuracy = TrainingCharts.overlay(screen.folds, metric: \.validationAccuracy, best: .maximum,
                                              format: .percent(decimals: 0), theme: theme)
        let loss = TrainingCharts.overlay(screen.folds, metric: \.validationLoss, best: .minimum,
                                          format: .automatic, theme: theme)
        let leftInner = frame("Validation accuracy, all folds", halves[0], into: &buffer)
        accuracy.render(area: leftInner, into: &buffer)
        let rightInner = frame("Validation loss, all folds", halves[1], into: &buffer)
        loss.render(area: rightInner, into: &buffer)
        let tableInner = frame("Folds", tableArea, into: &buffer)
        FoldTableView(screen: screen, theme: theme).render(area: tableInner, into: &buffer)
    }

    private func renderDetails(in area: Rect, into buffer: inout Buffer) {
        let (band, logArea) = area.splitTop(min(area.height - 3, classCount + 3))
        let (confusionArea, factsArea) = band.splitLeft(band.width * 55 / 100)
        renderConfusion(in: confusionArea, into: &buffer)
        let factsInner = frame("Run", factsArea, into: &buffer)
        RunFactsView(screen: screen, theme: theme).render(area: factsInner, into: &buffer)
        renderLog(in: logArea, into: &buffer)
    }

    // MARK: - Parts

    private func renderFoldCharts(in area: Rect, into buffer: inout Buffer) {
        let fold = screen.folds.first { $0.fold == screen.currentFold } ?? screen.folds.first
        let halves = area.columns([.fill(1), .fill(1)])
        let name = fold.map { " \(theme.symbols.dash) fold \($0.fold)" } ?? ""
        guard let fold else {
            _ = frame("Loss", halves[0], into: &buffer)
            _ = frame("Accuracy", halves[1], into: &buffer)
            return
        }
        let loss = TrainingCharts.loss(fold, progress: screen.progress, theme: theme)
        let accuracy = TrainingCharts.accuracy(fold, progress: screen.progress, theme: theme)
        let leftInner = frame("Loss" + name, halves[0], into: &buffer)
        loss.render(area: leftInner, into: &buffer)
        let rightInner = frame("Accuracy" + name, halves[1], into: &buffer)
        accuracy.render(area: rightInner, into: &buffer)
    }

    private func renderConfusion(in area: Rect, into buffer: inout Buffer) {
        guard let confusion = screen.confusion else {
            let inner = frame("Confusion (validation)", area, into: &buffer)
            buffer.set(x: inner.x, y: inner.y, string: "after the first epoch", style: theme.muted,
                       maxWidth: inner.width)
            return
        }
        let title = "Confusion \(theme.symbols.dash) fold \(confusion.fold), epoch \(confusion.epoch)"
        let inner = frame(title, area, into: &buffer)
        let names = confusion.matrix.classNames
        ConfusionMatrixView(counts: confusion.matrix.counts, labels: Self.labels(names, width: inner.width),
                            theme: theme)
            .render(area: inner, into: &buffer)
    }

    private func renderLog(in area: Rect, into buffer: inout Buffer) {
        let title = screen.logScroll > 0 ? "Log (scrolled \(screen.logScroll) up, G for newest)" : "Log"
        let inner = frame(title, area, into: &buffer)
        LogView(entries: screen.log, scroll: screen.logScroll, theme: theme)
            .render(area: inner, into: &buffer)
    }

    /// Class names for a confusion matrix `width` columns wide: whole when every column fits its
    /// name, else their first three letters (when those are still unique).
    static func labels(_ names: [String], width: Int) -> [String] {
        let longest = names.map(\.count).max() ?? 0
        guard width < (longest + 1) * (names.count + 1) else { return names }
        let short = names.map { String($0.prefix(3)) }
        return Set(short).count == names.count ? short : names
    }

    /// Draws a rounded block titled `title` and returns its inside (one column of padding); an
    /// empty rectangle when the area is too small for a block.
    private func frame(_ title: String, _ area: Rect, into buffer: inout Buffer) -> Rect {
        guard area.height >= 2 else { return .zero }
        let block = Block(title: Line(" \(title) ", style: theme.title), rounded: true, theme: theme)
        block.render(area: area, into: &buffer)
        return block.inner(area).inset(horizontal: 1, vertical: 0)
    }
}
