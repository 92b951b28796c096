/// Mean over all spatial positions of each channel: [N, H, W, C] -> [N, C].
public final class GlobalAveragePooling: Layer {
    private var inputShape: [Int] = []
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    public init() {}

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] {
        guard inputShape.count == 3 else {
            throw .invalidShape("GlobalAveragePooling expects [H, W, C], got \(inputShape)")
        }
        return [inputShape[2]]
    }

    // x: [N, H, W, C] -> y: [N, C]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        inputShape = input.shape
        let batch = input.batchSize, channels = input.shape[3], positions = input.shape[1] * input.shape[2]
        output.resize(to: [batch, channels])
        output.fill(0)
        let scale = 1 / Float(positions)
        for image in 0 ..< batch {
            let sums = output.pointer + image * channels
            Activation.accumulateColumnSums(
                input.pointer + image * positions * channels, rows: positions, channels: channels, into: sums
            )
            for channel in 0 ..< channels { sums[channel] *= scale }
        }
        return output
    }

    // dy: [N, C] -> dx: [N, H, W, C]
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        inputGradient.resize(to: inputShape)
        let batch = inputShape[0], channels = inputShape[3], positions = inputShape[1] * inputShape[2]
        let scale = 1 / Float(positions)
        for image in 0 ..< batch {
            let gradient = outputGradient.pointer + image * channels
            for position in 0 ..< positions {
                let target = inputGradient.pointer + (image * positions + position) * channels
                for channel in 0 ..< channels { target[channel] = gradient[channel] * scale }
            }
        }
        return inputGradient
    }
}
