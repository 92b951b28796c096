import Testing
@testable import Engine

@Suite struct SmallGEMMTests {
    /// C = A·B (+ C when accumulating), loop by loop in Double.
    private func reference(
        m: Int, n: Int, k: Int, a: [Float], rowStride: Int, depthStride: Int, b: [Float], start: [Float],
        accumulate: Bool
    ) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0 ..< m {
            for j in 0 ..< n {
                var sum = accumulate ? Double(start[i * n + j]) : 0
                for p in 0 ..< k { sum += Double(a[i * rowStride + p * depthStride]) * Double(b[p * n + j]) }
                c[i * n + j] = Float(sum)
            }
        }
        return c
    }

    @Test(arguments: [
        (1, 16, 5), (6, 32, 32), (7, 48, 9), (13, 40, 64), (64, 24, 32), (5, 8, 3),
    ])
    func matchesTheReference(shape: (m: Int, n: Int, k: Int)) {
        var generator = RandomGenerator(seed: UInt64(shape.m * 1000 + shape.n * 10 + shape.k))
        let (m, n, k) = shape
        let a = (0 ..< m * k).map { _ in Float.random(in: -1 ... 1, using: &generator) }
        let b = (0 ..< k * n).map { _ in Float.random(in: -1 ... 1, using: &generator) }
        let start = (0 ..< m * n).map { _ in Float.random(in: -1 ... 1, using: &generator) }
        // Rows of A contiguous (the forward GEMM), then A stored transposed (the kernel gradient's).
        for (rowStride, depthStride) in [(k, 1), (1, m)] {
            for accumulate in [false, true] {
                var c = start
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        c.withUnsafeMutableBufferPointer { c in
                            SmallGEMM.multiply(
                                m: m, n: n, k: k, a: a.baseAddress!, rowStride: rowStride,
                                depthStride: depthStride, b: b.baseAddress!, ldb: n, accumulate: accumulate,
                                c: c.baseAddress!, ldc: n
                            )
                        }
                    }
                }
                let expected = reference(
                    m: m, n: n, k: k, a: a, rowStride: rowStride, depthStride: depthStride, b: b, start: start,
                    accumulate: accumulate
                )
                let worst = zip(c, expected).map { abs($0 - $1) }.max() ?? 0
                #expect(worst < 1e-4 * Float(max(1, k)), "m \(m) n \(n) k \(k) strides \(rowStride),\(depthStride)")
            }
        }
    }
}
