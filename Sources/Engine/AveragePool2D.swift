/// Average pooling over NHWC images with a square window equal to its stride ("valid"
/// padding: rows and columns that do not fill a window are dropped, as in Keras).
///
/// Used as a model's first layer to look at a downsampled face: FER2013's training faces
/// carry almost nothing above 0.1 cycles per pixel, so a 3× average pool loses no signal the
/// network could learn, and every later layer costs a ninth.
public final class AveragePool2D: Layer {
    public let poolSize: Int

    private var inputShape: [Int] = []
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    public init(poolSize: Int) {
        self.poolSize = poolSize
    }

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] {
        guard inputShape.count == 3 else {
            throw .invalidShape("AveragePool2D expects [H, W, C], got \(inputShape)")
        }
        guard poolSize >= 1, inputShape[0] >= poolSize, inputShape[1] >= poolSize else {
            throw .invalidShape("AveragePool2D \(poolSize)×\(poolSize) does not fit input \(inputShape)")
        }
        return [inputShape[0] / poolSize, inputShape[1] / poolSize, inputShape[2]]
    }

    // x: [N, H, W, C] -> y: [N, H/size, W/size, C]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        inputShape = input.shape
        let window = Window(inputShape, poolSize)
        output.resize(to: [input.batchSize, window.outputHeight, window.outputWidth, window.channels])
        output.fill(0)
        let source = input.pointer, destination = output.pointer
        Parallel.forEachShard(input.batchSize) { _, range in
            for image in range {
                window.forEachTap(image) { inputOffset, outputOffset in
                    for channel in 0 ..< window.channels {
                        destination[outputOffset + channel] += source[inputOffset + channel] * window.scale
                    }
                }
            }
        }
        return output
    }

    // dy: [N, OH, OW, C] -> dx: [N, H, W, C]; every input of a window gets dy / size².
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        let window = Window(inputShape, poolSize)
        inputGradient.resize(to: inputShape)
        inputGradient.fill(0)
        let gradient = outputGradient.pointer, destination = inputGradient.pointer
        Parallel.forEachShard(inputShape[0]) { _, range in
            for image in range {
                window.forEachTap(image) { inputOffset, outputOffset in
                    for channel in 0 ..< window.channels {
                        destination[inputOffset + channel] = gradient[outputOffset + channel] * window.scale
                    }
                }
            }
        }
        return inputGradient
    }

    public func forwardFlops(inputShape: [Int]) -> Int {
        (inputShape[0] / poolSize) * (inputShape[1] / poolSize) * poolSize * poolSize * inputShape[2]
    }

    /// The pooling windows of one input shape.
    private struct Window {
        let inputHeight: Int, inputWidth: Int, channels: Int, size: Int
        let outputHeight: Int, outputWidth: Int, scale: Float

        init(_ shape: [Int], _ size: Int) {
            inputHeight = shape[1]
            inputWidth = shape[2]
            channels = shape[3]
            self.size = size
            outputHeight = inputHeight / size
            outputWidth = inputWidth / size
            scale = 1 / Float(size * size)
        }

        /// Calls `body(inputOffset, outputOffset)` for every input pixel inside a window of
        /// `image`, with the offsets of the pixel's channel 0 and its window's channel 0.
        func forEachTap(_ image: Int, _ body: (Int, Int) -> Void) {
            let inputBase = image * inputHeight * inputWidth * channels
            let outputBase = image * outputHeight * outputWidth * channels
            for y in 0 ..< outputHeight * size {
                for x in 0 ..< outputWidth * size {
                    body(inputBase + (y * inputWidth + x) * channels,
                         outputBase + ((y / size) * outputWidth + x / size) * channels)
                }
            }
        }
    }
}
