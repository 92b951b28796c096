/// Winograd F(m×m, 3×3) transforms (m = 2, 3, 4) (Lavin & Gray 2016) for 3×3, stride-1, "same" convolutions
/// over NHWC images: every m×m block of outputs comes from one (m + 2)×(m + 2) input tile with
/// (m + 2)² multiplies per channel pair instead of 9m², so a convolution becomes (m + 2)²
/// GEMMs over transformed tiles. The transforms are exact in real arithmetic; in Float they
/// differ from the direct sum by rounding only (the tests bound it).
///
/// Transformed data is stored as one matrix per tile position ξ = (m + 2)·row + column:
/// inputs `[positions][tiles][channels]`, kernels `[positions][channels][filters]`, outputs
/// `[positions][tiles][filters]`. Tiles of several images are numbered image by image.
enum Winograd {
    /// F(2×2, 3×3), F(3×3, 3×3) or F(4×4, 3×3).
    enum Kind: Sendable, CaseIterable {
        case twoByTwo, threeByThree, fourByFour

        /// The scheme with the fewest transformed values (GEMM rows × positions) for a map, the
        /// smaller tiles on a tie (they round closer): F(4×4) on maps of 12, 24 and 48, F(3×3)
        /// on 6×6 (four whole tiles; 4×4 tiles would compute 8×8). `pooled` (a 2×2 max-pool
        /// applied as tiles leave) needs even tiles.
        init(height: Int, width: Int, pooled: Bool = false) {
            let candidates = Kind.allCases.filter { !pooled || $0.outputSide % 2 == 0 }
            self = candidates.min { $0.cost(height: height, width: width) < $1.cost(height: height, width: width) }!
        }

        private func cost(height: Int, width: Int) -> Int {
            Tiles(height: height, width: width, side: outputSide).count * positions
        }

        var outputSide: Int {
            switch self {
            case .twoByTwo: 2
            case .threeByThree: 3
            case .fourByFour: 4
            }
        }

        var inputSide: Int { outputSide + 2 }
        /// Transformed values per tile: the number of GEMMs.
        var positions: Int { inputSide * inputSide }
    }

    /// Whether the layer is a 3×3, stride-1 convolution with one pixel of zero padding on every
    /// side and channel counts in whole vectors.
    static func supports(_ geometry: ConvolutionGeometry, filters: Int) -> Bool {
        geometry.kernelHeight == 3 && geometry.kernelWidth == 3 && geometry.stride == 1
            && geometry.padTop == 1 && geometry.padLeft == 1 && geometry.padBottom == 1 && geometry.padRight == 1
            && geometry.channels % FloatVector.scalarCount == 0 && filters % FloatVector.scalarCount == 0
    }

    /// The m×m output tiles of one image.
    struct Tiles {
        let height: Int, width: Int, side: Int
        var rows: Int { (height + side - 1) / side }
        var columns: Int { (width + side - 1) / side }
        var count: Int { rows * columns }
    }

    /// What happens to a tile's outputs before they are stored.
    struct Epilogue {
        var bias: UnsafePointer<Float>?
        var relu = false
        /// Store only the maximum of each 2×2 window: a 2×2 max-pool (windows past the pooled
        /// map's edge are dropped, as pooling floors).
        var pooled = false
    }

    /// Floats from one tile position's matrix of `count` rows × `width` to the next: one cache
    /// line more than the matrix, so the 16 or 36 rows a tile writes at once do not all map
    /// to the same L1 set (power-of-two strides evict each other).
    static func positionStride(count: Int, width: Int) -> Int { count * width + 16 }

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

    // MARK: Entry points by kind

    static func transformKernel(
        _ kind: Kind, _ kernel: UnsafePointer<Float>, pairs: Int, into transformed: UnsafeMutablePointer<Float>
    ) {
        switch kind {
        case .twoByTwo: Transforms<WinogradF2>.kernel(kernel, pairs: pairs, into: transformed)
        case .threeByThree: Transforms<WinogradF3>.kernel(kernel, pairs: pairs, into: transformed)
        case .fourByFour: Transforms<WinogradF4>.kernel(kernel, pairs: pairs, into: transformed)
        }
    }

    static func kernelGradient(
        _ kind: Kind, fromTransformed gradient: UnsafePointer<Float>, pairs: Int,
        into kernelGradient: UnsafeMutablePointer<Float>
    ) {
        switch kind {
        case .twoByTwo: Transforms<WinogradF2>.kernelGradient(gradient, pairs: pairs, into: kernelGradient)
        case .threeByThree: Transforms<WinogradF3>.kernelGradient(gradient, pairs: pairs, into: kernelGradient)
        case .fourByFour: Transforms<WinogradF4>.kernelGradient(gradient, pairs: pairs, into: kernelGradient)
        }
    }

    static func transformInput(
        _ kind: Kind, _ source: UnsafePointer<Float>, tiles: Tiles, channels: Int, first: Int, count: Int,
        into transformed: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        switch kind {
        case .twoByTwo:
            Transforms<WinogradF2>.input(source, tiles: tiles, channels: channels, first: first, count: count,
                                         into: transformed, scratch: scratch)
        case .threeByThree:
            Transforms<WinogradF3>.input(source, tiles: tiles, channels: channels, first: first, count: count,
                                         into: transformed, scratch: scratch)
        case .fourByFour:
            Transforms<WinogradF4>.input(source, tiles: tiles, channels: channels, first: first, count: count,
                                         into: transformed, scratch: scratch)
        }
    }

    static func transformOutput(
        _ kind: Kind, _ transformed: UnsafePointer<Float>, tiles: Tiles, filters: Int, first: Int, count: Int,
        epilogue: Epilogue = Epilogue(), into destination: UnsafeMutablePointer<Float>
    ) {
        switch kind {
        case .twoByTwo:
            Transforms<WinogradF2>.output(transformed, tiles: tiles, filters: filters, first: first, count: count,
                                          epilogue: epilogue, into: destination)
        case .threeByThree:
            Transforms<WinogradF3>.output(transformed, tiles: tiles, filters: filters, first: first, count: count,
                                          epilogue: epilogue, into: destination)
        case .fourByFour:
            Transforms<WinogradF4>.output(transformed, tiles: tiles, filters: filters, first: first, count: count,
                                          epilogue: epilogue, into: destination)
        }
    }

    static func transformOutputGradient(
        _ kind: Kind, _ gradient: UnsafePointer<Float>, tiles: Tiles, filters: Int, first: Int, count: Int,
        into transformed: UnsafeMutablePointer<Float>
    ) {
        switch kind {
        case .twoByTwo:
            Transforms<WinogradF2>.outputGradient(gradient, tiles: tiles, filters: filters, first: first,
                                                  count: count, into: transformed)
        case .threeByThree:
            Transforms<WinogradF3>.outputGradient(gradient, tiles: tiles, filters: filters, first: first,
                                                  count: count, into: transformed)
        case .fourByFour:
            Transforms<WinogradF4>.outputGradient(gradient, tiles: tiles, filters: filters, first: first,
                                                  count: count, into: transformed)
        }
    }
}

/// The two-dimensional transforms of one scheme, built from its one-dimensional ones.
private enum Transforms<Scheme: WinogradScheme> {
    static var side: Int { Scheme.outputSide }
    static var inputSide: Int { Scheme.outputSide + 2 }

    /// U = G g Gᵀ for every (channel, filter) pair of `kernel` `[3, 3, channels, filters]`.
    static func kernel(_ kernel: UnsafePointer<Float>, pairs: Int, into transformed: UnsafeMutablePointer<Float>) {
        let n = inputSide
        withGrid { grid in forEachVector(pairs) { offset in
            for row in 0 ..< 3 {
                for column in 0 ..< 3 {
                    grid[6 * row + column] = kernel.vector(at: (3 * row + column) * pairs + offset, end: (3 * row + column) * pairs + pairs)
                }
            }
            for column in 0 ..< 3 { Scheme.kernel(grid, column, 6) }
            for row in 0 ..< n { Scheme.kernel(grid, 6 * row, 1) }
            for row in 0 ..< n {
                for column in 0 ..< n {
                    let index = (n * row + column) * pairs
                    transformed.store(grid[6 * row + column], at: index + offset, end: index + pairs)
                }
            }
        } }
    }

    /// kernelGradient `[3, 3, channels, filters]` = Gᵀ dU G: the gradient of `kernel`.
    static func kernelGradient(
        _ gradient: UnsafePointer<Float>, pairs: Int, into kernelGradient: UnsafeMutablePointer<Float>
    ) {
        let n = inputSide
        withGrid { grid in forEachVector(pairs) { offset in
            for row in 0 ..< n {
                for column in 0 ..< n {
                    let index = (n * row + column) * pairs
                    grid[6 * row + column] = gradient.vector(at: index + offset, end: index + pairs)
                }
            }
            for column in 0 ..< n { Scheme.kernelGradient(grid, column, 6) }
            for row in 0 ..< 3 { Scheme.kernelGradient(grid, 6 * row, 1) }
            for row in 0 ..< 3 {
                for column in 0 ..< 3 {
                    let index = (3 * row + column) * pairs
                    kernelGradient.store(grid[6 * row + column], at: index + offset, end: index + pairs)
                }
            }
        } }
    }

    /// V = Bᵀ d B for input tiles `first ..< first + count` (zero outside the image) of images
    /// `[height, width, channels]` at `source`, into `transformed` `[positions][count][channels]`
    /// (matrices `positionStride` apart).
    /// `scratch` holds one zero-padded edge tile (36 · channels floats).
    static func input(
        _ source: UnsafePointer<Float>, tiles: Winograd.Tiles, channels: Int, first: Int, count: Int,
        into transformed: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        let n = inputSide, positionStride = Winograd.positionStride(count: count, width: channels), width = tiles.width, height = tiles.height
        let rowLength = width * channels, imageSize = height * rowLength
        withGrid { grid in Winograd.forEachTile(first: first, count: count, tiles: tiles) { slot, image, tileY, tileX in
            let top = side * tileY - 1, left = side * tileX - 1
            let target = transformed + slot * channels
            if top >= 0, left >= 0, top + n <= height, left + n <= width {
                let corner = source + image * imageSize + top * rowLength + left * channels
                inputTile(
                    corner, rowLength: rowLength, channels: channels, positionStride: positionStride, grid: grid,
                    into: target
                )
                return
            }
            scratch.update(repeating: 0, count: n * n * channels)
            for row in 0 ..< n where top + row >= 0 && top + row < height {
                for column in 0 ..< n where left + column >= 0 && left + column < width {
                    let pixel = source + image * imageSize + (top + row) * rowLength + (left + column) * channels
                    (scratch + (n * row + column) * channels).update(from: pixel, count: channels)
                }
            }
            inputTile(
                scratch, rowLength: n * channels, channels: channels, positionStride: positionStride, grid: grid,
                into: target
            )
        } }
    }

    /// Bᵀ d B of the tile whose top-left pixel is at `corner`.
    @inline(__always)
    private static func inputTile(
        _ corner: UnsafePointer<Float>, rowLength: Int, channels: Int, positionStride: Int, grid: WinogradGrid,
        into target: UnsafeMutablePointer<Float>
    ) {
        let n = inputSide
        var channel = 0
        while channel < channels {
            for row in 0 ..< n {
                for column in 0 ..< n { grid[6 * row + column] = load(corner + row * rowLength + column * channels + channel) }
            }
            for column in 0 ..< n { Scheme.input(grid, column, 6) }
            for row in 0 ..< n { Scheme.input(grid, 6 * row, 1) }
            let base = target + channel
            for row in 0 ..< n {
                for column in 0 ..< n { store(grid[6 * row + column], base + (n * row + column) * positionStride) }
            }
            channel += FloatVector.scalarCount
        }
    }

    /// y = Aᵀ M A for tiles `first ..< first + count` of `transformed`
    /// `[positions][count][filters]`, written to images `[height, width, filters]` at
    /// `destination` (or, pooled, `[height / 2, width / 2, filters]`); outputs past the image's
    /// edge are dropped.
    static func output(
        _ transformed: UnsafePointer<Float>, tiles: Winograd.Tiles, filters: Int, first: Int, count: Int,
        epilogue: Winograd.Epilogue, into destination: UnsafeMutablePointer<Float>
    ) {
        let n = inputSide, m = side, positionStride = Winograd.positionStride(count: count, width: filters), width = tiles.width, height = tiles.height
        let outputHeight = epilogue.pooled ? height / 2 : height, outputWidth = epilogue.pooled ? width / 2 : width
        let imageSize = outputHeight * outputWidth * filters
        withGrid { grid in Winograd.forEachTile(first: first, count: count, tiles: tiles) { slot, image, tileY, tileX in
            let pixels = destination + image * imageSize
            // Rows and columns of this tile's outputs that land in the (pooled) map.
            let step = epilogue.pooled ? 2 : 1
            let top = m * tileY / step, left = m * tileX / step
            let rows = min(m / step, outputHeight - top), columns = min(m / step, outputWidth - left)
            guard rows > 0, columns > 0 else { return }
            var filter = 0
            while filter < filters {
                let base = transformed + slot * filters + filter
                for row in 0 ..< n {
                    for column in 0 ..< n { grid[6 * row + column] = load(base + (n * row + column) * positionStride) }
                }
                for column in 0 ..< n { Scheme.output(grid, column, 6) }
                for row in 0 ..< m { Scheme.output(grid, 6 * row, 1) }
                let shift = epilogue.bias.map { load($0 + filter) } ?? .zero
                for row in 0 ..< m {
                    for column in 0 ..< m {
                        let value = grid[6 * row + column] + shift
                        grid[6 * row + column] = epilogue.relu ? value.lanewiseMaximum(.zero) : value
                    }
                }
                for row in 0 ..< rows {
                    for column in 0 ..< columns {
                        let value = epilogue.pooled
                            ? grid[12 * row + 2 * column].lanewiseMaximum(grid[12 * row + 2 * column + 1])
                            .lanewiseMaximum(grid[12 * row + 6 + 2 * column].lanewiseMaximum(grid[12 * row + 7 + 2 * column]))
                            : grid[6 * row + column]
                        store(value, pixels + ((top + row) * outputWidth + left + column) * filters + filter)
                    }
                }
                filter += FloatVector.scalarCount
            }
        } }
    }

    /// dM = A dy Aᵀ for the output tiles `first ..< first + count` of output gradients
    /// `[height, width, filters]` (zero past the edge): the gradient of `output`.
    static func outputGradient(
        _ gradient: UnsafePointer<Float>, tiles: Winograd.Tiles, filters: Int, first: Int, count: Int,
        into transformed: UnsafeMutablePointer<Float>
    ) {
        let n = inputSide, m = side, positionStride = Winograd.positionStride(count: count, width: filters), width = tiles.width, height = tiles.height
        let imageSize = height * width * filters
        withGrid { grid in Winograd.forEachTile(first: first, count: count, tiles: tiles) { slot, image, tileY, tileX in
            let top = m * tileY, left = m * tileX
            let rows = min(m, height - top), columns = min(m, width - left)
            let corner = gradient + image * imageSize + (top * width + left) * filters
            var filter = 0
            while filter < filters {
                for row in 0 ..< m {
                    for column in 0 ..< m {
                        grid[6 * row + column] = row < rows && column < columns
                            ? load(corner + (row * width + column) * filters + filter) : .zero
                    }
                }
                for column in 0 ..< m { Scheme.outputGradient(grid, column, 6) }
                for row in 0 ..< n { Scheme.outputGradient(grid, 6 * row, 1) }
                let base = transformed + slot * filters + filter
                for row in 0 ..< n {
                    for column in 0 ..< n { store(grid[6 * row + column], base + (n * row + column) * positionStride) }
                }
                filter += FloatVector.scalarCount
            }
        } }
    }

    /// Runs `body` with a zeroed `WinogradGrid` on the stack.
    @inline(__always)
    private static func withGrid(_ body: (WinogradGrid) -> Void) {
        withUnsafeTemporaryAllocation(of: FloatVector.self, capacity: 36) { buffer in
            let grid = buffer.baseAddress!
            grid.initialize(repeating: .zero, count: 36)
            body(grid)
        }
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Float>) -> FloatVector {
        UnsafeRawPointer(pointer).loadUnaligned(as: FloatVector.self)
    }

    @inline(__always)
    private static func store(_ value: FloatVector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: FloatVector.self)
    }
}
