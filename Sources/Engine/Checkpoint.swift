import Foundation

/// What a checkpoint says about its model besides the weights.
public struct CheckpointMetadata: Codable, Sendable {
    public static let currentFormatVersion = 1

    public var formatVersion = currentFormatVersion
    public var spec: ModelSpec
    /// Model input = pixel (0…255) × `inputScale`.
    public var inputScale: Float = 1 / 255
    /// Gaussian blur (σ, pixels) to apply to each face before the model sees it: set for models
    /// trained on blurred faces (see `fer export --input-blur`); nil for none.
    public var inputBlurSigma: Float?
    public var createdAt = ISO8601DateFormatter().string(from: Date())
    /// The training configuration that produced the weights (free-form, from the trainer).
    public var training: JSONValue?
    /// Metrics at save time, e.g. `val_accuracy`, `val_loss`, `epoch`.
    public var metrics: [String: Double] = [:]
    /// Present in resumable checkpoints: optimizer settings and its step count.
    public var optimizer: OptimizerSnapshot?
    /// Present in resumable checkpoints: dropout generator states.
    public var dropoutGenerators: [RandomGenerator]?
    /// Present in resumable checkpoints: the trainer's own position (fold, epoch, data order).
    public var resume: JSONValue?
    /// CRC-32 of the tensor data, in hex; filled in when written.
    public var dataChecksum = ""

    public init(spec: ModelSpec) { self.spec = spec }
}

/// Optimizer settings and progress saved for resuming.
public struct OptimizerSnapshot: Codable, Sendable, Equatable {
    public var config: OptimizerConfig
    public var step: Int
}

/// A model's weights (and optionally optimizer state) in safetensors format, with fer's
/// metadata as JSON under `__metadata__["fer"]`. Other safetensors readers can load the
/// weights; fer checks the checksum, the format version and the architecture.
public struct Checkpoint: Sendable {
    public struct StoredTensor: Sendable, Equatable {
        public var shape: [Int]
        public var values: [Float]
    }

    public var metadata: CheckpointMetadata
    public var tensors: [String: StoredTensor]

    static let optimizerPrefix = "optimizer."

    /// Captures a model's weights, and the optimizer's state when given (for resuming).
    public init(model: Model, metadata: CheckpointMetadata, optimizer: (Optimizer, OptimizerConfig)? = nil) {
        var metadata = metadata
        metadata.spec = model.spec
        var tensors: [String: StoredTensor] = [:]
        for (name, parameter) in model.namedVariables {
            tensors[name] = StoredTensor(shape: parameter.shape, values: parameter.value.values)
        }
        if let (optimizerState, config) = optimizer {
            metadata.optimizer = OptimizerSnapshot(config: config, step: optimizerState.step)
            metadata.dropoutGenerators = model.dropoutGenerators
            for (name, tensor) in optimizerState.stateTensors(for: model.parameters) {
                tensors[Self.optimizerPrefix + name] = StoredTensor(shape: tensor.shape, values: tensor.values)
            }
        }
        self.metadata = metadata
        self.tensors = tensors
    }

    /// The model alone, for export: no optimizer state, dropout generators or trainer position.
    public var modelOnly: Checkpoint {
        var metadata = metadata
        metadata.optimizer = nil
        metadata.dropoutGenerators = nil
        metadata.resume = nil
        return Checkpoint(metadata: metadata, tensors: tensors.filter { !$0.key.hasPrefix(Self.optimizerPrefix) })
    }

    /// Builds a model from the stored spec and fills in the weights.
    public func makeModel(source: String = "checkpoint") throws(CheckpointError) -> Model {
        let model: Model
        do {
            model = try Model(spec: metadata.spec)
        } catch {
            throw .corrupt(path: source, detail: "its model description is invalid: \(error)")
        }
        try restore(into: model, source: source)
        return model
    }

    /// Copies the weights into `model`, which must have the same architecture.
    public func restore(into model: Model, source: String = "checkpoint") throws(CheckpointError) {
        let variables = model.namedVariables
        for (name, parameter) in variables {
            guard let stored = tensors[name] else {
                throw .wrongArchitecture(path: source, detail: "it has no tensor '\(name)' (model '\(model.spec.name)')")
            }
            guard stored.shape == parameter.shape else {
                throw .wrongArchitecture(
                    path: source, detail: "'\(name)' has shape \(stored.shape), the model expects \(parameter.shape)"
                )
            }
        }
        let expected = Set(variables.map(\.name))
        if let extra = tensors.keys.filter({ !$0.hasPrefix(Self.optimizerPrefix) && !expected.contains($0) }).sorted().first {
            throw .wrongArchitecture(path: source, detail: "it has tensor '\(extra)' that model '\(model.spec.name)' lacks")
        }
        for (name, parameter) in variables {
            tensors[name]!.values.withUnsafeBufferPointer {
                parameter.value.pointer.update(from: $0.baseAddress!, count: parameter.value.count)
            }
        }
    }

    /// Restores optimizer state and dropout generators saved by a resumable checkpoint.
    public func restoreTraining(model: Model, optimizer: Optimizer, source: String = "checkpoint") throws(CheckpointError) {
        guard let snapshot = metadata.optimizer else {
            throw .wrongArchitecture(path: source, detail: "it holds no optimizer state, so training cannot resume from it")
        }
        for (name, tensor) in optimizer.stateTensors(for: model.parameters) {
            guard let stored = tensors[Self.optimizerPrefix + name], stored.shape == tensor.shape else {
                throw .wrongArchitecture(path: source, detail: "optimizer state '\(name)' is missing or has the wrong shape")
            }
            stored.values.withUnsafeBufferPointer { tensor.pointer.update(from: $0.baseAddress!, count: tensor.count) }
        }
        optimizer.step = snapshot.step
        if let generators = metadata.dropoutGenerators { model.dropoutGenerators = generators }
    }
}
