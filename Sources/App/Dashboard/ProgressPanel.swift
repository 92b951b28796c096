import Terminal
import Training

/// Where the run stands, worked out from the latest events: the numbers behind the progress bars.
struct ProgressFigures {
    /// 1-based epoch in progress (or the last one, when the fold is done).
    var epoch: Int
    var epochs: Int
    var epochFraction: Double
    var foldFraction: Double
    var runFraction: Double
    var foldPlace: Int
    var foldsInRun: Int
    var imagesPerSecond: Double?
    var foldETA: Double?
    var runETA: Double?
    /// The batch progress of the epoch now training, nil between epochs and after the fold.
    var activeProgress: BatchProgress?

    init(_ screen: DashboardScreen) {
        let fold = screen.folds.first { $0.fold == screen.currentFold }
        let epochs = max(1, fold?.epochs ?? screen.started?.config.epochs ?? 1)
        let completed = min(epochs, fold?.history.last?.epoch ?? 0)
        let progress = screen.progress.flatMap {
            $0.fold == screen.currentFold && $0.epoch > completed ? $0 : nil
        }
        let lastEpoch = screen.lastEpoch.flatMap { $0.metrics.fold == screen.currentFold ? $0 : nil }
        let foldDone = fold?.status == .finished || fold?.status == .stoppedEarly
        activeProgress = progress
        if let progress {
            epoch = progress.epoch
            epochFraction = progress.batchCount > 0 ? Double(progress.batch) / Double(progress.batchCount) : 0
        } else {
            epoch = min(completed + 1, epochs)
            epochFraction = completed >= epochs || foldDone ? 1 : 0
        }
        self.epochs = epochs
        let doneEpochs = progress.map { Double($0.epoch - 1) } ?? Double(completed)
        foldFraction = foldDone ? 1 : min(1,
            (doneEpochs + (progress == nil ? 0 : epochFraction)) / Double(epochs))
        let place = screen.foldPlace ?? (1, max(1, screen.folds.count))
        foldPlace = place.index
        foldsInRun = max(1, place.count)
        if case .finished = screen.phase {
            foldFraction = 1
            runFraction = 1
        } else {
            runFraction = min(1, (Double(place.index - 1) + foldFraction) / Double(foldsInRun))
        }
        imagesPerSecond = progress?.imagesPerSecond ?? lastEpoch?.metrics.imagesPerSecond
        foldETA = foldDone ? nil : progress?.foldETASeconds ?? lastEpoch?.foldETASeconds
        runETA = runFraction >= 1 ? nil : progress?.runETASeconds ?? screen.progress?.runETASeconds
            ?? screen.lastEpoch?.runETASeconds
    }
}

/// Three rows of progress: the fold (epochs, speed, fold ETA), the run (folds, run ETA) and the
/// epoch (batches, running loss and accuracy, learning rate).
struct ProgressPanel: Widget {
    let screen: DashboardScreen
    let theme: Theme

    static let height = 3

    func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let rows = area.rows([.length(1), .length(1), .length(1)])
        let figures = ProgressFigures(screen)
        let foldLabel = "Fold \(screen.currentFold ?? figures.foldPlace)"
        ProgressBar(label: pad(foldLabel), fraction: figures.foldFraction,
                    detail: "epoch \(figures.epoch)/\(figures.epochs)",
                    rate: figures.imagesPerSecond.map { formatRate($0, unit: "img") },
                    remainingSeconds: figures.foldETA, theme: theme)
            .render(area: rows[0], into: &buffer)
        ProgressBar(label: pad("Run"), fraction: figures.runFraction,
                    detail: "fold \(figures.foldPlace) of \(figures.foldsInRun)",
                    remainingSeconds: figures.runETA,
                    color: theme.seriesColor(2), theme: theme)
            .render(area: rows[1], into: &buffer)
        var detail = ""
        if let progress = figures.activeProgress {
            detail = "batch \(progress.batch)/\(progress.batchCount)"
                + "  loss \(formatFixed(progress.loss, decimals: 4))"
                + "  acc \(formatPercent(progress.accuracy))  lr \(formatLearningRate(progress.learningRate))"
        }
        ProgressBar(label: pad("Epoch \(figures.epoch)"), fraction: figures.epochFraction,
                    detail: detail.isEmpty ? nil : detail, color: theme.seriesColor(1), theme: theme)
            .render(area: rows[2], into: &buffer)
    }

    private func pad(_ label: String) -> String {
        TextWidth.pad(label, toWidth: 9)
    }
}
