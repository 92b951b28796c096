import Dataset
import Engine
import Foundation

/// Trains one fold: its epochs of shuffled (and augmented) batches, a validation pass after
/// each, checkpoints, and the resumable position when cancelled. Lives on the training thread.
final class FoldTrainer {
    enum Outcome {
        case finished(FoldResult)
        case cancelled(RunCancelled)
    }

    private let session: RunSession
    private let fold: Fold
    private let foldIndex: Int
    private let model: Model
    private let optimizer: Optimizer
    private let trainingLoss: SoftmaxCrossEntropy
    private let validationLoss: SoftmaxCrossEntropy
    private var scheduler: LearningRateScheduler
    private let batchCount: Int
    private let batches: BatchAssembler
    /// This fold's finished epochs.
    private var history: [EpochMetrics] = []
    /// The best epoch's validation report.
    private var bestValidation: EvaluationReport?
    /// Where training starts: 0-based epoch, batches done in it, and its sums so far.
    private var startEpoch = 0
    private var startBatch = 0
    private var startSums: PartialEpoch?
    private var lastProgress: ContinuousClock.Instant?

    private var plan: TrainingPlan { session.plan }
    private var config: TrainingConfig { session.plan.config }

    init(session: RunSession, fold: Fold, foldIndex: Int, resume: ResumeSource?) throws(TrainingError) {
        self.session = session
        self.fold = fold
        self.foldIndex = foldIndex
        let plan = session.plan, config = session.plan.config
        do {
            model = try Model(spec: plan.spec, seed: plan.modelSeed(fold: fold.number))
        } catch {
            throw .model(error)
        }
        optimizer = config.optimizer.makeOptimizer()
        trainingLoss = SoftmaxCrossEntropy(
            labelSmoothing: config.labelSmoothing, classWeights: plan.classWeights(fold: fold),
            teacherWeight: config.distillation?.weight ?? 0
        )
        validationLoss = SoftmaxCrossEntropy(labelSmoothing: config.labelSmoothing)
        scheduler = LearningRateScheduler(schedule: config.schedule, baseRate: config.optimizer.learningRate)
        batchCount = plan.batchCount(fold: fold)
        let seed = plan.augmentationSeed(fold: fold.number)
        batches = BatchAssembler(dataset: plan.dataset, augmentation: config.augmentation, seed: seed)
        if let resume { try restore(resume) }
    }

    /// Continues from a resume checkpoint: weights, optimizer, dropout generators, the fold's
    /// history (replayed into the learning-rate scheduler) and the position.
    private func restore(_ resume: ResumeSource) throws(TrainingError) {
        let source = session.folder.resumeCheckpoint.path
        do {
            try resume.checkpoint.restore(into: model, source: source)
            try resume.checkpoint.restoreTraining(model: model, optimizer: optimizer, source: source)
        } catch {
            throw .checkpoint(error)
        }
        let state = resume.state
        history = state.history.filter { $0.fold == fold.number }
        for metrics in history { scheduler.observe(validationLoss: Float(metrics.validationLoss)) }
        bestValidation = state.bestValidation
        startEpoch = state.position.epoch - 1
        startBatch = state.position.batch
        startSums = state.partialEpoch
        guard history.count == startEpoch, (0 ..< max(batchCount, 1)).contains(startBatch),
              history.isEmpty || bestValidation != nil
        else {
            throw .cannotResume(path: session.folder.url.path, reason: "its saved position"
                + " (\(state.position)) does not match its history of \(history.count) epochs")
        }
    }

    /// The best epoch so far.
    private var best: EpochMetrics? { EpochMetrics.best(of: history) }

    /// True when validation accuracy has not improved for `earlyStoppingPatience` epochs.
    private var shouldStopEarly: Bool {
        guard let patience = config.earlyStoppingPatience, let best else { return false }
        return history.count - best.epoch >= patience
    }

    func run() throws(TrainingError) -> Outcome {
        session.emit(.foldStarted(FoldStarted(
            fold: fold.number, foldIndex: foldIndex, foldsInRun: plan.folds.folds.count,
            foldCount: config.foldCount, trainCount: fold.trainIndices.count,
            validationCount: fold.validationIndices.count, epochs: config.epochs, batchesPerEpoch: batchCount,
            startEpoch: startEpoch + 1
        )))
        var stoppedEarly = false
        for epoch in startEpoch ..< max(config.epochs, startEpoch) {
            if shouldStopEarly {
                stoppedEarly = true
                break
            }
            if let cancelled = try trainEpoch(epoch) { return .cancelled(cancelled) }
        }
        guard let best, let bestValidation else {
            throw .cannotResume(
                path: session.folder.url.path, reason: "fold \(fold.number) has no finished epoch"
            )
        }
        let title = "FOLD \(fold.number) VALIDATION, EPOCH \(best.epoch)"
        session.writePlot(session.folder.confusionPlot(fold: fold.number)) { file throws in
            try RunPlots.writeConfusion(bestValidation.confusionMatrix, title: title, to: file)
        }
        return .finished(FoldResult(
            fold: fold.number, epochsRun: history.count, stoppedEarly: stoppedEarly, best: best,
            bestCheckpoint: session.folder.relativePath(session.folder.bestCheckpoint(fold: fold.number)),
            validation: bestValidation, testAccuracy: nil
        ))
    }

    /// Trains and validates one 0-based epoch; returns the cancellation when cancelled.
    private func trainEpoch(_ epoch: Int) throws(TrainingError) -> RunCancelled? {
        let order = plan.trainingOrder(fold: fold, epoch: epoch)
        let firstBatch = epoch == startEpoch ? startBatch : 0
        var sums = (epoch == startEpoch ? startSums : nil) ?? PartialEpoch()
        let carriedSeconds = sums.seconds
        let epochStart = session.now
        var pausedSeconds: Double = 0
        var activeSeconds: Double { carriedSeconds + session.seconds(since: epochStart) - pausedSeconds }

        for batch in firstBatch ..< batchCount {
            let waitStart = session.now
            var paused = false
            let stop = session.control.shouldStop(
                onPause: {
                    paused = true
                    session.emit(.paused)
                },
                onResume: { session.emit(.resumed) }
            )
            if paused {
                let waited = session.seconds(since: waitStart)
                pausedSeconds += waited
                session.recordPause(seconds: waited)
            }
            if stop {
                sums.seconds = activeSeconds
                let position = TrainingPosition(fold: fold.number, epoch: epoch + 1, batch: batch)
                return try cancel(at: position, sums: sums)
            }
            try trainBatch(batch, epoch: epoch, order: order, sums: &sums)
            reportProgress(epoch: epoch, batch: batch + 1, sums: sums)
        }

        let validationStart = session.now
        let validation = Validation.evaluate(
            model, indices: fold.validationIndices, batchSize: config.evaluationBatchSize ?? config.batchSize,
            batches: batches, loss: validationLoss
        )
        let validationSeconds = session.seconds(since: validationStart)
        session.eta.recordValidation(images: fold.validationIndices.count, seconds: validationSeconds)
        guard validation.loss.isFinite else {
            throw .diverged(
                fold: fold.number, epoch: epoch + 1, batch: batchCount, loss: validation.loss,
                learningRate: sums.learningRate
            )
        }
        let metrics = EpochMetrics(
            fold: fold.number, epoch: epoch + 1, loss: sums.meanLoss, accuracy: sums.accuracy,
            validationLoss: validation.loss, validationAccuracy: validation.report.accuracy,
            learningRate: sums.learningRate, imagesPerSecond: sums.imagesPerSecond, seconds: activeSeconds
        )
        try finishEpoch(metrics, validation: validation.report)
        return nil
    }

    /// One optimisation step on batch `batch` of `order`.
    private func trainBatch(
        _ batch: Int, epoch: Int, order: [Int], sums: inout PartialEpoch
    ) throws(TrainingError) {
        let stepStart = session.now
        let rate = scheduler.rate(epoch: epoch, progress: Double(batch) / Double(batchCount))
        let range = batch * config.batchSize ..< min((batch + 1) * config.batchSize, order.count)
        batches.fill(order[range], augmentationEpoch: epoch)
        model.zeroGradients()
        let logits = model.forward(batches.input, training: true)
        let teacher = session.teacher?.rows(order[range]) ?? []
        let loss = trainingLoss.forward(logits, labels: batches.labels, teacher: teacher)
        guard loss.isFinite else {
            throw .diverged(
                fold: fold.number, epoch: epoch + 1, batch: batch + 1, loss: Double(loss),
                learningRate: Formatting.double(rate)
            )
        }
        sums.correct += zip(batches.predictions(logits), batches.labels).filter { $0 == $1 }.count
        model.backward(trainingLoss.backward())
        optimizer.step(model.parameters, learningRate: rate)
        let stepSeconds = session.seconds(since: stepStart)
        sums.lossSum += Double(loss) * Double(range.count)
        sums.seen += range.count
        sums.trainingSeconds += stepSeconds
        sums.learningRate = Formatting.double(rate)
        session.eta.recordTraining(images: range.count, seconds: stepSeconds)
    }

    /// Records a finished epoch: metrics files, checkpoints, resume point, plot, then events.
    private func finishEpoch(_ metrics: EpochMetrics, validation: EvaluationReport) throws(TrainingError) {
        let previousBest = best
        scheduler.observe(validationLoss: Float(metrics.validationLoss))
        history.append(metrics)
        session.history.append(metrics)
        let isBest = previousBest.map { metrics.validationAccuracy > $0.validationAccuracy } ?? true
        if isBest { bestValidation = validation }
        let bestEpoch = isBest ? metrics.epoch : previousBest?.epoch ?? metrics.epoch
        try session.writeMetrics()
        let saved = try session.store.saveEpoch(model: model, metrics: metrics, bestEpoch: bestEpoch)
        let position = TrainingPosition(fold: fold.number, epoch: metrics.epoch + 1, batch: 0)
        let resumeFile = try session.store.saveResume(
            model: model, optimizer: optimizer, state: resumeState(position, nil)
        )
        session.writePlot(session.folder.curvesPlot(fold: fold.number)) { file throws in
            try RunPlots.writeCurves(history, fold: fold.number, to: file)
        }
        let eta = session.remainingSeconds(
            fold: fold, epoch: metrics.epoch, trainingLeftInEpoch: 0, validatedThisEpoch: true
        )
        session.emit(.epochFinished(EpochFinished(
            metrics: metrics, epochs: config.epochs, isBest: isBest, bestEpoch: bestEpoch,
            bestValidationAccuracy: max(metrics.validationAccuracy, previousBest?.validationAccuracy ?? 0),
            elapsedSeconds: session.elapsedSeconds, foldETASeconds: eta.fold, runETASeconds: eta.run
        )))
        session.emit(.validationConfusion(
            fold: fold.number, epoch: metrics.epoch, matrix: validation.confusionMatrix
        ))
        for checkpoint in saved { session.emit(.checkpointSaved(checkpoint)) }
        if isBest {
            session.emit(.newBest(NewBest(
                fold: fold.number, epoch: metrics.epoch, validationAccuracy: metrics.validationAccuracy,
                previousValidationAccuracy: previousBest?.validationAccuracy,
                path: session.folder.bestCheckpoint(fold: fold.number).path
            )))
        }
        session.emit(.checkpointSaved(CheckpointSaved(
            fold: fold.number, epoch: metrics.epoch, path: resumeFile.path, kind: .resume
        )))
    }

    /// Saves the resumable checkpoint at `position` and describes the cancellation.
    private func cancel(
        at position: TrainingPosition, sums: PartialEpoch
    ) throws(TrainingError) -> RunCancelled {
        let file = try session.store.saveResume(
            model: model, optimizer: optimizer, state: resumeState(position, position.batch > 0 ? sums : nil)
        )
        session.emit(.checkpointSaved(CheckpointSaved(
            fold: fold.number, epoch: position.epoch, path: file.path, kind: .resume
        )))
        return RunCancelled(
            runDirectory: session.folder.url.path, resumeCheckpoint: file.path, position: position,
            elapsedSeconds: session.elapsedSeconds
        )
    }

    private func resumeState(_ position: TrainingPosition, _ sums: PartialEpoch?) -> ResumeState {
        ResumeState(
            position: position, partialEpoch: sums, history: session.history,
            completedFolds: session.completedFolds, bestValidation: bestValidation,
            elapsedSeconds: session.elapsedSeconds,
            dataFingerprint: plan.dataFingerprint
        )
    }

    /// Emits batch progress at most every `progressInterval` seconds.
    private func reportProgress(epoch: Int, batch: Int, sums: PartialEpoch) {
        guard batch < batchCount else { return }
        if let lastProgress, session.seconds(since: lastProgress) < session.progressInterval { return }
        lastProgress = session.now
        let trainingLeft = fold.trainIndices.count - sums.seen
        let eta = session.remainingSeconds(
            fold: fold, epoch: epoch + 1, trainingLeftInEpoch: trainingLeft, validatedThisEpoch: false
        )
        session.emit(.batchProgress(BatchProgress(
            fold: fold.number, epoch: epoch + 1, epochs: config.epochs, batch: batch, batchCount: batchCount,
            loss: sums.meanLoss, accuracy: sums.accuracy, learningRate: sums.learningRate,
            imagesPerSecond: sums.imagesPerSecond, elapsedSeconds: session.elapsedSeconds,
            foldETASeconds: eta.fold, runETASeconds: eta.run
        )))
    }
}
