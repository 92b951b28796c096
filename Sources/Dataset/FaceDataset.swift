/// A labelled set of 48×48 gray faces held as bytes.
///
/// All pixels live in one contiguous array (`count × 48 × 48`, row-major, sample after
/// sample), so the set costs 2,304 bytes per image (83 MB for FER2013) and copies of the
/// value — folds, subsets, events sent to other threads — share that one buffer.
public struct FaceDataset: Sendable {
    /// Width and height of every image.
    public static let imageSide = 48
    /// Bytes per image (48 × 48).
    public static let imageByteCount = imageSide * imageSide

    /// Class names; label `k` means `classNames[k]`.
    public let classNames: [String]
    /// One label per sample, an index into `classNames`.
    public let labels: [UInt8]
    /// One split tag per sample.
    public let splits: [Split]
    /// One source (file, or CSV file and line) per sample.
    public let sources: [SampleSource]
    /// `count × imageByteCount` gray bytes.
    public let pixels: [UInt8]
    /// Absolute folder the `sources` paths are relative to.
    public let root: String
    /// What the data was loaded from.
    public let layout: DatasetLayout

    /// Builds a dataset after checking that the arrays agree in length and labels are in range.
    public init(
        pixels: [UInt8], labels: [UInt8], classNames: [String], splits: [Split]? = nil,
        sources: [SampleSource]? = nil, root: String = "", layout: DatasetLayout = .memory
    ) throws(DatasetError) {
        let count = labels.count
        guard pixels.count == count * Self.imageByteCount else {
            throw .inconsistentDataset(
                reason: "\(pixels.count) pixel bytes for \(count) labels "
                    + "(expected \(count * Self.imageByteCount))"
            )
        }
        guard !classNames.isEmpty, classNames.count <= 256 else {
            throw .inconsistentDataset(reason: "\(classNames.count) class names (need 1...256)")
        }
        if let badLabel = labels.first(where: { Int($0) >= classNames.count }) {
            throw .inconsistentDataset(reason: "label \(badLabel) but only \(classNames.count) classes")
        }
        if let splits, splits.count != count {
            throw .inconsistentDataset(reason: "\(splits.count) split tags for \(count) samples")
        }
        if let sources, sources.count != count {
            throw .inconsistentDataset(reason: "\(sources.count) sources for \(count) samples")
        }
        self.init(
            unchecked: pixels, labels: labels, classNames: classNames,
            splits: splits ?? Array(repeating: .train, count: count),
            sources: sources ?? (0 ..< count).map { SampleSource(path: "memory", line: $0 + 1) },
            root: root, layout: layout
        )
    }

    /// Trusted construction for the loaders, which build consistent arrays.
    init(
        unchecked pixels: [UInt8], labels: [UInt8], classNames: [String], splits: [Split],
        sources: [SampleSource], root: String, layout: DatasetLayout
    ) {
        self.pixels = pixels
        self.labels = labels
        self.classNames = classNames
        self.splits = splits
        self.sources = sources
        self.root = root
        self.layout = layout
    }

    /// Number of samples.
    public var count: Int { labels.count }

    /// Number of classes.
    public var classCount: Int { classNames.count }

    /// The 2,304 bytes of sample `index` (a slice of `pixels`, no copy).
    public func image(at index: Int) -> ArraySlice<UInt8> {
        pixels[index * Self.imageByteCount ..< (index + 1) * Self.imageByteCount]
    }

    /// Indices of the samples whose split is in `wanted`, ascending.
    public func indices(in wanted: Set<Split>) -> [Int] {
        splits.indices.filter { wanted.contains(splits[$0]) }
    }

    /// Indices of the `.train` samples, ascending.
    public var trainIndices: [Int] { splits.indices.filter { !splits[$0].isHeldOut } }

    /// Indices of all held-out samples (`test`, `PublicTest`, `PrivateTest`), ascending.
    public var heldOutIndices: [Int] { splits.indices.filter { splits[$0].isHeldOut } }

    /// How many of `indices` (all samples when nil) fall in each class.
    public func classCounts(of indices: [Int]? = nil) -> [Int] {
        var counts = Array(repeating: 0, count: classCount)
        if let indices {
            for index in indices { counts[Int(labels[index])] += 1 }
        } else {
            for label in labels { counts[Int(label)] += 1 }
        }
        return counts
    }

    /// A view of the samples at `indices`, sharing this dataset's storage.
    public func subset(_ indices: [Int]) -> FaceSubset {
        FaceSubset(dataset: self, indices: indices)
    }

    /// The absolute path of sample `index`'s source file.
    public func absolutePath(of index: Int) -> String {
        root.isEmpty ? sources[index].path : "\(root)/\(sources[index].path)"
    }
}
