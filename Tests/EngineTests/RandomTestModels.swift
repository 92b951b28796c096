@testable import Engine

/// Gives every BatchNorm of `model` random scale, offset and running statistics, so an
/// inference-mode comparison exercises them (a fresh model's are the identity).
func randomizeBatchNorms(of model: Model, generator: inout RandomGenerator) {
    for case let norm as BatchNorm in model.layers {
        for channel in 0 ..< norm.channels {
            norm.scale.value[channel] = generator.uniform(0.5, 1.5)
            norm.offset.value[channel] = generator.uniform(-0.3, 0.3)
            norm.runningMean.value[channel] = generator.uniform(-0.2, 0.2)
            norm.runningVariance.value[channel] = generator.uniform(0.5, 2)
        }
    }
}

/// `batch` images of `spec`'s input shape with values uniform in [0, 1), flattened.
func randomImages(_ batch: Int, of spec: ModelSpec, generator: inout RandomGenerator) -> [Float] {
    (0 ..< batch * spec.inputShape.reduce(1, *)).map { _ in generator.uniform() }
}
