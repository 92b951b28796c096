/// A sequential network built from a `ModelSpec`: forward to logits, backward from logit
/// gradients, and the flat list of its parameters for optimizers and checkpoints.
public final class Model {
    public let spec: ModelSpec
    public let layers: [Layer]
    /// Per-sample shapes: `shapes[0]` is the input, `shapes[i + 1]` the output of layer i.
    public let shapes: [[Int]]
    /// The first layer with parameters; no gradient needs to pass below it.
    private let firstTrainableLayer: Int?
    private let probabilities = Tensor(shape: [0])

    /// Builds the layers and initialises them as Keras does (Glorot-uniform kernels, zero
    /// biases, BatchNorm γ = 1, β = 0) from `seed`.
    /// `convolutionPath` is how the convolutions run (tests compare the paths).
    public init(spec: ModelSpec, seed: UInt64 = 0, convolutionPath: ConvolutionPath = .preferred) throws(ModelError) {
        BLAS.useEngineThreading()
        var generator = RandomGenerator(seed: seed)
        var layers: [Layer] = []
        var shapes = [spec.inputShape]
        for layerSpec in spec.layers {
            let inputShape = shapes[shapes.count - 1]
            let layer = try Self.makeLayer(
                layerSpec, inputShape: inputShape, convolutionPath: convolutionPath, generator: &generator
            )
            layers.append(layer)
            shapes.append(try layer.outputShape(for: inputShape))
        }
        guard shapes.last == [spec.classNames.count] else {
            throw .invalidShape("the last layer gives \(shapes.last ?? []), expected [\(spec.classNames.count)] class scores")
        }
        self.spec = spec
        self.layers = layers
        self.shapes = shapes
        firstTrainableLayer = layers.firstIndex { !$0.parameters.isEmpty }
    }

    private static func makeLayer(
        _ spec: LayerSpec, inputShape: [Int], convolutionPath: ConvolutionPath, generator: inout RandomGenerator
    ) throws(ModelError) -> Layer {
        switch spec {
        case let .conv2D(filters, kernelSize, stride, padding, activation, useBias):
            guard inputShape.count == 3 else { throw .invalidShape("Conv2D needs an image input, got \(inputShape)") }
            let layer = Conv2D(
                inputChannels: inputShape[2], filters: filters, kernelSize: kernelSize, stride: stride,
                padding: padding, activation: activation, useBias: useBias, path: convolutionPath
            )
            glorotUniform(layer.kernel.value, fanIn: kernelSize * kernelSize * inputShape[2],
                          fanOut: kernelSize * kernelSize * filters, generator: &generator)
            return layer
        case let .maxPool(size):
            return MaxPool2D(poolSize: size)
        case let .averagePool(size):
            return AveragePool2D(poolSize: size)
        case let .dense(units, activation):
            guard inputShape.count == 1 else { throw .invalidShape("Dense needs a flat input, got \(inputShape)") }
            let layer = Dense(inputFeatures: inputShape[0], units: units, activation: activation)
            glorotUniform(layer.kernel.value, fanIn: inputShape[0], fanOut: units, generator: &generator)
            return layer
        case let .batchNorm(activation):
            return BatchNorm(channels: inputShape.last ?? 0, activation: activation)
        case .relu:
            return ReLU()
        case let .dropout(rate):
            return Dropout(rate: rate, generator: generator.split())
        case .flatten:
            return Flatten()
        case .globalAveragePooling:
            return GlobalAveragePooling()
        }
    }

    /// Keras's default kernel initialiser: uniform in ±√(6 / (fanIn + fanOut)).
    static func glorotUniform(_ tensor: Tensor, fanIn: Int, fanOut: Int, generator: inout RandomGenerator) {
        let limit = (6 / Float(fanIn + fanOut)).squareRoot()
        for index in 0 ..< tensor.count { tensor[index] = generator.uniform(-limit, limit) }
    }

    /// Trainable parameters of all layers, in layer order.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// Every saved array with a stable name (`layers.3.kernel`), trainable and buffers.
    public var namedVariables: [(name: String, parameter: Parameter)] {
        layers.enumerated().flatMap { index, layer in
            (layer.parameters + layer.buffers).map { ("layers.\(index).\($0.name)", $0) }
        }
    }

    /// Generators of the dropout layers, for resumable checkpoints.
    public var dropoutGenerators: [RandomGenerator] {
        get { layers.compactMap { ($0 as? Dropout)?.generator } }
        set {
            for (layer, generator) in zip(layers.compactMap { $0 as? Dropout }, newValue) { layer.generator = generator }
        }
    }

    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Floating-point operations of one sample's forward pass.
    public var forwardFlopsPerSample: Int {
        zip(layers, shapes).reduce(0) { $0 + $1.0.forwardFlops(inputShape: $1.1) }
    }

    // x: [N, H, W, C] scaled to [0, 1] -> logits: [N, classes]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        training ? layers.reduce(input) { $1.forward($0, training: true) } : inferenceForward(input)
    }

    /// Inference, with each convolution fused with a BatchNorm and a 2×2 max-pool after it where
    /// it can be (`Conv2D.inferenceForward`); the same values as running the layers one by one.
    private func inferenceForward(_ input: Tensor) -> Tensor {
        var current = input, index = 0
        while index < layers.count {
            if let conv = layers[index] as? Conv2D {
                let norm = foldableNorm(after: index)
                let next = index + (norm == nil ? 1 : 2)
                let pooled = (layers[safe: next] as? MaxPool2D)?.isTwoByTwoWithoutPadding ?? false
                if let output = conv.inferenceForward(current, norm: norm, pooled: pooled) {
                    current = output
                    index = next + (pooled ? 1 : 0)
                    continue
                }
            }
            current = layers[index].forward(current, training: false)
            index += 1
        }
        return current
    }

    // dlogits: [N, classes]; accumulates every parameter's gradient
    public func backward(_ logitGradient: Tensor) {
        var gradient = logitGradient
        for (index, layer) in layers.enumerated().reversed() {
            let next = layer.backward(gradient, needsInputGradient: needsInputGradient(index))
            guard let next else { break }
            gradient = next
        }
    }

    /// Whether layer `index` must pass a gradient down: only when a layer below it has
    /// parameters (a leading average pool, for one, needs none).
    public func needsInputGradient(_ index: Int) -> Bool {
        firstTrainableLayer.map { index > $0 } ?? false
    }

    public func zeroGradients() {
        for parameter in parameters { parameter.gradient.fill(0) }
    }

    // x: [N, H, W, C] -> probabilities: [N, classes] (inference mode)
    public func predict(_ input: Tensor) -> Tensor {
        SoftmaxCrossEntropy.softmax(forward(input, training: false), into: probabilities)
        return probabilities
    }
}

extension Array {
    /// The element at `index`, or nil past either end.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
