/// Adam as Keras implements it (epsilon added to √v̂ after bias correction folded into the
/// step size), with optional decoupled weight decay (AdamW) on parameters that decay.
public final class Adam: Optimizer {
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let weightDecay: Float
    public var step = 0
    public var firstMoments: [Tensor] = []
    public var secondMoments: [Tensor] = []

    public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7, weightDecay: Float = 0) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Parameter], learningRate: Float) {
        stateArrays(&firstMoments, matching: parameters)
        stateArrays(&secondMoments, matching: parameters)
        step += 1
        let correction1 = 1 - pow(beta1, Float(step)), correction2 = 1 - pow(beta2, Float(step))
        let stepSize = learningRate * correction2.squareRoot() / correction1
        let beta1 = beta1, beta2 = beta2, epsilon = epsilon
        for (index, parameter) in parameters.enumerated() {
            let value = parameter.value.pointer, gradient = parameter.gradient.pointer
            let first = firstMoments[index].pointer, second = secondMoments[index].pointer
            let decay = parameter.decays ? 1 - learningRate * weightDecay : 1
            Parallel.forEachShard(parameter.value.count) { _, range in
                for element in range {
                    let g = gradient[element]
                    first[element] += (g - first[element]) * (1 - beta1)
                    second[element] += (g * g - second[element]) * (1 - beta2)
                    value[element] = value[element] * decay
                        - stepSize * first[element] / (second[element].squareRoot() + epsilon)
                }
            }
        }
    }

    public func stateTensors(for parameters: [Parameter]) -> [(name: String, tensor: Tensor)] {
        stateArrays(&firstMoments, matching: parameters)
        stateArrays(&secondMoments, matching: parameters)
        return parameters.indices.flatMap { index in
            [("firstMoments.\(index)", firstMoments[index]), ("secondMoments.\(index)", secondMoments[index])]
        }
    }
}

import Foundation
