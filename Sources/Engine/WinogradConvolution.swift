import Foundation

/// A convolution's passes by `Winograd` F(2×2, 3×3), block by block of tiles: transform the
/// block's input tiles, 16 GEMMs against the transformed kernel, transform back. Forward and
/// input gradient (a "same" 3×3 convolution of the output gradient with the rotated kernel)
/// take the same route; the kernel gradient is summed in the transformed domain and
/// transformed back once per shard.
final class WinogradConvolution {
    let channels: Int, filters: Int
    /// U `[16][channels][filters]`, and the rotated kernel's `[16][filters][channels]` for the
    /// input gradient.
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

    /// Tiles per block: the block's transformed tiles (16 · tiles · channels floats each way)
    /// stay in L2, and each GEMM still has at least 64 rows.
    /// (Measured on vgg: 4× larger or smaller blocks are 3–12 % slower.)
    var blockSize: Int { max(64, (1 << 16) / (16 * max(channels, filters))) }

    /// Transforms `kernel` `[3, 3, channels, filters]` for `forward` (skipped when
    /// `reusingUnchanged` and the kernel equals the one transformed last time) and sizes the
    /// workspaces; call once per forward pass, before the shards.
    func prepare(kernel: UnsafePointer<Float>, reusingUnchanged: Bool = false) {
        let pairs = channels * filters, count = 9 * pairs
        let unchanged = reusingUnchanged && transformedKernel.count == count
            && memcmp(transformedKernel.pointer, kernel, count * MemoryLayout<Float>.size) == 0
        if !unchanged {
            kernelTransform.resize(to: [16 * pairs])
            Winograd.transformKernel(kernel, pairs: pairs, into: kernelTransform.pointer)
            transformedKernel.resize(to: [reusingUnchanged ? count : 0])
            if reusingUnchanged { transformedKernel.pointer.update(from: kernel, count: count) }
        }
        let widest = max(channels, filters)
        if workspaces.count != Parallel.workerCount || workspaces.first?.inputs.count != 16 * blockSize * widest {
            workspaces = (0 ..< Parallel.workerCount).map { _ in
                Workspace(blockCount: 16 * blockSize * widest, tileCount: 16 * widest, kernelCount: 16 * pairs)
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
        rotatedTransform.resize(to: [16 * pairs])
        Winograd.transformKernel(rotatedKernel.pointer, pairs: pairs, into: rotatedTransform.pointer)
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
        let inputs = workspace.inputs.pointer, outputs = workspace.outputs.pointer
        workspace.kernelGradient.fill(0)
        for first in stride(from: 0, to: total, by: blockSize) {
            let count = min(blockSize, total - first)
            Winograd.transformInput(
                source, tiles: tiles, channels: channels, first: first, count: count, into: inputs,
                scratch: workspace.edgeTile.pointer
            )
            Winograd.transformOutputGradient(
                outputGradient, tiles: tiles, filters: filters, first: first, count: count, into: outputs
            )
            for position in 0 ..< 16 {
                BLAS.gemm(
                    transposeA: true, m: channels, n: filters, k: count, a: inputs + position * count * channels,
                    lda: channels, b: outputs + position * count * filters, ldb: filters, beta: 1,
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
        Winograd.kernelGradient(fromTransformed: workspace.kernelGradient.pointer, pairs: pairs, into: kernelGradient)
    }

    /// One block of tiles: transform the input tiles, 16 GEMMs with `kernel`
    /// `[16][channels][filters]`, transform the products back into the images.
    private func convolve(
        _ source: UnsafePointer<Float>, tiles: Winograd.Tiles, channels: Int, filters: Int,
        kernel: UnsafePointer<Float>, first: Int, count: Int, epilogue: Winograd.Epilogue, workspace: Workspace,
        into destination: UnsafeMutablePointer<Float>
    ) {
        let inputs = workspace.inputs.pointer, outputs = workspace.outputs.pointer
        Winograd.transformInput(
            source, tiles: tiles, channels: channels, first: first, count: count, into: inputs,
            scratch: workspace.edgeTile.pointer
        )
        for position in 0 ..< 16 {
            BLAS.gemm(
                m: count, n: filters, k: channels, a: inputs + position * count * channels, lda: channels,
                b: kernel + position * channels * filters, ldb: filters, beta: 0,
                c: outputs + position * count * filters, ldc: filters
            )
        }
        Winograd.transformOutput(
            outputs, tiles: tiles, filters: filters, first: first, count: count, epilogue: epilogue, into: destination
        )
    }
}
