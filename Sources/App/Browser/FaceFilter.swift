import Dataset

/// Which faces the browser shows: one class or all, only misclassified ones, and a search in the
/// file paths. `visibleFaces` applies it.
public struct FaceFilter: Hashable, Sendable {
    /// Dataset label to show; nil shows every class.
    public var classIndex: Int?
    /// Only faces the model got wrong (faces not yet predicted are left out).
    public var misclassifiedOnly = false
    /// Case-insensitive text the file path must contain; empty matches all.
    public var search = ""

    public init(classIndex: Int? = nil, misclassifiedOnly: Bool = false, search: String = "") {
        self.classIndex = classIndex
        self.misclassifiedOnly = misclassifiedOnly
        self.search = search
    }

    public var isActive: Bool { classIndex != nil || misclassifiedOnly || !search.isEmpty }

    /// Indices of the faces that pass, in dataset order.
    public func visibleFaces(in dataset: FaceDataset, predictions: FacePredictions?) -> [Int] {
        let needle = search.lowercased()
        return (0..<dataset.count).filter { face in
            if let classIndex, Int(dataset.labels[face]) != classIndex { return false }
            if misclassifiedOnly {
                guard let predictions, let predicted = predictions.predictedName(of: face),
                      predicted != dataset.classNames[Int(dataset.labels[face])] else { return false }
            }
            if !needle.isEmpty, !dataset.sources[face].description.lowercased().contains(needle) {
                return false
            }
            return true
        }
    }

    /// Words for the title bar, e.g. "happy · misclassified · “im12”".
    func summary(classNames: [String]) -> String {
        var parts: [String] = []
        if let classIndex, classNames.indices.contains(classIndex) { parts.append(classNames[classIndex]) }
        if misclassifiedOnly { parts.append("misclassified") }
        if !search.isEmpty { parts.append("\"\(search)\"") }
        return parts.isEmpty ? "all classes" : parts.joined(separator: " · ")
    }
}
