import Dataset
import Engine

extension TrainingConfig {
    /// The seed tutorial's recipe: the `seed` network, Adam 1e-3, batch 64, 10 epochs, no
    /// augmentation, plain shuffled 5-fold KFold (not stratified), held-out test kept out.
    public static let seedRecipe = TrainingConfig(
        preset: "seed", epochs: 10, batchSize: 64, optimizer: .kerasAdam, schedule: .constant,
        foldCount: 5, stratified: false, augmentation: .none
    )

    /// A strong recipe for the `vgg` network: AdamW with warm-up and cosine decay over 40 epochs,
    /// the standard augmentation (flip, shift, rotation, zoom, random erasing), label smoothing 0.1,
    /// stratified folds.
    public static let vggRecipe = TrainingConfig(
        preset: "vgg", epochs: 40, batchSize: 64,
        optimizer: OptimizerConfig(kind: .adamw, learningRate: 1e-3, weightDecay: 0.01),
        schedule: .cosine(totalEpochs: 40, warmupEpochs: 2, minimum: 1e-5),
        foldCount: 5, stratified: true, augmentation: .standard, labelSmoothing: 0.1
    )

    /// The recipe made for a model preset (`seed` or `vgg`).
    public static func recipe(for preset: String) throws(TrainingError) -> TrainingConfig {
        switch preset {
        case "seed": return seedRecipe
        case "vgg": return vggRecipe
        default:
            let available = ModelSpec.presetNames.joined(separator: ", ")
            throw .invalidConfig("no training recipe for preset '\(preset)' (available: \(available))")
        }
    }
}

extension TrainingConfig {
    /// This config with `epochs` changed; a cosine schedule is stretched to the new length, so
    /// `--epochs` on the command line keeps the schedule's shape.
    public func withEpochs(_ epochs: Int) -> TrainingConfig {
        var config = self
        config.epochs = epochs
        if case let .cosine(_, warmupEpochs, minimum) = schedule {
            let warmup = min(warmupEpochs, max(epochs - 1, 0))
            config.schedule = .cosine(totalEpochs: epochs, warmupEpochs: warmup, minimum: minimum)
        }
        return config
    }
}
