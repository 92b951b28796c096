import Foundation

/// One fold's outcome: its best epoch (by validation accuracy) and that model's scores.
public struct FoldResult: Codable, Sendable, Equatable {
    public let fold: Int
    public let epochsRun: Int
    /// True when early stopping ended the fold before its last epoch.
    public let stoppedEarly: Bool
    /// Metrics of the best epoch.
    public let best: EpochMetrics
    /// The best model, relative to the run folder (`fold-1/best.safetensors`).
    public let bestCheckpoint: String
    /// The best model on the fold's validation part.
    public let validation: EvaluationReport
    /// The best model on the held-out test split; filled in the run summary when there is one.
    public var testAccuracy: Double?

    enum CodingKeys: String, CodingKey {
        case fold, best, validation
        case epochsRun = "epochs_run"
        case stoppedEarly = "stopped_early"
        case bestCheckpoint = "best_checkpoint"
        case testAccuracy = "test_accuracy"
    }
}

/// Mean and standard deviation of a score over folds.
public struct MeanDeviation: Codable, Sendable, Hashable, CustomStringConvertible {
    public let mean: Double
    /// Population standard deviation (NumPy's `np.std`, as cross-validation reports use).
    public let standardDeviation: Double
    public let values: [Double]

    public init(_ values: [Double]) {
        self.values = values
        let count = Double(max(values.count, 1))
        let mean = values.reduce(0, +) / count
        self.mean = mean
        standardDeviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
    }

    public var description: String {
        "\(Formatting.fixed(mean, 4)) ± \(Formatting.fixed(standardDeviation, 4))"
    }

    enum CodingKeys: String, CodingKey {
        case mean, values
        case standardDeviation = "std"
    }
}

/// The outcome of a whole run, written as `summary.json`.
public struct RunSummary: Codable, Sendable, Equatable {
    public let runDirectory: String
    public let modelName: String
    public let classNames: [String]
    public let folds: [FoldResult]
    /// Best validation accuracy and the loss of that epoch, over folds.
    public let validationAccuracy: MeanDeviation
    public let validationLoss: MeanDeviation
    /// Every fold's best model on its own validation part, pooled (out-of-fold predictions).
    public let pooledValidation: EvaluationReport
    /// Each fold's best model on the held-out test split; nil without a test split.
    public let testAccuracy: MeanDeviation?
    /// The folds' best models as one ensemble (mean of probabilities) on the test split.
    public let ensembleTest: EvaluationReport?
    /// Wall-clock seconds of training, over all sessions of a resumed run.
    public let seconds: Double

    enum CodingKeys: String, CodingKey {
        case folds, seconds
        case runDirectory = "run_directory"
        case modelName = "model"
        case classNames = "class_names"
        case validationAccuracy = "val_accuracy"
        case validationLoss = "val_loss"
        case pooledValidation = "pooled_validation"
        case testAccuracy = "test_accuracy"
        case ensembleTest = "ensemble_test"
    }
}
