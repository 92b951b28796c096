/// Inverted dropout: in training, zeroes each value with probability `rate` and scales the
/// rest by 1 / (1 - rate); at inference it passes values through.
public final class Dropout: Layer {
    public let rate: Float
    /// Seeded generator; saved in resumable checkpoints so masks repeat exactly.
    public var generator: RandomGenerator

    private let output = Tensor(shape: [0])
    private let mask = Tensor(shape: [0])
    private var wasTraining = false

    public init(rate: Float, generator: RandomGenerator) {
        self.rate = rate
        self.generator = generator
    }

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] { inputShape }

    // x: [N, ...] -> y: [N, ...]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        wasTraining = training && rate > 0
        guard wasTraining else { return input }
        output.resize(to: input.shape)
        mask.resize(to: input.shape)
        let keep = 1 - rate, scale = 1 / (1 - rate)
        for index in 0 ..< input.count {
            let factor: Float = generator.uniform() < keep ? scale : 0
            mask[index] = factor
            output[index] = input[index] * factor
        }
        return output
    }

    // dy: [N, ...] -> dx: [N, ...] (scaled in place)
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        guard wasTraining else { return outputGradient }
        for index in 0 ..< outputGradient.count { outputGradient[index] *= mask[index] }
        return outputGradient
    }
}
