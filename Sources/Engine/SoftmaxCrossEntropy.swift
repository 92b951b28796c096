/// Softmax followed by cross-entropy, with a fused backward `(p - y) · weight / N`.
/// Optional label smoothing (targets `1 - ε + ε/K` and `ε/K`) and per-class weights
/// (as Keras's `class_weight`: each sample's loss scaled by its class weight).
public final class SoftmaxCrossEntropy {
    public var labelSmoothing: Float
    public var classWeights: [Float]?

    public private(set) var probabilities = Tensor(shape: [0])
    private let logitGradient = Tensor(shape: [0])
    private var labels: [Int] = []

    public init(labelSmoothing: Float = 0, classWeights: [Float]? = nil) {
        self.labelSmoothing = labelSmoothing
        self.classWeights = classWeights
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

    // logits: [N, K], labels: [N] -> mean loss
    public func forward(_ logits: Tensor, labels: [Int]) -> Float {
        self.labels = labels
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
                let target = target(index: index, label: label, classes: classes)
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
                logitGradient[offset] = (probabilities[offset] - target(index: index, label: label, classes: classes)) * factor
            }
        }
        return logitGradient
    }

    @inline(__always)
    private func target(index: Int, label: Int, classes: Int) -> Float {
        let base = labelSmoothing / Float(classes)
        return index == label ? 1 - labelSmoothing + base : base
    }

    @inline(__always)
    private func weight(_ label: Int) -> Float {
        guard let classWeights, label < classWeights.count else { return 1 }
        return classWeights[label]
    }
}

import Foundation
