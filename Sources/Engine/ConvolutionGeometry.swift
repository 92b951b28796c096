/// Keras-style padding: "valid" (none) or "same" (output = ceil(input / stride)).
public enum Padding: String, Codable, Sendable {
    case valid
    case same
}

/// Sizes of one 2-D convolution or pooling window over an NHWC image.
struct ConvolutionGeometry: Equatable {
    let inputHeight: Int, inputWidth: Int, channels: Int
    let kernelHeight: Int, kernelWidth: Int, stride: Int
    let outputHeight: Int, outputWidth: Int
    let padTop: Int, padLeft: Int

    init(
        inputHeight: Int, inputWidth: Int, channels: Int,
        kernelHeight: Int, kernelWidth: Int, stride: Int, padding: Padding
    ) {
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        self.channels = channels
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.stride = stride
        switch padding {
        case .valid:
            outputHeight = inputHeight >= kernelHeight ? (inputHeight - kernelHeight) / stride + 1 : 0
            outputWidth = inputWidth >= kernelWidth ? (inputWidth - kernelWidth) / stride + 1 : 0
            padTop = 0
            padLeft = 0
        case .same:
            outputHeight = (inputHeight + stride - 1) / stride
            outputWidth = (inputWidth + stride - 1) / stride
            padTop = max((outputHeight - 1) * stride + kernelHeight - inputHeight, 0) / 2
            padLeft = max((outputWidth - 1) * stride + kernelWidth - inputWidth, 0) / 2
        }
    }

    /// Padding after the image (Keras puts the odd extra pixel at the bottom/right).
    var padBottom: Int { max((outputHeight - 1) * stride + kernelHeight - inputHeight - padTop, 0) }
    var padRight: Int { max((outputWidth - 1) * stride + kernelWidth - inputWidth - padLeft, 0) }

    var outputPositions: Int { outputHeight * outputWidth }
    var patchSize: Int { kernelHeight * kernelWidth * channels }
    var inputSize: Int { inputHeight * inputWidth * channels }
    /// True when the input is its own im2col matrix (1×1 kernel, stride 1).
    var isPointwise: Bool { kernelHeight == 1 && kernelWidth == 1 && stride == 1 }

    /// Copies the patches of one image into `columns` [outputPositions, patchSize].
    func im2col(_ image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>) {
        let rowBytes = channels
        var row = columns
        for outputY in 0 ..< outputHeight {
            for outputX in 0 ..< outputWidth {
                var destination = row
                for kernelY in 0 ..< kernelHeight {
                    let inputY = outputY * stride - padTop + kernelY
                    let rowInside = inputY >= 0 && inputY < inputHeight
                    for kernelX in 0 ..< kernelWidth {
                        let inputX = outputX * stride - padLeft + kernelX
                        if rowInside, inputX >= 0, inputX < inputWidth {
                            let source = image + (inputY * inputWidth + inputX) * channels
                            if rowBytes < 16 {
                                for channel in 0 ..< rowBytes { destination[channel] = source[channel] }
                            } else {
                                destination.update(from: source, count: rowBytes)
                            }
                        } else {
                            for channel in 0 ..< rowBytes { destination[channel] = 0 }
                        }
                        destination += rowBytes
                    }
                }
                row += patchSize
            }
        }
    }

    /// Adds patch gradients `columns` [outputPositions, patchSize] back into one image.
    func col2im(_ columns: UnsafePointer<Float>, addingInto image: UnsafeMutablePointer<Float>) {
        var row = columns
        for outputY in 0 ..< outputHeight {
            for outputX in 0 ..< outputWidth {
                var source = row
                for kernelY in 0 ..< kernelHeight {
                    let inputY = outputY * stride - padTop + kernelY
                    let rowInside = inputY >= 0 && inputY < inputHeight
                    for kernelX in 0 ..< kernelWidth {
                        let inputX = outputX * stride - padLeft + kernelX
                        if rowInside, inputX >= 0, inputX < inputWidth {
                            let target = image + (inputY * inputWidth + inputX) * channels, channels = channels
                            forEachVector(channels) { channel in
                                let sum = target.vector(at: channel, end: channels) + source.vector(at: channel, end: channels)
                                target.store(sum, at: channel, end: channels)
                            }
                        }
                        source += channels
                    }
                }
                row += patchSize
            }
        }
    }

    /// Single-channel im2col in transposed layout: `columns[tap * rowStride + position]`.
    /// Each tap's row is a shifted copy of the image, so the copies are contiguous runs.
    func im2colTransposed(_ image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, rowStride: Int) {
        for kernelY in 0 ..< kernelHeight {
            for kernelX in 0 ..< kernelWidth {
                let tapRow = columns + (kernelY * kernelWidth + kernelX) * rowStride
                let first = min(max(0, (padLeft - kernelX + stride - 1) / stride), outputWidth)
                let end = max(min(outputWidth, (inputWidth + padLeft - kernelX + stride - 1) / stride), first)
                for outputY in 0 ..< outputHeight {
                    let target = tapRow + outputY * outputWidth
                    let inputY = outputY * stride - padTop + kernelY
                    guard inputY >= 0, inputY < inputHeight else {
                        target.update(repeating: 0, count: outputWidth)
                        continue
                    }
                    let source = image + inputY * inputWidth - padLeft + kernelX
                    for outputX in 0 ..< first { target[outputX] = 0 }
                    for outputX in first ..< end { target[outputX] = source[outputX * stride] }
                    for outputX in end ..< outputWidth { target[outputX] = 0 }
                }
            }
        }
    }

    /// Adds transposed single-channel patch gradients back into one image.
    func col2imTransposed(_ columns: UnsafePointer<Float>, rowStride: Int, addingInto image: UnsafeMutablePointer<Float>) {
        for kernelY in 0 ..< kernelHeight {
            for kernelX in 0 ..< kernelWidth {
                let tapRow = columns + (kernelY * kernelWidth + kernelX) * rowStride
                let first = min(max(0, (padLeft - kernelX + stride - 1) / stride), outputWidth)
                let end = max(min(outputWidth, (inputWidth + padLeft - kernelX + stride - 1) / stride), first)
                for outputY in 0 ..< outputHeight {
                    let inputY = outputY * stride - padTop + kernelY
                    guard inputY >= 0, inputY < inputHeight else { continue }
                    let source = tapRow + outputY * outputWidth
                    let target = image + inputY * inputWidth - padLeft + kernelX
                    for outputX in first ..< end { target[outputX * stride] += source[outputX] }
                }
            }
        }
    }
}
