import Training

/// One fold as the dashboard tracks it: its epochs so far, best epoch, and final result.
public struct FoldProgress: Sendable {
    public enum Status: Hashable, Sendable {
        case waiting, training, finished, stoppedEarly
    }

    public let fold: Int
    public var status = Status.waiting
    /// Epochs planned.
    public var epochs: Int
    /// Finished epochs in order (a resumed epoch replaces its earlier record).
    public private(set) var history: [EpochMetrics] = []
    public var bestEpoch: Int?
    public var bestValidationAccuracy: Double?
    public var result: FoldResult?

    public init(fold: Int, epochs: Int) {
        self.fold = fold
        self.epochs = epochs
    }

    mutating func record(_ finished: EpochFinished) {
        history.removeAll { $0.epoch >= finished.metrics.epoch }
        history.append(finished.metrics)
        epochs = finished.epochs
        bestEpoch = finished.bestEpoch
        bestValidationAccuracy = finished.bestValidationAccuracy
    }

    /// Takes the epochs a resumed run had finished before (its metrics.csv history).
    mutating func restore(_ earlier: [EpochMetrics]) {
        history = earlier.sorted { $0.epoch < $1.epoch }
        if let best = EpochMetrics.best(of: history) {
            bestEpoch = best.epoch
            bestValidationAccuracy = best.validationAccuracy
        }
        if !history.isEmpty, status == .waiting { status = .training }
    }

    mutating func finish(_ foldResult: FoldResult) {
        result = foldResult
        status = foldResult.stoppedEarly ? .stoppedEarly : .finished
        bestEpoch = foldResult.best.epoch
        bestValidationAccuracy = foldResult.best.validationAccuracy
    }

    /// Validation loss of the best epoch so far.
    var bestValidationLoss: Double? {
        if let result { return result.best.validationLoss }
        return history.first { $0.epoch == bestEpoch }?.validationLoss
    }
}
