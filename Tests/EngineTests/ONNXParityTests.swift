import Foundation
import TestScratch
import Testing
import Vision

@testable import Engine

/// The exported ONNX graph run by OpenCV's `cv::dnn` (an independent implementation) gives
/// the engine's own probabilities on the same inputs.
@Suite struct ONNXParityTests {
    /// Every layer kind the exporter writes: valid/same/strided convolutions with and without
    /// bias, BatchNorm folded into a convolution and into a Dense, a stand-alone BatchNorm,
    /// max and average pooling, Flatten's NHWC → NCHW reordering, global average pooling.
    static let specs: [String: ModelSpec] = [
        "all-layers": ModelSpec(name: "all-layers", inputShape: [12, 12, 1], layers: [
            .averagePool(size: 2),
            .conv(4, padding: .same), .maxPool(size: 2),
            .conv2D(filters: 6, kernelSize: 3, stride: 2, padding: .same, activation: .linear,
                    useBias: false),
            .batchNorm(activation: .relu), .dropout(rate: 0.3),
            .flatten,
            .dense(units: 8, activation: .linear), .batchNorm(activation: .relu),
            .dense(units: 5, activation: .linear),
        ], classNames: ["a", "b", "c", "d", "e"]),
        "gap": ModelSpec(name: "gap", inputShape: [9, 9, 1], layers: [
            .conv(3), .relu, .batchNorm(activation: .linear), .globalAveragePooling,
            .dense(units: 3, activation: .linear),
        ], classNames: ["a", "b", "c"]),
        // A ReLU between a layer and its BatchNorm: the norm must not be folded across it.
        "relu-then-norm": ModelSpec(name: "relu-then-norm", inputShape: [8, 8, 1], layers: [
            .conv(4, padding: .same), .batchNorm(activation: .linear), .flatten,
            .dense(units: 6, activation: .relu), .batchNorm(activation: .relu),
            .dense(units: 3, activation: .linear),
        ], classNames: ["a", "b", "c"]),
        "seed": ModelSpec.seed(),
        // An average pool first, as in a network that reads a smaller view of the face.
        "pooled-input": ModelSpec(name: "pooled-input", inputShape: [12, 12, 1], layers:
            [.averagePool(size: 3)] + LayerSpec.convBatchNorm(32) + [
                .maxPool(size: 2), .flatten, .dense(units: 3, activation: .linear),
            ], classNames: ["a", "b", "c"]),
    ]

    @Test(arguments: specs.keys.sorted())
    func cvDNNAgreesWithTheEngine(name: String) throws {
        let spec = try #require(Self.specs[name])
        let model = try Model(spec: spec, seed: 7)
        var generator = RandomGenerator(seed: 11)
        randomizeBatchNorms(of: model, generator: &generator)
        // A sharper last layer, so the probabilities differ between classes and images.
        if let last = model.layers.last as? Dense {
            for index in 0 ..< last.kernel.value.count { last.kernel.value[index] *= 20 }
        }
        let batch = 3, input = randomImages(batch, of: spec, generator: &generator)
        let expected = model.predict(Tensor(shape: [batch] + spec.inputShape, values: input)).values

        let file = ScratchFolder.url("parity").appendingPathExtension("onnx")
        try ONNXExporter.export(model).write(to: file)
        let network = try ONNXNetwork(path: file.path)
        let shape = [batch, spec.inputShape[2], spec.inputShape[0], spec.inputShape[1]]
        let result = try network.forward(input: input, shape: shape)

        #expect(result.shape == [batch, spec.classNames.count])
        #expect(result.values.count == expected.count)
        let difference = zip(result.values, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(difference <= 1e-4, "max |cv::dnn − engine| = \(difference)")
        #expect(expected.contains { $0 > 1.5 / Float(spec.classNames.count) },
                "probabilities that tell classes apart")
    }
}
