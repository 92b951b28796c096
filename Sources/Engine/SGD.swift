/// Stochastic gradient descent with momentum (optionally Nesterov) and decoupled weight decay,
/// following Keras's SGD update rule.
public final class SGD: Optimizer {
    public let momentum: Float
    public let nesterov: Bool
    public let weightDecay: Float
    public var step = 0
    public var velocities: [Tensor] = []

    public init(momentum: Float = 0.9, nesterov: Bool = false, weightDecay: Float = 0) {
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Parameter], learningRate: Float) {
        stateArrays(&velocities, matching: parameters)
        step += 1
        let momentum = momentum, nesterov = nesterov
        for (index, parameter) in parameters.enumerated() {
            let value = parameter.value.pointer, gradient = parameter.gradient.pointer
            let velocity = velocities[index].pointer
            let decay = parameter.decays ? 1 - learningRate * weightDecay : 1
            for element in 0 ..< parameter.value.count {
                velocity[element] = momentum * velocity[element] - learningRate * gradient[element]
                let update = nesterov ? momentum * velocity[element] - learningRate * gradient[element] : velocity[element]
                value[element] = value[element] * decay + update
            }
        }
    }

    public func stateTensors(for parameters: [Parameter]) -> [(name: String, tensor: Tensor)] {
        stateArrays(&velocities, matching: parameters)
        return parameters.indices.map { ("velocities.\($0)", velocities[$0]) }
    }
}
