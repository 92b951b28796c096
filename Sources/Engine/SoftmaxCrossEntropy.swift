/// Softmax followed by cross-entropy, with a fused backward `(p - y) · weight / N`.
/// Optional label smoothing (targets `1 - ε + ε/K` and `ε/K`) and per-class weights
/// (as Keras's `class_weight`: each sample's loss scaled by its class weight), and knowledge
/// distillation: targets that mix the (smoothed) label with a teacher model's probabilities.
public final class SoftmaxCrossEntropy {
    public var labelSmoothing: Float
    public var classWeights: [Float]?
    /// Share of the teacher's probabilities in each target when `forward` is given them
    /// (the rest is the smoothed label).
    public var teacherWeight: Float

    public private(set) var probabilities = Tensor(shape: [0])
    private let logitGradient = Tensor(shape: [0])
    private var labels: [Int] = []
    private var teacher: [Float] = []

    public init(labelSmoothing: Float = 0, classWeights: [Float]? = nil, teacherWeight: Float = 0) {
        self.labelSmoothing = labelSmoothing
        self.classWeights = classWeights
        self.teacherWeight = teacherWeight
    }

    /// Row-wise softmax of `logits` [N, K] into `probabilities` [N, K].
    public static func softmax(_ logits: Tensor, into probabilities: Tensor) {
        probabilities.resize(to: logits.shape)
        let classes = logits.shape.last ?? 0
        for row in 0 ..< logits.count / max(classes, 1) {
            let from = logits.pointer + row * classes, to = probabilities.pointer + row * classes
            var largest = -Float.infinity
            for index in 0 ..< classes { largest = max(largest, from[index]) }
            var total: Float = 0
            for index in 0 ..< classes {
                to[index] = exp(from[index] - largest)
                total += to[index]
            }
            for index in 0 ..< classes { to[index] /= total }
        }
    }

    /// Mean loss of `logits` [N, K] for `labels` [N]; `teacher`, when not empty, holds a
    /// teacher's probabilities [N × K] to mix into the targets.
    public func forward(_ logits: Tensor, labels: [Int], teacher: [Float] = []) -> Float {
        precondition(teacher.isEmpty || teacher.count == logits.count, "one teacher row per sample")
        self.labels = labels
        self.teacher = teacher
        Self.softmax(logits, into: probabilities)
        let classes = logits.shape[1]
        var total: Double = 0
        for (row, label) in labels.enumerated() {
            let from = logits.pointer + row * classes
            var largest = -Float.infinity
            for index in 0 ..< classes { largest = max(largest, from[index]) }
            var sum: Double = 0
            for index in 0 ..< classes { sum += Double(exp(from[index] - largest)) }
            let logSumExp = Double(largest) + log(sum)
            var loss: Double = 0
            for index in 0 ..< classes {
                let target = target(row: row, index: index, label: label, classes: classes)
                if target > 0 { loss -= Double(target) * (Double(from[index]) - logSumExp) }
            }
            total += loss * Double(weight(label))
        }
        return Float(total / Double(max(labels.count, 1)))
    }

    // -> dlogits: [N, K]
    public func backward() -> Tensor {
        logitGradient.resize(to: probabilities.shape)
        let classes = probabilities.shape[1], scale = 1 / Float(max(labels.count, 1))
        for (row, label) in labels.enumerated() {
            let factor = weight(label) * scale
            for index in 0 ..< classes {
                let offset = row * classes + index
                let target = target(row: row, index: index, label: label, classes: classes)
                logitGradient[offset] = (probabilities[offset] - target) * factor
            }
        }
        return logitGradient
    }

    @inline(__always)
    private func target(row: Int, index: Int, label: Int, classes: Int) -> Float {
        let base = labelSmoothing / Float(classes)
        let hard = index == label ? 1 - labelSmoothing + base : base
        guard !teacher.isEmpty else { return hard }
        return (1 - teacherWeight) * hard + teacherWeight * teacher[row * classes + index]
    }

    @inline(__always)
    private func weight(_ label: Int) -> Float {
        guard let classWeights, label < classWeights.count else { return 1 }
        return classWeights[label]
    }
}

import Foundation
