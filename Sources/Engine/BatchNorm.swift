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
    /// Per-channel mean and 1/σ of the last forward pass.
    private let mean: Tensor
    private let inverseDeviation: Tensor
    /// Per-channel y = x · multiplier + shift of the last forward pass.
    private let multiplier: Tensor
    private let shift: Tensor
    /// Per-worker [2, channels] partial sums, in Double.
    private var partialSums: [UnsafeMutablePointer<Double>] = []

    public init(channels: Int, momentum: Float = 0.99, epsilon: Float = 1e-3, activation: Activation = .linear) {
        self.channels = channels
        self.momentum = momentum
        self.epsilon = epsilon
        self.activation = activation
        scale = Parameter(name: "gamma", shape: [channels], decays: false, initialValue: 1)
        offset = Parameter(name: "beta", shape: [channels], decays: false)
        runningMean = Parameter(name: "moving_mean", shape: [channels], decays: false)
        runningVariance = Parameter(name: "moving_variance", shape: [channels], decays: false, initialValue: 1)
        mean = Tensor(shape: [channels])
        inverseDeviation = Tensor(shape: [channels])
        multiplier = Tensor(shape: [channels])
        shift = Tensor(shape: [channels])
    }

    deinit { for sums in partialSums { sums.deallocate() } }

    public var parameters: [Parameter] { [scale, offset] }
    public var buffers: [Parameter] { [runningMean, runningVariance] }

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] {
        guard inputShape.last == channels else {
            throw .invalidShape("BatchNorm expects \(channels) channels last, got \(inputShape)")
        }
        return inputShape
    }

    public func forwardFlops(inputShape: [Int]) -> Int { 2 * inputShape.reduce(1, *) }

    /// Runs `accumulate(rows, first, second)` on each worker's rows, where `first` and
    /// `second` are Float per-channel accumulators for blocks of rows; returns the Double totals.
    private func channelSums(
        rows: Int,
        _ accumulate: (Range<Int>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void
    ) -> (first: [Double], second: [Double]) {
        let shards = Parallel.shards(rows), channels = channels
        while partialSums.count < shards.count { partialSums.append(.allocate(capacity: 2 * channels)) }
        let sums = UncheckedSendable(partialSums)
        Parallel.forEach(shards.count) { worker in
            let total = sums.value[worker]
            total.initialize(repeating: 0, count: 2 * channels)
            let block = UnsafeMutablePointer<Float>.allocate(capacity: 2 * channels)
            defer { block.deallocate() }
            // Float sums over short blocks, added into Double totals: fast and accurate.
            for start in stride(from: shards[worker].lowerBound, to: shards[worker].upperBound, by: 128) {
                block.initialize(repeating: 0, count: 2 * channels)
                accumulate(start ..< min(start + 128, shards[worker].upperBound), block, block + channels)
                for index in 0 ..< 2 * channels { total[index] += Double(block[index]) }
            }
        }
        var first = [Double](repeating: 0, count: channels), second = first
        for worker in shards.indices {
            for channel in 0 ..< channels {
                first[channel] += partialSums[worker][channel]
                second[channel] += partialSums[worker][channels + channel]
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
            let (sums, squares) = channelSums(rows: rows) { range, sum, square in
                for row in range {
                    let line = source + row * channels
                    forEachVector(channels) { channel in
                        let lanes = line.vector(at: channel, end: channels)
                        sum.store(sum.vector(at: channel, end: channels) + lanes, at: channel, end: channels)
                        square.store(
                            square.vector(at: channel, end: channels) + lanes * lanes, at: channel, end: channels
                        )
                    }
                }
            }
            for channel in 0 ..< channels {
                let batchMean = sums[channel] / Double(rows)
                let variance = max(squares[channel] / Double(rows) - batchMean * batchMean, 0)
                mean[channel] = Float(batchMean)
                inverseDeviation[channel] = 1 / (Float(variance) + epsilon).squareRoot()
                runningMean.value[channel] = momentum * runningMean.value[channel] + (1 - momentum) * Float(batchMean)
                runningVariance.value[channel] = momentum * runningVariance.value[channel] + (1 - momentum) * Float(variance)
            }
        } else {
            for channel in 0 ..< channels {
                mean[channel] = runningMean.value[channel]
                inverseDeviation[channel] = 1 / (runningVariance.value[channel] + epsilon).squareRoot()
            }
        }
        for channel in 0 ..< channels {
            multiplier[channel] = scale.value[channel] * inverseDeviation[channel]
            shift[channel] = offset.value[channel] - mean[channel] * multiplier[channel]
        }
        let destination = output.pointer, relu = activation == .relu
        let multiplier = multiplier.pointer, shift = shift.pointer
        Parallel.forEachShard(rows) { _, range in
            for row in range {
                let from = source + row * channels, to = destination + row * channels
                forEachVector(channels) { channel in
                    var lanes = from.vector(at: channel, end: channels) * multiplier.vector(at: channel, end: channels)
                        + shift.vector(at: channel, end: channels)
                    if relu { lanes.replace(with: 0, where: lanes .< 0) }
                    to.store(lanes, at: channel, end: channels)
                }
            }
        }
        return output
    }

    // dy: [N, ..., C] -> dx: [N, ..., C]
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let input else { preconditionFailure("BatchNorm.backward before forward") }
        let rows = input.count / channels, channels = channels, relu = activation == .relu
        let source = input.pointer, gradient = outputGradient.pointer, activations = output.pointer
        let mean = mean.pointer, inverseDeviation = inverseDeviation.pointer
        // Σ dy and Σ dy · x̂, masking dy in place where the fused ReLU was off.
        let (gradientSums, weightedSums) = channelSums(rows: rows) { range, sum, weighted in
            for row in range {
                let offset = row * channels
                let dy = gradient + offset, x = source + offset, y = activations + offset
                forEachVector(channels) { channel in
                    var lanes = dy.vector(at: channel, end: channels)
                    if relu {
                        lanes.replace(with: 0, where: y.vector(at: channel, end: channels) .<= 0)
                        dy.store(lanes, at: channel, end: channels)
                    }
                    let normalized = (x.vector(at: channel, end: channels) - mean.vector(at: channel, end: channels))
                        * inverseDeviation.vector(at: channel, end: channels)
                    sum.store(sum.vector(at: channel, end: channels) + lanes, at: channel, end: channels)
                    weighted.store(
                        weighted.vector(at: channel, end: channels) + lanes * normalized, at: channel, end: channels
                    )
                }
            }
        }
        for channel in 0 ..< channels {
            offset.gradient[channel] += Float(gradientSums[channel])
            scale.gradient[channel] += Float(weightedSums[channel])
        }
        guard needsInputGradient else { return nil }
        inputGradient.resize(to: input.shape)
        // dx = γ/σ · (dy − mean(dy) − x̂ · mean(dy · x̂))
        let count = Double(rows)
        let meanGradient = Tensor(shape: [channels], values: gradientSums.map { Float($0 / count) })
        let meanWeighted = Tensor(shape: [channels], values: weightedSums.map { Float($0 / count) })
        let factor = Tensor(shape: [channels], values: (0 ..< channels).map { scale.value[$0] * inverseDeviation[$0] })
        let destination = inputGradient.pointer
        let meanDy = meanGradient.pointer, meanDyX = meanWeighted.pointer, gain = factor.pointer
        Parallel.forEachShard(rows) { _, range in
            for row in range {
                let offset = row * channels
                let dy = gradient + offset, x = source + offset, dx = destination + offset
                forEachVector(channels) { channel in
                    let normalized = (x.vector(at: channel, end: channels) - mean.vector(at: channel, end: channels))
                        * inverseDeviation.vector(at: channel, end: channels)
                    let centered = dy.vector(at: channel, end: channels) - meanDy.vector(at: channel, end: channels)
                        - normalized * meanDyX.vector(at: channel, end: channels)
                    dx.store(gain.vector(at: channel, end: channels) * centered, at: channel, end: channels)
                }
            }
        }
        return inputGradient
    }
}

extension BatchNorm {
    /// This norm in inference mode folded into the linear layer before it:
    /// y = γ (x·w + b − μ) / √(σ² + ε) + β = x·(w·factor) + folded bias, per channel. The one
    /// fold of fused inference and of the ONNX export.
    func folded(bias: UnsafePointer<Float>?) -> (factors: [Float], bias: [Float]) {
        let scale = scale.value.pointer, variance = runningVariance.value.pointer
        let mean = runningMean.value.pointer, offset = offset.value.pointer
        var factors = [Float](repeating: 0, count: channels), folded = factors
        for channel in 0 ..< channels {
            factors[channel] = scale[channel] / (variance[channel] + epsilon).squareRoot()
            folded[channel] = ((bias?[channel] ?? 0) - mean[channel]) * factors[channel] + offset[channel]
        }
        return (factors, folded)
    }
}

extension Model {
    /// The BatchNorm right after layer `index` when it can be folded into it: the layer is a
    /// convolution or Dense without an activation of its own (nothing, no ReLU, in between).
    func foldableNorm(after index: Int) -> BatchNorm? {
        let layer = layers[index]
        let linear = (layer as? Conv2D)?.activation == .linear || (layer as? Dense)?.activation == .linear
        return linear ? layers[safe: index + 1] as? BatchNorm : nil
    }
}
