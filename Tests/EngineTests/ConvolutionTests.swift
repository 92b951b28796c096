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

    /// Filter counts that are multiples of 32 run `DirectConvolution` forward (and backward for
    /// stride 1 and 32·k input channels); both equal the reference, tails of positions included.
    @Test(arguments: [
        (1, 32, 3, 1, Padding.same, Activation.relu), (3, 32, 3, 2, .same, .linear), (32, 32, 3, 1, .valid, .linear),
        (32, 64, 3, 1, .same, .relu), (64, 32, 5, 1, .same, .linear), (32, 32, 2, 1, .same, .linear),
        (32, 32, 3, 2, .valid, .relu),
    ])
    func directConvolutionMatchesReference(
        channels: Int, filters: Int, kernelSize: Int, stride: Int, padding: Padding, activation: Activation
    ) {
        var generator = RandomGenerator(seed: 5)
        let shape = [2, 9, 7, channels]
        let input = Tensor(shape: shape)
        for index in 0 ..< input.count { input[index] = generator.normal() }
        let layer = Conv2D(
            inputChannels: channels, filters: filters, kernelSize: kernelSize, stride: stride, padding: padding,
            activation: activation
        )
        for index in 0 ..< layer.kernel.value.count { layer.kernel.value[index] = generator.normal() }
        for index in 0 ..< filters { layer.bias?.value[index] = generator.normal() }
        let output = layer.forward(input, training: true)
        var reference = ReferenceConvolution.forward(
            input: input.values, shape: shape, kernel: layer.kernel.value.values, kernelSize: kernelSize,
            filters: filters, bias: layer.bias?.value.values, stride: stride, padding: padding
        )
        if activation == .relu { reference.values = reference.values.map { max($0, 0) } }
        #expect(output.shape == reference.shape)
        // Sums of up to 1,600 products: the error is relative to the values' size.
        func relativeDifference(_ values: [Float], _ expected: [Float]) -> Float {
            zip(values, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? .infinity
        }
        let difference = relativeDifference(output.values, reference.values)
        #expect(difference < 1e-4, "max |direct − reference| = \(difference)")

        let outputGradient = Tensor(shape: output.shape)
        for index in 0 ..< outputGradient.count { outputGradient[index] = generator.normal() }
        let masked = zip(outputGradient.values, output.values).map { activation == .relu && $1 <= 0 ? 0 : $0 }
        let expected = ReferenceConvolution.inputGradient(
            outputGradient: masked, shape: shape, kernel: layer.kernel.value.values, kernelSize: kernelSize,
            filters: filters, stride: stride, padding: padding
        )
        let inputGradient = layer.backward(outputGradient, needsInputGradient: true)
        let gradientDifference = relativeDifference(inputGradient?.values ?? [], expected)
        #expect(inputGradient?.shape == shape)
        #expect(gradientDifference < 1e-4, "max |dx − reference| = \(gradientDifference)")

        let expectedKernel = ReferenceConvolution.kernelGradient(
            input: input.values, outputGradient: masked, shape: shape, kernelSize: kernelSize, filters: filters,
            stride: stride, padding: padding
        )
        let kernelDifference = relativeDifference(layer.kernel.gradient.values, expectedKernel)
        #expect(kernelDifference < 1e-4, "max |dK − reference| = \(kernelDifference)")
        let expectedBias = (0 ..< filters).map { filter in
            Swift.stride(from: filter, to: masked.count, by: filters).reduce(Float(0)) { $0 + masked[$1] }
        }
        #expect(relativeDifference(layer.bias?.gradient.values ?? [], expectedBias) < 1e-4)

        // Without the input gradient (a first layer), the kernel gradient is the same.
        layer.kernel.gradient.fill(0)
        _ = layer.forward(input, training: true)
        #expect(layer.backward(outputGradient, needsInputGradient: false) == nil)
        #expect(relativeDifference(layer.kernel.gradient.values, expectedKernel) < 1e-4)
    }

    /// The shapes the direct kernels take give the same forward pass and gradients on the sgemm
    /// path (the `fer` command picks whichever is faster on the CPU); tests default to direct.
    @Test(arguments: [(32, 32, 1, Padding.same), (64, 32, 1, .valid), (32, 64, 2, .same)])
    func gemmPathAgreesWithTheDirectKernels(channels: Int, filters: Int, stride: Int, padding: Padding) throws {
        #expect(ConvolutionPath.preferred == .direct)
        var generator = RandomGenerator(seed: 8)
        let input = Tensor(shape: [3, 10, 9, channels])
        for index in 0 ..< input.count { input[index] = generator.normal() }
        let layers = [ConvolutionPath.direct, .gemm].map { path in
            Conv2D(inputChannels: channels, filters: filters, kernelSize: 3, stride: stride, padding: padding,
                   activation: .relu, path: path)
        }
        for index in 0 ..< layers[0].kernel.value.count { layers[0].kernel.value[index] = generator.normal() }
        for index in 0 ..< filters { layers[0].bias?.value[index] = generator.normal() }
        layers[1].kernel.value.pointer.update(from: layers[0].kernel.value.pointer, count: layers[0].kernel.value.count)
        layers[1].bias?.value.pointer.update(from: layers[0].bias!.value.pointer, count: filters)
        let outputs = layers.map { $0.forward(input, training: true).values }
        let outputShape = [3] + (try layers[0].outputShape(for: [10, 9, channels]))
        let gradientValues = (0 ..< outputShape.reduce(1, *)).map { _ in generator.normal() }
        // `backward` may overwrite the gradient it is given: each layer gets its own copy.
        let inputGradients = layers.map { layer in
            let gradient = Tensor(shape: outputShape)
            for (index, value) in gradientValues.enumerated() { gradient[index] = value }
            return layer.backward(gradient, needsInputGradient: true)?.values ?? []
        }
        func relative(_ a: [Float], _ b: [Float]) -> Float {
            guard a.count == b.count, !a.isEmpty else { return .infinity }
            return zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? .infinity
        }
        #expect(relative(outputs[1], outputs[0]) < 1e-4, "forward")
        #expect(relative(inputGradients[1], inputGradients[0]) < 1e-4, "input gradient")
        #expect(relative(layers[1].kernel.gradient.values, layers[0].kernel.gradient.values) < 1e-3,
                "kernel gradient")
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
