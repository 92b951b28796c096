/// A direct, loop-by-loop convolution (NHWC input, HWIO kernel), kept beside the
/// im2col + GEMM one so tests can compare the two. Slow on purpose: no tricks.
public enum ReferenceConvolution {
    public static func forward(
        input: [Float], shape: [Int], kernel: [Float], kernelSize: Int, filters: Int,
        bias: [Float]?, stride: Int, padding: Padding
    ) -> (values: [Float], shape: [Int]) {
        let channels = shape[3]
        let geometry = ConvolutionGeometry(square: kernelSize, over: shape, stride: stride, padding: padding)
        let outputShape = [shape[0], geometry.outputHeight, geometry.outputWidth, filters]
        let outputPixels = outputShape.reduce(1, *) / filters
        var output = (0 ..< outputPixels * filters).map { Double(bias?[$0 % filters] ?? 0) }
        forEachTap(shape: shape, geometry: geometry) { outputPixel, inputPixel, tap in
            for filter in 0 ..< filters {
                for channel in 0 ..< channels {
                    output[outputPixel * filters + filter] += Double(input[inputPixel * channels + channel])
                        * Double(kernel[(tap * channels + channel) * filters + filter])
                }
            }
        }
        return (output.map { Float($0) }, outputShape)
    }

    /// dx of the same convolution for an output gradient `outputGradient` (no activation).
    public static func inputGradient(
        outputGradient: [Float], shape: [Int], kernel: [Float], kernelSize: Int, filters: Int,
        stride: Int, padding: Padding
    ) -> [Float] {
        let channels = shape[3]
        let geometry = ConvolutionGeometry(square: kernelSize, over: shape, stride: stride, padding: padding)
        var gradient = [Double](repeating: 0, count: shape.reduce(1, *))
        forEachTap(shape: shape, geometry: geometry) { outputPixel, inputPixel, tap in
            for channel in 0 ..< channels {
                for filter in 0 ..< filters {
                    gradient[inputPixel * channels + channel] += Double(outputGradient[outputPixel * filters + filter])
                        * Double(kernel[(tap * channels + channel) * filters + filter])
                }
            }
        }
        return gradient.map { Float($0) }
    }

    /// dK `[k, k, channels, filters]` of the same convolution for `outputGradient` (no activation).
    public static func kernelGradient(
        input: [Float], outputGradient: [Float], shape: [Int], kernelSize: Int, filters: Int,
        stride: Int, padding: Padding
    ) -> [Float] {
        let channels = shape[3]
        let geometry = ConvolutionGeometry(square: kernelSize, over: shape, stride: stride, padding: padding)
        var gradient = [Double](repeating: 0, count: kernelSize * kernelSize * channels * filters)
        forEachTap(shape: shape, geometry: geometry) { outputPixel, inputPixel, tap in
            for channel in 0 ..< channels {
                for filter in 0 ..< filters {
                    gradient[(tap * channels + channel) * filters + filter] += Double(input[inputPixel * channels + channel])
                        * Double(outputGradient[outputPixel * filters + filter])
                }
            }
        }
        return gradient.map { Float($0) }
    }

    /// Calls `body(outputPixel, inputPixel, tap)` for every output pixel and every kernel tap
    /// (`kernelY · kernelWidth + kernelX`) inside the image; pixels are flat `[N, H, W]` indices.
    private static func forEachTap(shape: [Int], geometry: ConvolutionGeometry, _ body: (Int, Int, Int) -> Void) {
        let (height, width) = (shape[1], shape[2])
        for n in 0 ..< shape[0] {
            for outputY in 0 ..< geometry.outputHeight {
                for outputX in 0 ..< geometry.outputWidth {
                    let outputPixel = (n * geometry.outputHeight + outputY) * geometry.outputWidth + outputX
                    for kernelY in 0 ..< geometry.kernelHeight {
                        for kernelX in 0 ..< geometry.kernelWidth {
                            let y = outputY * geometry.stride - geometry.padTop + kernelY
                            let x = outputX * geometry.stride - geometry.padLeft + kernelX
                            guard y >= 0, y < height, x >= 0, x < width else { continue }
                            body(outputPixel, (n * height + y) * width + x, kernelY * geometry.kernelWidth + kernelX)
                        }
                    }
                }
            }
        }
    }
}

extension ConvolutionGeometry {
    /// A square kernel over images of NHWC `shape`.
    init(square kernelSize: Int, over shape: [Int], stride: Int, padding: Padding) {
        self.init(
            inputHeight: shape[1], inputWidth: shape[2], channels: shape[3],
            kernelHeight: kernelSize, kernelWidth: kernelSize, stride: stride, padding: padding
        )
    }
}
