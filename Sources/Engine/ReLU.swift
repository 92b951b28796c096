/// Rectified linear unit as its own layer (Conv2D, Dense and BatchNorm can also fuse it).
public final class ReLU: Layer {
    private let output = Tensor(shape: [0])

    public init() {}

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] { inputShape }

    // x: [N, ...] -> y: [N, ...]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        output.resize(to: input.shape)
        let source = input.pointer, destination = output.pointer
        Parallel.forEachShard(input.count) { _, range in
            for index in range { destination[index] = max(source[index], 0) }
        }
        return output
    }

    // dy: [N, ...] -> dx: [N, ...] (masked in place)
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        let gradient = outputGradient.pointer, activations = output.pointer
        Parallel.forEachShard(outputGradient.count) { _, range in
            Activation.maskGradient(gradient + range.lowerBound, output: activations + range.lowerBound, count: range.count)
        }
        return outputGradient
    }
}
