/// Flattens each sample to a vector in NHWC order (as Keras's Flatten with channels_last).
public final class Flatten: Layer {
    private var inputShape: [Int] = []
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    public init() {}

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] { [inputShape.reduce(1, *)] }

    // x: [N, H, W, C] -> y: [N, H·W·C]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        inputShape = input.shape
        output.resize(to: [input.batchSize, input.sampleSize])
        output.pointer.update(from: input.pointer, count: input.count)
        return output
    }

    // dy: [N, H·W·C] -> dx: [N, H, W, C]
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        inputGradient.resize(to: inputShape)
        inputGradient.pointer.update(from: outputGradient.pointer, count: outputGradient.count)
        return inputGradient
    }
}
