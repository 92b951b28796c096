import Dataset
import Engine

/// Everything that decides how a K-fold training run goes; written as the run's `config.json`
/// and read back by `TrainingRun.resuming`, so a resumed run trains exactly as the original.
public struct TrainingConfig: Codable, Sendable, Equatable {
    /// Model preset name (`ModelSpec.preset`), e.g. `seed` or `vgg`.
    public var preset: String
    /// A custom architecture used instead of the preset (tests, experiments); its class names
    /// are replaced by the dataset's.
    public var model: ModelSpec?
    public var epochs: Int
    public var batchSize: Int
    public var optimizer: OptimizerConfig
    public var schedule: LearningRateSchedule
    /// K of K-fold cross-validation.
    public var foldCount: Int
    /// 1-based folds to run, e.g. `[1, 3]`; nil runs all K.
    public var folds: [Int]?
    /// Keep class proportions in every fold (false: the seed tutorial's plain shuffled KFold).
    public var stratified: Bool
    /// Pool the held-out test split into the folds (the seed tutorial's protocol, for comparison).
    public var poolTest: Bool
    /// Random perturbation of training images; validation and test images are never changed.
    public var augmentation: AugmentationConfig
    /// Seeds folds, weight initialisation, data order, augmentation and dropout.
    public var seed: UInt64
    /// Epoch checkpoints kept per fold (the newest N, plus always the best one).
    public var keepLastCheckpoints: Int
    /// Stop a fold when validation accuracy has not improved for this many epochs; nil never stops.
    public var earlyStoppingPatience: Int?
    /// Label smoothing ε of the training loss (targets 1 − ε + ε/K and ε/K).
    public var labelSmoothing: Float
    public var classWeighting: ClassWeighting
    /// Batch size of validation passes; nil uses `batchSize`. Larger batches make every layer
    /// keep larger buffers for the rest of the fold, so the default stays at the training size.
    public var evaluationBatchSize: Int?
    /// The dataset the run was started on, recorded so a resume can load it again.
    public var dataPath: String?
    /// Gaussian blur (σ in pixels) the trained models want on faces they did not train on —
    /// for training faces blurrier than the faces the model will meet. Recorded in every
    /// checkpoint (so the test split, `fer eval`, `predict` and `live` apply it); the training
    /// and validation faces are not blurred again. nil: none.
    public var inputBlurSigma: Float?
    /// Train toward a teacher model's probabilities as well as the labels; nil: labels only.
    public var distillation: Distillation?

    public init(
        preset: String, model: ModelSpec? = nil, epochs: Int, batchSize: Int, optimizer: OptimizerConfig,
        schedule: LearningRateSchedule = .constant, foldCount: Int = 5, folds: [Int]? = nil,
        stratified: Bool = true, poolTest: Bool = false, augmentation: AugmentationConfig = .none,
        seed: UInt64 = 1, keepLastCheckpoints: Int = 3, earlyStoppingPatience: Int? = nil,
        labelSmoothing: Float = 0, classWeighting: ClassWeighting = .none, evaluationBatchSize: Int? = nil,
        dataPath: String? = nil
    ) {
        self.preset = preset
        self.model = model
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.schedule = schedule
        self.foldCount = foldCount
        self.folds = folds
        self.stratified = stratified
        self.poolTest = poolTest
        self.augmentation = augmentation
        self.seed = seed
        self.keepLastCheckpoints = keepLastCheckpoints
        self.earlyStoppingPatience = earlyStoppingPatience
        self.labelSmoothing = labelSmoothing
        self.classWeighting = classWeighting
        self.evaluationBatchSize = evaluationBatchSize
        self.dataPath = dataPath
    }

    /// The K-fold request this config makes.
    public var foldOptions: KFoldOptions {
        KFoldOptions(
            foldCount: foldCount, seed: seed, stratified: stratified, poolTest: poolTest, selectedFolds: folds
        )
    }

    /// The architecture to train for `classNames`: the custom model, else the preset.
    public func modelSpec(classNames: [String]) throws(TrainingError) -> ModelSpec {
        var spec: ModelSpec
        if let model {
            spec = model
            spec.classNames = classNames
        } else {
            do {
                spec = try ModelSpec.preset(preset, classNames: classNames)
            } catch {
                throw .invalidConfig(error.description)
            }
        }
        let expected = [FaceDataset.imageSide, FaceDataset.imageSide, 1]
        guard spec.inputShape == expected else {
            throw .invalidConfig(
                "model '\(spec.name)' takes input \(spec.inputShape), but faces are \(expected)"
            )
        }
        return spec
    }

    /// Checks every setting, naming the first one that cannot work.
    public func validate() throws(TrainingError) {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(TrainingError) {
            if !condition { throw .invalidConfig(message()) }
        }
        try require(epochs >= 1, "epochs must be at least 1, got \(epochs)")
        try require(batchSize >= 1, "batch size must be at least 1, got \(batchSize)")
        if let size = evaluationBatchSize {
            try require(size >= 1, "evaluation batch size must be at least 1, got \(size)")
        }
        try require(foldCount >= 2, "K (the number of folds) must be at least 2, got \(foldCount)")
        if let folds {
            try require(!folds.isEmpty, "the list of folds to run is empty")
            try require(Set(folds).count == folds.count, "folds \(folds) are listed more than once")
            if let bad = folds.first(where: { !(1 ... foldCount).contains($0) }) {
                throw .invalidConfig("fold \(bad) does not exist; folds are numbered 1...\(foldCount)")
            }
        }
        let rate = optimizer.learningRate
        try require(rate.isFinite && rate > 0, "the learning rate must be a positive number, got \(rate)")
        try require(
            keepLastCheckpoints >= 1, "keep-last checkpoints must be at least 1, got \(keepLastCheckpoints)"
        )
        if let patience = earlyStoppingPatience {
            try require(patience >= 1, "early-stopping patience must be at least 1, got \(patience)")
        }
        if let sigma = inputBlurSigma {
            try require(sigma > 0 && sigma <= 10, "the input blur must be in (0, 10] pixels, got \(sigma)")
        }
        try require(
            labelSmoothing >= 0 && labelSmoothing < 1,
            "label smoothing must be in 0..<1, got \(labelSmoothing)"
        )
        if let distillation {
            try require(!distillation.teacher.isEmpty, "the teacher model path is empty")
            let weight = distillation.weight
            try require(weight > 0 && weight <= 1, "the teacher's weight must be in (0, 1], got \(weight)")
        }
    }
}

/// How the training loss weighs the classes.
public enum ClassWeighting: String, Codable, Sendable, CaseIterable {
    /// Every sample counts the same.
    case none
    /// Each class weighs `samples / (classes × samples of that class)` in the fold's training part
    /// (scikit-learn's `class_weight="balanced"`), so rare classes such as `disgust` count more.
    case balanced

    /// Per-class loss weights for training samples with `classCounts`; nil when unweighted.
    func weights(classCounts: [Int]) -> [Float]? {
        switch self {
        case .none:
            return nil
        case .balanced:
            let total = Float(classCounts.reduce(0, +))
            let classes = Float(classCounts.count)
            return classCounts.map { $0 > 0 ? total / (classes * Float($0)) : 1 }
        }
    }
}
