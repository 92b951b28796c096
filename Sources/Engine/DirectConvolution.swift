/// Direct convolution ("implicit GEMM") for NHWC images whose filter count is a multiple of 32:
/// no im2col copy, no BLAS packing, bias and ReLU applied as results leave the registers.
///
/// Output positions are taken 8 at a time and filters 32 at a time, so 16 vector accumulators
/// stay in registers while the loop runs over every tap and input channel: each step loads
/// 32 weights once and broadcasts one input value per position.
enum DirectConvolution {
    typealias Lanes = SIMD16<Float>
    static let filterBlock = 32
    static let positionTile = 8

    /// Whether `filters` output channels fit the kernel's blocking.
    static func supports(filters: Int) -> Bool { filters % filterBlock == 0 }

    /// Sizes of one correlation: a padded input image `[paddedHeight, paddedWidth, channels]`
    /// read with `stride`, a kernel `[kernelHeight, kernelWidth, channels, filters]`, an output
    /// `[outputHeight, outputWidth, filters]`.
    struct Shape {
        let paddedWidth: Int, channels: Int
        let kernelHeight: Int, kernelWidth: Int, stride: Int
        let outputHeight: Int, outputWidth: Int, filters: Int
    }

    /// Whether a layer of `geometry` can compute its input gradient directly (stride 1, and its
    /// input channels — the filters of that correlation — a multiple of 32).
    static func supportsInputGradient(_ geometry: ConvolutionGeometry) -> Bool {
        geometry.stride == 1 && supports(filters: geometry.channels)
    }

    /// Floats of scratch one worker needs for `geometry` with `filters` filters: a padded image
    /// (or padded output gradient), then the two-row band of `forwardPooled`.
    static func scratchCount(_ geometry: ConvolutionGeometry, filters: Int) -> Int {
        bandOffset(geometry, filters: filters) + 2 * geometry.outputWidth * filters
    }

    /// Where the band of `forwardPooled` starts in a worker's scratch.
    private static func bandOffset(_ geometry: ConvolutionGeometry, filters: Int) -> Int {
        let input = (geometry.inputHeight + geometry.padTop + geometry.padBottom)
            * (geometry.inputWidth + geometry.padLeft + geometry.padRight) * geometry.channels
        let gradient = (geometry.inputHeight + geometry.kernelHeight - 1)
            * (geometry.inputWidth + geometry.kernelWidth - 1) * filters
        return max(input, supportsInputGradient(geometry) ? gradient : 0)
    }

    /// The image with the geometry's zero padding (copied into `scratch`), or the image itself
    /// when there is none.
    static func paddedInput(
        _ g: ConvolutionGeometry, image: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) -> UnsafePointer<Float> {
        guard g.padTop + g.padBottom + g.padLeft + g.padRight > 0 else { return image }
        pad(
            image, height: g.inputHeight, width: g.inputWidth, channels: g.channels,
            top: g.padTop, left: g.padLeft, bottom: g.padBottom, right: g.padRight, into: scratch
        )
        return UnsafePointer(scratch)
    }

    /// One image's output `[outputHeight, outputWidth, filters]` (+ bias, ReLU when asked), with
    /// `kernel` packed by `pack`.
    static func forward(
        _ geometry: ConvolutionGeometry, image: UnsafePointer<Float>, kernel: UnsafePointer<Float>, filters: Int,
        bias: UnsafePointer<Float>?, relu: Bool, output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let g = geometry, source = paddedInput(geometry, image: image, scratch: scratch)
        let shape = Shape(
            paddedWidth: g.inputWidth + g.padLeft + g.padRight, channels: g.channels,
            kernelHeight: g.kernelHeight, kernelWidth: g.kernelWidth, stride: g.stride,
            outputHeight: g.outputHeight, outputWidth: g.outputWidth, filters: filters
        )
        correlate(shape, image: source, kernel: kernel, bias: bias, relu: relu, output: output)
    }

    /// One image's output max-pooled 2×2 with stride 2 (`[outputHeight / 2, outputWidth / 2,
    /// filters]`): two rows at a time go to a band of the scratch and are pooled while they are
    /// still in the cache, so the full-size map is never written.
    static func forwardPooled(
        _ geometry: ConvolutionGeometry, image: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
        filters: Int, bias: UnsafePointer<Float>?, relu: Bool, output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let g = geometry, source = paddedInput(geometry, image: image, scratch: scratch)
        let band = scratch + bandOffset(geometry, filters: filters)
        let shape = Shape(
            paddedWidth: g.inputWidth + g.padLeft + g.padRight, channels: g.channels,
            kernelHeight: g.kernelHeight, kernelWidth: g.kernelWidth, stride: g.stride,
            outputHeight: g.outputHeight, outputWidth: g.outputWidth, filters: filters
        )
        let pooledWidth = g.outputWidth / 2, rowLength = g.outputWidth * filters
        for pooledRow in 0 ..< g.outputHeight / 2 {
            correlate(shape, image: source, kernel: kernel, bias: bias, relu: relu, output: band,
                      rows: 2 * pooledRow ..< 2 * pooledRow + 2)
            let target = output + pooledRow * pooledWidth * filters
            for pooledColumn in 0 ..< pooledWidth {
                let a = band + 2 * pooledColumn * filters, b = a + filters, c = a + rowLength, d = c + filters
                let best = target + pooledColumn * filters
                for lane in Swift.stride(from: 0, to: filters, by: 16) {
                    let top = load(a + lane).lanewiseMaximum(load(b + lane))
                    let bottom = load(c + lane).lanewiseMaximum(load(d + lane))
                    store(top.lanewiseMaximum(bottom), best + lane)
                }
            }
        }
    }

    /// One image's input gradient `[inputHeight, inputWidth, channels]` from its output gradient,
    /// with `rotatedKernel` from `backwardKernel`, packed (stride 1 only).
    static func inputGradient(
        _ geometry: ConvolutionGeometry, outputGradient: UnsafePointer<Float>, rotatedKernel: UnsafePointer<Float>,
        filters: Int, into inputGradient: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        let g = geometry
        let top = g.kernelHeight - 1 - g.padTop, left = g.kernelWidth - 1 - g.padLeft
        let bottom = g.inputHeight - g.outputHeight + g.padTop, right = g.inputWidth - g.outputWidth + g.padLeft
        pad(
            outputGradient, height: g.outputHeight, width: g.outputWidth, channels: filters,
            top: top, left: left, bottom: bottom, right: right, into: scratch
        )
        let shape = Shape(
            paddedWidth: g.outputWidth + left + right, channels: filters,
            kernelHeight: g.kernelHeight, kernelWidth: g.kernelWidth, stride: 1,
            outputHeight: g.inputHeight, outputWidth: g.inputWidth, filters: g.channels
        )
        correlate(shape, image: scratch, kernel: rotatedKernel, bias: nil, relu: false, output: inputGradient)
    }

    /// Re-lays a kernel `[rows, filters]` (rows = kh · kw · channels) as `[filters / 32, rows, 32]`,
    /// so the weights a tile needs are one sequential stream.
    /// With `factors`, each filter's weights are multiplied by its factor (a folded BatchNorm).
    static func pack(
        _ kernel: UnsafePointer<Float>, rows: Int, filters: Int, scaledBy factors: [Float]? = nil,
        into packed: UnsafeMutablePointer<Float>
    ) {
        for block in 0 ..< filters / filterBlock {
            let target = packed + block * rows * filterBlock
            let first = kernel + block * filterBlock
            guard let factors else {
                for row in 0 ..< rows {
                    (target + row * filterBlock).update(from: first + row * filters, count: filterBlock)
                }
                continue
            }
            let low = factors.withUnsafeBufferPointer { load($0.baseAddress! + block * filterBlock) }
            let high = factors.withUnsafeBufferPointer { load($0.baseAddress! + block * filterBlock + 16) }
            for row in 0 ..< rows {
                let source = first + row * filters, destination = target + row * filterBlock
                store(load(source) * low, destination)
                store(load(source + 16) * high, destination + 16)
            }
        }
    }

    /// Correlates one padded image with a packed kernel, adding `bias` and applying ReLU when asked:
    /// output rows `rows` (default all), written from `output` on.
    static func correlate(
        _ shape: Shape, image: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
        bias: UnsafePointer<Float>?, relu: Bool, output: UnsafeMutablePointer<Float>, rows: Range<Int>? = nil
    ) {
        let rows = rows ?? 0 ..< shape.outputHeight
        let positions = rows.count * shape.outputWidth, firstPosition = rows.lowerBound * shape.outputWidth
        let blockStride = shape.kernelHeight * shape.kernelWidth * shape.channels
        forEachTile(rows: positions, filters: shape.filters) { position in
            let row = (firstPosition + position) / shape.outputWidth, column = position % shape.outputWidth
            return image + (row * shape.stride * shape.paddedWidth + column * shape.stride) * shape.channels
        } _: { block, first, valid, bases in
            tile(
                shape, bases: bases, kernel: kernel + block * blockStride, bias: bias.map { $0 + block },
                relu: relu, output: output + first * shape.filters + block, valid: valid
            )
        }
    }

    /// Runs `body(block, first, valid, streams)` for every block of 32 filters (outermost: one
    /// block's weights, up to 9 × 256 × 32 floats, stay in the L2 cache meanwhile) and every tile
    /// of 8 of `count` rows (output positions, or patch rows): `streams` holds `stream(row)` for
    /// rows `first ..< first + valid`, the last one repeated to fill a partial tile.
    @inline(__always)
    static func forEachTile(
        rows count: Int, filters: Int, stream: (Int) -> UnsafePointer<Float>,
        _ body: (Int, Int, Int, UnsafePointer<UnsafePointer<Float>>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: positionTile) { streams in
            for block in Swift.stride(from: 0, to: filters, by: filterBlock) {
                var first = 0
                while first < count {
                    let valid = min(positionTile, count - first)
                    for lane in 0 ..< positionTile { streams[lane] = stream(first + min(lane, valid - 1)) }
                    body(block, first, valid, UnsafePointer(streams.baseAddress!))
                    first += positionTile
                }
            }
        }
    }

    /// Eight positions × 32 filters of output, accumulated over every tap and channel.
    @inline(__always)
    private static func tile(
        _ shape: Shape, bases: UnsafePointer<UnsafePointer<Float>>, kernel: UnsafePointer<Float>,
        bias: UnsafePointer<Float>?, relu: Bool, output: UnsafeMutablePointer<Float>, valid: Int
    ) {
        let channels = shape.channels, filters = shape.filters
        let sums = Tile.accumulate(
            streams: bases, segments: shape.kernelHeight * shape.kernelWidth, length: channels,
            scalarStep: 1, vectorStep: filterBlock
        ) { tap in
            let offset = ((tap / shape.kernelWidth) * shape.paddedWidth + tap % shape.kernelWidth) * channels
            return (offset, kernel + tap * channels * filterBlock)
        }
        let b0 = bias.map { load($0) } ?? Lanes(), b1 = bias.map { load($0 + 16) } ?? Lanes()
        sums.forEachRow(valid) { lane, first, second in
            var low = first + b0, high = second + b1
            if relu {
                low.replace(with: 0, where: low .< 0)
                high.replace(with: 0, where: high .< 0)
            }
            store(low, output + lane * filters)
            store(high, output + lane * filters + 16)
        }
    }

    /// The register tile shared by every direct kernel: 8 scalar streams × 32 vector lanes.
    struct Tile {
        var a00 = Lanes(), a01 = Lanes(), a10 = Lanes(), a11 = Lanes()
        var a20 = Lanes(), a21 = Lanes(), a30 = Lanes(), a31 = Lanes()
        var a40 = Lanes(), a41 = Lanes(), a50 = Lanes(), a51 = Lanes()
        var a60 = Lanes(), a61 = Lanes(), a70 = Lanes(), a71 = Lanes()

        /// Σ over steps of `streams[i][offset] · vectors[0 ..< 32]` for i in 0 ..< 8. The steps
        /// come in `segments` runs of `length`; `segment(s)` gives a run's first scalar offset and
        /// vector pointer, and each step advances them by `scalarStep` and `vectorStep`.
        @inline(__always)
        static func accumulate(
            streams: UnsafePointer<UnsafePointer<Float>>, segments: Int, length: Int, scalarStep: Int,
            vectorStep: Int, segment: (Int) -> (Int, UnsafePointer<Float>)
        ) -> Tile {
            let p0 = streams[0], p1 = streams[1], p2 = streams[2], p3 = streams[3]
            let p4 = streams[4], p5 = streams[5], p6 = streams[6], p7 = streams[7]
            // Local accumulators (not the struct's fields) stay in registers across the loop.
            var a00 = Lanes(), a01 = Lanes(), a10 = Lanes(), a11 = Lanes()
            var a20 = Lanes(), a21 = Lanes(), a30 = Lanes(), a31 = Lanes()
            var a40 = Lanes(), a41 = Lanes(), a50 = Lanes(), a51 = Lanes()
            var a60 = Lanes(), a61 = Lanes(), a70 = Lanes(), a71 = Lanes()
            for index in 0 ..< segments {
                var (offset, vectors) = segment(index)
                var remaining = length
                while remaining > 0 {
                    let w0 = load(vectors), w1 = load(vectors + 16)
                    DirectConvolution.accumulate(&a00, &a01, p0[offset], w0, w1)
                    DirectConvolution.accumulate(&a10, &a11, p1[offset], w0, w1)
                    DirectConvolution.accumulate(&a20, &a21, p2[offset], w0, w1)
                    DirectConvolution.accumulate(&a30, &a31, p3[offset], w0, w1)
                    DirectConvolution.accumulate(&a40, &a41, p4[offset], w0, w1)
                    DirectConvolution.accumulate(&a50, &a51, p5[offset], w0, w1)
                    DirectConvolution.accumulate(&a60, &a61, p6[offset], w0, w1)
                    DirectConvolution.accumulate(&a70, &a71, p7[offset], w0, w1)
                    offset &+= scalarStep
                    vectors += vectorStep
                    remaining &-= 1
                }
            }
            return Tile(
                a00: a00, a01: a01, a10: a10, a11: a11, a20: a20, a21: a21, a30: a30, a31: a31,
                a40: a40, a41: a41, a50: a50, a51: a51, a60: a60, a61: a61, a70: a70, a71: a71
            )
        }

        /// Calls `body(row, low 16 lanes, high 16 lanes)` for the first `count` of the 8 rows.
        @inline(__always)
        func forEachRow(_ count: Int, _ body: (Int, Lanes, Lanes) -> Void) {
            if count > 0 { body(0, a00, a01) }
            if count > 1 { body(1, a10, a11) }
            if count > 2 { body(2, a20, a21) }
            if count > 3 { body(3, a30, a31) }
            if count > 4 { body(4, a40, a41) }
            if count > 5 { body(5, a50, a51) }
            if count > 6 { body(6, a60, a61) }
            if count > 7 { body(7, a70, a71) }
        }
    }

    /// `low += x · w0` and `high += x · w1` for one input value `x` broadcast to every lane: fused
    /// multiply-adds where the CPU has them (`FER_FMA`, set by the package for this machine);
    /// elsewhere a multiply and an add, not a libm call per lane.
    @inline(__always)
    static func accumulate(_ low: inout Lanes, _ high: inout Lanes, _ x: Float, _ w0: Lanes, _ w1: Lanes) {
        let broadcast = Lanes(repeating: x)
        #if FER_FMA
        low.addProduct(broadcast, w0)
        high.addProduct(broadcast, w1)
        #else
        low += broadcast * w0
        high += broadcast * w1
        #endif
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    static func store(_ lanes: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: Lanes.self)
    }

    /// Copies one image `[height, width, channels]` into `destination` with zero borders.
    static func pad(
        _ image: UnsafePointer<Float>, height: Int, width: Int, channels: Int,
        top: Int, left: Int, bottom: Int, right: Int, into destination: UnsafeMutablePointer<Float>
    ) {
        let paddedWidth = width + left + right, rowCount = paddedWidth * channels
        destination.update(repeating: 0, count: top * rowCount)
        for row in 0 ..< height {
            let target = destination + (top + row) * rowCount
            target.update(repeating: 0, count: left * channels)
            (target + left * channels).update(from: image + row * width * channels, count: width * channels)
            (target + (left + width) * channels).update(repeating: 0, count: right * channels)
        }
        (destination + (top + height) * rowCount).update(repeating: 0, count: bottom * rowCount)
    }

    /// The kernel of the input-gradient correlation: `[kh, kw, filters, channels]`, rotated
    /// 180° with input and output channels swapped, so dx = correlate(padded dy, this).
    static func backwardKernel(
        _ kernel: UnsafePointer<Float>, height: Int, width: Int, channels: Int, filters: Int,
        into destination: UnsafeMutablePointer<Float>
    ) {
        for kernelY in 0 ..< height {
            for kernelX in 0 ..< width {
                let source = kernel + ((height - 1 - kernelY) * width + (width - 1 - kernelX)) * channels * filters
                let target = destination + (kernelY * width + kernelX) * filters * channels
                for channel in 0 ..< channels {
                    for filter in 0 ..< filters { target[filter * channels + channel] = source[channel * filters + filter] }
                }
            }
        }
    }
}
