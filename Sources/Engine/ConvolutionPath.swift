import Dispatch
import Foundation

/// How the convolutions that the faster kernels support run: `DirectConvolution`'s SIMD
/// kernels (filters in multiples of 32, kernels above 1×1), im2col + sgemm, or Winograd
/// F(m×m, 3×3) for 3×3 "same" layers. Which is fastest depends on the CPU (the direct
/// kernels win on some hosts, sgemm on others, Winograd does fewer operations), so the `fer`
/// command times them.
public enum ConvolutionPath: String, Sendable, CaseIterable {
    case direct
    case gemm
    /// Winograd (`WinogradConvolution`) for 3×3 "same" layers with channels in whole vectors;
    /// other layers im2col + sgemm.
    case winograd

    /// How `fer bench` names it.
    public var summary: String {
        switch self {
        case .direct: "direct SIMD kernels"
        case .gemm: "im2col + sgemm"
        case .winograd: "Winograd F(4×4) / F(3×3) / F(2×2, 3×3) (3×3 layers), im2col + sgemm (others)"
        }
    }

    /// `FER_CONV=direct|gemm|winograd` picks one; `FER_CONV=auto` (what the `fer` command sets
    /// unless the user did) uses the fastest on this machine, timed once and cached
    /// (`ConvolutionPathCache`); unset (tests): direct.
    public static let preferred: ConvolutionPath = {
        switch ProcessInfo.processInfo.environment["FER_CONV"] {
        case "gemm": .gemm
        case "winograd": .winograd
        case "auto": fastest(cache: ConvolutionPathCache())
        default: .direct
        }
    }()

    /// The path `cache` holds for this machine, or the fastest timed now (and stored).
    static func fastest(cache: ConvolutionPathCache?, key: String = ConvolutionPathCache.machineKey) -> ConvolutionPath {
        if let cached = cache?.path(for: key) { return cached }
        let path = fastest()
        cache?.store(path, for: key)
        return path
    }

    /// Times a training step (forward and both gradients) of a vgg-sized layer on each path;
    /// another path must be 10 % faster than the direct kernels to be chosen, so near ties
    /// keep them.
    static func fastest() -> ConvolutionPath {
        BLAS.useEngineThreading()
        let input = Tensor(shape: [8, 24, 24, 64], repeating: 0.5)
        func nanoseconds(_ path: ConvolutionPath) -> Double {
            let layer = Conv2D(inputChannels: 64, filters: 64, kernelSize: 3, padding: .same, useBias: false,
                               path: path)
            var best = UInt64.max
            for _ in 0 ..< 3 {
                let start = DispatchTime.now().uptimeNanoseconds
                let output = layer.forward(input, training: true)
                _ = layer.backward(output, needsInputGradient: true)
                best = min(best, DispatchTime.now().uptimeNanoseconds - start)
            }
            return Double(best)
        }
        let direct = nanoseconds(.direct)
        let (path, time) = [ConvolutionPath.gemm, .winograd].map { ($0, nanoseconds($0)) }.min { $0.1 < $1.1 }!
        return time < 0.9 * direct ? path : .direct
    }
}
