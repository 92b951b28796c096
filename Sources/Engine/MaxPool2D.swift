/// Max pooling over NHWC images (Keras's MaxPooling2D, "valid" padding by default).
public final class MaxPool2D: Layer {
    public let poolSize: Int
    public let stride: Int
    public let padding: Padding

    private var input: Tensor?
    private var geometry: ConvolutionGeometry?
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])
    /// Index (within the input image) of each output's maximum.
    private var winners: [Int32] = []

    public init(poolSize: Int = 2, stride: Int? = nil, padding: Padding = .valid) {
        self.poolSize = poolSize
        self.stride = stride ?? poolSize
        self.padding = padding
    }

    /// The common 2×2 window with stride 2 and no padding.
    var isTwoByTwoWithoutPadding: Bool { poolSize == 2 && stride == 2 && padding == .valid }

    private func makeGeometry(_ shape: [Int]) -> ConvolutionGeometry {
        ConvolutionGeometry(
            inputHeight: shape[0], inputWidth: shape[1], channels: shape[2],
            kernelHeight: poolSize, kernelWidth: poolSize, stride: stride, padding: padding
        )
    }

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] {
        guard inputShape.count == 3 else { throw .invalidShape("MaxPool2D expects [H, W, C], got \(inputShape)") }
        let geometry = makeGeometry(inputShape)
        guard geometry.outputHeight > 0, geometry.outputWidth > 0 else {
            throw .invalidShape("MaxPool2D \(poolSize)×\(poolSize) does not fit input \(inputShape)")
        }
        return [geometry.outputHeight, geometry.outputWidth, inputShape[2]]
    }

    // x: [N, H, W, C] -> y: [N, OH, OW, C]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        self.input = input
        let geometry = makeGeometry(Array(input.shape.dropFirst()))
        self.geometry = geometry
        let batch = input.batchSize, channels = geometry.channels
        let outputSize = geometry.outputPositions * channels
        output.resize(to: [batch, geometry.outputHeight, geometry.outputWidth, channels])
        if winners.count < batch * outputSize { winners = Array(repeating: 0, count: batch * outputSize) }
        let source = input.pointer, destination = output.pointer
        let isTwoByTwo = poolSize == 2 && stride == 2 && geometry.padTop == 0 && geometry.padLeft == 0
            && geometry.outputHeight * 2 <= geometry.inputHeight && geometry.outputWidth * 2 <= geometry.inputWidth
        winners.withUnsafeMutableBufferPointer { winnerBuffer in
            let winnerBase = winnerBuffer.baseAddress!
            Parallel.forEachShard(batch) { _, range in
                for image in range {
                    let imageInput = source + image * geometry.inputSize
                    let imageOutput = destination + image * outputSize
                    let imageWinners = winnerBase + image * outputSize
                    if isTwoByTwo {
                        Self.poolTwoByTwo(geometry, imageInput, imageOutput, training ? imageWinners : nil)
                    } else {
                        Self.pool(geometry, imageInput, imageOutput, imageWinners)
                    }
                }
            }
        }
        return output
    }

    /// The common 2×2, stride-2 window without padding: four rows of channels compared at
    /// once, so the loop vectorises; winners are recorded only when training.
    private static func poolTwoByTwo(
        _ geometry: ConvolutionGeometry, _ input: UnsafePointer<Float>,
        _ output: UnsafeMutablePointer<Float>, _ winners: UnsafeMutablePointer<Int32>?
    ) {
        let channels = geometry.channels, rowLength = geometry.inputWidth * channels
        for outputY in 0 ..< geometry.outputHeight {
            for outputX in 0 ..< geometry.outputWidth {
                let topLeft = 2 * outputY * rowLength + 2 * outputX * channels
                let a = input + topLeft, b = a + channels, c = a + rowLength, d = c + channels
                let outputOffset = (outputY * geometry.outputWidth + outputX) * channels
                let best = output + outputOffset
                guard let winners else {
                    for channel in 0 ..< channels { best[channel] = max(max(a[channel], b[channel]), max(c[channel], d[channel])) }
                    continue
                }
                let index = winners + outputOffset, base = Int32(truncatingIfNeeded: topLeft)
                let right = Int32(truncatingIfNeeded: channels), down = Int32(truncatingIfNeeded: rowLength)
                for channel in 0 ..< channels {
                    let top = max(a[channel], b[channel]), bottom = max(c[channel], d[channel])
                    let topIndex: Int32 = b[channel] > a[channel] ? right : 0
                    let bottomIndex: Int32 = d[channel] > c[channel] ? down &+ right : down
                    best[channel] = max(top, bottom)
                    index[channel] = base &+ Int32(truncatingIfNeeded: channel) &+ (bottom > top ? bottomIndex : topIndex)
                }
            }
        }
    }

    private static func pool(
        _ geometry: ConvolutionGeometry, _ input: UnsafePointer<Float>,
        _ output: UnsafeMutablePointer<Float>, _ winners: UnsafeMutablePointer<Int32>
    ) {
        let channels = geometry.channels
        for outputY in 0 ..< geometry.outputHeight {
            for outputX in 0 ..< geometry.outputWidth {
                let outputOffset = (outputY * geometry.outputWidth + outputX) * channels
                let best = output + outputOffset, bestIndex = winners + outputOffset
                var first = true
                for kernelY in 0 ..< geometry.kernelHeight {
                    let inputY = outputY * geometry.stride - geometry.padTop + kernelY
                    guard inputY >= 0, inputY < geometry.inputHeight else { continue }
                    for kernelX in 0 ..< geometry.kernelWidth {
                        let inputX = outputX * geometry.stride - geometry.padLeft + kernelX
                        guard inputX >= 0, inputX < geometry.inputWidth else { continue }
                        let offset = (inputY * geometry.inputWidth + inputX) * channels
                        let candidate = input + offset, base = Int32(truncatingIfNeeded: offset)
                        if first {
                            for channel in 0 ..< channels {
                                best[channel] = candidate[channel]
                                bestIndex[channel] = Int32(offset + channel)
                            }
                            first = false
                            continue
                        }
                        // Branch-free select so the loop vectorises.
                        for channel in 0 ..< channels {
                            let value = candidate[channel], wins = value > best[channel]
                            best[channel] = wins ? value : best[channel]
                            bestIndex[channel] = wins ? base &+ Int32(truncatingIfNeeded: channel) : bestIndex[channel]
                        }
                    }
                }
            }
        }
    }

    // dy: [N, OH, OW, C] -> dx: [N, H, W, C]
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        guard let input, let geometry else { preconditionFailure("MaxPool2D.backward before forward") }
        inputGradient.resize(to: input.shape)
        let batch = input.batchSize, outputSize = geometry.outputPositions * geometry.channels
        let gradient = outputGradient.pointer, destination = inputGradient.pointer
        winners.withUnsafeBufferPointer { winnerBuffer in
            let winnerBase = winnerBuffer.baseAddress!
            Parallel.forEachShard(batch) { _, range in
                for image in range {
                    let imageGradient = destination + image * geometry.inputSize
                    imageGradient.update(repeating: 0, count: geometry.inputSize)
                    let imageWinners = winnerBase + image * outputSize
                    let imageOutputGradient = gradient + image * outputSize
                    for index in 0 ..< outputSize {
                        imageGradient[Int(imageWinners[index])] += imageOutputGradient[index]
                    }
                }
            }
        }
        return inputGradient
    }
}
