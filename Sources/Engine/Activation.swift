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
        let relu = activation == .relu
        guard bias != nil || relu else { return }
        for row in 0 ..< rows {
            let line = values + row * channels
            forEachVector(channels) { channel in
                var lanes = line.vector(at: channel, end: channels)
                if let bias { lanes += bias.vector(at: channel, end: channels) }
                if relu { lanes.replace(with: 0, where: lanes .< 0) }
                line.store(lanes, at: channel, end: channels)
            }
        }
    }

    /// Zeroes gradient entries whose activation output was not positive (ReLU backward).
    @inline(__always)
    static func maskGradient(
        _ gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int
    ) {
        forEachVector(count) { index in
            let masked = gradient.vector(at: index, end: count)
                .replacing(with: 0, where: output.vector(at: index, end: count) .<= 0)
            gradient.store(masked, at: index, end: count)
        }
    }

    /// Adds each column sum of `values` [rows, channels] into `sums` [channels].
    @inline(__always)
    static func accumulateColumnSums(
        _ values: UnsafePointer<Float>, rows: Int, channels: Int, into sums: UnsafeMutablePointer<Float>
    ) {
        for row in 0 ..< rows {
            let line = values + row * channels
            forEachVector(channels) { channel in
                sums.store(sums.vector(at: channel, end: channels) + line.vector(at: channel, end: channels), at: channel, end: channels)
            }
        }
    }

    /// Backward of the fused bias + activation over `gradient` [rows, channels], in one pass:
    /// masks the gradient in place where ReLU's output was not positive and, when there is a
    /// bias, adds the column sums (its gradient) into `biasGradient`.
    @inline(__always)
    static func backward(
        _ activation: Activation, gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>,
        rows: Int, channels: Int, biasGradient sums: UnsafeMutablePointer<Float>?
    ) {
        guard activation == .relu else {
            if let sums { accumulateColumnSums(gradient, rows: rows, channels: channels, into: sums) }
            return
        }
        for row in 0 ..< rows {
            let line = gradient + row * channels, activations = output + row * channels
            forEachVector(channels) { channel in
                var lanes = line.vector(at: channel, end: channels)
                lanes.replace(with: 0, where: activations.vector(at: channel, end: channels) .<= 0)
                line.store(lanes, at: channel, end: channels)
                if let sums { sums.store(sums.vector(at: channel, end: channels) + lanes, at: channel, end: channels) }
            }
        }
    }
}
