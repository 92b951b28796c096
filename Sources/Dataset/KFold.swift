import Engine

/// One fold: the samples to train on and the samples to validate on (indices into the
/// dataset, ascending, disjoint). The pixels stay in the dataset; a fold is only index lists.
public struct Fold: Sendable, Hashable {
    /// 1-based fold number.
    public let number: Int
    public let trainIndices: [Int]
    public let validationIndices: [Int]

    public init(number: Int, trainIndices: [Int], validationIndices: [Int]) {
        self.number = number
        self.trainIndices = trainIndices
        self.validationIndices = validationIndices
    }
}

/// The folds of one run, plus the held-out test indices that no fold ever contains.
public struct KFoldPlan: Sendable {
    public let options: KFoldOptions
    /// The selected folds, by ascending number.
    public let folds: [Fold]
    /// Held-out samples (test / PublicTest / PrivateTest); empty with `poolTest`.
    public let testIndices: [Int]

    /// Splits `dataset` as `options` say.
    public init(dataset: FaceDataset, options: KFoldOptions = KFoldOptions()) throws(DatasetError) {
        try self.init(
            labels: dataset.labels, isHeldOut: dataset.splits.map(\.isHeldOut),
            classCount: dataset.classCount, options: options
        )
    }

    /// Splits samples described by their labels and held-out flags.
    init(labels: [UInt8], isHeldOut: [Bool], classCount: Int, options: KFoldOptions) throws(DatasetError) {
        let foldCount = options.foldCount
        guard foldCount >= 2 else { throw .invalidFolds(reason: "K must be at least 2, got \(foldCount)") }
        let selected = options.selectedFolds ?? Array(1 ... foldCount)
        if let bad = selected.first(where: { !(1 ... foldCount).contains($0) }) {
            throw .invalidFolds(reason: "fold \(bad) does not exist; folds are numbered 1...\(foldCount)")
        }
        guard !selected.isEmpty, Set(selected).count == selected.count else {
            throw .invalidFolds(reason: "the selected folds \(selected) must be distinct and not empty")
        }
        let pool = labels.indices.filter { options.poolTest || !isHeldOut[$0] }
        if pool.isEmpty, !labels.isEmpty {
            throw .invalidFolds(reason: "every face is in a held-out test split, none is for training "
                + "(a folder named test/ is the test split); train on the folder above it, or pass "
                + "--pool-test to train on these faces")
        }
        guard pool.count >= foldCount else {
            throw .invalidFolds(reason: "K = \(foldCount) but only \(pool.count) samples to split")
        }
        var random = RandomGenerator(seed: options.seed)
        let foldOfSample = options.stratified
            ? Self.stratifiedAssignment(pool: pool, labels: labels, classCount: classCount,
                                        foldCount: foldCount, random: &random)
            : Self.plainAssignment(pool: pool, sampleCount: labels.count, foldCount: foldCount,
                                   random: &random)
        self.options = options
        testIndices = options.poolTest ? [] : labels.indices.filter { isHeldOut[$0] }
        folds = selected.sorted().map { number in
            var train: [Int] = []
            var validation: [Int] = []
            for index in pool {
                if foldOfSample[index] == number - 1 { validation.append(index) } else { train.append(index) }
            }
            return Fold(number: number, trainIndices: train, validationIndices: validation)
        }
    }

    /// Shuffles the pool and cuts it into K contiguous parts, the first `n mod K` one larger
    /// (scikit-learn's KFold with shuffle). Returns the fold of every sample (-1 outside the pool).
    private static func plainAssignment(
        pool: [Int], sampleCount: Int, foldCount: Int, random: inout RandomGenerator
    ) -> [Int] {
        var order = pool
        random.shuffle(&order)
        var foldOfSample = Array(repeating: -1, count: sampleCount)
        let baseSize = order.count / foldCount
        let largerFolds = order.count % foldCount
        var position = 0
        for fold in 0 ..< foldCount {
            let size = baseSize + (fold < largerFolds ? 1 : 0)
            for index in order[position ..< position + size] { foldOfSample[index] = fold }
            position += size
        }
        return foldOfSample
    }

    /// Shuffles each class on its own, lays the classes end to end and deals them to the folds
    /// in turn, so every class's count differs by at most one between folds, and so do fold
    /// sizes. Returns the fold of every sample (-1 outside the pool).
    private static func stratifiedAssignment(
        pool: [Int], labels: [UInt8], classCount: Int, foldCount: Int, random: inout RandomGenerator
    ) -> [Int] {
        var members = Array(repeating: [Int](), count: classCount)
        for index in pool { members[Int(labels[index])].append(index) }
        var foldOfSample = Array(repeating: -1, count: labels.count)
        var dealt = 0
        for classIndex in members.indices {
            random.shuffle(&members[classIndex])
            for index in members[classIndex] {
                foldOfSample[index] = dealt % foldCount
                dealt += 1
            }
        }
        return foldOfSample
    }
}
