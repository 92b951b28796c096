import Dataset
import Engine
import Foundation

/// What a session needs, gathered on the caller's thread (all values, so it can cross to
/// the training queue).
struct SessionSetup: Sendable {
    let plan: TrainingPlan
    let folder: RunFolder
    let progressInterval: Double
    let datasetPath: String?
    let skippedFiles: Int
    let resume: ResumeSource?
}

/// A resume checkpoint and its trainer state.
struct ResumeSource: Sendable {
    let checkpoint: Checkpoint
    let state: ResumeState
}

/// One session of a run, on the training queue: trains the folds not done yet, then
/// evaluates on the test split and writes the summary. Lives on one thread only.
final class RunSession {
    let plan: TrainingPlan
    let folder: RunFolder
    let store: CheckpointStore
    let control: RunControl
    let emitter: EventEmitter
    let progressInterval: Double
    /// Every finished epoch of every fold, in training order.
    var history: [EpochMetrics]
    var completedFolds: [FoldResult]
    var eta = ETAEstimator()
    /// The teacher's probabilities when the run distils from one (predicted in `start`).
    private(set) var teacher: TeacherTargets?
    private let setup: SessionSetup
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let elapsedBefore: Double
    private var pausedSeconds: Double = 0

    init(setup: SessionSetup, control: RunControl, sink: @escaping @Sendable (TrainingEvent) -> Void) {
        self.setup = setup
        plan = setup.plan
        folder = setup.folder
        store = CheckpointStore(folder: setup.folder, config: setup.plan.config)
        self.control = control
        emitter = EventEmitter(folder: setup.folder, sink: sink)
        progressInterval = setup.progressInterval
        history = setup.resume?.state.history ?? []
        completedFolds = setup.resume?.state.completedFolds ?? []
        elapsedBefore = setup.resume?.state.elapsedSeconds ?? 0
        started = clock.now
    }

    var config: TrainingConfig { plan.config }

    func emit(_ event: TrainingEvent) { emitter.emit(event) }

    /// Seconds since `instant`.
    func seconds(since instant: ContinuousClock.Instant) -> Double {
        let duration = clock.now - instant
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    var now: ContinuousClock.Instant { clock.now }

    /// Active training seconds of the run, all sessions, pauses excluded.
    var elapsedSeconds: Double { elapsedBefore + seconds(since: started) - pausedSeconds }

    func recordPause(seconds: Double) { pausedSeconds += seconds }

    /// Runs the remaining folds and finishes; emits the terminal event.
    func run() -> TrainingOutcome {
        do {
            try start()
            for (index, fold) in plan.folds.folds.enumerated()
            where !completedFolds.contains(where: { $0.fold == fold.number }) {
                let resume = setup.resume.flatMap { $0.state.position.fold == fold.number ? $0 : nil }
                let trainer = try FoldTrainer(session: self, fold: fold, foldIndex: index + 1, resume: resume)
                switch try trainer.run() {
                case let .finished(result):
                    completedFolds.append(result)
                    emit(.foldFinished(result))
                case let .cancelled(cancelled):
                    emit(.runCancelled(cancelled))
                    return .cancelled(cancelled)
                }
            }
            let summary = try finish()
            emit(.runFinished(summary))
            return .finished(summary)
        } catch {
            emit(.error(error))
            return .failed(error)
        }
    }

    private func start() throws(TrainingError) {
        let model: Model
        do {
            model = try Model(spec: plan.spec)
        } catch {
            throw .model(error)
        }
        let resumedAt = setup.resume?.state.position
        emit(.runStarted(RunStarted(
            runDirectory: folder.url.path, config: config,
            dataset: plan.datasetSummary(path: setup.datasetPath, skippedFiles: setup.skippedFiles),
            modelName: plan.spec.name, parameterCount: model.parameterCount, blasKernel: BLAS.kernelName,
            workerCount: Parallel.workerCount, resumedAt: resumedAt, history: history,
            completedFolds: completedFolds
        )))
        if let distillation = config.distillation {
            emit(.notice("Teacher \(distillation.teacher): predicting the K-fold pool's faces once..."))
            let targets = try TeacherTargets(distillation, plan: plan)
            let faces = Formatting.grouped(targets.faceCount), seconds = Formatting.fixed(targets.seconds, 1)
            emit(.notice("Teacher \(distillation.teacher) predicted \(faces) faces in \(seconds) s"))
            teacher = targets
        }
        guard resumedAt == nil else { return }
        if config.poolTest, !plan.dataset.heldOutIndices.isEmpty {
            emit(.warning("the test split is pooled into the folds (the seed tutorial's protocol): no test "
                + "accuracy will be measured, and validation scores are not comparable with held-out runs"))
        }
        let pool = (plan.folds.folds.first.map { $0.trainIndices + $0.validationIndices }) ?? []
        let counts = plan.dataset.classCounts(of: pool)
        let empty = zip(plan.dataset.classNames, counts).filter { $0.1 == 0 }.map(\.0)
        if !empty.isEmpty {
            emit(.warning("classes \(empty.joined(separator: ", ")) have no training samples"))
        }
    }

    /// Rewrites `metrics.csv` and `metrics.jsonl` from the history.
    func writeMetrics() throws(TrainingError) {
        try folder.write(Data(MetricsLog.csv(history).utf8), to: folder.metricsCSVFile)
        let lines: String
        do {
            lines = try MetricsLog.jsonLines(history)
        } catch {
            throw .io(path: folder.metricsJSONLinesFile.path, reason: "cannot encode metrics (\(error))")
        }
        try folder.write(Data(lines.utf8), to: folder.metricsJSONLinesFile)
    }

    /// Estimated seconds left in `fold` and in the run, in (1-based) `epoch` with
    /// `trainingLeftInEpoch` images still to train; nil before anything was timed.
    func remainingSeconds(
        fold: Fold, epoch: Int, trainingLeftInEpoch: Int, validatedThisEpoch: Bool
    ) -> (fold: Double?, run: Double?) {
        let laterEpochs = config.epochs - epoch
        let foldSeconds = eta.seconds(
            trainingImages: trainingLeftInEpoch + laterEpochs * fold.trainIndices.count,
            validationImages: (laterEpochs + (validatedThisEpoch ? 0 : 1)) * fold.validationIndices.count
        )
        let later = plan.folds.folds.filter { $0.number > fold.number }
        let laterSeconds = eta.seconds(
            trainingImages: later.reduce(0) { $0 + $1.trainIndices.count } * config.epochs,
            validationImages: later.reduce(0) { $0 + $1.validationIndices.count } * config.epochs
        )
        return (foldSeconds, foldSeconds.flatMap { fold in laterSeconds.map { fold + $0 } })
    }

    /// Scores the folds' best models on the test split, writes `summary.json` and the
    /// confusion heat map, and removes the resume checkpoint (the run is complete).
    private func finish() throws(TrainingError) -> RunSummary {
        var folds = completedFolds.sorted { $0.fold < $1.fold }
        var testAccuracy: MeanDeviation?
        var ensembleTest: EvaluationReport?
        let testIndices = plan.folds.testIndices
        if !testIndices.isEmpty, !folds.isEmpty {
            let checkpoints = folds.map { folder.bestCheckpoint(fold: $0.fold).path }
            let reports = try Evaluator.evaluateMembers(
                .ensemble(folder: folder.url.path, checkpoints: checkpoints), dataset: plan.dataset,
                indices: testIndices
            )
            for index in folds.indices { folds[index].testAccuracy = reports.members[index].accuracy }
            testAccuracy = MeanDeviation(reports.members.map(\.accuracy))
            ensembleTest = reports.ensemble
        }
        var pooled = ConfusionMatrix(classNames: plan.dataset.classNames)
        var pooledLoss: Double = 0
        for fold in folds {
            pooled.add(fold.validation.confusionMatrix)
            pooledLoss += (fold.validation.loss ?? 0) * Double(fold.validation.sampleCount)
        }
        let summary = RunSummary(
            runDirectory: folder.url.path, modelName: plan.spec.name, classNames: plan.dataset.classNames,
            folds: folds, validationAccuracy: MeanDeviation(folds.map(\.best.validationAccuracy)),
            validationLoss: MeanDeviation(folds.map(\.best.validationLoss)),
            pooledValidation: EvaluationReport(
                confusionMatrix: pooled, loss: pooled.total > 0 ? pooledLoss / Double(pooled.total) : nil
            ),
            testAccuracy: testAccuracy, ensembleTest: ensembleTest, seconds: elapsedSeconds
        )
        try folder.writeJSON(summary, to: folder.summaryFile)
        let title = ensembleTest != nil ? "ENSEMBLE ON TEST" : "POOLED VALIDATION"
        writePlot(folder.confusionPlot) { file throws in
            let matrix = (ensembleTest ?? summary.pooledValidation).confusionMatrix
            try RunPlots.writeConfusion(matrix, title: title, to: file)
        }
        try? FileManager.default.removeItem(at: folder.resumeCheckpoint)
        return summary
    }

    /// Draws a plot; a failure is a warning, not the end of the run.
    func writePlot(_ file: URL, _ draw: (URL) throws -> Void) {
        do {
            try draw(file)
        } catch {
            emit(.warning("could not draw \(folder.relativePath(file)): \(error)"))
        }
    }
}
