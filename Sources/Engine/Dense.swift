/// Fully connected layer `y = x · kernel + bias` with optional fused ReLU.
/// Kernel layout is Keras's `[inputFeatures, units]`.
public final class Dense: Layer {
    public let inputFeatures: Int
    public let units: Int
    public let activation: Activation
    public let kernel: Parameter
    public let bias: Parameter?

    private var input: Tensor?
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])
    private var kernelGradients: [Tensor] = []
    private var biasGradients: [Tensor] = []

    public init(inputFeatures: Int, units: Int, activation: Activation = .linear, useBias: Bool = true) {
        self.inputFeatures = inputFeatures
        self.units = units
        self.activation = activation
        kernel = Parameter(name: "kernel", shape: [inputFeatures, units], decays: true)
        bias = useBias ? Parameter(name: "bias", shape: [units], decays: false) : nil
    }

    public var parameters: [Parameter] { [kernel] + (bias.map { [$0] } ?? []) }

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] {
        guard inputShape == [inputFeatures] else {
            throw .invalidShape("Dense expects [\(inputFeatures)], got \(inputShape)")
        }
        return [units]
    }

    public func forwardFlops(inputShape: [Int]) -> Int { 2 * inputFeatures * units }

    // x: [N, F] -> y: [N, units]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        self.input = input
        let batch = input.batchSize, units = units, features = inputFeatures, activation = activation
        output.resize(to: [batch, units])
        let source = input.pointer, destination = output.pointer
        let kernelValues = kernel.value.pointer, biasValues = bias?.value.pointer
        Parallel.forEachShard(batch) { _, range in
            let result = destination + range.lowerBound * units
            BLAS.gemm(
                m: range.count, n: units, k: features, a: source + range.lowerBound * features, lda: features,
                b: kernelValues, ldb: units, beta: 0, c: result, ldc: units
            )
            Activation.addBias(biasValues, activation: activation, to: result, rows: range.count, channels: units)
        }
        return output
    }

    // dy: [N, units] -> dx: [N, F]
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let input else { preconditionFailure("Dense.backward before forward") }
        let batch = input.batchSize, units = units, features = inputFeatures, activation = activation
        if kernelGradients.count != Parallel.workerCount {
            kernelGradients = (0 ..< Parallel.workerCount).map { _ in Tensor(shape: kernel.shape) }
            biasGradients = (0 ..< Parallel.workerCount).map { _ in Tensor(shape: [units]) }
        }
        if needsInputGradient { inputGradient.resize(to: input.shape) }
        let source = input.pointer, gradient = outputGradient.pointer, activations = output.pointer
        let kernelValues = kernel.value.pointer, destination = inputGradient.pointer
        let shards = Parallel.shards(batch)
        Parallel.forEach(shards.count) { worker in
            let range = shards[worker]
            let rows = gradient + range.lowerBound * units
            let biasGradient = self.biasGradients[worker]
            biasGradient.fill(0)
            Activation.backward(
                activation, gradient: rows, output: activations + range.lowerBound * units,
                rows: range.count, channels: units, biasGradient: biasGradient.pointer
            )
            // dKernel [F, units] = xᵀ · dy
            BLAS.gemm(
                transposeA: true, m: features, n: units, k: range.count,
                a: source + range.lowerBound * features, lda: features, b: rows, ldb: units,
                beta: 0, c: self.kernelGradients[worker].pointer, ldc: units
            )
            guard needsInputGradient else { return }
            // dx [rows, F] = dy · kernelᵀ
            BLAS.gemm(
                transposeB: true, m: range.count, n: features, k: units, a: rows, lda: units,
                b: kernelValues, ldb: units, beta: 0, c: destination + range.lowerBound * features, ldc: features
            )
        }
        for worker in shards.indices {
            add(kernelGradients[worker], into: kernel.gradient)
            if let bias { add(biasGradients[worker], into: bias.gradient) }
        }
        return needsInputGradient ? inputGradient : nil
    }
}
