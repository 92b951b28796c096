import Dispatch
import Foundation

/// How the convolutions that `DirectConvolution` supports (filters in multiples of 32, kernels
/// above 1×1) run: its SIMD kernels, or im2col + sgemm. Which is faster depends on the CPU (the
/// direct kernels win on some hosts, sgemm by 1.5× on others), so the `fer` command times both.
public enum ConvolutionPath: String, Sendable {
    case direct
    case gemm

    /// `FER_CONV=direct|gemm` picks one; `FER_CONV=auto` (what the `fer` command sets unless the
    /// user did) times both once per process and keeps the faster; unset (tests): direct.
    public static let preferred: ConvolutionPath = {
        switch ProcessInfo.processInfo.environment["FER_CONV"] {
        case "gemm": .gemm
        case "auto": fastest()
        default: .direct
        }
    }()

    /// Times a training step (forward and both gradients) of a vgg-sized layer on each path;
    /// sgemm must be 10 % faster to be chosen, so near ties keep the direct kernels.
    static func fastest() -> ConvolutionPath {
        BLAS.useEngineThreading()
        let input = Tensor(shape: [16, 24, 24, 64], repeating: 0.5)
        func nanoseconds(_ path: ConvolutionPath) -> UInt64 {
            let layer = Conv2D(inputChannels: 64, filters: 64, kernelSize: 3, padding: .same, useBias: false,
                               path: path)
            var best = UInt64.max
            for _ in 0 ..< 3 {
                let start = DispatchTime.now().uptimeNanoseconds
                let output = layer.forward(input, training: true)
                _ = layer.backward(output, needsInputGradient: true)
                best = min(best, DispatchTime.now().uptimeNanoseconds - start)
            }
            return best
        }
        let direct = nanoseconds(.direct), gemm = nanoseconds(.gemm)
        return Double(gemm) < 0.9 * Double(direct) ? .gemm : .direct
    }
}
