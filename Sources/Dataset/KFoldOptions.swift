/// How to cut a dataset into K folds.
public struct KFoldOptions: Sendable, Hashable, Codable {
    /// K: number of folds (≥ 2).
    public var foldCount: Int
    /// Seed of the shuffle; the same seed and data give the same folds on every machine.
    public var seed: UInt64
    /// Keep each class's proportion in every fold (scikit-learn's StratifiedKFold); false gives
    /// plain shuffled KFold (the seed tutorial's `KFold(shuffle=True)`).
    public var stratified: Bool
    /// Pool the held-out test split into the folds (the seed tutorial's protocol, for
    /// comparison only: the test split then no longer measures anything unseen).
    public var poolTest: Bool
    /// 1-based fold numbers to produce, e.g. `[1, 3]`; nil for all K.
    public var selectedFolds: [Int]?

    public init(
        foldCount: Int = 5, seed: UInt64 = 1, stratified: Bool = true, poolTest: Bool = false,
        selectedFolds: [Int]? = nil
    ) {
        self.foldCount = foldCount
        self.seed = seed
        self.stratified = stratified
        self.poolTest = poolTest
        self.selectedFolds = selectedFolds
    }
}
