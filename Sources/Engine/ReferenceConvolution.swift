/// A direct, loop-by-loop convolution (NHWC input, HWIO kernel), kept beside the
/// im2col + GEMM one so tests can compare the two. Slow on purpose: no tricks.
public enum ReferenceConvolution {
    public static func forward(
        input: [Float], shape: [Int], kernel: [Float], kernelSize: Int, filters: Int,
        bias: [Float]?, stride: Int, padding: Padding
    ) -> (values: [Float], shape: [Int]) {
        let (batch, height, width, channels) = (shape[0], shape[1], shape[2], shape[3])
        let geometry = ConvolutionGeometry(
            inputHeight: height, inputWidth: width, channels: channels,
            kernelHeight: kernelSize, kernelWidth: kernelSize, stride: stride, padding: padding
        )
        let outputShape = [batch, geometry.outputHeight, geometry.outputWidth, filters]
        var output = [Float](repeating: 0, count: outputShape.reduce(1, *))
        for n in 0 ..< batch {
            for outputY in 0 ..< geometry.outputHeight {
                for outputX in 0 ..< geometry.outputWidth {
                    for filter in 0 ..< filters {
                        var sum = Double(bias?[filter] ?? 0)
                        for kernelY in 0 ..< kernelSize {
                            for kernelX in 0 ..< kernelSize {
                                let y = outputY * stride - geometry.padTop + kernelY
                                let x = outputX * stride - geometry.padLeft + kernelX
                                guard y >= 0, y < height, x >= 0, x < width else { continue }
                                for channel in 0 ..< channels {
                                    let inputValue = input[((n * height + y) * width + x) * channels + channel]
                                    let weight = kernel[((kernelY * kernelSize + kernelX) * channels + channel) * filters + filter]
                                    sum += Double(inputValue) * Double(weight)
                                }
                            }
                        }
                        output[((n * geometry.outputHeight + outputY) * geometry.outputWidth + outputX) * filters + filter] = Float(sum)
                    }
                }
            }
        }
        return (output, outputShape)
    }
}
