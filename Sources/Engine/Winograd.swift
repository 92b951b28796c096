/// Winograd F(2×2, 3×3) transforms (Lavin & Gray 2016) for 3×3, stride-1, "same" convolutions
/// over NHWC images: every 2×2 block of outputs comes from one 4×4 input tile with 16
/// multiplies per channel pair instead of 36, so a convolution becomes 16 GEMMs over
/// transformed tiles. The transforms are exact in real arithmetic; in Float they differ from
/// the direct sum by rounding only (the tests bound it).
///
/// Transformed data is stored as 16 matrices, one per tile position ξ = 4·row + column:
/// inputs `[16][tiles][channels]`, kernels `[16][channels][filters]`, outputs
/// `[16][tiles][filters]`. Tiles of several images are numbered image by image.
enum Winograd {
    /// Whether the layer is a 3×3, stride-1 convolution with one pixel of zero padding on every
    /// side and channel counts in whole vectors.
    static func supports(_ geometry: ConvolutionGeometry, filters: Int) -> Bool {
        geometry.kernelHeight == 3 && geometry.kernelWidth == 3 && geometry.stride == 1
            && geometry.padTop == 1 && geometry.padLeft == 1 && geometry.padBottom == 1 && geometry.padRight == 1
            && geometry.channels % FloatVector.scalarCount == 0 && filters % FloatVector.scalarCount == 0
    }

    /// The 2×2 output tiles of one image.
    struct Tiles {
        let height: Int, width: Int
        var rows: Int { (height + 1) / 2 }
        var columns: Int { (width + 1) / 2 }
        var count: Int { rows * columns }
    }

    /// U = G g Gᵀ for every (channel, filter) pair of `kernel` `[3, 3, channels, filters]`.
    static func transformKernel(
        _ kernel: UnsafePointer<Float>, pairs: Int, into transformed: UnsafeMutablePointer<Float>
    ) {
        forEachVector(pairs) { offset in
            var g = InlineArray<9, FloatVector>(repeating: .zero)
            for tap in 0 ..< 9 { g[tap] = kernel.vector(at: tap * pairs + offset, end: tap * pairs + pairs) }
            var rows = InlineArray<12, FloatVector>(repeating: .zero) // G g: 4×3
            for column in 0 ..< 3 {
                let (u0, u1, u2, u3) = kernelColumn(g[column], g[3 + column], g[6 + column])
                rows[column] = u0
                rows[3 + column] = u1
                rows[6 + column] = u2
                rows[9 + column] = u3
            }
            for row in 0 ..< 4 {
                let (u0, u1, u2, u3) = kernelColumn(rows[3 * row], rows[3 * row + 1], rows[3 * row + 2])
                let index = 4 * row * pairs + offset, end = 4 * row * pairs + pairs
                transformed.store(u0, at: index, end: end)
                transformed.store(u1, at: index + pairs, end: end + pairs)
                transformed.store(u2, at: index + 2 * pairs, end: end + 2 * pairs)
                transformed.store(u3, at: index + 3 * pairs, end: end + 3 * pairs)
            }
        }
    }

    /// kernelGradient `[3, 3, channels, filters]` = Gᵀ dU G: the gradient of `transformKernel`.
    static func kernelGradient(
        fromTransformed gradient: UnsafePointer<Float>, pairs: Int, into kernelGradient: UnsafeMutablePointer<Float>
    ) {
        forEachVector(pairs) { offset in
            var rows = InlineArray<12, FloatVector>(repeating: .zero) // Gᵀ dU: 3×4
            for column in 0 ..< 4 {
                let load = { (row: Int) in gradient.vector(at: (4 * row + column) * pairs + offset, end: (4 * row + column) * pairs + pairs) }
                let (g0, g1, g2) = kernelGradientColumn(load(0), load(1), load(2), load(3))
                rows[column] = g0
                rows[4 + column] = g1
                rows[8 + column] = g2
            }
            for row in 0 ..< 3 {
                let (g0, g1, g2) = kernelGradientColumn(
                    rows[4 * row], rows[4 * row + 1], rows[4 * row + 2], rows[4 * row + 3]
                )
                let index = 3 * row * pairs + offset, end = 3 * row * pairs + pairs
                kernelGradient.store(g0, at: index, end: end)
                kernelGradient.store(g1, at: index + pairs, end: end + pairs)
                kernelGradient.store(g2, at: index + 2 * pairs, end: end + 2 * pairs)
            }
        }
    }

    /// Calls `body(slot, image, tileY, tileX)` for tiles `first ..< first + count`, numbered
    /// image by image, row by row; `slot` counts from 0.
    @inline(__always)
    static func forEachTile(first: Int, count: Int, tiles: Tiles, _ body: (Int, Int, Int, Int) -> Void) {
        var image = first / tiles.count, tileY = first % tiles.count / tiles.columns
        var tileX = first % tiles.columns
        for slot in 0 ..< count {
            body(slot, image, tileY, tileX)
            tileX += 1
            if tileX == tiles.columns {
                tileX = 0
                tileY += 1
                if tileY == tiles.rows {
                    tileY = 0
                    image += 1
                }
            }
        }
    }

    /// V = Bᵀ d B for input tiles `first ..< first + count` (zero outside the image) of images
    /// `[height, width, channels]` at `source`, into `transformed` `[16][count][channels]`.
    /// `scratch` holds one zero-padded edge tile (16 · channels floats).
    static func transformInput(
        _ source: UnsafePointer<Float>, tiles: Tiles, channels: Int, first: Int, count: Int,
        into transformed: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        let positionStride = count * channels, width = tiles.width, height = tiles.height
        let rowLength = width * channels, imageSize = height * rowLength
        forEachTile(first: first, count: count, tiles: tiles) { slot, image, tileY, tileX in
            let top = 2 * tileY - 1, left = 2 * tileX - 1
            let target = transformed + slot * channels
            if top >= 0, left >= 0, top + 3 < height, left + 3 < width {
                let corner = source + image * imageSize + top * rowLength + left * channels
                transformTile(corner, rowLength: rowLength, channels: channels, positionStride: positionStride, into: target)
                return
            }
            scratch.update(repeating: 0, count: 16 * channels)
            for row in 0 ..< 4 where top + row >= 0 && top + row < height {
                for column in 0 ..< 4 where left + column >= 0 && left + column < width {
                    let pixel = source + image * imageSize + (top + row) * rowLength + (left + column) * channels
                    (scratch + (4 * row + column) * channels).update(from: pixel, count: channels)
                }
            }
            transformTile(
                scratch, rowLength: 4 * channels, channels: channels, positionStride: positionStride, into: target
            )
        }
    }

    /// Bᵀ d B of the 4×4 tile whose top-left pixel is at `corner`.
    @inline(__always)
    private static func transformTile(
        _ corner: UnsafePointer<Float>, rowLength: Int, channels: Int, positionStride: Int,
        into target: UnsafeMutablePointer<Float>
    ) {
        var d = InlineArray<16, FloatVector>(repeating: .zero)
        var channel = 0
        while channel < channels {
            for row in 0 ..< 4 {
                for column in 0 ..< 4 {
                    d[4 * row + column] = load(corner + row * rowLength + column * channels + channel)
                }
            }
            for column in 0 ..< 4 {
                (d[column], d[4 + column], d[8 + column], d[12 + column])
                    = inputColumn(d[column], d[4 + column], d[8 + column], d[12 + column])
            }
            let base = target + channel
            for row in 0 ..< 4 {
                let (v0, v1, v2, v3) = inputColumn(d[4 * row], d[4 * row + 1], d[4 * row + 2], d[4 * row + 3])
                let rowBase = base + 4 * row * positionStride
                store(v0, rowBase)
                store(v1, rowBase + positionStride)
                store(v2, rowBase + 2 * positionStride)
                store(v3, rowBase + 3 * positionStride)
            }
            channel += FloatVector.scalarCount
        }
    }

    /// What happens to a tile's 2×2 outputs before they are stored.
    struct Epilogue {
        var bias: UnsafePointer<Float>?
        var relu = false
        /// Store only the maximum of each tile: a 2×2 max-pool (tiles past the pooled map's
        /// edge are dropped, as pooling floors).
        var pooled = false
    }

    /// y = Aᵀ M A for tiles `first ..< first + count` of `transformed` `[16][count][filters]`,
    /// written to images `[height, width, filters]` at `destination` (or, pooled,
    /// `[height / 2, width / 2, filters]`); outputs past the image's edge are dropped.
    static func transformOutput(
        _ transformed: UnsafePointer<Float>, tiles: Tiles, filters: Int, first: Int, count: Int,
        epilogue: Epilogue = Epilogue(), into destination: UnsafeMutablePointer<Float>
    ) {
        let positionStride = count * filters, width = tiles.width, height = tiles.height
        let outputWidth = epilogue.pooled ? width / 2 : width
        let imageSize = (epilogue.pooled ? height / 2 : height) * outputWidth * filters
        forEachTile(first: first, count: count, tiles: tiles) { slot, image, tileY, tileX in
            let top = 2 * tileY, left = 2 * tileX
            let rows = min(2, height - top), columns = min(2, width - left)
            if epilogue.pooled, rows < 2 || columns < 2 { return }
            let pixels = destination + image * imageSize
            var m = InlineArray<16, FloatVector>(repeating: .zero)
            var partial = InlineArray<8, FloatVector>(repeating: .zero) // Aᵀ M: 2×4
            var filter = 0
            while filter < filters {
                let base = transformed + slot * filters + filter
                for position in 0 ..< 16 { m[position] = load(base + position * positionStride) }
                for column in 0 ..< 4 {
                    (partial[column], partial[4 + column])
                        = outputColumn(m[column], m[4 + column], m[8 + column], m[12 + column])
                }
                let shift = epilogue.bias.map { load($0 + filter) } ?? .zero
                var outputs = InlineArray<4, FloatVector>(repeating: .zero)
                for row in 0 ..< 2 {
                    let (y0, y1) = outputColumn(
                        partial[4 * row], partial[4 * row + 1], partial[4 * row + 2], partial[4 * row + 3]
                    )
                    outputs[2 * row] = epilogue.relu ? (y0 + shift).lanewiseMaximum(.zero) : y0 + shift
                    outputs[2 * row + 1] = epilogue.relu ? (y1 + shift).lanewiseMaximum(.zero) : y1 + shift
                }
                if epilogue.pooled {
                    let best = outputs[0].lanewiseMaximum(outputs[1]).lanewiseMaximum(outputs[2].lanewiseMaximum(outputs[3]))
                    store(best, pixels + (tileY * outputWidth + tileX) * filters + filter)
                } else {
                    for row in 0 ..< rows {
                        let target = pixels + ((top + row) * width + left) * filters + filter
                        store(outputs[2 * row], target)
                        if columns == 2 { store(outputs[2 * row + 1], target + filters) }
                    }
                }
                filter += FloatVector.scalarCount
            }
        }
    }

    /// dM = A dy Aᵀ for the 2×2 output tiles `first ..< first + count` of output gradients
    /// `[height, width, filters]` (zero past the edge): the gradient of `transformOutput`.
    static func transformOutputGradient(
        _ gradient: UnsafePointer<Float>, tiles: Tiles, filters: Int, first: Int, count: Int,
        into transformed: UnsafeMutablePointer<Float>
    ) {
        let positionStride = count * filters, width = tiles.width, height = tiles.height
        let imageSize = height * width * filters
        forEachTile(first: first, count: count, tiles: tiles) { slot, image, tileY, tileX in
            let top = 2 * tileY, left = 2 * tileX
            let rows = min(2, height - top), columns = min(2, width - left)
            let corner = gradient + image * imageSize + (top * width + left) * filters
            var filter = 0
            while filter < filters {
                var dy = (FloatVector.zero, FloatVector.zero, FloatVector.zero, FloatVector.zero)
                let first = corner + filter
                dy.0 = load(first)
                if columns == 2 { dy.1 = load(first + filters) }
                if rows == 2 {
                    dy.2 = load(first + width * filters)
                    if columns == 2 { dy.3 = load(first + (width + 1) * filters) }
                }
                let upper = outputGradientColumn(dy.0, dy.1), lower = outputGradientColumn(dy.2, dy.3)
                let base = transformed + slot * filters + filter
                for column in 0 ..< 4 {
                    let spread = outputGradientColumn(upper[column], lower[column])
                    for row in 0 ..< 4 { store(spread[row], base + (4 * row + column) * positionStride) }
                }
                filter += FloatVector.scalarCount
            }
        }
    }

    // MARK: One-dimensional transforms (applied to columns, then rows)

    /// G · (g0, g1, g2), G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1].
    @inline(__always)
    private static func kernelColumn(
        _ g0: FloatVector, _ g1: FloatVector, _ g2: FloatVector
    ) -> (FloatVector, FloatVector, FloatVector, FloatVector) {
        let outer = 0.5 * (g0 + g2), middle = 0.5 * g1
        return (g0, outer + middle, outer - middle, g2)
    }

    /// Gᵀ · (u0, u1, u2, u3).
    @inline(__always)
    private static func kernelGradientColumn(
        _ u0: FloatVector, _ u1: FloatVector, _ u2: FloatVector, _ u3: FloatVector
    ) -> (FloatVector, FloatVector, FloatVector) {
        let sum = 0.5 * (u1 + u2)
        return (u0 + sum, 0.5 * (u1 - u2), sum + u3)
    }

    /// Bᵀ · (d0, d1, d2, d3), Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1].
    @inline(__always)
    private static func inputColumn(
        _ d0: FloatVector, _ d1: FloatVector, _ d2: FloatVector, _ d3: FloatVector
    ) -> (FloatVector, FloatVector, FloatVector, FloatVector) {
        (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
    }

    /// Aᵀ · (m0, m1, m2, m3), Aᵀ = [1 1 1 0; 0 1 −1 −1].
    @inline(__always)
    private static func outputColumn(
        _ m0: FloatVector, _ m1: FloatVector, _ m2: FloatVector, _ m3: FloatVector
    ) -> (FloatVector, FloatVector) {
        (m0 + m1 + m2, m1 - m2 - m3)
    }

    /// A · (y0, y1), A = Aᵀᵀ: a tile's output-gradient pair spread over four positions.
    @inline(__always)
    private static func outputGradientColumn(_ y0: FloatVector, _ y1: FloatVector) -> InlineArray<4, FloatVector> {
        [y0, y0 + y1, y0 - y1, -y1]
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Float>) -> FloatVector {
        UnsafeRawPointer(pointer).loadUnaligned(as: FloatVector.self)
    }

    @inline(__always)
    private static func load(_ pointer: UnsafeMutablePointer<Float>) -> FloatVector { load(UnsafePointer(pointer)) }

    @inline(__always)
    private static func store(_ value: FloatVector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: FloatVector.self)
    }
}
