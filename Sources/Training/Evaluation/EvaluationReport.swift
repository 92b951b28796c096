import Foundation

/// The result of evaluating a model (or an ensemble) on labelled faces: what `fer eval` prints
/// and what `summary.json` stores.
public struct EvaluationReport: Codable, Sendable, Equatable {
    public let sampleCount: Int
    public let accuracy: Double
    /// Mean cross-entropy of the predicted probabilities; nil when not measured.
    public let loss: Double?
    /// One row per class the data holds.
    public let classes: [ClassMetrics]
    /// The model's classes that the data does not hold (a dataset with fewer classes): they have
    /// no row in `classes`, and predicting one counts as an error. Nil when every class is present.
    public let absentClasses: [String]?
    /// Unweighted mean F1 over classes.
    public let macroF1: Double
    /// F1 averaged with each class weighted by its support.
    public let weightedF1: Double
    public let confusionMatrix: ConfusionMatrix

    /// The report of a confusion matrix (and optionally the mean loss of the same samples);
    /// `absentClasses` are left out of the per-class rows and the mean F1s.
    public init(confusionMatrix: ConfusionMatrix, loss: Double? = nil, absentClasses: [String] = []) {
        let classes = confusionMatrix.classMetrics.filter { !absentClasses.contains($0.name) }
        let total = confusionMatrix.total
        self.confusionMatrix = confusionMatrix
        self.classes = classes
        self.loss = loss
        self.absentClasses = absentClasses.isEmpty ? nil : absentClasses
        sampleCount = total
        accuracy = confusionMatrix.accuracy
        macroF1 = classes.isEmpty ? 0 : classes.reduce(0) { $0 + $1.f1 } / Double(classes.count)
        weightedF1 = total == 0 ? 0 : classes.reduce(0) { $0 + $1.f1 * Double($1.support) } / Double(total)
    }

    /// Writes the confusion matrix as a PNG heat map (rows: actual, columns: predicted).
    public func writeConfusionPlot(title: String, to file: URL) throws {
        try RunPlots.writeConfusion(confusionMatrix, title: title, to: file)
    }

    /// A readable table: accuracy, per-class precision/recall/F1/support, and the confusion matrix.
    public var lines: [String] {
        let nameWidth = max(12, (classes.map(\.name.count).max() ?? 0) + 2)
        func padded(_ text: String, _ width: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + fill : fill + text
        }
        var lines = ["accuracy: \(Formatting.fixed(accuracy, 4)) on \(Formatting.grouped(sampleCount)) images"
            + (loss.map { " - loss: \(Formatting.fixed($0, 4))" } ?? "")]
        if let absentClasses {
            let names = absentClasses.joined(separator: ", ")
            lines.append("the data has no \(names) faces: scored over the \(classes.count) classes it holds; "
                + "predicting \(names) counts as an error")
        }
        lines.append("")
        lines.append(padded("", nameWidth, left: true) + ["precision", "recall", "f1", "support"]
            .map { padded($0, 10) }.joined())
        for metrics in classes {
            let scores = [metrics.precision, metrics.recall, metrics.f1]
            lines.append(padded(metrics.name, nameWidth, left: true)
                + scores.map { padded(Formatting.fixed($0, 4), 10) }.joined()
                + padded(Formatting.grouped(metrics.support), 10))
        }
        for (name, score) in [("macro avg", macroF1), ("weighted avg", weightedF1)] {
            let value = padded(Formatting.fixed(score, 4), 10)
            lines.append(padded(name, nameWidth, left: true) + padded("", 20) + value)
        }
        lines.append("")
        lines.append("confusion matrix (rows: actual, columns: predicted)")
        let names = confusionMatrix.classNames
        let widestCount = confusionMatrix.counts.flatMap { $0 }.max().map { String($0).count } ?? 1
        let cellWidth = max(7, widestCount + 2)
        let header = names.map { padded(String($0.prefix(cellWidth - 1)), cellWidth) }.joined()
        lines.append(padded("", nameWidth, left: true) + header)
        for (name, row) in zip(names, confusionMatrix.counts) where !(absentClasses ?? []).contains(name) {
            let cells = row.map { padded(String($0), cellWidth) }.joined()
            lines.append(padded(name, nameWidth, left: true) + cells)
        }
        return lines
    }

    enum CodingKeys: String, CodingKey {
        case sampleCount = "sample_count"
        case accuracy, loss, classes
        case absentClasses = "absent_classes"
        case macroF1 = "macro_f1"
        case weightedF1 = "weighted_f1"
        case confusionMatrix = "confusion_matrix"
    }
}
