import Testing
@testable import Engine

/// The im2col + GEMM convolution equals the naive loop-by-loop reference.
@Suite struct ConvolutionTests {
    @Test(arguments: [
        (1, 3, 1, Padding.valid), (1, 3, 1, .same), (1, 3, 2, .same), (1, 5, 2, .valid), (3, 3, 1, .same),
        (4, 3, 2, .same), (2, 5, 2, .valid), (8, 1, 1, .valid),
    ])
    func im2colMatchesReference(channels: Int, kernelSize: Int, stride: Int, padding: Padding) {
        var generator = RandomGenerator(seed: 21)
        let shape = [3, 9, 7, channels]
        let input = Tensor(shape: shape)
        for index in 0 ..< input.count { input[index] = generator.normal() }
        let layer = Conv2D(inputChannels: channels, filters: 5, kernelSize: kernelSize, stride: stride, padding: padding)
        for index in 0 ..< layer.kernel.value.count { layer.kernel.value[index] = generator.normal() }
        for index in 0 ..< 5 { layer.bias?.value[index] = generator.normal() }
        let output = layer.forward(input, training: false)
        let reference = ReferenceConvolution.forward(
            input: input.values, shape: shape, kernel: layer.kernel.value.values, kernelSize: kernelSize,
            filters: 5, bias: layer.bias?.value.values, stride: stride, padding: padding
        )
        #expect(output.shape == reference.shape)
        let difference = zip(output.values, reference.values).map { abs($0 - $1) }.max() ?? .infinity
        #expect(difference < 1e-4, "max |im2col − reference| = \(difference)")
    }

    @Test func sameAndValidOutputSizesFollowKeras() throws {
        let same = Conv2D(inputChannels: 1, filters: 1, kernelSize: 3, stride: 2, padding: .same)
        let valid = Conv2D(inputChannels: 1, filters: 1, kernelSize: 3, padding: .valid)
        #expect(try same.outputShape(for: [48, 48, 1]) == [24, 24, 1])
        #expect(try same.outputShape(for: [7, 7, 1]) == [4, 4, 1])
        #expect(try valid.outputShape(for: [48, 48, 1]) == [46, 46, 1])
        #expect(throws: ModelError.self) { try valid.outputShape(for: [2, 2, 1]) }
    }

    @Test func seedPresetHasTheTutorialsShapes() throws {
        let model = try Model(spec: .seed())
        #expect(model.shapes == [
            [48, 48, 1], [46, 46, 32], [23, 23, 32], [21, 21, 64], [10, 10, 64], [8, 8, 128], [4, 4, 128],
            [2048], [128], [128], [7],
        ])
        // Keras's model.summary() for the seed network reports 355,847 parameters.
        #expect(model.parameterCount == 355_847)
    }
}
