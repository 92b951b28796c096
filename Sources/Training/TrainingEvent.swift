/// What a training run reports, in order, from its training queue. Every run begins with
/// `runStarted` and ends with exactly one of `runFinished`, `runCancelled` or `error`.
/// Events are value snapshots: the UI may keep them and read them on any thread.
public enum TrainingEvent: Sendable {
    case runStarted(RunStarted)
    case foldStarted(FoldStarted)
    /// A few times a second while a fold trains (throttled, not every batch).
    case batchProgress(BatchProgress)
    case epochFinished(EpochFinished)
    /// The validation confusion matrix of the epoch just finished.
    case validationConfusion(fold: Int, epoch: Int, matrix: ConfusionMatrix)
    case checkpointSaved(CheckpointSaved)
    /// The epoch just finished has the fold's best validation accuracy so far.
    case newBest(NewBest)
    case foldFinished(FoldResult)
    /// The run is waiting at a batch boundary until `resume()` (or `cancel()`).
    case paused
    case resumed
    /// Something worth knowing that does not stop the run.
    case warning(String)
    /// A step worth a line that is not a problem (a teacher predicting the faces before training).
    case notice(String)
    case runFinished(RunSummary)
    case runCancelled(RunCancelled)
    /// The run stopped on an error (a diverged fold, an unwritable file...).
    case error(TrainingError)

    /// True for the events that end a run.
    public var isTerminal: Bool {
        switch self {
        case .runFinished, .runCancelled, .error: true
        default: false
        }
    }
}

/// Where training stands inside a run: a fold, an epoch and the batches done in it.
public struct TrainingPosition: Codable, Sendable, Equatable, CustomStringConvertible {
    /// 1-based fold number.
    public let fold: Int
    /// 1-based epoch the run continues in.
    public let epoch: Int
    /// Batches of that epoch already trained.
    public let batch: Int

    public var description: String { "fold \(fold), epoch \(epoch), batch \(batch)" }
}

public struct RunStarted: Sendable {
    public let runDirectory: String
    public let config: TrainingConfig
    public let dataset: DatasetSummary
    public let modelName: String
    public let parameterCount: Int
    /// OpenBLAS kernel in use (e.g. `SkylakeX`).
    public let blasKernel: String
    /// Threads the engine splits each batch over.
    public let workerCount: Int
    /// Where a resumed run continues; nil for a new run.
    public let resumedAt: TrainingPosition?
    /// A resumed run's epochs before the resume point (all folds), so charts start complete.
    public var history: [EpochMetrics] = []
    /// A resumed run's folds that had already finished.
    public var completedFolds: [FoldResult] = []
}

/// The data of a run: what was loaded and how it is split.
public struct DatasetSummary: Codable, Sendable, Equatable {
    public let path: String?
    public let layout: String
    public let sampleCount: Int
    public let classNames: [String]
    /// Samples per class in the K-fold pool (the training split, plus test with `poolTest`).
    public let poolClassCounts: [Int]
    /// Held-out test samples, never trained on nor used to pick models (0 with `poolTest`).
    public let testCount: Int
    /// Files or rows the loader skipped.
    public let skippedFiles: Int
    public let folds: [FoldSize]
}

public struct FoldSize: Codable, Sendable, Equatable {
    public let fold: Int
    public let trainCount: Int
    public let validationCount: Int
}

public struct FoldStarted: Sendable {
    public let fold: Int
    /// 1-based place of this fold among the folds of the run, and how many there are.
    public let foldIndex: Int
    public let foldsInRun: Int
    /// K.
    public let foldCount: Int
    public let trainCount: Int
    public let validationCount: Int
    public let epochs: Int
    public let batchesPerEpoch: Int
    /// 1-based epoch training starts at (above 1 when resumed).
    public let startEpoch: Int
}

public struct BatchProgress: Sendable {
    public let fold: Int
    public let epoch: Int
    public let epochs: Int
    /// Batches done in this epoch, of `batchCount`.
    public let batch: Int
    public let batchCount: Int
    /// Running mean loss and accuracy of the epoch so far.
    public let loss: Double
    public let accuracy: Double
    public let learningRate: Double
    public let imagesPerSecond: Double
    public let elapsedSeconds: Double
    /// Estimated seconds left in this fold and in the whole run (nil until measurable).
    public let foldETASeconds: Double?
    public let runETASeconds: Double?
}

public struct EpochFinished: Sendable {
    public let metrics: EpochMetrics
    public let epochs: Int
    public let isBest: Bool
    public let bestEpoch: Int
    public let bestValidationAccuracy: Double
    public let elapsedSeconds: Double
    public let foldETASeconds: Double?
    public let runETASeconds: Double?
}

public enum CheckpointKind: String, Codable, Sendable {
    /// `fold-k/epoch-e.safetensors`.
    case epoch
    /// `fold-k/best.safetensors`.
    case best
    /// `resume.safetensors`: model, optimizer and position, to continue the run.
    case resume
}

public struct CheckpointSaved: Sendable {
    public let fold: Int
    public let epoch: Int
    public let path: String
    public let kind: CheckpointKind
}

public struct NewBest: Sendable {
    public let fold: Int
    public let epoch: Int
    public let validationAccuracy: Double
    /// The best validation accuracy before this epoch; nil for the fold's first epoch.
    public let previousValidationAccuracy: Double?
    public let path: String
}

public struct RunCancelled: Sendable {
    public let runDirectory: String
    public let resumeCheckpoint: String
    /// Where `TrainingRun.resuming` will continue.
    public let position: TrainingPosition
    public let elapsedSeconds: Double
}
