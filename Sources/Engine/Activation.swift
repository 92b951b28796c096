/// Element-wise activation fused into Conv2D and Dense (as Keras's `activation=`), or used alone.
public enum Activation: String, Codable, Sendable {
    case linear
    case relu

    /// Adds the bias to each row of `values` [rows, channels] and applies the activation.
    @inline(__always)
    static func addBias(
        _ bias: UnsafePointer<Float>?, activation: Activation,
        to values: UnsafeMutablePointer<Float>, rows: Int, channels: Int
    ) {
        for row in 0 ..< rows {
            let line = values + row * channels
            if let bias {
                if activation == .relu {
                    for channel in 0 ..< channels { line[channel] = max(line[channel] + bias[channel], 0) }
                } else {
                    for channel in 0 ..< channels { line[channel] += bias[channel] }
                }
            } else if activation == .relu {
                for channel in 0 ..< channels { line[channel] = max(line[channel], 0) }
            }
        }
    }

    /// Zeroes gradient entries whose activation output was not positive (ReLU backward).
    @inline(__always)
    static func maskGradient(
        _ gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int
    ) {
        for index in 0 ..< count where output[index] <= 0 { gradient[index] = 0 }
    }

    /// Adds each column sum of `gradient` [rows, channels] into `sums` [channels].
    @inline(__always)
    static func accumulateColumnSums(
        _ gradient: UnsafePointer<Float>, rows: Int, channels: Int, into sums: UnsafeMutablePointer<Float>
    ) {
        for row in 0 ..< rows {
            let line = gradient + row * channels
            for channel in 0 ..< channels { sums[channel] += line[channel] }
        }
    }

    /// Backward of the fused bias + activation over `gradient` [rows, channels], in one pass:
    /// masks the gradient in place where ReLU's output was not positive and adds the column
    /// sums (the bias gradient) into `sums`.
    @inline(__always)
    static func backward(
        _ activation: Activation, gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>,
        rows: Int, channels: Int, biasGradient sums: UnsafeMutablePointer<Float>
    ) {
        guard activation == .relu else {
            accumulateColumnSums(gradient, rows: rows, channels: channels, into: sums)
            return
        }
        for row in 0 ..< rows {
            let line = gradient + row * channels, activations = output + row * channels
            for channel in 0 ..< channels {
                let value = activations[channel] > 0 ? line[channel] : 0
                line[channel] = value
                sums[channel] += value
            }
        }
    }
}
