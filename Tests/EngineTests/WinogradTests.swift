import Testing
@testable import Engine

/// The Winograd path against the loop-by-loop reference (computed in Double): forward, input,
/// kernel and bias gradients, by F(2×2, 3×3), F(3×3, 3×3) and F(4×4, 3×3), partial tiles
/// included.
/// Winograd rounds differently from a direct sum; the bound below is what it must keep.
@Suite struct WinogradTests {
    /// Largest |value − expected| / max(1, |expected|).
    private func relativeDifference(_ values: [Float], _ expected: [Float]) -> Float {
        guard values.count == expected.count, !values.isEmpty else { return .infinity }
        return zip(values, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? .infinity
    }

    private static let smallTileBound: Float = 1e-4
    /// Larger tiles have larger coefficients and round more. Measured on these sums of 72–576
    /// products of unit normals: F(4×4, 3×3) (coefficients up to 8 and 1⁄24) 0.3–3.1 × 10⁻⁴,
    /// F(3×3, 3×3) (up to 4 and ⅙) 0.3–6.7 × 10⁻⁵, F(2×2, 3×3) under 3 × 10⁻⁶.
    private static func bound(_ kind: Winograd.Kind) -> Float {
        switch kind {
        case .twoByTwo: smallTileBound
        case .threeByThree: 2e-4
        case .fourByFour: 5e-4
        }
    }

    @Test(arguments: [
        (8, 8, 9, 7, Activation.linear, false), (32, 64, 6, 6, .relu, true), (16, 8, 5, 5, .relu, true),
        (64, 32, 12, 11, .linear, false), (8, 16, 1, 1, .linear, true), (8, 8, 2, 3, .relu, false),
        (8, 16, 10, 9, .relu, true), (32, 32, 16, 8, .linear, false), (16, 8, 4, 2, .relu, true),
    ])
    func matchesTheReference(
        channels: Int, filters: Int, height: Int, width: Int, activation: Activation, useBias: Bool
    ) {
        var generator = RandomGenerator(seed: 13)
        let shape = [3, height, width, channels]
        let bound = Self.bound(Winograd.Kind(height: height, width: width))
        let input = Tensor(shape: shape)
        for index in 0 ..< input.count { input[index] = generator.normal() }
        let layer = Conv2D(
            inputChannels: channels, filters: filters, kernelSize: 3, padding: .same, activation: activation,
            useBias: useBias, path: .winograd
        )
        for index in 0 ..< layer.kernel.value.count { layer.kernel.value[index] = generator.normal() }
        for index in 0 ..< filters { layer.bias?.value[index] = generator.normal() }
        let output = layer.forward(input, training: true)
        var reference = ReferenceConvolution.forward(
            input: input.values, shape: shape, kernel: layer.kernel.value.values, kernelSize: 3, filters: filters,
            bias: layer.bias?.value.values, stride: 1, padding: .same
        )
        if activation == .relu { reference.values = reference.values.map { max($0, 0) } }
        #expect(output.shape == reference.shape)
        let forwardDifference = relativeDifference(output.values, reference.values)
        #expect(forwardDifference < bound, "forward: \(forwardDifference)")

        let outputGradient = Tensor(shape: output.shape)
        for index in 0 ..< outputGradient.count { outputGradient[index] = generator.normal() }
        let masked = zip(outputGradient.values, output.values).map { activation == .relu && $1 <= 0 ? 0 : $0 }
        let inputGradient = layer.backward(outputGradient, needsInputGradient: true)
        let expectedInput = ReferenceConvolution.inputGradient(
            outputGradient: masked, shape: shape, kernel: layer.kernel.value.values, kernelSize: 3,
            filters: filters, stride: 1, padding: .same
        )
        let inputDifference = relativeDifference(inputGradient?.values ?? [], expectedInput)
        #expect(inputDifference < bound, "input gradient: \(inputDifference)")
        let expectedKernel = ReferenceConvolution.kernelGradient(
            input: input.values, outputGradient: masked, shape: shape, kernelSize: 3, filters: filters,
            stride: 1, padding: .same
        )
        let kernelDifference = relativeDifference(layer.kernel.gradient.values, expectedKernel)
        #expect(kernelDifference < bound, "kernel gradient: \(kernelDifference)")
        if useBias {
            let expectedBias = (0 ..< filters).map { filter in
                Swift.stride(from: filter, to: masked.count, by: filters).reduce(Float(0)) { $0 + masked[$1] }
            }
            #expect(relativeDifference(layer.bias?.gradient.values ?? [], expectedBias) < bound)
        }

        // Without the input gradient (a first layer) the kernel gradient is the same.
        layer.kernel.gradient.fill(0)
        _ = layer.forward(input, training: true)
        #expect(layer.backward(outputGradient, needsInputGradient: false) == nil)
        #expect(relativeDifference(layer.kernel.gradient.values, expectedKernel) < bound)
    }

    /// The transforms used backward are the adjoints (transposes) of those used forward:
    /// ⟨T g, u⟩ = ⟨g, Tᵀ u⟩ for the kernel transform, and likewise for the output transform.
    @Test(arguments: Winograd.Kind.allCases)
    func backwardTransformsAreTheAdjointsOfTheForwardOnes(kind: Winograd.Kind) {
        var generator = RandomGenerator(seed: 3)
        func random(_ count: Int) -> [Float] { (0 ..< count).map { _ in generator.normal() } }
        func dot(_ a: [Float], _ b: [Float]) -> Double { zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) } }

        let pairs = 24, kernel = random(9 * pairs), transformedGradient = random(kind.positions * pairs)
        var transformedKernel = [Float](repeating: 0, count: kind.positions * pairs)
        var kernelGradient = [Float](repeating: 0, count: 9 * pairs)
        Winograd.transformKernel(kind, kernel, pairs: pairs, into: &transformedKernel)
        Winograd.kernelGradient(kind, fromTransformed: transformedGradient, pairs: pairs, into: &kernelGradient)
        let kernelSides = (dot(transformedKernel, transformedGradient), dot(kernel, kernelGradient))
        #expect(abs(kernelSides.0 - kernelSides.1) < 1e-3 * max(1, abs(kernelSides.0)))

        let tiles = Winograd.Tiles(height: 7, width: 5, side: kind.outputSide), filters = 8, images = 2
        let total = images * tiles.count
        let products = random(kind.positions * Winograd.positionStride(count: total, width: filters))
        let gradient = random(images * 7 * 5 * filters)
        var outputs = [Float](repeating: 0, count: gradient.count)
        var transformedOutputGradient = [Float](repeating: 0, count: products.count)
        Winograd.transformOutput(kind, products, tiles: tiles, filters: filters, first: 0, count: total, into: &outputs)
        Winograd.transformOutputGradient(
            kind, gradient, tiles: tiles, filters: filters, first: 0, count: total, into: &transformedOutputGradient
        )
        let outputSides = (dot(outputs, gradient), dot(products, transformedOutputGradient))
        #expect(abs(outputSides.0 - outputSides.1) < 1e-3 * max(1, abs(outputSides.0)))
    }

    @Test func eachMapTakesTheSchemeWithTheFewestTransformedValues() {
        #expect(Winograd.Kind(height: 48, width: 48) == .fourByFour)
        #expect(Winograd.Kind(height: 12, width: 12) == .fourByFour)
        #expect(Winograd.Kind(height: 6, width: 6) == .threeByThree)
        #expect(Winograd.Kind(height: 10, width: 9) == .threeByThree)
        #expect(Winograd.Kind(height: 4, width: 2) == .twoByTwo)
        #expect(Winograd.Kind(height: 1, width: 1) == .twoByTwo)
        // A fused 2×2 pool needs even tiles: 6×6 then ties F(2×2) and F(4×4) (144 values each).
        #expect(Winograd.Kind(height: 6, width: 6, pooled: true) == .twoByTwo)
        #expect(Winograd.Kind(height: 48, width: 48, pooled: true) == .fourByFour)
    }

    @Test func takesOnly3x3StrideOneSameLayersWithWholeVectors() {
        func geometry(_ channels: Int, kernel: Int = 3, stride: Int = 1, padding: Padding = .same) -> ConvolutionGeometry {
            ConvolutionGeometry(
                inputHeight: 12, inputWidth: 12, channels: channels, kernelHeight: kernel, kernelWidth: kernel,
                stride: stride, padding: padding
            )
        }
        #expect(Winograd.supports(geometry(32), filters: 64))
        #expect(!Winograd.supports(geometry(1), filters: 32))
        #expect(!Winograd.supports(geometry(32), filters: 12))
        #expect(!Winograd.supports(geometry(32, stride: 2), filters: 32))
        #expect(!Winograd.supports(geometry(32, padding: .valid), filters: 32))
        #expect(!Winograd.supports(geometry(32, kernel: 5), filters: 32))
    }

    /// A layer Winograd does not take (single-channel input) runs im2col + sgemm and still
    /// matches the reference.
    @Test func otherLayersOnTheWinogradPathFallBackToSgemm() {
        var generator = RandomGenerator(seed: 4)
        let shape = [2, 7, 6, 1]
        let input = Tensor(shape: shape)
        for index in 0 ..< input.count { input[index] = generator.normal() }
        let layer = Conv2D(inputChannels: 1, filters: 32, kernelSize: 3, padding: .same, path: .winograd)
        for index in 0 ..< layer.kernel.value.count { layer.kernel.value[index] = generator.normal() }
        let output = layer.forward(input, training: false)
        let reference = ReferenceConvolution.forward(
            input: input.values, shape: shape, kernel: layer.kernel.value.values, kernelSize: 3, filters: 32,
            bias: layer.bias?.value.values, stride: 1, padding: .same
        )
        #expect(relativeDifference(output.values, reference.values) < Self.smallTileBound)
    }
}
