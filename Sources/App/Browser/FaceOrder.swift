import Dataset

/// The order the browser shows faces in. The orders by probability need a model; faces not
/// predicted yet come after the predicted ones, in dataset order.
public enum FaceOrder: Int, CaseIterable, Hashable, Sendable {
    /// As loaded: split, class, then file path.
    case dataset
    /// By file path.
    case file
    /// Lowest top probability first: the faces the model is least sure of.
    case leastSure
    /// Lowest probability of the true class first: the faces the model gets most wrong.
    case hardest

    /// Words for the title bar.
    var name: String {
        switch self {
        case .dataset: "dataset order"
        case .file: "by file"
        case .leastSure: "least sure first"
        case .hardest: "hardest first"
        }
    }

    /// True for the orders that read the model's probabilities.
    var needsPredictions: Bool { self == .leastSure || self == .hardest }

    /// The next order; the probability orders only when a model is loaded.
    func next(withModel: Bool) -> FaceOrder {
        next { withModel || !$0.needsPredictions }
    }

    /// `faces` (dataset indices) in this order; ties keep dataset order.
    func sorted(_ faces: [Int], in dataset: FaceDataset, predictions: FacePredictions?) -> [Int] {
        switch self {
        case .dataset:
            return faces
        case .file:
            return Self.sorted(faces, by: faces.map { dataset.sources[$0].description })
        case .leastSure:
            return Self.sorted(faces, by: faces.map { predictions?.topProbability(of: $0) ?? .infinity })
        case .hardest:
            // The prediction column of each dataset class, looked up once.
            let columns = dataset.classNames.map { predictions?.classNames.firstIndex(of: $0) }
            return Self.sorted(faces, by: faces.map { face in
                columns[Int(dataset.labels[face])].flatMap { predictions?.probability(of: face, class: $0) }
                    ?? .infinity
            })
        }
    }

    /// `faces` by ascending `keys` (one per face), ties in their given order.
    private static func sorted<Key: Comparable>(_ faces: [Int], by keys: [Key]) -> [Int] {
        faces.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { faces[$0] }
    }
}
