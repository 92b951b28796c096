/// Batch normalisation over the last (channel) axis, for conv maps [N, H, W, C] and dense
/// features [N, C], with Keras's defaults (momentum 0.99, epsilon 1e-3) and optional fused ReLU.
public final class BatchNorm: Layer {
    public let channels: Int
    public let momentum: Float
    public let epsilon: Float
    public let activation: Activation
    public let scale: Parameter
    public let offset: Parameter
    public let runningMean: Parameter
    public let runningVariance: Parameter

    private var input: Tensor?
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])
    private var mean: [Float] = []
    private var inverseDeviation: [Float] = []
    private var partialSums: [[Double]] = []

    public init(channels: Int, momentum: Float = 0.99, epsilon: Float = 1e-3, activation: Activation = .linear) {
        self.channels = channels
        self.momentum = momentum
        self.epsilon = epsilon
        self.activation = activation
        scale = Parameter(name: "gamma", shape: [channels], decays: false, initialValue: 1)
        offset = Parameter(name: "beta", shape: [channels], decays: false)
        runningMean = Parameter(name: "moving_mean", shape: [channels], decays: false)
        runningVariance = Parameter(name: "moving_variance", shape: [channels], decays: false, initialValue: 1)
    }

    public var parameters: [Parameter] { [scale, offset] }
    public var buffers: [Parameter] { [runningMean, runningVariance] }

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] {
        guard inputShape.last == channels else {
            throw .invalidShape("BatchNorm expects \(channels) channels last, got \(inputShape)")
        }
        return inputShape
    }

    public func forwardFlops(inputShape: [Int]) -> Int { 2 * inputShape.reduce(1, *) }

    /// Sums over each worker's rows of `first(row)` and `second(row)` per channel, in Double.
    private func channelSums(
        rows: Int, _ values: (Int, Int) -> (Double, Double)
    ) -> (first: [Double], second: [Double]) {
        let shards = Parallel.shards(rows)
        if partialSums.count != shards.count * 2 {
            partialSums = Array(repeating: Array(repeating: 0, count: channels), count: shards.count * 2)
        }
        let channels = channels
        partialSums.withUnsafeMutableBufferPointer { sums in
            let sums = UncheckedSendable(sums)
            Parallel.forEach(shards.count) { worker in
                var first = [Double](repeating: 0, count: channels)
                var second = [Double](repeating: 0, count: channels)
                for row in shards[worker] {
                    for channel in 0 ..< channels {
                        let (a, b) = values(row, channel)
                        first[channel] += a
                        second[channel] += b
                    }
                }
                sums.value[2 * worker] = first
                sums.value[2 * worker + 1] = second
            }
        }
        var first = [Double](repeating: 0, count: channels), second = first
        for worker in shards.indices {
            for channel in 0 ..< channels {
                first[channel] += partialSums[2 * worker][channel]
                second[channel] += partialSums[2 * worker + 1][channel]
            }
        }
        return (first, second)
    }

    // x: [N, ..., C] -> y: [N, ..., C]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        self.input = input
        output.resize(to: input.shape)
        let rows = input.count / channels, channels = channels, source = input.pointer
        if training {
            let (sums, squares) = channelSums(rows: rows) { row, channel in
                let value = Double(source[row * channels + channel])
                return (value, value * value)
            }
            mean = sums.map { Float($0 / Double(rows)) }
            let variance = (0 ..< channels).map { max(squares[$0] / Double(rows) - pow(sums[$0] / Double(rows), 2), 0) }
            inverseDeviation = variance.map { 1 / (Float($0) + epsilon).squareRoot() }
            for channel in 0 ..< channels {
                runningMean.value[channel] = momentum * runningMean.value[channel] + (1 - momentum) * mean[channel]
                runningVariance.value[channel] = momentum * runningVariance.value[channel]
                    + (1 - momentum) * Float(variance[channel])
            }
        } else {
            mean = runningMean.value.values
            inverseDeviation = runningVariance.value.values.map { 1 / ($0 + epsilon).squareRoot() }
        }
        // y = x · (gamma / sigma) + (beta - mean · gamma / sigma)
        let multiplier = (0 ..< channels).map { scale.value[$0] * inverseDeviation[$0] }
        let shift = (0 ..< channels).map { offset.value[$0] - mean[$0] * multiplier[$0] }
        let destination = output.pointer, relu = activation == .relu
        multiplier.withUnsafeBufferPointer { multiplier in
            shift.withUnsafeBufferPointer { shift in
                let multiplier = UncheckedSendable(multiplier), shift = UncheckedSendable(shift)
                Parallel.forEachShard(rows) { _, range in
                    for row in range {
                        let from = source + row * channels, to = destination + row * channels
                        for channel in 0 ..< channels {
                            let value = from[channel] * multiplier.value[channel] + shift.value[channel]
                            to[channel] = relu ? max(value, 0) : value
                        }
                    }
                }
            }
        }
        return output
    }

    // dy: [N, ..., C] -> dx: [N, ..., C]
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let input else { preconditionFailure("BatchNorm.backward before forward") }
        let rows = input.count / channels, channels = channels
        let source = input.pointer, gradient = outputGradient.pointer
        if activation == .relu {
            let activations = output.pointer
            Parallel.forEachShard(outputGradient.count) { _, range in
                Activation.maskGradient(gradient + range.lowerBound, output: activations + range.lowerBound, count: range.count)
            }
        }
        let mean = mean, inverseDeviation = inverseDeviation
        let (gradientSums, weightedSums) = channelSums(rows: rows) { row, channel in
            let index = row * channels + channel
            let normalized = (source[index] - mean[channel]) * inverseDeviation[channel]
            return (Double(gradient[index]), Double(gradient[index] * normalized))
        }
        for channel in 0 ..< channels {
            offset.gradient[channel] += Float(gradientSums[channel])
            scale.gradient[channel] += Float(weightedSums[channel])
        }
        guard needsInputGradient else { return nil }
        inputGradient.resize(to: input.shape)
        let destination = inputGradient.pointer, count = Float(rows)
        let meanGradient = gradientSums.map { Float($0) / count }
        let meanWeighted = weightedSums.map { Float($0) / count }
        let gamma = scale.value.values
        Parallel.forEachShard(rows) { _, range in
            for row in range {
                for channel in 0 ..< channels {
                    let index = row * channels + channel
                    let normalized = (source[index] - mean[channel]) * inverseDeviation[channel]
                    destination[index] = gamma[channel] * inverseDeviation[channel]
                        * (gradient[index] - meanGradient[channel] - normalized * meanWeighted[channel])
                }
            }
        }
        return inputGradient
    }
}

import Foundation
