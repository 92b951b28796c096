import Testing

@testable import Engine

/// Inference fuses a convolution with the BatchNorm and 2×2 max-pool after it; the result must
/// be the same as running every layer on its own.
@Suite struct InferenceFusionTests {
    static let specs: [String: ModelSpec] = [
        // conv + relu + pool; a conv without direct kernel (8 filters); odd map sizes (pool drops a row).
        "seed-like": ModelSpec(name: "seed-like", inputShape: [15, 13, 1], layers: [
            .conv(32), .maxPool(size: 2), .conv(8), .maxPool(size: 2), .flatten,
            .dense(units: 4, activation: .linear),
        ], classNames: ["a", "b", "c", "d"]),
        // conv + BatchNorm folded, with and without a pool after; a ReLU conv before a BatchNorm
        // (not foldable); a strided, biased conv folded.
        "norms": ModelSpec(name: "norms", inputShape: [12, 12, 8], layers: [
            .conv(32, padding: .same, activation: .linear), .batchNorm(activation: .relu),
            .conv(32, padding: .same), .batchNorm(activation: .linear), .maxPool(size: 2),
            .conv2D(filters: 64, kernelSize: 3, stride: 2, padding: .same, activation: .linear, useBias: true),
            .batchNorm(activation: .relu), .maxPool(size: 2), .globalAveragePooling,
            .dense(units: 3, activation: .linear),
        ], classNames: ["a", "b", "c"]),
        "vgg": ModelSpec.vgg(),
        // An average pool first, as in a network that reads a smaller view of the face.
        "pooled-input": ModelSpec(name: "pooled-input", inputShape: [12, 12, 1], layers:
            [.averagePool(size: 3)] + LayerSpec.convBatchNorm(32) + [
                .maxPool(size: 2), .flatten, .dense(units: 3, activation: .linear),
            ], classNames: ["a", "b", "c"]),
    ]

    @Test(arguments: specs.keys.sorted(), [ConvolutionPath.direct, .winograd])
    func fusedInferenceEqualsLayerByLayer(name: String, path: ConvolutionPath) throws {
        let spec = try #require(Self.specs[name])
        let model = try Model(spec: spec, seed: 3, convolutionPath: path)
        var generator = RandomGenerator(seed: 5)
        for case let conv as Conv2D in model.layers {
            guard let bias = conv.bias else { continue }
            for index in 0 ..< bias.value.count { bias.value[index] = generator.uniform(-0.2, 0.2) }
        }
        randomizeBatchNorms(of: model, generator: &generator)
        let values = randomImages(3, of: spec, generator: &generator)
        let input = Tensor(shape: [3] + spec.inputShape, values: values)

        let layerByLayer = model.layers.reduce(input) { $1.forward($0, training: false) }.values
        let fused = model.forward(input, training: false).values

        #expect(fused.count == layerByLayer.count)
        let convolutions = model.layers.compactMap { $0 as? Conv2D }
        // Winograd takes only 3×3 "same" layers with channels in whole vectors.
        let expectsPool = path == .direct ? name != "norms" : name == "vgg"
        let expectsFold = path == .direct ? name != "seed-like" : ["vgg", "norms"].contains(name)
        if expectsPool {
            #expect(convolutions.contains { $0.pooledOutput.count > 0 }, "a convolution fused with its pool")
        }
        if expectsFold {
            #expect(convolutions.contains { $0.foldedBias.count > 0 }, "a BatchNorm was folded")
        }
        let scale = layerByLayer.map(abs).max() ?? 0
        let difference = zip(fused, layerByLayer).map { abs($0 - $1) }.max() ?? .infinity
        #expect(scale > 0.01, "logits that are not all zero")
        #expect(difference <= 1e-5 * max(scale, 1), "max |fused − layer by layer| = \(difference), scale \(scale)")
    }
}
