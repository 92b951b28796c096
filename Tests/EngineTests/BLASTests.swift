import Testing
@testable import Engine

/// The OpenBLAS bridge: row-major sgemm with every transpose combination equals a naive product.
@Suite struct BLASTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemmMatchesNaiveProduct(transposeA: Bool, transposeB: Bool) {
        let (m, n, k) = (5, 4, 3)
        var generator = RandomGenerator(seed: 31)
        let a = (0 ..< m * k).map { _ in generator.normal() }, b = (0 ..< k * n).map { _ in generator.normal() }
        var c = [Float](repeating: 1, count: m * n)
        BLAS.gemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 2,
            a: a, lda: transposeA ? m : k, b: b, ldb: transposeB ? k : n, beta: 0.5, c: &c, ldc: n
        )
        for row in 0 ..< m {
            for column in 0 ..< n {
                var sum: Float = 0
                for inner in 0 ..< k {
                    let left = transposeA ? a[inner * m + row] : a[row * k + inner]
                    let right = transposeB ? b[column * k + inner] : b[inner * n + column]
                    sum += left * right
                }
                #expect(abs(c[row * n + column] - (2 * sum + 0.5)) < 1e-4, "C[\(row), \(column)]")
            }
        }
    }

    @Test func kernelAndConfigurationAreReported() {
        #expect(!BLAS.kernelName.isEmpty && BLAS.kernelName != "unknown")
        #expect(BLAS.configuration.contains("OpenBLAS"))
    }
}
