/// Predictions for a contiguous run of a dataset's faces, as the classifying worker sends them.
public struct PredictionChunk: Sendable {
    /// Index of the first face.
    public var start: Int
    /// The model's class names (the order of `probabilities`).
    public var classNames: [String]
    /// `count × classNames.count` probabilities, face after face.
    public var probabilities: [Float]

    public init(start: Int, classNames: [String], probabilities: [Float]) {
        self.start = start
        self.classNames = classNames
        self.probabilities = probabilities
    }

    /// Faces in the chunk.
    public var count: Int { classNames.isEmpty ? 0 : probabilities.count / classNames.count }
}

/// The model's predictions for a dataset's faces, filled in chunk by chunk while the worker runs.
public struct FacePredictions: Sendable {
    public let classNames: [String]
    /// Faces in the dataset.
    public let faceCount: Int
    /// Predicted class per face; -1 until predicted.
    private(set) var predicted: [Int16]
    private(set) var probabilities: [Float]
    /// Faces predicted so far.
    public private(set) var doneCount = 0

    public init(classNames: [String], faceCount: Int) {
        self.classNames = classNames
        self.faceCount = max(0, faceCount)
        predicted = Array(repeating: -1, count: self.faceCount)
        probabilities = Array(repeating: 0, count: self.faceCount * classNames.count)
    }

    public var isComplete: Bool { doneCount >= faceCount }

    /// Stores a chunk; parts outside the dataset, or with other class names, are ignored.
    public mutating func merge(_ chunk: PredictionChunk) {
        let classes = classNames.count
        guard chunk.classNames == classNames, classes > 0, chunk.start >= 0 else { return }
        for offset in 0..<chunk.count {
            let face = chunk.start + offset
            guard face < faceCount else { break }
            let source = offset * classes
            var best = 0
            for index in 0..<classes {
                let value = chunk.probabilities[source + index]
                probabilities[face * classes + index] = value
                if value > chunk.probabilities[source + best] { best = index }
            }
            if predicted[face] < 0 { doneCount += 1 }
            predicted[face] = Int16(best)
        }
    }

    /// The predicted class of a face, nil until predicted.
    public func predictedClass(of face: Int) -> Int? {
        guard predicted.indices.contains(face), predicted[face] >= 0 else { return nil }
        return Int(predicted[face])
    }

    /// The probabilities of a face, nil until predicted.
    public func probabilities(of face: Int) -> [Float]? {
        guard predictedClass(of: face) != nil else { return nil }
        let classes = classNames.count
        return Array(probabilities[face * classes..<(face + 1) * classes])
    }

    /// The probability of class `index` (in `classNames`) for a face, nil until predicted.
    public func probability(of face: Int, class index: Int) -> Float? {
        guard predictedClass(of: face) != nil, classNames.indices.contains(index) else { return nil }
        return probabilities[face * classNames.count + index]
    }

    /// The highest probability of a face (that of its predicted class), nil until predicted.
    public func topProbability(of face: Int) -> Float? {
        predictedClass(of: face).flatMap { probability(of: face, class: $0) }
    }

    /// The predicted class name of a face, nil until predicted.
    public func predictedName(of face: Int) -> String? {
        predictedClass(of: face).map { classNames[$0] }
    }
}
