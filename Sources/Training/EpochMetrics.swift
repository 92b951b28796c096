/// One row of the run's metrics: a fold's epoch, as Keras's CSVLogger records it.
public struct EpochMetrics: Codable, Sendable, Hashable {
    /// 1-based fold number.
    public let fold: Int
    /// 1-based epoch number.
    public let epoch: Int
    /// Mean training loss over the epoch (with label smoothing and class weights, as optimised).
    public let loss: Double
    /// Training accuracy over the epoch (training mode: dropout on, augmented images).
    public let accuracy: Double
    /// Validation loss (label smoothing as in training, no class weights).
    public let validationLoss: Double
    public let validationAccuracy: Double
    /// Learning rate of the epoch's last batch.
    public let learningRate: Double
    /// Training images per second (forward, backward, update and batch assembly).
    public let imagesPerSecond: Double
    /// Wall-clock seconds of the epoch, validation included.
    public let seconds: Double

    public init(
        fold: Int, epoch: Int, loss: Double, accuracy: Double, validationLoss: Double,
        validationAccuracy: Double, learningRate: Double, imagesPerSecond: Double, seconds: Double
    ) {
        self.fold = fold
        self.epoch = epoch
        self.loss = loss
        self.accuracy = accuracy
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.learningRate = learningRate
        self.imagesPerSecond = imagesPerSecond
        self.seconds = seconds
    }

    /// The CSV columns, also the JSON keys of `metrics.jsonl`.
    public static let columns = [
        "fold", "epoch", "loss", "accuracy", "val_loss", "val_accuracy", "lr", "images_per_second", "seconds",
    ]

    /// The best of `rows` by validation accuracy (the earliest on ties, as Keras's
    /// `ModelCheckpoint(save_best_only=True)` keeps the first); nil when empty.
    public static func best(of rows: [EpochMetrics]) -> EpochMetrics? {
        rows.reduce(nil) { best, next in
            best.map { next.validationAccuracy > $0.validationAccuracy ? next : $0 } ?? next
        }
    }

    /// The metrics stored in a checkpoint's metadata.
    var checkpointMetrics: [String: Double] {
        [
            "fold": Double(fold), "epoch": Double(epoch), "loss": loss, "accuracy": accuracy,
            "val_loss": validationLoss, "val_accuracy": validationAccuracy, "lr": learningRate,
        ]
    }

    enum CodingKeys: String, CodingKey {
        case fold, epoch, loss, accuracy, seconds
        case validationLoss = "val_loss"
        case validationAccuracy = "val_accuracy"
        case learningRate = "lr"
        case imagesPerSecond = "images_per_second"
    }
}
