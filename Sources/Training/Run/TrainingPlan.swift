import Dataset
import Engine

/// The deterministic parts of a run, all pure functions of the config and the dataset: folds,
/// the model, seeds, and each epoch's data order. A resumed run recomputes exactly what the
/// original used, so only a position has to be saved, not the orders themselves.
struct TrainingPlan: Sendable {
    let config: TrainingConfig
    let dataset: FaceDataset
    let folds: KFoldPlan
    let spec: ModelSpec
    /// A fingerprint of the samples, labels, splits and class names: a resume refuses a
    /// dataset that differs from the one the run started with (its folds would differ).
    let dataFingerprint: String

    /// Independent random streams derived from the config's seed.
    private enum Stream: UInt64 {
        case dataOrder = 1, modelInitialisation = 2, augmentation = 3
    }

    init(config: TrainingConfig, dataset: FaceDataset) throws(TrainingError) {
        try config.validate()
        spec = try config.modelSpec(classNames: dataset.classNames)
        do {
            folds = try KFoldPlan(dataset: dataset, options: config.foldOptions)
        } catch {
            throw .dataset(error)
        }
        self.config = config
        self.dataset = dataset
        dataFingerprint = Self.fingerprint(of: dataset)
    }

    /// The fold with 1-based number `number`.
    func fold(_ number: Int) -> Fold? { folds.folds.first { $0.number == number } }

    /// Seed of a fold's initial weights (each fold starts from its own fresh model).
    func modelSeed(fold: Int) -> UInt64 {
        var random = RandomGenerator(
            seed: config.seed, stream: Stream.modelInitialisation.rawValue, UInt64(fold)
        )
        return random.next()
    }

    /// Seed of a fold's augmentation draws (which also depend on epoch and sample).
    func augmentationSeed(fold: Int) -> UInt64 {
        var random = RandomGenerator(seed: config.seed, stream: Stream.augmentation.rawValue, UInt64(fold))
        return random.next()
    }

    /// The order a fold's training samples are visited in a 0-based epoch: a fresh shuffle
    /// per epoch, as Keras's `fit(shuffle=True)` does.
    func trainingOrder(fold: Fold, epoch: Int) -> [Int] {
        var order = fold.trainIndices
        var random = RandomGenerator(
            seed: config.seed, stream: Stream.dataOrder.rawValue, UInt64(fold.number), UInt64(epoch)
        )
        random.shuffle(&order)
        return order
    }

    /// Batches per epoch; the last batch holds the remainder.
    func batchCount(fold: Fold) -> Int {
        (fold.trainIndices.count + config.batchSize - 1) / config.batchSize
    }

    /// Loss weights of the classes for a fold's training part (nil: unweighted).
    func classWeights(fold: Fold) -> [Float]? {
        config.classWeighting.weights(classCounts: dataset.classCounts(of: fold.trainIndices))
    }

    private static func fingerprint(of dataset: FaceDataset) -> String {
        var hash = FNV1a()
        for name in dataset.classNames { hash.combine(name.utf8) }
        hash.combine(dataset.labels)
        hash.combine(dataset.splits.map(\.rawValue))
        // Every 61st pixel: cheap, yet any re-decoded or reordered image set changes it.
        hash.combine(stride(from: 0, to: dataset.pixels.count, by: 61).lazy.map { dataset.pixels[$0] })
        return String(hash.value, radix: 16)
    }

    /// What `runStarted` tells about the data.
    func datasetSummary(path: String?, skippedFiles: Int) -> DatasetSummary {
        let pool = folds.folds.first.map { $0.trainIndices + $0.validationIndices } ?? []
        return DatasetSummary(
            path: path, layout: dataset.layout.description, sampleCount: dataset.count,
            classNames: dataset.classNames, poolClassCounts: dataset.classCounts(of: pool),
            testCount: folds.testIndices.count, skippedFiles: skippedFiles,
            folds: folds.folds.map { fold in
                FoldSize(
                    fold: fold.number, trainCount: fold.trainIndices.count,
                    validationCount: fold.validationIndices.count
                )
            }
        )
    }
}

/// 64-bit FNV-1a: a tiny, stable hash for fingerprints (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }
}
