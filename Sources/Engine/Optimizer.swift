/// Updates parameters from their accumulated gradients.
public protocol Optimizer: AnyObject {
    /// Applies one update with the given learning rate.
    func step(_ parameters: [Parameter], learningRate: Float)
    /// Number of updates applied so far.
    var step: Int { get set }
    /// Saved state arrays, named, in parameter order (for resumable checkpoints).
    func stateTensors(for parameters: [Parameter]) -> [(name: String, tensor: Tensor)]
}

/// Optimizer settings as data, stored in checkpoints and run configs.
public struct OptimizerConfig: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case adam, adamw, sgd }
    public var kind: Kind
    public var learningRate: Float
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-7
    public var weightDecay: Float = 0
    public var momentum: Float = 0.9
    public var nesterov: Bool = false

    public init(kind: Kind, learningRate: Float, weightDecay: Float = 0, momentum: Float = 0.9, nesterov: Bool = false) {
        self.kind = kind
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.nesterov = nesterov
    }

    /// Keras's `Adam(learning_rate=1e-3)`.
    public static let kerasAdam = OptimizerConfig(kind: .adam, learningRate: 1e-3)

    public func makeOptimizer() -> Optimizer {
        switch kind {
        case .adam: Adam(beta1: beta1, beta2: beta2, epsilon: epsilon)
        case .adamw: Adam(beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay)
        case .sgd: SGD(momentum: momentum, nesterov: nesterov, weightDecay: weightDecay)
        }
    }
}

/// Lazily created per-parameter state arrays.
func stateArrays(_ arrays: inout [Tensor], matching parameters: [Parameter]) {
    if arrays.count != parameters.count {
        arrays = parameters.map { Tensor(shape: $0.shape) }
    }
}
