import Dataset
import Foundation

/// A teacher's class probabilities for the K-fold pool's faces, predicted once per session on
/// the faces as they are (the augmented views of a face share its row).
struct TeacherTargets {
    /// Flat `[dataset.count × classes]`; rows of test faces stay zero (never trained on).
    private let probabilities: [Float]
    private let classes: Int
    /// Faces predicted and the seconds it took, for the run log.
    let faceCount: Int
    let seconds: Double

    /// Predicts the pool of `plan` with the teacher `distillation` names.
    init(_ distillation: Distillation, plan: TrainingPlan) throws(TrainingError) {
        let started = ContinuousClock.now
        let teacher = distillation.teacher
        let reference = try ModelReference.resolve(teacher, defaultModelPath: teacher)
        let predictor = try Predictor.load(reference)
        let dataset = plan.dataset
        guard predictor.classNames == dataset.classNames else {
            throw .invalidConfig("the teacher \(distillation.teacher) knows the classes "
                + "\(predictor.classNames.joined(separator: ", ")), the dataset "
                + "\(dataset.classNames.joined(separator: ", "))")
        }
        let pool = (plan.folds.folds.first.map { $0.trainIndices + $0.validationIndices } ?? []).sorted()
        let predicted = Predictor.mean(Evaluator.probabilities(predictor, dataset: dataset, samples: pool))
        classes = dataset.classCount
        var probabilities = [Float](repeating: 0, count: dataset.count * classes)
        for (row, sample) in pool.enumerated() {
            for index in 0 ..< classes {
                probabilities[sample * classes + index] = predicted[row * classes + index]
            }
        }
        self.probabilities = probabilities
        faceCount = pool.count
        let duration = ContinuousClock.now - started
        seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// The teacher's rows for the samples `indices`, flat `[indices.count × classes]`.
    func rows(_ indices: ArraySlice<Int>) -> [Float] {
        var rows: [Float] = []
        rows.reserveCapacity(indices.count * classes)
        for sample in indices {
            rows.append(contentsOf: probabilities[sample * classes ..< (sample + 1) * classes])
        }
        return rows
    }
}
