import Dataset
import Engine
import Foundation

/// Accuracy, per-class precision/recall/F1 and confusion matrix of a model or ensemble on
/// labelled faces (`fer eval`, and the test part of a run's summary).
public enum Evaluator {
    /// Evaluates `predictor` (its ensemble mean, when it holds several models) on the samples
    /// `indices` of `dataset` (all samples when nil).
    public static func evaluate(
        _ predictor: Predictor, dataset: FaceDataset, indices: [Int]? = nil
    ) throws(TrainingError) -> EvaluationReport {
        try evaluateMembers(predictor, dataset: dataset, indices: indices).ensemble
    }

    /// Evaluates one model on `indices` of `dataset` (all samples when nil).
    public static func evaluate(
        model: Model, dataset: FaceDataset, indices: [Int]? = nil
    ) throws(TrainingError) -> EvaluationReport {
        try evaluate(Predictor(models: [model]), dataset: dataset, indices: indices)
    }

    /// The samples `fer eval` scores by default: the held-out split when the dataset has one
    /// (never seen in training), else every sample; with a name for the report.
    public static func defaultIndices(for dataset: FaceDataset) -> (indices: [Int], name: String) {
        let heldOut = dataset.heldOutIndices
        if heldOut.isEmpty { return (Array(0 ..< dataset.count), "all \(Formatting.grouped(dataset.count)) images") }
        let splits = Set(heldOut.map { dataset.splits[$0] }).map(\.description).sorted().joined(separator: " + ")
        return (heldOut, "held-out \(splits) split")
    }

    /// The report of every member on its own and of their mean, from one pass over the data.
    static func evaluateMembers(
        _ predictor: Predictor, dataset: FaceDataset, indices: [Int]?
    ) throws(TrainingError) -> (members: [EvaluationReport], ensemble: EvaluationReport) {
        guard predictor.classNames == dataset.classNames else {
            throw .invalidInput("the model's classes \(predictor.classNames) differ from the dataset's "
                + "\(dataset.classNames)")
        }
        let samples = indices ?? Array(0 ..< dataset.count)
        if let bad = samples.first(where: { !(0 ..< dataset.count).contains($0) }) {
            throw .invalidInput("sample \(bad) is outside the dataset's \(dataset.count) samples")
        }
        let size = FaceDataset.imageByteCount
        let members = dataset.pixels.withUnsafeBufferPointer { pixels in
            predictor.memberProbabilities(count: samples.count) { position, body in
                body(UnsafeBufferPointer(rebasing: pixels[samples[position] * size ..< (samples[position] + 1) * size]))
            }
        }
        let labels = samples.map { Int(dataset.labels[$0]) }
        let reports = members.map { report(probabilities: $0, labels: labels, classNames: dataset.classNames) }
        guard members.count > 1 else { return (reports, reports[0]) }
        let ensemble = report(probabilities: Predictor.mean(members), labels: labels, classNames: dataset.classNames)
        return (reports, ensemble)
    }

    /// Confusion matrix and mean cross-entropy (probabilities clipped at 1e-7, as Keras does) of
    /// flat `[labels.count × classes]` probabilities.
    static func report(probabilities: [Float], labels: [Int], classNames: [String]) -> EvaluationReport {
        var matrix = ConfusionMatrix(classNames: classNames)
        let classes = classNames.count
        var lossSum: Double = 0
        probabilities.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for (sample, label) in labels.enumerated() {
                let row = base + sample * classes
                matrix.record(actual: label, predicted: argmax(row, count: classes))
                lossSum -= log(Double(max(row[label], 1e-7)))
            }
        }
        return EvaluationReport(confusionMatrix: matrix, loss: labels.isEmpty ? nil : lossSum / Double(labels.count))
    }
}
