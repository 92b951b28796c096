/// Counts of (actual class, predicted class) pairs; rows are actual classes, columns predictions.
public struct ConfusionMatrix: Codable, Sendable, Equatable {
    public let classNames: [String]
    /// `counts[actual][predicted]`.
    public private(set) var counts: [[Int]]

    /// An all-zero matrix for `classNames`.
    public init(classNames: [String]) {
        self.classNames = classNames
        counts = Array(repeating: Array(repeating: 0, count: classNames.count), count: classNames.count)
    }

    /// A matrix from given counts, which must be square, one row per class, and not negative.
    public init(classNames: [String], counts: [[Int]]) throws(TrainingError) {
        guard counts.count == classNames.count, counts.allSatisfy({ $0.count == classNames.count }) else {
            throw .invalidInput("a confusion matrix for \(classNames.count) classes needs "
                + "\(classNames.count)×\(classNames.count) counts")
        }
        guard counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            throw .invalidInput("confusion matrix counts cannot be negative")
        }
        self.classNames = classNames
        self.counts = counts
    }

    public var classCount: Int { classNames.count }

    /// Adds one sample; labels outside the classes are a programming error upstream.
    public mutating func record(actual: Int, predicted: Int) {
        counts[actual][predicted] += 1
    }

    /// Adds `other`'s counts (same classes), e.g. to pool the validation parts of all folds.
    public mutating func add(_ other: ConfusionMatrix) {
        for actual in counts.indices {
            for predicted in counts[actual].indices {
                counts[actual][predicted] += other.counts[actual][predicted]
            }
        }
    }

    /// Number of samples counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Samples on the diagonal.
    public var correct: Int { counts.indices.reduce(0) { $0 + counts[$1][$1] } }

    /// Fraction predicted right (0 when empty).
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Samples whose actual class is `classIndex`.
    public func support(of classIndex: Int) -> Int { counts[classIndex].reduce(0, +) }

    /// Samples predicted as `classIndex`.
    public func predictions(of classIndex: Int) -> Int { counts.reduce(0) { $0 + $1[classIndex] } }

    /// Precision, recall and F1 of every class. A ratio with nothing to divide by is 0
    /// (scikit-learn's `zero_division=0`), so reports never hold NaN.
    public var classMetrics: [ClassMetrics] {
        classNames.indices.map { index in
            let hits = Double(counts[index][index])
            let predicted = Double(predictions(of: index)), actual = Double(support(of: index))
            let precision = predicted > 0 ? hits / predicted : 0
            let recall = actual > 0 ? hits / actual : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return ClassMetrics(
                name: classNames[index], precision: precision, recall: recall, f1: f1, support: Int(actual)
            )
        }
    }

    enum CodingKeys: String, CodingKey {
        case classNames = "class_names"
        case counts
    }
}

/// Precision, recall and F1 of one class, and how many samples of it there were.
public struct ClassMetrics: Codable, Sendable, Equatable {
    public let name: String
    public let precision: Double
    public let recall: Double
    public let f1: Double
    public let support: Int
}
