@testable import Engine

/// Central-difference gradient checking in Double, in the manner of tinygrad's gradcheck:
/// the loss is `L = Σ y · r` for a fixed random `r`, so `dL/dy = r`.
struct GradientCheck {
    /// Largest |analytic − numeric| / max(1, |numeric|) per checked tensor, by label.
    var maxDifferences: [String: Double] = [:]

    var report: String {
        maxDifferences.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    var worst: Double { maxDifferences.values.max() ?? .infinity }

    /// Checks a layer's input and parameter gradients on a random input of `shape`.
    init(layer: Layer, shape: [Int], seed: UInt64 = 1, step: Float = 1e-2, checkInput: Bool = true,
         before: () -> Void = {}) {
        var generator = RandomGenerator(seed: seed)
        let input = Tensor(shape: shape)
        for index in 0 ..< input.count { input[index] = generator.normal() }
        before()
        let firstOutput = layer.forward(input, training: true)
        let outputShape = firstOutput.shape
        let weights = (0 ..< firstOutput.count).map { _ in Double(generator.normal()) }
        func loss() -> Double {
            before()
            let output = layer.forward(input, training: true)
            return zip(output.values, weights).reduce(0) { $0 + Double($1.0) * $1.1 }
        }
        _ = loss()
        for parameter in layer.parameters { parameter.gradient.fill(0) }
        let outputGradient = Tensor(shape: outputShape, values: weights.map { Float($0) })
        let inputGradient = layer.backward(outputGradient, needsInputGradient: checkInput)?.values
        let parameterGradients = layer.parameters.map(\.gradient.values)

        func numeric(_ tensor: Tensor, _ index: Int) -> Double {
            let original = tensor[index]
            tensor[index] = original + step
            let plus = loss()
            tensor[index] = original - step
            let minus = loss()
            tensor[index] = original
            return (plus - minus) / (2 * Double(step))
        }
        func compare(_ label: String, _ tensor: Tensor, _ analytic: [Float]) {
            var worst = 0.0
            for index in 0 ..< tensor.count {
                let expected = numeric(tensor, index)
                worst = max(worst, abs(Double(analytic[index]) - expected) / max(1, abs(expected)))
            }
            maxDifferences[label] = worst
        }
        if checkInput, let inputGradient { compare("input", input, inputGradient) }
        for (parameter, analytic) in zip(layer.parameters, parameterGradients) {
            compare(parameter.name, parameter.value, analytic)
        }
    }
}
