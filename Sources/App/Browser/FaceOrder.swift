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
        var order = self
        repeat {
            order = FaceOrder(rawValue: (order.rawValue + 1) % Self.allCases.count) ?? .dataset
        } while order.needsPredictions && !withModel
        return order
    }

    /// `faces` (dataset indices) in this order; ties keep dataset order.
    func sorted(_ faces: [Int], in dataset: FaceDataset, predictions: FacePredictions?) -> [Int] {
        switch self {
        case .dataset:
            return faces
        case .file:
            let paths = faces.map { dataset.sources[$0].description }
            return faces.indices.sorted { (paths[$0], faces[$0]) < (paths[$1], faces[$1]) }.map { faces[$0] }
        case .leastSure, .hardest:
            let keys = faces.map { face -> Float in
                guard let probabilities = predictions?.probabilities(of: face) else { return .infinity }
                if self == .leastSure { return probabilities.max() ?? .infinity }
                let name = dataset.className(of: face)
                guard let column = predictions?.classNames.firstIndex(of: name) else { return .infinity }
                return probabilities[column]
            }
            return faces.indices.sorted { (keys[$0], faces[$0]) < (keys[$1], faces[$1]) }.map { faces[$0] }
        }
    }
}
