import Dataset

/// The samples an evaluation scores, with their labels as the model's class indices. The
/// dataset may hold fewer classes than the model (CK+ has no neutral): its faces are scored
/// over all of the model's classes, and predicting a class the data lacks counts as an error.
struct ScoredSamples {
    let indices: [Int]
    /// Each sample's class, as an index into `classNames`.
    let labels: [Int]
    /// The model's classes.
    let classNames: [String]
    /// The model's classes with no face in the dataset.
    let absentClasses: [String]

    /// `indices` of `dataset` (all samples when nil), after checking they exist and that every
    /// class of the dataset is one of the model's `classNames`.
    init(_ indices: [Int]?, of dataset: FaceDataset, classNames: [String]) throws(TrainingError) {
        let unknown = dataset.classNames.filter { !classNames.contains($0) }
        guard unknown.isEmpty else {
            throw .invalidInput(
                "the dataset's classes \(unknown) are not classes of the model (its classes: \(classNames))"
            )
        }
        let samples = indices ?? Array(0 ..< dataset.count)
        if let bad = samples.first(where: { !(0 ..< dataset.count).contains($0) }) {
            throw .invalidInput("sample \(bad) is outside the dataset's \(dataset.count) samples")
        }
        let modelIndex = dataset.classNames.compactMap { classNames.firstIndex(of: $0) }
        var counts = [Int](repeating: 0, count: dataset.classNames.count)
        for label in dataset.labels { counts[Int(label)] += 1 }
        let present = Set(dataset.classNames.indices.filter { counts[$0] > 0 }.map { dataset.classNames[$0] })
        self.indices = samples
        labels = samples.map { modelIndex[Int(dataset.labels[$0])] }
        self.classNames = classNames
        absentClasses = classNames.filter { !present.contains($0) }
    }
}
