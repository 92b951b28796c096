/// Some samples of a `FaceDataset`, named by index: a fold's training or validation part.
/// Holds the parent by value, which shares (never copies) its pixel buffer.
public struct FaceSubset: Sendable {
    public let dataset: FaceDataset
    /// Indices into `dataset`.
    public let indices: [Int]

    public init(dataset: FaceDataset, indices: [Int]) {
        self.dataset = dataset
        self.indices = indices
    }

    public var count: Int { indices.count }

    /// Label of the `position`-th sample of the subset.
    public func label(at position: Int) -> Int { Int(dataset.labels[indices[position]]) }

    /// Pixels of the `position`-th sample of the subset.
    public func image(at position: Int) -> ArraySlice<UInt8> { dataset.image(at: indices[position]) }

    /// Samples per class in this subset.
    public func classCounts() -> [Int] { dataset.classCounts(of: indices) }
}
