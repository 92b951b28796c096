import COpenBLAS

/// Row-major single-precision matrix products through OpenBLAS.
public enum BLAS {
    /// `C = alpha * op(A) * op(B) + beta * C`, all row-major; `op` transposes when asked.
    @inline(__always)
    static func gemm(
        transposeA: Bool = false, transposeB: Bool = false,
        m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc)
        )
    }

    /// Threads OpenBLAS itself uses. The engine shards each batch over its own workers and calls
    /// BLAS inside every shard, so models run it at 1 (`Model.init` sets it; OpenBLAS threads on
    /// top of the shards oversubscribe the cores, about 10× slower).
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Runs `body` with OpenBLAS on `threads` threads, then restores the previous count.
    public static func withThreadCount<Result>(_ threads: Int, _ body: () throws -> Result) rethrows -> Result {
        let previous = threadCount
        openblas_set_num_threads(Int32(threads))
        defer { openblas_set_num_threads(Int32(previous)) }
        return try body()
    }

    /// Makes every BLAS call single-threaded: the engine's own workers are the parallelism.
    static func useEngineThreading() {
        if threadCount != 1 { openblas_set_num_threads(1) }
    }

    /// The CPU kernel OpenBLAS chose (e.g. "SkylakeX", "Haswell").
    public static var kernelName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// OpenBLAS build configuration string (version, threading model).
    public static var configuration: String {
        guard let config = openblas_get_config() else { return "unknown" }
        return String(cString: config).trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
