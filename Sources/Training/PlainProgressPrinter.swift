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
            return [Self.line(fold)]
        case let .batchProgress(progress):
            if let last = lastProgressLine, progress.elapsedSeconds - last < progressInterval { return [] }
            lastProgressLine = progress.elapsedSeconds
            return [Self.line(progress)]
        case let .epochFinished(finished):
            return [Self.line(finished)]
        case let .foldFinished(result):
            let best = result.best
            return ["Fold \(result.fold) best: epoch \(best.epoch)"
                + " - val_loss: \(Self.score(best.validationLoss))"
                + " - val_accuracy: \(Self.score(best.validationAccuracy))"
                + (result.stoppedEarly ? " (stopped early after \(result.epochsRun) epochs)" : "")]
        case .paused:
            return ["Paused."]
        case .resumed:
            return ["Resumed."]
        case let .warning(message):
            return ["Warning: \(message)"]
        case let .notice(message):
            return [message]
        case let .runFinished(summary):
            return Self.lines(summary)
        case let .runCancelled(cancelled):
            let duration = Formatting.duration(cancelled.elapsedSeconds)
            return ["Cancelled at \(cancelled.position) after \(duration);"
                + " saved \(cancelled.resumeCheckpoint). Resume the run folder \(cancelled.runDirectory)"
                + " to continue."]
        case let .error(error):
            return ["Error: \(error.description)"]
        case .validationConfusion, .checkpointSaved, .newBest:
            return []
        }
    }

    /// A loss or accuracy as Keras prints it.
    private static func score(_ value: Double) -> String { Formatting.fixed(value, 4) }

    private static func count(_ value: Int) -> String { Formatting.grouped(value) }

    private static func lines(_ started: RunStarted) -> [String] {
        let config = started.config, data = started.dataset
        let folds = (config.folds ?? Array(1 ... config.foldCount)).map(String.init).joined(separator: ",")
        let heldOut = config.poolTest
            ? "test pooled into the folds" : "\(count(data.testCount)) held out for test"
        let skipped = data.skippedFiles > 0 ? "; \(count(data.skippedFiles)) files skipped" : ""
        let rate = Formatting.learningRate(Double(config.optimizer.learningRate))
        let splitting = config.stratified ? "stratified" : "plain KFold"
        let directory = started.runDirectory
        return [
            started.resumedAt.map { "Resuming run \(directory) at \($0)" } ?? "Run \(directory)",
            "Model \(started.modelName): \(count(started.parameterCount)) parameters;"
                + " BLAS \(started.blasKernel), \(started.workerCount) threads",
            "Data: \(count(data.sampleCount)) images, \(data.classNames.count) classes (\(data.layout));"
                + " K-fold pool \(count(data.poolClassCounts.reduce(0, +))), \(heldOut)\(skipped)",
            "Training: folds \(folds) of \(config.foldCount) (\(splitting)), \(config.epochs) epochs,"
                + " batch \(config.batchSize), \(config.optimizer.kind.rawValue) lr \(rate),"
                + " augmentation \(config.augmentation.isIdentity ? "off" : "on")" + distilling(config),
        ]
    }

    /// ", distilling from TEACHER (weight W)" when the run has a teacher.
    private static func distilling(_ config: TrainingConfig) -> String {
        guard let distillation = config.distillation else { return "" }
        let weight = Formatting.fixed(Double(distillation.weight), 2)
        return ", distilling from \(distillation.teacher) (weight \(weight))"
    }

    private static func line(_ fold: FoldStarted) -> String {
        let place = fold.foldsInRun > 1 ? " (\(fold.foldIndex) of \(fold.foldsInRun) in this run)" : ""
        return "Fold \(fold.fold)/\(fold.foldCount)\(place): \(count(fold.trainCount)) training,"
            + " \(count(fold.validationCount)) validation images, \(fold.batchesPerEpoch) batches per epoch"
            + (fold.startEpoch > 1 ? ", resuming at epoch \(fold.startEpoch)" : "")
    }

    private static func line(_ progress: BatchProgress) -> String {
        var line = "  epoch \(progress.epoch)/\(progress.epochs) - \(progress.batch)/\(progress.batchCount)"
            + " - loss: \(score(progress.loss)) - accuracy: \(score(progress.accuracy))"
            + " - \(count(Int(progress.imagesPerSecond.rounded()))) img/s"
        if let fold = progress.foldETASeconds { line += " - fold ETA \(Formatting.duration(fold))" }
        if let run = progress.runETASeconds { line += " - run ETA \(Formatting.duration(run))" }
        return line
    }

    private static func line(_ finished: EpochFinished) -> String {
        let metrics = finished.metrics
        return "Epoch \(metrics.epoch)/\(finished.epochs) - \(Formatting.duration(metrics.seconds))"
            + " - loss: \(score(metrics.loss)) - accuracy: \(score(metrics.accuracy))"
            + " - val_loss: \(score(metrics.validationLoss))"
            + " - val_accuracy: \(score(metrics.validationAccuracy))"
            + " - lr: \(Formatting.learningRate(metrics.learningRate))"
            + " - \(count(Int(metrics.imagesPerSecond.rounded()))) img/s"
            + (finished.isBest ? " (best)" : "")
    }

    private static func lines(_ summary: RunSummary) -> [String] {
        let folds = summary.folds.count
        var lines = ["Finished in \(Formatting.duration(summary.seconds)): val_accuracy"
            + " \(summary.validationAccuracy) over \(folds) fold\(folds == 1 ? "" : "s")"]
        if let test = summary.testAccuracy, let ensemble = summary.ensembleTest {
            lines.append("Test accuracy: \(test) per fold; ensemble of \(folds): \(score(ensemble.accuracy))"
                + " on \(count(ensemble.sampleCount)) images")
        }
        lines.append("Summary: \(summary.runDirectory)/summary.json")
        return lines
    }
}
