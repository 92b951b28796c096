import Engine
import Foundation
@testable import Training

/// Small real checkpoints (a one-layer model) for the file actions and the run catalog.
enum TestCheckpoints {
    static let spec = ModelSpec(name: "tiny", inputShape: [48, 48, 1],
                                layers: [.flatten, .dense(units: 7, activation: .linear)],
                                classNames: ["angry", "disgust", "fear", "happy", "neutral", "sad",
                                             "surprise"])

    /// Writes a checkpoint with optimizer state, as training's epoch checkpoints are.
    static func write(to path: String) throws {
        let model = try Model(spec: spec, seed: 3)
        let optimizer = Adam()
        var metadata = CheckpointMetadata(spec: spec)
        metadata.metrics = ["val_accuracy": 0.5, "epoch": 2]
        try Checkpoint(model: model, metadata: metadata, optimizer: (optimizer, .kerasAdam))
            .write(to: URL(fileURLWithPath: path))
    }

    /// A run folder like training writes: config, metrics, two folds with epoch and best files.
    static func writeRun(in folder: TemporaryFolder, name: String, finished: Bool) throws {
        var config = TrainingConfig.seedRecipe.withEpochs(3)
        config.preset = "tiny"
        config.foldCount = 2
        try folder.write(try json(config), to: "\(name)/config.json")
        var rows: [EpochMetrics] = []
        for fold in 1...2 {
            for epoch in 1...3 {
                rows.append(EpochMetrics(fold: fold, epoch: epoch, loss: 2.0 - 0.3 * Double(epoch), accuracy: 0.4,
                                         validationLoss: 1.5,
                                         validationAccuracy: [0.3, 0.5, 0.4][epoch - 1] + 0.01 * Double(fold),
                                         learningRate: 0.001, imagesPerSecond: 900, seconds: 4))
            }
            try write(to: try folder.file("\(name)/fold-\(fold)/best.safetensors"))
            for epoch in 2...3 {
                try write(to: try folder.file("\(name)/fold-\(fold)/epoch-\(epoch).safetensors"))
            }
        }
        try folder.write(MetricsLog.csv(rows), to: "\(name)/metrics.csv")
        try folder.write(try MetricsLog.jsonLines(rows), to: "\(name)/metrics.jsonl")
        if finished {
            try folder.write(try json(summary(of: rows, run: name)), to: "\(name)/summary.json")
        } else {
            try write(to: try folder.file("\(name)/resume.safetensors"))
        }
    }

    /// The summary training writes for `rows`: each fold's best epoch and their mean.
    private static func summary(of rows: [EpochMetrics], run: String) -> RunSummary {
        let report = EvaluationReport(confusionMatrix: ConfusionMatrix(classNames: spec.classNames))
        let folds = Dictionary(grouping: rows, by: \.fold).sorted { $0.key < $1.key }.compactMap { fold, rows in
            EpochMetrics.best(of: rows).map {
                FoldResult(fold: fold, epochsRun: rows.count, stoppedEarly: false, best: $0,
                           bestCheckpoint: "fold-\(fold)/best.safetensors", validation: report)
            }
        }
        return RunSummary(runDirectory: run, modelName: "tiny", classNames: spec.classNames, folds: folds,
                          validationAccuracy: MeanDeviation(folds.map(\.best.validationAccuracy)),
                          validationLoss: MeanDeviation(folds.map(\.best.validationLoss)),
                          pooledValidation: report, testAccuracy: nil, ensembleTest: nil, seconds: 24)
    }

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
