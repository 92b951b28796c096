/// 2-D convolution over NHWC images with optional fused bias and ReLU. By `path` (see
/// `ConvolutionPath`): filters in multiples of 32 run on `DirectConvolution`'s SIMD kernels
/// (forward, input and kernel gradients; the kernel gradient of small maps by sgemm over
/// im2col rows), or 3×3 "same" layers on `WinogradConvolution`; other shapes use im2col + sgemm.
/// Kernel layout is Keras's `[kernelHeight, kernelWidth, inputChannels, filters]`.
public final class Conv2D: Layer {
    public let inputChannels: Int
    public let filters: Int
    public let kernelSize: Int
    public let stride: Int
    public let padding: Padding
    public let activation: Activation
    /// Direct SIMD kernels, im2col + sgemm or Winograd, for the shapes they support.
    public let path: ConvolutionPath
    public let kernel: Parameter
    public let bias: Parameter?

    private var input: Tensor?
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])
    private var workspaces: [ConvolutionWorkspace] = []
    private var geometry: ConvolutionGeometry?
    /// The kernel packed for `DirectConvolution` (forward), or rotated (`rotatedKernel`) and
    /// packed for its input gradient; rebuilt on every pass.
    private let packedKernel = Tensor(shape: [0])
    /// The Winograd passes, for 3×3 "same" layers when `path` is `.winograd`.
    private lazy var winograd = WinogradConvolution(channels: inputChannels, filters: filters)
    private let rotatedKernel = Tensor(shape: [0])
    /// Inference outputs of `inferenceForward`: the max-pooled map, and the folded bias.
    let pooledOutput = Tensor(shape: [0])
    let foldedBias = Tensor(shape: [0])

    public init(
        inputChannels: Int, filters: Int, kernelSize: Int, stride: Int = 1,
        padding: Padding = .valid, activation: Activation = .linear, useBias: Bool = true,
        path: ConvolutionPath = .preferred
    ) {
        self.path = path
        self.inputChannels = inputChannels
        self.filters = filters
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.activation = activation
        kernel = Parameter(name: "kernel", shape: [kernelSize, kernelSize, inputChannels, filters], decays: true)
        bias = useBias ? Parameter(name: "bias", shape: [filters], decays: false) : nil
    }

    public var parameters: [Parameter] { [kernel] + (bias.map { [$0] } ?? []) }

    public func outputShape(for inputShape: [Int]) throws(ModelError) -> [Int] {
        guard inputShape.count == 3, inputShape[2] == inputChannels else {
            throw .invalidShape("Conv2D expects [H, W, \(inputChannels)], got \(inputShape)")
        }
        let geometry = makeGeometry(height: inputShape[0], width: inputShape[1])
        guard geometry.outputHeight > 0, geometry.outputWidth > 0 else {
            throw .invalidShape("Conv2D \(kernelSize)×\(kernelSize) does not fit input \(inputShape)")
        }
        return [geometry.outputHeight, geometry.outputWidth, filters]
    }

    public func forwardFlops(inputShape: [Int]) -> Int {
        let geometry = makeGeometry(height: inputShape[0], width: inputShape[1])
        return 2 * geometry.outputPositions * geometry.patchSize * filters
    }

    private func makeGeometry(height: Int, width: Int) -> ConvolutionGeometry {
        ConvolutionGeometry(
            inputHeight: height, inputWidth: width, channels: inputChannels,
            kernelHeight: kernelSize, kernelWidth: kernelSize, stride: stride, padding: padding
        )
    }

    /// Images per GEMM call: enough rows to keep BLAS efficient, small enough for the cache.
    private func chunkSize(_ geometry: ConvolutionGeometry) -> Int {
        max(1, (1 << 18) / max(geometry.outputPositions * geometry.patchSize, 1))
    }

    private func prepare(for input: Tensor) -> ConvolutionGeometry {
        let geometry = makeGeometry(height: input.shape[1], width: input.shape[2])
        self.geometry = geometry
        let chunk = chunkSize(geometry)
        let columnCount = geometry.isPointwise || usesWinograd(geometry)
            ? 0 : chunk * geometry.outputPositions * geometry.patchSize
        let scratchCount = usesDirectForward ? DirectConvolution.scratchCount(geometry, filters: filters) : 0
        if workspaces.count != Parallel.workerCount || workspaces.first?.columns.count != columnCount
            || workspaces.first?.scratch.count != scratchCount {
            workspaces = (0 ..< Parallel.workerCount).map { _ in
                ConvolutionWorkspace(
                    columnCount: columnCount, kernelCount: kernel.value.count, filters: filters, scratchCount: scratchCount
                )
            }
        }
        return geometry
    }

    /// How a chunk's patch matrix is laid out for the GEMMs.
    private enum PatchLayout {
        /// The input itself (1×1 kernels, stride 1): [rows, channels].
        case direct
        /// im2col rows: [rows, patch].
        case rows
        /// Single-channel images: [patch, rows], built from contiguous shifted copies.
        case transposed
    }

    /// Builds the patch matrix of `images` images starting at `start`.
    private func patches(
        _ geometry: ConvolutionGeometry, _ source: UnsafeMutablePointer<Float>, start: Int, images: Int,
        into columns: UnsafeMutablePointer<Float>
    ) -> (UnsafePointer<Float>, PatchLayout) {
        let positions = geometry.outputPositions
        if geometry.isPointwise { return (UnsafePointer(source + start * geometry.inputSize), .direct) }
        for image in 0 ..< images {
            let imageInput = source + (start + image) * geometry.inputSize
            if geometry.channels == 1 {
                geometry.im2colTransposed(imageInput, into: columns + image * positions, rowStride: images * positions)
            } else {
                geometry.im2col(imageInput, into: columns + image * positions * geometry.patchSize)
            }
        }
        return (UnsafePointer(columns), geometry.channels == 1 ? .transposed : .rows)
    }

    /// Whether forward runs `DirectConvolution` (filters a multiple of 32, not 1×1) instead of
    /// im2col + GEMM.
    private var usesDirectForward: Bool {
        path == .direct && DirectConvolution.supports(filters: filters) && kernelSize > 1
    }

    /// Whether this layer runs on `WinogradConvolution` for images of `geometry`.
    private func usesWinograd(_ geometry: ConvolutionGeometry) -> Bool {
        path == .winograd && Winograd.supports(geometry, filters: filters)
    }

    /// The Winograd scheme and tiles for maps of `geometry` (`pooled`: with the 2×2 max-pool
    /// fused into the output transform).
    private func tiling(_ geometry: ConvolutionGeometry, pooled: Bool = false) -> (Winograd.Kind, Winograd.Tiles) {
        let kind = Winograd.Kind(height: geometry.outputHeight, width: geometry.outputWidth, pooled: pooled)
        return (kind, Winograd.Tiles(height: geometry.outputHeight, width: geometry.outputWidth, side: kind.outputSide))
    }

    // x: [N, H, W, C] -> y: [N, OH, OW, filters]
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        self.input = input
        let geometry = prepare(for: input)
        let batch = input.batchSize
        output.resize(to: [batch, geometry.outputHeight, geometry.outputWidth, filters])
        let positions = geometry.outputPositions, patch = geometry.patchSize, chunk = chunkSize(geometry)
        let kernelValues = kernel.value.pointer, biasValues = bias?.value.pointer
        let source = input.pointer, destination = output.pointer
        if usesWinograd(geometry) {
            let (kind, tiles) = tiling(geometry), winograd = winograd
            let epilogue = Winograd.Epilogue(bias: biasValues.map { UnsafePointer($0) }, relu: activation == .relu)
            winograd.prepare(kernel: kernelValues, kind: kind)
            Parallel.forEachShard(batch) { worker, range in
                winograd.forward(
                    worker: worker, source + range.lowerBound * geometry.inputSize, images: range.count,
                    tiles: tiles, epilogue: epilogue, into: destination + range.lowerBound * positions * self.filters
                )
            }
            return output
        }
        if usesDirectForward {
            let filters = filters, relu = activation == .relu
            packedKernel.resize(to: [kernel.value.count])
            DirectConvolution.pack(kernelValues, rows: patch, filters: filters, into: packedKernel.pointer)
            let kernelValues = packedKernel.pointer
            Parallel.forEachShard(batch) { worker, range in
                let scratch = self.workspaces[worker].scratch.pointer
                for image in range {
                    DirectConvolution.forward(
                        geometry, image: source + image * geometry.inputSize, kernel: kernelValues, filters: filters,
                        bias: biasValues, relu: relu, output: destination + image * positions * filters, scratch: scratch
                    )
                }
            }
            return output
        }
        Parallel.forEachShard(batch) { worker, range in
            let columns = self.workspaces[worker].columns.pointer
            for start in Swift.stride(from: range.lowerBound, to: range.upperBound, by: chunk) {
                let images = min(chunk, range.upperBound - start), rows = images * positions
                let (matrix, layout) = self.patches(geometry, source, start: start, images: images, into: columns)
                let result = destination + start * positions * self.filters
                BLAS.gemm(
                    transposeA: layout == .transposed, m: rows, n: self.filters, k: patch, a: matrix,
                    lda: layout == .transposed ? rows : patch,
                    b: kernelValues, ldb: self.filters, beta: 0, c: result, ldc: self.filters
                )
                Activation.addBias(
                    biasValues, activation: self.activation, to: result, rows: rows, channels: self.filters
                )
            }
        }
        return output
    }

    /// Inference forward fused with the layers after it: a following BatchNorm folded into the
    /// kernel and bias (when this layer has no activation of its own), and a following 2×2
    /// max-pool applied as rows leave the kernel. nil when there is nothing to fuse or no direct
    /// kernel for this layer; then run the layers one by one.
    func inferenceForward(_ input: Tensor, norm: BatchNorm?, pooled: Bool) -> Tensor? {
        precondition(norm == nil || activation == .linear, "a BatchNorm folds only into a linear convolution")
        guard norm != nil || pooled else { return nil }
        let geometry = makeGeometry(height: input.shape[1], width: input.shape[2])
        let winograd = usesWinograd(geometry)
        guard usesDirectForward || winograd else { return nil }
        self.input = nil // `output` and `packedKernel` no longer belong to a training pass.
        _ = prepare(for: input)
        let batch = input.batchSize, patch = geometry.patchSize, filters = filters
        packedKernel.resize(to: [kernel.value.count])
        var biasValues = bias.map { UnsafePointer($0.value.pointer) }
        var factors: [Float]?
        if let norm {
            let folded = norm.folded(bias: bias.map { UnsafePointer($0.value.pointer) })
            foldedBias.resize(to: [filters])
            foldedBias.pointer.update(from: folded.bias, count: filters)
            biasValues = UnsafePointer(foldedBias.pointer)
            factors = folded.factors
        }
        let relu = (norm?.activation ?? activation) == .relu
        if winograd {
            return winogradInference(
                input, geometry: geometry, factors: factors,
                epilogue: Winograd.Epilogue(bias: biasValues, relu: relu, pooled: pooled)
            )
        }
        DirectConvolution.pack(
            kernel.value.pointer, rows: patch, filters: filters, scaledBy: factors, into: packedKernel.pointer
        )
        let result = pooled ? pooledOutput : output
        let outputShape = pooled
            ? [geometry.outputHeight / 2, geometry.outputWidth / 2, filters]
            : [geometry.outputHeight, geometry.outputWidth, filters]
        let outputSize = outputShape.reduce(1, *)
        result.resize(to: [batch] + outputShape)
        let kernelValues = UnsafePointer(packedKernel.pointer)
        let source = input.pointer, destination = result.pointer
        Parallel.forEachShard(batch) { worker, range in
            let scratch = self.workspaces[worker].scratch.pointer
            for image in range {
                let imageInput = source + image * geometry.inputSize
                let imageOutput = destination + image * outputSize
                if pooled {
                    DirectConvolution.forwardPooled(
                        geometry, image: imageInput, kernel: kernelValues, filters: filters,
                        bias: biasValues, relu: relu, output: imageOutput, scratch: scratch
                    )
                } else {
                    DirectConvolution.forward(
                        geometry, image: imageInput, kernel: kernelValues, filters: filters,
                        bias: biasValues, relu: relu, output: imageOutput, scratch: scratch
                    )
                }
            }
        }
        return result
    }

    /// Inference on `WinogradConvolution` with the kernel scaled by a folded BatchNorm's
    /// `factors` (transformed again only when the scaled kernel changes) and bias, ReLU and
    /// pooling applied as tiles leave the transform.
    private func winogradInference(
        _ input: Tensor, geometry: ConvolutionGeometry, factors: [Float]?, epilogue: Winograd.Epilogue
    ) -> Tensor {
        let batch = input.batchSize, filters = filters, winograd = winograd
        let (kind, tiles) = tiling(geometry, pooled: epilogue.pooled)
        let scaled = packedKernel.pointer, values = kernel.value.pointer
        for row in 0 ..< 9 * inputChannels {
            for filter in 0 ..< filters {
                scaled[row * filters + filter] = values[row * filters + filter] * (factors?[filter] ?? 1)
            }
        }
        winograd.prepare(kernel: scaled, kind: kind, reusingUnchanged: true)
        let result = epilogue.pooled ? pooledOutput : output
        let height = epilogue.pooled ? geometry.outputHeight / 2 : geometry.outputHeight
        let width = epilogue.pooled ? geometry.outputWidth / 2 : geometry.outputWidth
        result.resize(to: [batch, height, width, filters])
        let source = input.pointer, destination = result.pointer
        Parallel.forEachShard(batch) { worker, range in
            winograd.forward(
                worker: worker, source + range.lowerBound * geometry.inputSize, images: range.count, tiles: tiles,
                epilogue: epilogue, into: destination + range.lowerBound * height * width * filters
            )
        }
        return result
    }

    // dy: [N, OH, OW, filters] -> dx: [N, H, W, C]
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let input, let geometry else { preconditionFailure("Conv2D.backward before forward") }
        if needsInputGradient { inputGradient.resize(to: input.shape) }
        if usesWinograd(geometry) {
            winogradBackward(outputGradient, input: input, geometry: geometry, needsInputGradient: needsInputGradient)
        } else if usesDirectForward, !needsInputGradient || DirectConvolution.supportsInputGradient(geometry) {
            directBackward(outputGradient, input: input, geometry: geometry, needsInputGradient: needsInputGradient)
        } else {
            gemmBackward(outputGradient, input: input, geometry: geometry, needsInputGradient: needsInputGradient)
        }
        // Only the workers that had a shard of this batch hold this batch's gradients.
        for workspace in workspaces.prefix(Parallel.shards(input.batchSize).count) {
            add(workspace.kernelGradient, into: kernel.gradient)
            if let bias { add(workspace.biasGradient, into: bias.gradient) }
        }
        return needsInputGradient ? inputGradient : nil
    }

    /// Backward by `WinogradConvolution`, shard by shard: ReLU mask and bias sums, then the
    /// kernel gradient and the input gradient.
    private func winogradBackward(
        _ outputGradient: Tensor, input: Tensor, geometry: ConvolutionGeometry, needsInputGradient: Bool
    ) {
        let positions = geometry.outputPositions, filters = filters, activation = activation
        let tiles = tiling(geometry).1, winograd = winograd
        let source = input.pointer, gradient = outputGradient.pointer, activations = output.pointer
        let inputGradientPointer = needsInputGradient ? inputGradient.pointer : nil
        if needsInputGradient { winograd.prepareInputGradient(kernel: kernel.value.pointer) }
        Parallel.forEachShard(input.batchSize) { worker, range in
            let workspace = self.workspaces[worker], first = range.lowerBound
            workspace.biasGradient.fill(0)
            Activation.backward(
                activation, gradient: gradient + first * positions * filters,
                output: activations + first * positions * filters, rows: range.count * positions,
                channels: filters, biasGradient: self.bias == nil ? nil : workspace.biasGradient.pointer
            )
            winograd.backward(
                worker: worker, source + first * geometry.inputSize,
                outputGradient: gradient + first * positions * filters, images: range.count, tiles: tiles,
                inputGradient: inputGradientPointer.map { $0 + first * geometry.inputSize },
                kernelGradient: workspace.kernelGradient.pointer
            )
        }
    }

    /// Backward by `DirectConvolution`, in chunks of images: ReLU mask and bias sums, the kernel
    /// gradient (direct for large images; by GEMM over the chunk's im2col rows when each image has
    /// too few positions for a direct reduction to pay off), and the input gradient.
    private func directBackward(
        _ outputGradient: Tensor, input: Tensor, geometry: ConvolutionGeometry, needsInputGradient: Bool
    ) {
        let positions = geometry.outputPositions, filters = filters, activation = activation
        let chunk = chunkSize(geometry), directKernelGradient = positions >= 100
        let source = input.pointer, gradient = outputGradient.pointer, activations = output.pointer
        let inputGradientPointer = inputGradient.pointer
        if needsInputGradient {
            rotatedKernel.resize(to: [kernel.value.count])
            packedKernel.resize(to: [kernel.value.count])
            DirectConvolution.backwardKernel(
                kernel.value.pointer, height: kernelSize, width: kernelSize, channels: inputChannels,
                filters: filters, into: rotatedKernel.pointer
            )
            DirectConvolution.pack(
                rotatedKernel.pointer, rows: kernelSize * kernelSize * filters, filters: inputChannels,
                into: packedKernel.pointer
            )
        }
        let rotatedKernelValues = packedKernel.pointer
        Parallel.forEachShard(input.batchSize) { worker, range in
            let workspace = self.workspaces[worker], scratch = workspace.scratch.pointer
            workspace.kernelGradient.fill(0)
            workspace.biasGradient.fill(0)
            for start in Swift.stride(from: range.lowerBound, to: range.upperBound, by: chunk) {
                let images = min(chunk, range.upperBound - start)
                let outputRows = gradient + start * positions * filters
                Activation.backward(
                    activation, gradient: outputRows, output: activations + start * positions * filters,
                    rows: images * positions, channels: filters,
                    biasGradient: self.bias == nil ? nil : workspace.biasGradient.pointer
                )
                if directKernelGradient {
                    for image in start ..< start + images {
                        DirectConvolution.kernelGradient(
                            geometry, image: source + image * geometry.inputSize,
                            outputGradient: gradient + image * positions * filters, filters: filters,
                            into: workspace.kernelGradient.pointer, scratch: scratch
                        )
                    }
                } else {
                    self.accumulateKernelGradient(geometry, source, start: start, images: images, outputRows, workspace)
                }
                guard needsInputGradient else { continue }
                for image in start ..< start + images {
                    DirectConvolution.inputGradient(
                        geometry, outputGradient: gradient + image * positions * filters,
                        rotatedKernel: rotatedKernelValues, filters: filters,
                        into: inputGradientPointer + image * geometry.inputSize, scratch: scratch
                    )
                }
            }
        }
    }

    /// dKernel [patch, filters] += columnsᵀ · dy over a chunk of images; returns the layout of
    /// the chunk's patch matrix, which decides how the GEMM input gradient is formed.
    @discardableResult
    private func accumulateKernelGradient(
        _ geometry: ConvolutionGeometry, _ source: UnsafeMutablePointer<Float>, start: Int, images: Int,
        _ outputRows: UnsafeMutablePointer<Float>, _ workspace: ConvolutionWorkspace
    ) -> PatchLayout {
        let rows = images * geometry.outputPositions, patch = geometry.patchSize
        let (matrix, layout) = patches(geometry, source, start: start, images: images, into: workspace.columns.pointer)
        BLAS.gemm(
            transposeA: layout != .transposed, m: patch, n: filters, k: rows, a: matrix,
            lda: layout == .transposed ? rows : patch,
            b: outputRows, ldb: filters, beta: 1, c: workspace.kernelGradient.pointer, ldc: filters
        )
        return layout
    }

    /// Backward by im2col + GEMM, in chunks of images.
    private func gemmBackward(
        _ outputGradient: Tensor, input: Tensor, geometry: ConvolutionGeometry, needsInputGradient: Bool
    ) {
        let positions = geometry.outputPositions, patch = geometry.patchSize, chunk = chunkSize(geometry)
        let kernelValues = kernel.value.pointer, filters = filters, activation = activation
        let source = input.pointer, gradient = outputGradient.pointer, activations = output.pointer
        let inputGradientPointer = inputGradient.pointer
        Parallel.forEachShard(input.batchSize) { worker, range in
            let workspace = self.workspaces[worker]
            workspace.kernelGradient.fill(0)
            workspace.biasGradient.fill(0)
            for start in Swift.stride(from: range.lowerBound, to: range.upperBound, by: chunk) {
                let images = min(chunk, range.upperBound - start)
                let rows = images * positions
                let outputRows = gradient + start * positions * filters
                Activation.backward(
                    activation, gradient: outputRows, output: activations + start * positions * filters,
                    rows: rows, channels: filters, biasGradient: self.bias == nil ? nil : workspace.biasGradient.pointer
                )
                let columns = workspace.columns.pointer
                let layout = self.accumulateKernelGradient(
                    geometry, source, start: start, images: images, outputRows, workspace
                )
                guard needsInputGradient else { continue }
                let imageGradient = inputGradientPointer + start * geometry.inputSize
                switch layout {
                case .direct:
                    BLAS.gemm(
                        transposeB: true, m: rows, n: patch, k: filters, a: outputRows, lda: filters,
                        b: kernelValues, ldb: filters, beta: 0, c: imageGradient, ldc: patch
                    )
                case .rows:
                    // dColumns [rows, patch] = dy · kernelᵀ, then scattered back to the images.
                    BLAS.gemm(
                        transposeB: true, m: rows, n: patch, k: filters, a: outputRows, lda: filters,
                        b: kernelValues, ldb: filters, beta: 0, c: columns, ldc: patch
                    )
                    imageGradient.update(repeating: 0, count: images * geometry.inputSize)
                    for image in 0 ..< images {
                        geometry.col2im(
                            columns + image * positions * patch, addingInto: imageGradient + image * geometry.inputSize
                        )
                    }
                case .transposed:
                    // dColumnsᵀ [patch, rows] = kernel · dyᵀ
                    BLAS.gemm(
                        transposeB: true, m: patch, n: rows, k: filters, a: kernelValues, lda: filters,
                        b: outputRows, ldb: filters, beta: 0, c: columns, ldc: rows
                    )
                    imageGradient.update(repeating: 0, count: images * geometry.inputSize)
                    for image in 0 ..< images {
                        geometry.col2imTransposed(
                            columns + image * positions, rowStride: rows, addingInto: imageGradient + image * geometry.inputSize
                        )
                    }
                }
            }
        }
    }
}

/// Per-worker scratch memory of a convolution.
final class ConvolutionWorkspace {
    let columns: Tensor
    let kernelGradient: Tensor
    let biasGradient: Tensor
    /// A padded image for `DirectConvolution`.
    let scratch: Tensor

    init(columnCount: Int, kernelCount: Int, filters: Int, scratchCount: Int) {
        columns = Tensor(shape: [columnCount])
        scratch = Tensor(shape: [scratchCount])
        kernelGradient = Tensor(shape: [kernelCount])
        biasGradient = Tensor(shape: [filters])
    }
}

/// `target += source`, element-wise over the first `target.count` values.
@inline(__always)
func add(_ source: Tensor, into target: Tensor) {
    let from = source.pointer, to = target.pointer, count = target.count
    forEachVector(count) { index in
        to.store(to.vector(at: index, end: count) + from.vector(at: index, end: count), at: index, end: count)
    }
}
