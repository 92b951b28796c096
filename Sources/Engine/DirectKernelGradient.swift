/// The weight gradient of a direct convolution, dK[row, filter] += Σ over output positions of
/// x[position + offset(row)] · dy[position, filter], where a row is one (tap, channel) pair of
/// the patch: the transpose of the forward tiling, with positions as the reduction. No im2col
/// copy and no BLAS packing.
extension DirectConvolution {
    /// Adds one image's kernel gradient `[kh · kw · channels, filters]` into `kernelGradient`.
    static func kernelGradient(
        _ geometry: ConvolutionGeometry, image: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
        filters: Int, into kernelGradient: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        let g = geometry, source = paddedInput(geometry, image: image, scratch: scratch)
        let paddedWidth = g.inputWidth + g.padLeft + g.padRight
        forEachTile(rows: g.patchSize, filters: filters) { row in
            let tap = row / g.channels, channel = row % g.channels
            return source + ((tap / g.kernelWidth) * paddedWidth + tap % g.kernelWidth) * g.channels + channel
        } _: { block, first, valid, streams in
            rowTile(
                g, paddedWidth: paddedWidth, streams: streams, outputGradient: outputGradient + block,
                filters: filters, into: kernelGradient + first * filters + block, valid: valid
            )
        }
    }

    /// Eight patch rows × 32 filters of the kernel gradient, summed over every output position.
    @inline(__always)
    private static func rowTile(
        _ g: ConvolutionGeometry, paddedWidth: Int, streams: UnsafePointer<UnsafePointer<Float>>,
        outputGradient: UnsafePointer<Float>, filters: Int, into target: UnsafeMutablePointer<Float>, valid: Int
    ) {
        let sums = Tile.accumulate(
            streams: streams, segments: g.outputHeight, length: g.outputWidth,
            scalarStep: g.stride * g.channels, vectorStep: filters
        ) { outputY in
            (outputY * g.stride * paddedWidth * g.channels, outputGradient + outputY * g.outputWidth * filters)
        }
        sums.forEachRow(valid) { lane, low, high in
            let row = target + lane * filters
            store(load(row) + low, row)
            store(load(row + 16) + high, row + 16)
        }
    }
}
