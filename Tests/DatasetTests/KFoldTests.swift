import Testing
@testable import Dataset

@Suite struct KFoldTests {
    /// Imbalanced classes (like FER2013's disgust), plus a held-out test part.
    static func dataset(trainCounts: [Int] = [40, 7, 23, 61], testPerClass: Int = 3) throws -> FaceDataset {
        var labels: [UInt8] = []
        var splits: [Split] = []
        for (label, count) in trainCounts.enumerated() {
            labels += Array(repeating: UInt8(label), count: count)
            splits += Array(repeating: .train, count: count)
        }
        for label in trainCounts.indices {
            labels += Array(repeating: UInt8(label), count: testPerClass)
            splits += Array(repeating: .test, count: testPerClass)
        }
        return try FaceDataset(
            pixels: [UInt8](repeating: 0, count: labels.count * FaceDataset.imageByteCount), labels: labels,
            classNames: trainCounts.indices.map { "class\($0)" }, splits: splits
        )
    }

    /// Checks what every plan must satisfy: validation parts disjoint and covering the pool,
    /// train = pool − validation, no held-out index anywhere when not pooling.
    static func expectPartition(_ plan: KFoldPlan, pool: [Int]) {
        var seen: [Int] = []
        for fold in plan.folds {
            #expect(Set(fold.trainIndices).isDisjoint(with: fold.validationIndices))
            #expect((fold.trainIndices + fold.validationIndices).sorted() == pool)
            #expect(fold.trainIndices == fold.trainIndices.sorted())
            #expect(Set(fold.validationIndices).isDisjoint(with: plan.testIndices))
            #expect(Set(fold.trainIndices).isDisjoint(with: plan.testIndices))
            seen += fold.validationIndices
        }
        if plan.folds.count == plan.options.foldCount { #expect(seen.sorted() == pool) }
    }

    /// Largest minus smallest value.
    static func spread(_ values: [Int]) -> Int {
        (values.max() ?? 0) - (values.min() ?? 0)
    }

    @Test func stratifiedFoldsKeepClassProportions() throws {
        let dataset = try Self.dataset()
        let plan = try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 5, seed: 7))

        Self.expectPartition(plan, pool: dataset.trainIndices)
        #expect(plan.testIndices == dataset.heldOutIndices)
        let perFold = plan.folds.map { dataset.classCounts(of: $0.validationIndices) }
        for classIndex in 0 ..< dataset.classCount {
            let counts = perFold.map { $0[classIndex] }
            // 40/5 = 8 each; 7/5 → 1 or 2; 23/5 → 4 or 5; 61/5 → 12 or 13.
            #expect(Self.spread(counts) <= 1, "class \(classIndex): \(counts)")
            #expect(counts.reduce(0, +) == dataset.classCounts(of: dataset.trainIndices)[classIndex])
        }
        let sizes = plan.folds.map(\.validationIndices.count)
        #expect(Self.spread(sizes) <= 1)
    }

    @Test func plainFoldsHaveScikitLearnSizes() throws {
        let dataset = try Self.dataset(trainCounts: [10, 13], testPerClass: 2)
        let options = KFoldOptions(foldCount: 5, seed: 3, stratified: false)
        let plan = try KFoldPlan(dataset: dataset, options: options)

        Self.expectPartition(plan, pool: dataset.trainIndices)
        // 23 samples in 5 folds: the first 23 mod 5 = 3 folds hold one more.
        #expect(plan.folds.map(\.validationIndices.count) == [5, 5, 5, 4, 4])
    }

    @Test func sameSeedSameFoldsOtherSeedOtherFolds() throws {
        let dataset = try Self.dataset()
        for stratified in [true, false] {
            let options = KFoldOptions(seed: 11, stratified: stratified)
            let first = try KFoldPlan(dataset: dataset, options: options)
            let again = try KFoldPlan(dataset: dataset, options: options)
            var reseeded = options
            reseeded.seed = 12
            let other = try KFoldPlan(dataset: dataset, options: reseeded)
            #expect(first.folds == again.folds)
            #expect(first.folds != other.folds)
        }
    }

    @Test func poolTestPutsTheTestSplitIntoTheFolds() throws {
        let dataset = try Self.dataset()
        let plan = try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 4, poolTest: true))

        #expect(plan.testIndices.isEmpty)
        Self.expectPartition(plan, pool: Array(0 ..< dataset.count))
        let validation = plan.folds.flatMap(\.validationIndices)
        #expect(Set(dataset.heldOutIndices).isSubset(of: validation))
    }

    @Test func selectedFoldsAreTheSameAsInTheFullPlan() throws {
        let dataset = try Self.dataset()
        let full = try KFoldPlan(dataset: dataset, options: KFoldOptions(seed: 5))
        let some = try KFoldPlan(dataset: dataset, options: KFoldOptions(seed: 5, selectedFolds: [3, 1]))

        #expect(some.folds.map(\.number) == [1, 3])
        #expect(some.folds == [full.folds[0], full.folds[2]])
    }

    @Test func impossibleRequestsAreClearErrors() throws {
        let dataset = try Self.dataset(trainCounts: [2, 1], testPerClass: 1)

        let one = caughtError { try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 1)) }
        #expect(one == .invalidFolds(reason: "K must be at least 2, got 1"))
        let missing = caughtError {
            try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 3, selectedFolds: [4]))
        }
        #expect(missing == .invalidFolds(reason: "fold 4 does not exist; folds are numbered 1...3"))
        let repeated = caughtError {
            try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 3, selectedFolds: [2, 2]))
        }
        #expect(repeated?.description.contains("must be distinct") == true)
        let tooFew = caughtError { try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 4)) }
        #expect(tooFew == .invalidFolds(reason: "K = 4 but only 3 samples to split"))
        // Pooling the test split makes 5 samples: now enough for K = 4.
        let pooled = try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 4, poolTest: true))
        #expect(pooled.folds.count == 4)
    }

    @Test func csvPublicAndPrivateTestAreBothHeldOut() throws {
        let dataset = try FaceDataset(
            pixels: [UInt8](repeating: 0, count: 8 * FaceDataset.imageByteCount),
            labels: [0, 1, 0, 1, 0, 1, 0, 1],
            classNames: ["x", "y"],
            splits: [.train, .train, .train, .train, .publicTest, .privateTest, .train, .train]
        )
        let plan = try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 2))

        #expect(plan.testIndices == [4, 5])
        Self.expectPartition(plan, pool: [0, 1, 2, 3, 6, 7])
    }
}
