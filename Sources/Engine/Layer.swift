/// A trainable or saved array of a layer: weights, biases, normalisation statistics.
public final class Parameter: @unchecked Sendable {
    public let name: String
    public let value: Tensor
    /// Accumulated gradient; `zeroGradients()` clears it. Unused for non-trainable state.
    public let gradient: Tensor
    /// Whether decoupled weight decay (AdamW) applies: kernels yes, biases and norms no.
    public let decays: Bool

    public init(name: String, shape: [Int], decays: Bool, initialValue: Float = 0) {
        self.name = name
        value = Tensor(shape: shape, repeating: initialValue)
        gradient = Tensor(shape: shape)
        self.decays = decays
    }

    public var shape: [Int] { value.shape }
}

/// One step of a sequential network.
///
/// `forward` caches what `backward` needs; `backward` accumulates parameter gradients and
/// returns the gradient of its input (it may overwrite `outputGradient`). Returned tensors
/// are owned by the layer and valid until its next call.
public protocol Layer: AnyObject {
    /// Output shape of one sample for an input sample shape (no batch dimension).
    func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int]
    // x: [N, ...] -> y: [N, ...]
    func forward(_ input: Tensor, training: Bool) -> Tensor
    // dy: [N, ...] -> dx: [N, ...] (nil when `needsInputGradient` is false)
    func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor?
    /// Trainable arrays, in a fixed order (no reflection).
    var parameters: [Parameter] { get }
    /// Saved but not trained arrays (BatchNorm running statistics).
    var buffers: [Parameter] { get }
    /// Floating-point operations of a forward pass for one sample (multiply-add = 2).
    func forwardFlops(inputShape: [Int]) -> Int
}

extension Layer {
    public var parameters: [Parameter] { [] }
    public var buffers: [Parameter] { [] }
    public func forwardFlops(inputShape: [Int]) -> Int { 0 }
}

/// Errors in building or loading a model.
public enum ModelError: Error, CustomStringConvertible, Equatable {
    case invalidShape(String)
    case unknownPreset(String)

    public var description: String {
        switch self {
        case let .invalidShape(message): "invalid model: \(message)"
        case let .unknownPreset(name):
            "unknown model preset '\(name)' (available: \(ModelSpec.presetNames.joined(separator: ", ")))"
        }
    }
}
