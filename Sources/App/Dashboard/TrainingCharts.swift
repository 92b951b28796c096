import Terminal
import Training

/// The dashboard's braille charts, built from fold histories.
enum TrainingCharts {
    /// Train and validation loss of one fold; the epoch in progress adds a live training point.
    static func loss(_ fold: FoldProgress, progress: BatchProgress?, theme: Theme) -> LineChart {
        let history = fold.history
        var train = history.map { ChartPoint(x: Double($0.epoch), y: $0.loss) }
        if let live = livePoint(fold, progress) { train.append(ChartPoint(x: live.x, y: live.loss)) }
        let series = [
            ChartSeries(name: "train", points: train, color: theme.seriesColor(0)),
            ChartSeries(name: "val",
                        points: history.map { ChartPoint(x: Double($0.epoch), y: $0.validationLoss) },
                        color: theme.seriesColor(1), best: .minimum),
        ]
        return LineChart(series: series, xRange: xRange(fold), xTitle: "epoch", theme: theme)
    }

    /// Train and validation accuracy of one fold, the best validation epoch marked.
    static func accuracy(_ fold: FoldProgress, progress: BatchProgress?, theme: Theme) -> LineChart {
        let history = fold.history
        var train = history.map { ChartPoint(x: Double($0.epoch), y: $0.accuracy) }
        if let live = livePoint(fold, progress) { train.append(ChartPoint(x: live.x, y: live.accuracy)) }
        let series = [
            ChartSeries(name: "train", points: train, color: theme.seriesColor(0)),
            ChartSeries(name: "val", points: history.map {
                ChartPoint(x: Double($0.epoch), y: $0.validationAccuracy)
            }, color: theme.seriesColor(1), best: .maximum),
        ]
        return LineChart(series: series, xRange: xRange(fold), yFormat: .percent(decimals: 0),
                         xTitle: "epoch",
                         theme: theme)
    }

    /// One metric of every fold overlaid, one color per fold.
    static func overlay(_ folds: [FoldProgress], metric: KeyPath<EpochMetrics, Double>,
                        best: ChartSeries.Best,
                        format: ValueFormat, theme: Theme) -> LineChart {
        let series = folds.enumerated().map { index, fold in
            ChartSeries(name: "fold \(fold.fold)",
                        points: fold.history.map { ChartPoint(x: Double($0.epoch), y: $0[keyPath: metric]) },
                        color: theme.seriesColor(index), best: best)
        }
        let epochs = max(2, folds.map(\.epochs).max() ?? 2)
        return LineChart(series: series, xRange: 1...Double(epochs), yFormat: format, xTitle: "epoch",
                         theme: theme)
    }

    /// The x axis spans the fold's planned epochs, so the curve grows to the right.
    private static func xRange(_ fold: FoldProgress) -> ClosedRange<Double> {
        1...Double(max(2, fold.epochs))
    }

    /// The running loss and accuracy of the epoch in progress, placed between epochs.
    private static func livePoint(_ fold: FoldProgress, _ progress: BatchProgress?)
        -> (x: Double, loss: Double, accuracy: Double)? {
        guard let progress, progress.fold == fold.fold, progress.batchCount > 0, progress.batch > 0,
              progress.epoch > (fold.history.last?.epoch ?? 0) else {
            return nil
        }
        let x = Double(progress.epoch - 1) + Double(progress.batch) / Double(progress.batchCount)
        return x >= 1 ? (x, progress.loss, progress.accuracy) : nil
    }
}
