/// Turns training events into the plain lines `fer train` prints when stdout is not a
/// terminal (or with `--plain`): one line per epoch as Keras's `verbose=2` does, a progress
/// line every `progressInterval` seconds of training, and a few lines at the start and end.
/// Also writes the run's `log.txt`. Holds no I/O: the caller prints the lines.
public struct PlainProgressPrinter: Sendable {
    /// Seconds of training between two progress lines (0: a line for every progress event).
    public var progressInterval: Double
    private var lastProgressLine: Double?

    public init(progressInterval: Double = 30) {
        self.progressInterval = progressInterval
    }

    /// The lines for one event (often none).
    public mutating func lines(for event: TrainingEvent) -> [String] {
        switch event {
        case let .runStarted(started):
            return Self.lines(started)
        case let .foldStarted(fold):
            lastProgressLine = nil
            let place = fold.foldsInRun > 1 ? " (\(fold.foldIndex) of \(fold.foldsInRun) in this run)" : ""
            return ["Fold \(fold.fold)/\(fold.foldCount)\(place): \(Formatting.grouped(fold.trainCount)) training, "
                + "\(Formatting.grouped(fold.validationCount)) validation images, \(fold.batchesPerEpoch) batches per epoch"
                + (fold.startEpoch > 1 ? ", resuming at epoch \(fold.startEpoch)" : "")]
        case let .batchProgress(progress):
            if let last = lastProgressLine, progress.elapsedSeconds - last < progressInterval { return [] }
            lastProgressLine = progress.elapsedSeconds
            return [Self.line(progress)]
        case let .epochFinished(finished):
            return [Self.line(finished)]
        case let .foldFinished(result):
            let best = result.best
            return ["Fold \(result.fold) best: epoch \(best.epoch) - val_loss: \(Formatting.fixed(best.validationLoss, 4))"
                + " - val_accuracy: \(Formatting.fixed(best.validationAccuracy, 4))"
                + (result.stoppedEarly ? " (stopped early after \(result.epochsRun) epochs)" : "")]
        case .paused:
            return ["Paused."]
        case .resumed:
            return ["Resumed."]
        case let .warning(message):
            return ["Warning: \(message)"]
        case let .runFinished(summary):
            return Self.lines(summary)
        case let .runCancelled(cancelled):
            return ["Cancelled at \(cancelled.position) after \(Formatting.duration(cancelled.elapsedSeconds)); "
                + "saved \(cancelled.resumeCheckpoint). Resume the run folder \(cancelled.runDirectory) to continue."]
        case let .error(error):
            return ["Error: \(error.description)"]
        case .validationConfusion, .checkpointSaved, .newBest:
            return []
        }
    }

    private static func lines(_ started: RunStarted) -> [String] {
        let config = started.config, data = started.dataset
        let folds = (config.folds ?? Array(1 ... config.foldCount)).map(String.init).joined(separator: ",")
        var lines = [started.resumedAt.map { "Resuming run \(started.runDirectory) at \($0)" }
            ?? "Run \(started.runDirectory)"]
        lines.append("Model \(started.modelName): \(Formatting.grouped(started.parameterCount)) parameters; BLAS "
            + "\(started.blasKernel), \(started.workerCount) threads")
        lines.append("Data: \(Formatting.grouped(data.sampleCount)) images, \(data.classNames.count) classes "
            + "(\(data.layout)); K-fold pool \(Formatting.grouped(data.poolClassCounts.reduce(0, +))), "
            + (config.poolTest ? "test pooled into the folds" : "\(Formatting.grouped(data.testCount)) held out for test")
            + (data.skippedFiles > 0 ? "; \(Formatting.grouped(data.skippedFiles)) files skipped" : ""))
        lines.append("Training: folds \(folds) of \(config.foldCount) (\(config.stratified ? "stratified" : "plain KFold")), "
            + "\(config.epochs) epochs, batch \(config.batchSize), \(config.optimizer.kind.rawValue) lr "
            + "\(Formatting.learningRate(Double(config.optimizer.learningRate))), augmentation "
            + (config.augmentation.isIdentity ? "off" : "on"))
        return lines
    }

    private static func line(_ progress: BatchProgress) -> String {
        var line = "  epoch \(progress.epoch)/\(progress.epochs) - \(progress.batch)/\(progress.batchCount)"
            + " - loss: \(Formatting.fixed(progress.loss, 4)) - accuracy: \(Formatting.fixed(progress.accuracy, 4))"
            + " - \(Formatting.grouped(Int(progress.imagesPerSecond.rounded()))) img/s"
        if let fold = progress.foldETASeconds { line += " - fold ETA \(Formatting.duration(fold))" }
        if let run = progress.runETASeconds { line += " - run ETA \(Formatting.duration(run))" }
        return line
    }

    private static func line(_ finished: EpochFinished) -> String {
        let metrics = finished.metrics
        return "Epoch \(metrics.epoch)/\(finished.epochs) - \(Formatting.duration(metrics.seconds))"
            + " - loss: \(Formatting.fixed(metrics.loss, 4)) - accuracy: \(Formatting.fixed(metrics.accuracy, 4))"
            + " - val_loss: \(Formatting.fixed(metrics.validationLoss, 4))"
            + " - val_accuracy: \(Formatting.fixed(metrics.validationAccuracy, 4))"
            + " - lr: \(Formatting.learningRate(metrics.learningRate))"
            + " - \(Formatting.grouped(Int(metrics.imagesPerSecond.rounded()))) img/s"
            + (finished.isBest ? " (best)" : "")
    }

    private static func lines(_ summary: RunSummary) -> [String] {
        var lines = ["Finished in \(Formatting.duration(summary.seconds)): val_accuracy \(summary.validationAccuracy)"
            + " over \(summary.folds.count) fold\(summary.folds.count == 1 ? "" : "s")"]
        if let test = summary.testAccuracy, let ensemble = summary.ensembleTest {
            lines.append("Test accuracy: \(test) per fold; ensemble of \(summary.folds.count): "
                + Formatting.fixed(ensemble.accuracy, 4) + " on \(Formatting.grouped(ensemble.sampleCount)) images")
        }
        lines.append("Summary: \(summary.runDirectory)/summary.json")
        return lines
    }
}
