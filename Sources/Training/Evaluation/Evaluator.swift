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
        if heldOut.isEmpty {
            return (Array(0 ..< dataset.count), "all \(Formatting.grouped(dataset.count)) images")
        }
        let splits = Set(heldOut.map { dataset.splits[$0] }).map(\.description).sorted()
            .joined(separator: " + ")
        return (heldOut, "held-out \(splits) split")
    }

    /// Evaluates the model(s) a reference names, loading one checkpoint at a time so an
    /// ensemble costs the memory of one model; the report is the ensemble's (mean of probabilities).
    /// `testTimeAugmentation` chooses the views of each face that are averaged;
    /// `inputBlurSigma` overrides the blur the checkpoints ask for (0: none). `progress` gets
    /// the faces scored so far and the total (faces × members) after each batch.
    public static func evaluate(
        _ reference: ModelReference, dataset: FaceDataset, indices: [Int]? = nil,
        testTimeAugmentation: TestTimeAugmentation = .none,
        inputBlurSigma: Float? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(TrainingError) -> EvaluationReport {
        try evaluateMembers(
            reference, dataset: dataset, indices: indices, testTimeAugmentation: testTimeAugmentation,
            inputBlurSigma: inputBlurSigma, progress: progress
        ).ensemble
    }

    /// Every member's report and the ensemble's, from one pass over the data.
    static func evaluateMembers(
        _ predictor: Predictor, dataset: FaceDataset, indices: [Int]?
    ) throws(TrainingError) -> (members: [EvaluationReport], ensemble: EvaluationReport) {
        let samples = try ScoredSamples(indices, of: dataset, classNames: predictor.classNames)
        let members = probabilities(predictor, dataset: dataset, samples: samples.indices)
        return reports(members: members, of: samples)
    }

    /// Like `evaluateMembers(_:dataset:indices:)`, one checkpoint of `reference` in memory at a time.
    static func evaluateMembers(
        _ reference: ModelReference, dataset: FaceDataset, indices: [Int]?,
        testTimeAugmentation: TestTimeAugmentation = .none,
        inputBlurSigma: Float? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(TrainingError) -> (members: [EvaluationReport], ensemble: EvaluationReport) {
        var members: [[Float]] = []
        var samples: ScoredSamples?
        let paths = reference.checkpointPaths
        for (member, path) in paths.enumerated() {
            let predictor = try Predictor.load(.checkpoint(path: path))
            predictor.testTimeAugmentation = testTimeAugmentation
            if let inputBlurSigma { predictor.inputBlurSigma = inputBlurSigma }
            let scored = try ScoredSamples(indices, of: dataset, classNames: predictor.classNames)
            let count = scored.indices.count
            members += probabilities(predictor, dataset: dataset, samples: scored.indices) { done in
                progress?(member * count + done, paths.count * count)
            }
            samples = scored
        }
        guard let samples else { throw .invalidInput("the model reference names no checkpoint") }
        return reports(members: members, of: samples)
    }

    /// Each of the predictor's members' probabilities for `samples`, read from the dataset in place.
    static func probabilities(
        _ predictor: Predictor, dataset: FaceDataset, samples: [Int], progress: ((Int) -> Void)? = nil
    ) -> [[Float]] {
        let size = FaceDataset.imageByteCount
        return dataset.pixels.withUnsafeBufferPointer { pixels in
            predictor.memberProbabilities(count: samples.count, progress: progress) { position, body in
                let start = samples[position] * size
                body(UnsafeBufferPointer(rebasing: pixels[start ..< start + size]))
            }
        }
    }

    /// The members' reports and their mean's.
    private static func reports(
        members: [[Float]], of samples: ScoredSamples
    ) -> (members: [EvaluationReport], ensemble: EvaluationReport) {
        func scored(_ probabilities: [Float]) -> EvaluationReport {
            report(probabilities: probabilities, labels: samples.labels, classNames: samples.classNames,
                   absentClasses: samples.absentClasses)
        }
        let reports = members.map(scored)
        guard members.count > 1 else { return (reports, reports[0]) }
        return (reports, scored(Predictor.mean(members)))
    }

    /// Confusion matrix and mean cross-entropy (probabilities clipped at 1e-7, as Keras does) of
    /// flat `[labels.count × classes]` probabilities.
    static func report(
        probabilities: [Float], labels: [Int], classNames: [String], absentClasses: [String] = []
    ) -> EvaluationReport {
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
        let loss = labels.isEmpty ? nil : lossSum / Double(labels.count)
        return EvaluationReport(confusionMatrix: matrix, loss: loss, absentClasses: absentClasses)
    }
}
