import Engine
@testable import Training

/// Fixed training events for a 3-fold, 6-epoch run of the seed model, so dashboard tests and
/// snapshots do not depend on timing.
enum TestTraining {
    static let classNames = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]
    static let epochs = 6
    static let runDirectory = "runs/20260315-142501-seed"

    static var config: TrainingConfig {
        var config = TrainingConfig.seedRecipe.withEpochs(epochs)
        config.foldCount = 3
        return config
    }

    static func started() -> TrainingEvent {
        let dataset = DatasetSummary(
            path: "/data/fer2013", layout: "splitFolders", sampleCount: 35_887, classNames: classNames,
            poolClassCounts: [3995, 436, 4097, 7215, 4965, 4830, 3171], testCount: 7178, skippedFiles: 0,
            folds: (1...3).map { FoldSize(fold: $0, trainCount: 19_139, validationCount: 9570) })
        return .runStarted(RunStarted(
            runDirectory: runDirectory, config: config, dataset: dataset, modelName: "seed",
            parameterCount: 355_847, blasKernel: "SkylakeX", workerCount: 2, resumedAt: nil))
    }

    static func foldStarted(_ fold: Int) -> TrainingEvent {
        .foldStarted(FoldStarted(fold: fold, foldIndex: fold, foldsInRun: 3, foldCount: 3, trainCount: 19_139,
                                 validationCount: 9570, epochs: epochs, batchesPerEpoch: 300, startEpoch: 1))
    }

    /// Scores that improve with the epoch, a little differently per fold.
    static func metrics(fold: Int, epoch: Int) -> EpochMetrics {
        let e = Double(epoch), f = Double(fold)
        return EpochMetrics(
            fold: fold, epoch: epoch, loss: 1.8 - 0.16 * e + 0.01 * f, accuracy: 0.25 + 0.06 * e,
            validationLoss: 1.7 - 0.1 * e + 0.012 * e * e + 0.02 * f,
            validationAccuracy: 0.28 + 0.045 * e - 0.004 * e * e
                + 0.005 * f, learningRate: 1e-3, imagesPerSecond: 2431, seconds: 12)
    }

    static func epochFinished(fold: Int, epoch: Int) -> TrainingEvent {
        let best = bestEpoch(fold: fold, through: epoch)
        return .epochFinished(EpochFinished(
            metrics: metrics(fold: fold, epoch: epoch), epochs: epochs, isBest: best == epoch,
            bestEpoch: best,
            bestValidationAccuracy: metrics(fold: fold, epoch: best).validationAccuracy,
            elapsedSeconds: 12 * e(epoch),
            foldETASeconds: 12 * Double(epochs - epoch),
            runETASeconds: 12 * Double(epochs - epoch + (3 - fold) * epochs)))
    }

    private static func e(_ value: Int) -> Double { Double(value) }

    static func bestEpoch(fold: Int, through epoch: Int) -> Int {
        (1...epoch).max { metrics(fold: fold, epoch: $0).validationAccuracy < metrics(fold: fold,
            epoch: $1).validationAccuracy }
            ?? 1
    }

    static func confusion() -> ConfusionMatrix {
        let counts = (0..<7).map { row in
            (0..<7).map { column in row == column ? 40 + 5 * row : (row + column) % 4 }
        }
        return (try? ConfusionMatrix(classNames: classNames,
                                     counts: counts)) ?? ConfusionMatrix(classNames: classNames)
    }

    static func foldResult(_ fold: Int) -> FoldResult {
        let best = bestEpoch(fold: fold, through: epochs)
        return FoldResult(fold: fold, epochsRun: epochs, stoppedEarly: false,
                          best: metrics(fold: fold, epoch: best),
                          bestCheckpoint: "fold-\(fold)/best.safetensors",
                          validation: EvaluationReport(confusionMatrix: confusion()), testAccuracy: nil)
    }

    static func progress(fold: Int, epoch: Int, batch: Int) -> TrainingEvent {
        .batchProgress(BatchProgress(
            fold: fold, epoch: epoch, epochs: epochs, batch: batch, batchCount: 300,
            loss: 1.8 - 0.16 * e(epoch),
            accuracy: 0.25 + 0.06 * e(epoch), learningRate: 1e-3, imagesPerSecond: 2431, elapsedSeconds: 40,
            foldETASeconds: 83, runETASeconds: 760))
    }

    /// Fold 1 done, fold 2 in epoch 4 at batch 120 of 300.
    static func midRun() -> [TrainingEvent] {
        var events = [started(), foldStarted(1)]
        for epoch in 1...epochs { events.append(epochFinished(fold: 1, epoch: epoch)) }
        events.append(.validationConfusion(fold: 1, epoch: epochs, matrix: confusion()))
        events.append(.foldFinished(foldResult(1)))
        events.append(foldStarted(2))
        for epoch in 1...3 { events.append(epochFinished(fold: 2, epoch: epoch)) }
        events.append(.validationConfusion(fold: 2, epoch: 3, matrix: confusion()))
        events.append(progress(fold: 2, epoch: 4, batch: 120))
        return events
    }

    /// The whole run, to its summary.
    static func finished() -> [TrainingEvent] {
        var events = [started()]
        for fold in 1...3 {
            events.append(foldStarted(fold))
            for epoch in 1...epochs { events.append(epochFinished(fold: fold, epoch: epoch)) }
            events.append(.validationConfusion(fold: fold, epoch: epochs, matrix: confusion()))
            events.append(.foldFinished(foldResult(fold)))
        }
        var results = (1...3).map(foldResult)
        for index in results.indices { results[index].testAccuracy = 0.52 + 0.01 * Double(index) }
        let report = EvaluationReport(confusionMatrix: confusion())
        events.append(.runFinished(RunSummary(
            runDirectory: runDirectory, modelName: "seed", classNames: classNames, folds: results,
            validationAccuracy: MeanDeviation(results.map(\.best.validationAccuracy)),
            validationLoss: MeanDeviation(results.map(\.best.validationLoss)), pooledValidation: report,
            testAccuracy: MeanDeviation(results.compactMap(\.testAccuracy)), ensembleTest: report,
            seconds: 216)))
        return events
    }
}
