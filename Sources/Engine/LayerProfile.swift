import Foundation

/// Where a training step's time goes: wall-clock milliseconds of each layer's forward and
/// backward pass, of the loss and of the optimizer step (`fer bench --layers`).
public struct LayerProfile: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var name: String
        public var forwardMilliseconds: Double
        public var backwardMilliseconds: Double
        /// Forward FLOPs of the whole batch (backward costs about twice this for weighted layers).
        public var forwardMegaflops: Double
    }

    public var batchSize: Int
    public var entries: [Entry]
    public var stepMilliseconds: Double { entries.reduce(0) { $0 + $1.forwardMilliseconds + $1.backwardMilliseconds } }

    /// Median per-entry times over `steps` training steps of `spec` on synthetic inputs.
    public static func measure(spec: ModelSpec, batchSize: Int = 64, steps: Int = 20) throws -> LayerProfile {
        let model = try Model(spec: spec, seed: 1)
        var generator = RandomGenerator(seed: 2)
        let input = Tensor(shape: [batchSize] + spec.inputShape)
        for index in 0 ..< input.count { input[index] = generator.uniform() }
        let labels = (0 ..< batchSize).map { $0 % spec.classNames.count }
        let loss = SoftmaxCrossEntropy(), optimizer = Adam(), parameters = model.parameters
        let count = model.layers.count
        var forward = Array(repeating: [Double](), count: count + 2)
        var backward = forward
        func time(_ body: () -> Void) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
        for step in 0 ..< steps + 2 {
            model.zeroGradients()
            var activations = input
            var times = [Double](repeating: 0, count: count + 2), backTimes = times
            for (index, layer) in model.layers.enumerated() {
                times[index] = time { activations = layer.forward(activations, training: true) }
            }
            times[count] = time { _ = loss.forward(activations, labels: labels) }
            var gradient = loss.backward()
            for (index, layer) in model.layers.enumerated().reversed() {
                backTimes[index] = time {
                    let needsInputGradient = model.needsInputGradient(index)
                    if let next = layer.backward(gradient, needsInputGradient: needsInputGradient) { gradient = next }
                }
            }
            backTimes[count + 1] = time { optimizer.step(parameters, learningRate: 1e-3) }
            guard step >= 2 else { continue } // warm-up
            for index in 0 ..< count + 2 {
                forward[index].append(times[index])
                backward[index].append(backTimes[index])
            }
        }
        let names = model.layers.indices.map { "\($0 + 1) \(spec.layers[$0].summary)" } + ["loss", "Adam step"]
        let flops = model.layers.indices.map { layer in
            Double(model.layers[layer].forwardFlops(inputShape: model.shapes[layer]) * batchSize) / 1e6
        } + [0, 0]
        let entries = names.indices.map { index in
            Entry(
                name: names[index], forwardMilliseconds: median(forward[index]),
                backwardMilliseconds: median(backward[index]), forwardMegaflops: flops[index]
            )
        }
        return LayerProfile(batchSize: batchSize, entries: entries)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
