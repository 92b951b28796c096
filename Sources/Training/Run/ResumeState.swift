/// The trainer's own part of `resume.safetensors` (in the checkpoint's `resume` metadata):
/// where to continue and everything already measured. The data order is not stored: it is a
/// pure function of the config's seed, the fold and the epoch (`TrainingPlan`), and the
/// fingerprint makes sure the dataset is the same.
struct ResumeState: Codable, Sendable {
    static let currentVersion = 1

    var version = currentVersion
    var position: TrainingPosition
    /// Accumulators of the interrupted epoch (nil at an epoch boundary).
    var partialEpoch: PartialEpoch?
    /// Every finished epoch of every fold so far.
    var history: [EpochMetrics]
    var completedFolds: [FoldResult]
    /// The current fold's best epoch on its validation part.
    var bestValidation: EvaluationReport?
    /// Active (not paused) training seconds of all sessions so far.
    var elapsedSeconds: Double
    var dataFingerprint: String
}

/// Running sums of an epoch in progress.
struct PartialEpoch: Codable, Sendable, Equatable {
    /// Sum over batches of (mean batch loss × batch size).
    var lossSum: Double = 0
    var correct = 0
    var seen = 0
    /// Seconds spent in training steps (batch assembly included).
    var trainingSeconds: Double = 0
    /// Active wall-clock seconds of the epoch so far.
    var seconds: Double = 0
    /// Learning rate of the last batch.
    var learningRate: Double = 0

    var meanLoss: Double { seen == 0 ? 0 : lossSum / Double(seen) }
    var accuracy: Double { seen == 0 ? 0 : Double(correct) / Double(seen) }
    var imagesPerSecond: Double { trainingSeconds > 0 ? Double(seen) / trainingSeconds : 0 }
}
