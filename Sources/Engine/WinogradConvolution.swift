import Foundation

/// A convolution's passes by `Winograd` F(m×m, 3×3), block by block of tiles: transform the
/// block's input tiles, one GEMM per tile position against the transformed kernel, transform
/// back. Forward and
/// input gradient (a "same" 3×3 convolution of the output gradient with the rotated kernel)
/// take the same route; the kernel gradient is summed in the transformed domain and
/// transformed back once per shard.
final class WinogradConvolution {
    let channels: Int, filters: Int
    /// The scheme of the last `prepare`, which the passes use.
    private(set) var kind = Winograd.Kind.twoByTwo
    /// U `[positions][channels][filters]`, and the rotated kernel's
    /// `[positions][filters][channels]` for the input gradient.
    private let kernelTransform = Tensor(shape: [0])
    private let rotatedTransform = Tensor(shape: [0])
    private let rotatedKernel = Tensor(shape: [0])
    /// The kernel `kernelTransform` was made from, when the caller asked to reuse it while
    /// unchanged (inference); empty otherwise.
    private let transformedKernel = Tensor(shape: [0])
    private var workspaces: [Workspace] = []

    /// Per-worker memory: a block's transformed tiles (in and out), one zero-padded edge tile,
    /// and the kernel gradient in the transformed domain.
    private final class Workspace {
        let inputs: Tensor, outputs: Tensor, edgeTile: Tensor, kernelGradient: Tensor
        init(blockCount: Int, tileCount: Int, kernelCount: Int) {
            inputs = Tensor(shape: [blockCount])
            outputs = Tensor(shape: [blockCount])
            edgeTile = Tensor(shape: [tileCount])
            kernelGradient = Tensor(shape: [kernelCount])
        }
    }

    init(channels: Int, filters: Int) {
        self.channels = channels
        self.filters = filters
    }

    /// Tiles per block: the block's transformed tiles (positions · tiles · channels floats each
    /// way) stay in L2, and each GEMM still has at least 64 rows.
    var blockSize: Int { max(64, (1 << 16) / (kind.positions * max(channels, filters))) }

    /// Transforms `kernel` `[3, 3, channels, filters]` by `kind` for `forward` (skipped when
    /// `reusingUnchanged` and the kernel and kind equal those transformed last time) and sizes
    /// the workspaces; call once per forward pass, before the shards.
    func prepare(kernel: UnsafePointer<Float>, kind: Winograd.Kind, reusingUnchanged: Bool = false) {
        let pairs = channels * filters, count = 9 * pairs
        let unchanged = reusingUnchanged && kind == self.kind && transformedKernel.count == count
            && memcmp(transformedKernel.pointer, kernel, count * MemoryLayout<Float>.size) == 0
        self.kind = kind
        if !unchanged {
            kernelTransform.resize(to: [kind.positions * pairs])
            Winograd.transformKernel(kind, kernel, pairs: pairs, into: kernelTransform.pointer)
            transformedKernel.resize(to: [reusingUnchanged ? count : 0])
            if reusingUnchanged { transformedKernel.pointer.update(from: kernel, count: count) }
        }
        let widest = max(channels, filters), positions = kind.positions
        let blockCount = positions * Winograd.positionStride(count: blockSize, width: widest)
        if workspaces.count != Parallel.workerCount || workspaces.first?.inputs.count != blockCount
            || workspaces.first?.kernelGradient.count != positions * pairs {
            workspaces = (0 ..< Parallel.workerCount).map { _ in
                Workspace(
                    blockCount: blockCount, tileCount: positions * widest,
                    kernelCount: positions * pairs
                )
            }
        }
    }

    /// Transforms the rotated kernel for the input gradient; call once per backward pass that
    /// needs it, before the shards.
    func prepareInputGradient(kernel: UnsafePointer<Float>) {
        let pairs = channels * filters
        rotatedKernel.resize(to: [9 * pairs])
        DirectConvolution.backwardKernel(
            kernel, height: 3, width: 3, channels: channels, filters: filters, into: rotatedKernel.pointer
        )
        rotatedTransform.resize(to: [kind.positions * pairs])
        Winograd.transformKernel(kind, rotatedKernel.pointer, pairs: pairs, into: rotatedTransform.pointer)
    }

    /// y `[images, height, width, filters]` (pooled: `[images, height / 2, width / 2, filters]`)
    /// of x `[images, height, width, channels]`.
    func forward(
        worker: Int, _ source: UnsafePointer<Float>, images: Int, tiles: Winograd.Tiles,
        epilogue: Winograd.Epilogue, into destination: UnsafeMutablePointer<Float>
    ) {
        let workspace = workspaces[worker], total = images * tiles.count
        for first in stride(from: 0, to: total, by: blockSize) {
            convolve(
                source, tiles: tiles, channels: channels, filters: filters,
                kernel: UnsafePointer(kernelTransform.pointer), first: first, count: min(blockSize, total - first),
                epilogue: epilogue, workspace: workspace, into: destination
            )
        }
    }

    /// The kernel gradient (written to `kernelGradient` `[3, 3, channels, filters]`) and, when
    /// `inputGradient` is given, dx, from x and dy of `images` images.
    func backward(
        worker: Int, _ source: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, images: Int,
        tiles: Winograd.Tiles, inputGradient: UnsafeMutablePointer<Float>?,
        kernelGradient: UnsafeMutablePointer<Float>
    ) {
        let workspace = workspaces[worker], pairs = channels * filters, total = images * tiles.count
        let inputs = workspace.inputs.pointer, outputs = workspace.outputs.pointer, kind = kind
        workspace.kernelGradient.fill(0)
        for first in stride(from: 0, to: total, by: blockSize) {
            let count = min(blockSize, total - first)
            Winograd.transformInput(
                kind, source, tiles: tiles, channels: channels, first: first, count: count, into: inputs,
                scratch: workspace.edgeTile.pointer
            )
            Winograd.transformOutputGradient(
                kind, outputGradient, tiles: tiles, filters: filters, first: first, count: count, into: outputs
            )
            let inputStride = Winograd.positionStride(count: count, width: channels)
            let outputStride = Winograd.positionStride(count: count, width: filters)
            for position in 0 ..< kind.positions {
                SmallGEMM.multiply(
                    m: channels, n: filters, k: count, a: inputs + position * inputStride, rowStride: 1,
                    depthStride: channels, b: outputs + position * outputStride, ldb: filters, accumulate: true,
                    c: workspace.kernelGradient.pointer + position * pairs, ldc: filters
                )
            }
            guard let inputGradient else { continue }
            convolve(
                outputGradient, tiles: tiles, channels: filters, filters: channels,
                kernel: UnsafePointer(rotatedTransform.pointer), first: first, count: count,
                epilogue: Winograd.Epilogue(), workspace: workspace, into: inputGradient
            )
        }
        Winograd.kernelGradient(
            kind, fromTransformed: workspace.kernelGradient.pointer, pairs: pairs, into: kernelGradient
        )
    }

    /// One block of tiles: transform the input tiles, a GEMM per tile position with `kernel`
    /// `[positions][channels][filters]`, transform the products back into the images.
    private func convolve(
        _ source: UnsafePointer<Float>, tiles: Winograd.Tiles, channels: Int, filters: Int,
        kernel: UnsafePointer<Float>, first: Int, count: Int, epilogue: Winograd.Epilogue, workspace: Workspace,
        into destination: UnsafeMutablePointer<Float>
    ) {
        let inputs = workspace.inputs.pointer, outputs = workspace.outputs.pointer, kind = kind
        Winograd.transformInput(
            kind, source, tiles: tiles, channels: channels, first: first, count: count, into: inputs,
            scratch: workspace.edgeTile.pointer
        )
        let inputStride = Winograd.positionStride(count: count, width: channels)
        let outputStride = Winograd.positionStride(count: count, width: filters)
        for position in 0 ..< kind.positions {
            SmallGEMM.multiply(
                m: count, n: filters, k: channels, a: inputs + position * inputStride, rowStride: channels,
                depthStride: 1, b: kernel + position * channels * filters, ldb: filters, accumulate: false,
                c: outputs + position * outputStride, ldc: filters
            )
        }
        Winograd.transformOutput(
            kind, outputs, tiles: tiles, filters: filters, first: first, count: count, epilogue: epilogue, into: destination
        )
    }
}
