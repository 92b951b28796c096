/// `C = A · B` or `C += A · B` for the small, cache-resident products of the Winograd passes
/// (64 tiles × 32–256 channels), where OpenBLAS spends as long packing its operands and
/// dispatching as multiplying. A register tile of 6 rows × 2 vectors walks the shared dimension
/// reading A and B where they lie: A through two strides (rows of tiles, or the columns of a
/// transposed matrix), B row-major.
enum SmallGEMM {
    /// The vector of the register tile: 16 lanes where the CPU has 512-bit registers (12 of its
    /// 32 in use), 8 elsewhere (12 of 16 ymm registers).
    #if FER_AVX512
    typealias Lanes = SIMD16<Float>
    #else
    typealias Lanes = SIMD8<Float>
    #endif

    /// Rows and columns of one register tile.
    static let tileRows = 6
    static var tileColumns: Int { 2 * Lanes.scalarCount }

    /// C `[m, n]` (row stride `ldc`) = A · B, or += when `accumulate`, with
    /// A(i, p) = `a[i · rowStride + p · depthStride]` and B(p, j) = `b[p · ldb + j]`.
    /// Columns beyond the last whole register tile go through OpenBLAS.
    static func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
        b: UnsafePointer<Float>, ldb: Int, accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let covered = n - n % tileColumns
        for column in stride(from: 0, to: covered, by: tileColumns) {
            for row in stride(from: 0, to: m, by: tileRows) {
                tile(
                    rows: min(tileRows, m - row), k: k, a: a + row * rowStride, rowStride: rowStride,
                    depthStride: depthStride, b: b + column, ldb: ldb, accumulate: accumulate,
                    c: c + row * ldc + column, ldc: ldc
                )
            }
        }
        guard covered < n else { return }
        let transposed = rowStride == 1 && depthStride != 1
        BLAS.gemm(
            transposeA: transposed, m: m, n: n - covered, k: k, a: a,
            lda: transposed ? depthStride : rowStride, b: b + covered, ldb: ldb, beta: accumulate ? 1 : 0,
            c: c + covered, ldc: ldc
        )
    }

    /// One register tile: `rows` (1–6) rows × `tileColumns` columns, summed over `k`. Missing
    /// rows repeat the last one (computed, not stored), so one loop body serves every tile.
    @inline(__always)
    private static func tile(
        rows: Int, k: Int, a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
        b: UnsafePointer<Float>, ldb: Int, accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let last = rows - 1
        let p0 = a, p1 = a + min(1, last) * rowStride, p2 = a + min(2, last) * rowStride
        let p3 = a + min(3, last) * rowStride, p4 = a + min(4, last) * rowStride
        let p5 = a + min(5, last) * rowStride
        var c00 = Lanes(), c01 = Lanes(), c10 = Lanes(), c11 = Lanes(), c20 = Lanes(), c21 = Lanes()
        var c30 = Lanes(), c31 = Lanes(), c40 = Lanes(), c41 = Lanes(), c50 = Lanes(), c51 = Lanes()
        var offset = 0, vectors = b
        for _ in 0 ..< k {
            let w0 = load(vectors), w1 = load(vectors + Lanes.scalarCount)
            add(&c00, &c01, p0[offset], w0, w1)
            add(&c10, &c11, p1[offset], w0, w1)
            add(&c20, &c21, p2[offset], w0, w1)
            add(&c30, &c31, p3[offset], w0, w1)
            add(&c40, &c41, p4[offset], w0, w1)
            add(&c50, &c51, p5[offset], w0, w1)
            offset &+= depthStride
            vectors += ldb
        }
        store(c00, c01, row: 0, rows: rows, accumulate: accumulate, c: c, ldc: ldc)
        store(c10, c11, row: 1, rows: rows, accumulate: accumulate, c: c, ldc: ldc)
        store(c20, c21, row: 2, rows: rows, accumulate: accumulate, c: c, ldc: ldc)
        store(c30, c31, row: 3, rows: rows, accumulate: accumulate, c: c, ldc: ldc)
        store(c40, c41, row: 4, rows: rows, accumulate: accumulate, c: c, ldc: ldc)
        store(c50, c51, row: 5, rows: rows, accumulate: accumulate, c: c, ldc: ldc)
    }

    /// `low += x · w0`, `high += x · w1`, fused where the CPU has FMA (`FER_FMA`). The same as
    /// `DirectConvolution.accumulate` on other lanes; each file keeps its own because debug
    /// builds compile file by file and inline only within one (a shared generic helper ran
    /// unspecialised there, hundreds of times slower).
    @inline(__always)
    private static func add(_ low: inout Lanes, _ high: inout Lanes, _ x: Float, _ w0: Lanes, _ w1: Lanes) {
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
    private static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    private static func store(
        _ low: Lanes, _ high: Lanes, row: Int, rows: Int, accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard row < rows else { return }
        let first = UnsafeMutableRawPointer(c + row * ldc)
        let second = UnsafeMutableRawPointer(c + row * ldc + Lanes.scalarCount)
        if accumulate {
            first.storeBytes(of: first.loadUnaligned(as: Lanes.self) + low, as: Lanes.self)
            second.storeBytes(of: second.loadUnaligned(as: Lanes.self) + high, as: Lanes.self)
        } else {
            first.storeBytes(of: low, as: Lanes.self)
            second.storeBytes(of: high, as: Lanes.self)
        }
    }
}
