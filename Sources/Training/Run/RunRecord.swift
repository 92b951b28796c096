/// One checkpoint file of a fold (or an epoch whose file was pruned), for the picker.
public struct CheckpointRecord: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `fold-k/best.safetensors`, a copy of the best epoch.
        case best
        /// `fold-k/epoch-e.safetensors`.
        case epoch
    }

    public var kind: Kind
    public var epoch: Int?
    /// The file; nil when training kept only newer checkpoints and removed this one.
    public var path: String?
    public var fileSize: Int?
    /// The epoch's row of `metrics.jsonl`.
    public var scores: EpochMetrics?

    public init(kind: Kind, epoch: Int?, path: String?, fileSize: Int?, scores: EpochMetrics?) {
        self.kind = kind
        self.epoch = epoch
        self.path = path
        self.fileSize = fileSize
        self.scores = scores
    }
}

/// A fold of a run: its best epoch and its checkpoints (best first, then by epoch).
public struct FoldRecord: Hashable, Sendable {
    public var fold: Int
    public var bestEpoch: Int?
    public var bestValidationAccuracy: Double?
    public var checkpoints: [CheckpointRecord]

    public init(fold: Int, bestEpoch: Int?, bestValidationAccuracy: Double?,
                checkpoints: [CheckpointRecord]) {
        self.fold = fold
        self.bestEpoch = bestEpoch
        self.bestValidationAccuracy = bestValidationAccuracy
        self.checkpoints = checkpoints
    }
}

/// A training run folder (`runs/<name>/`) as the picker lists it.
public struct RunRecord: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        /// `summary.json` was written.
        case finished
        /// Stopped with a `resume.safetensors`; `fer train --resume` continues it.
        case resumable
        /// Neither: killed before its first epoch ended (or written by an older fer while training).
        case partial
        /// A process holds the run's lock: it is training now.
        case training(processID: Int32)

        /// The word the run table shows.
        public var label: String {
            switch self {
            case .finished: "finished"
            case .resumable: "resumable"
            case .partial: "partial"
            case let .training(processID): "training (pid \(processID))"
            }
        }
    }

    public var name: String
    public var path: String
    /// Model preset from `config.json`.
    public var modelName: String?
    /// K from `config.json`.
    public var foldCount: Int?
    public var epochs: Int?
    /// The folds' best validation accuracy (`summary.json`).
    public var validationAccuracy: MeanDeviation?
    public var status: Status
    public var folds: [FoldRecord]

    public init(name: String, path: String, modelName: String?, foldCount: Int?, epochs: Int?,
                validationAccuracy: MeanDeviation?, status: Status, folds: [FoldRecord]) {
        self.name = name
        self.path = path
        self.modelName = modelName
        self.foldCount = foldCount
        self.epochs = epochs
        self.validationAccuracy = validationAccuracy
        self.status = status
        self.folds = folds
    }
}
