/// A 6×6 grid of vectors in scratch memory: one tile being transformed, element (row, column)
/// at 6·row + column. Every scheme's tiles fit (F(4×4, 3×3) reads 6×6 inputs).
typealias WinogradGrid = UnsafeMutablePointer<FloatVector>

/// The one-dimensional transforms of a Winograd F(m×m, 3×3) scheme, applied in place to the
/// grid elements `start`, `start + stride`, …: first down the columns, then along the rows.
/// Input tiles are (m + 2)×(m + 2).
protocol WinogradScheme {
    /// Outputs per tile side, m.
    static var outputSide: Int { get }
    /// Bᵀ: m + 2 inputs → m + 2 transformed values.
    static func input(_ grid: WinogradGrid, _ start: Int, _ stride: Int)
    /// G: 3 kernel taps → m + 2 values.
    static func kernel(_ grid: WinogradGrid, _ start: Int, _ stride: Int)
    /// Gᵀ: m + 2 values → 3 kernel-tap gradients.
    static func kernelGradient(_ grid: WinogradGrid, _ start: Int, _ stride: Int)
    /// Aᵀ: m + 2 products → m outputs.
    static func output(_ grid: WinogradGrid, _ start: Int, _ stride: Int)
    /// A: m output gradients → m + 2 values (the transpose of `output`).
    static func outputGradient(_ grid: WinogradGrid, _ start: Int, _ stride: Int)
}

/// F(2×2, 3×3): 16 products per 2×2 outputs (2.25× fewer multiplies than direct), transforms
/// with coefficients 0, ±½, ±1 (rounding close to the direct sum).
enum WinogradF2: WinogradScheme {
    static var outputSide: Int { 2 }

    /// Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]
    @inline(__always)
    static func input(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let d0 = grid[start], d1 = grid[start + stride], d2 = grid[start + 2 * stride], d3 = grid[start + 3 * stride]
        grid[start] = d0 - d2
        grid[start + stride] = d1 + d2
        grid[start + 2 * stride] = d2 - d1
        grid[start + 3 * stride] = d1 - d3
    }

    /// G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]
    @inline(__always)
    static func kernel(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let g0 = grid[start], g1 = grid[start + stride], g2 = grid[start + 2 * stride]
        let outer = 0.5 * (g0 + g2), middle = 0.5 * g1
        grid[start + stride] = outer + middle
        grid[start + 2 * stride] = outer - middle
        grid[start + 3 * stride] = g2
    }

    @inline(__always)
    static func kernelGradient(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let u0 = grid[start], u1 = grid[start + stride], u2 = grid[start + 2 * stride], u3 = grid[start + 3 * stride]
        let sum = 0.5 * (u1 + u2)
        grid[start] = u0 + sum
        grid[start + stride] = 0.5 * (u1 - u2)
        grid[start + 2 * stride] = sum + u3
    }

    /// Aᵀ = [1 1 1 0; 0 1 −1 −1]
    @inline(__always)
    static func output(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let m0 = grid[start], m1 = grid[start + stride], m2 = grid[start + 2 * stride], m3 = grid[start + 3 * stride]
        grid[start] = m0 + m1 + m2
        grid[start + stride] = m1 - m2 - m3
    }

    @inline(__always)
    static func outputGradient(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let y0 = grid[start], y1 = grid[start + stride]
        grid[start + stride] = y0 + y1
        grid[start + 2 * stride] = y0 - y1
        grid[start + 3 * stride] = -y1
    }
}

/// F(3×3, 3×3) (points 0, ±1, 2, ∞): 25 products per 3×3 outputs (3.24× fewer multiplies than
/// direct); the scheme that tiles 6×6 maps exactly.
enum WinogradF3: WinogradScheme {
    static var outputSide: Int { 3 }

    /// Bᵀ = [2 −1 −2 1 0; 0 −2 −1 1 0; 0 2 −3 1 0; 0 −1 0 1 0; 0 2 −1 −2 1]
    @inline(__always)
    static func input(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let d0 = grid[start], d1 = grid[start + stride], d2 = grid[start + 2 * stride]
        let d3 = grid[start + 3 * stride], d4 = grid[start + 4 * stride]
        let rise = d3 - d1
        grid[start] = 2 * (d0 - d2) + rise
        grid[start + stride] = d3 - 2 * d1 - d2
        grid[start + 2 * stride] = 2 * d1 - 3 * d2 + d3
        grid[start + 3 * stride] = rise
        grid[start + 4 * stride] = 2 * (d1 - d3) - d2 + d4
    }

    /// G = [½ 0 0; −½ −½ −½; −⅙ ⅙ −⅙; ⅙ ⅓ ⅔; 0 0 1]
    @inline(__always)
    static func kernel(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let g0 = grid[start], g1 = grid[start + stride], g2 = grid[start + 2 * stride]
        grid[start] = 0.5 * g0
        grid[start + stride] = -0.5 * (g0 + g1 + g2)
        grid[start + 2 * stride] = (g1 - g0 - g2) / 6
        grid[start + 3 * stride] = (g0 + 2 * g1 + 4 * g2) / 6
        grid[start + 4 * stride] = g2
    }

    @inline(__always)
    static func kernelGradient(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let u0 = grid[start], u1 = grid[start + stride], u2 = grid[start + 2 * stride]
        let u3 = grid[start + 3 * stride], u4 = grid[start + 4 * stride]
        let half = -0.5 * u1, sixth = u2 / 6
        grid[start] = 0.5 * u0 + half - sixth + u3 / 6
        grid[start + stride] = half + sixth + u3 / 3
        grid[start + 2 * stride] = half - sixth + 2 * u3 / 3 + u4
    }

    /// Aᵀ = [1 1 1 1 0; 0 1 −1 2 0; 0 1 1 4 1]
    @inline(__always)
    static func output(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let m0 = grid[start], m1 = grid[start + stride], m2 = grid[start + 2 * stride]
        let m3 = grid[start + 3 * stride], m4 = grid[start + 4 * stride]
        let sum12 = m1 + m2
        grid[start] = m0 + sum12 + m3
        grid[start + stride] = m1 - m2 + 2 * m3
        grid[start + 2 * stride] = sum12 + 4 * m3 + m4
    }

    @inline(__always)
    static func outputGradient(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let y0 = grid[start], y1 = grid[start + stride], y2 = grid[start + 2 * stride]
        let even = y0 + y2
        grid[start + stride] = even + y1
        grid[start + 2 * stride] = even - y1
        grid[start + 3 * stride] = y0 + 2 * y1 + 4 * y2
        grid[start + 4 * stride] = y2
    }
}

/// F(4×4, 3×3) (points 0, ±1, ±2, ∞): 36 products per 4×4 outputs (4× fewer multiplies than
/// direct); larger coefficients round less closely than F(2×2, 3×3) (the tests bound both).
enum WinogradF4: WinogradScheme {
    static var outputSide: Int { 4 }

    /// Bᵀ = [4 0 −5 0 1 0; 0 −4 −4 1 1 0; 0 4 −4 −1 1 0; 0 −2 −1 2 1 0; 0 2 −1 −2 1 0; 0 4 0 −5 0 1]
    @inline(__always)
    static func input(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let d0 = grid[start], d1 = grid[start + stride], d2 = grid[start + 2 * stride]
        let d3 = grid[start + 3 * stride], d4 = grid[start + 4 * stride], d5 = grid[start + 5 * stride]
        let evenLow = d4 - 4 * d2, oddLow = d3 - 4 * d1 // rows 1, 2
        let evenHigh = d4 - d2, oddHigh = 2 * (d3 - d1) // rows 3, 4
        grid[start] = 4 * d0 - 5 * d2 + d4
        grid[start + stride] = evenLow + oddLow
        grid[start + 2 * stride] = evenLow - oddLow
        grid[start + 3 * stride] = evenHigh + oddHigh
        grid[start + 4 * stride] = evenHigh - oddHigh
        grid[start + 5 * stride] = 4 * d1 - 5 * d3 + d5
    }

    /// G = [¼ 0 0; −⅙ −⅙ −⅙; −⅙ ⅙ −⅙; 1⁄24 1⁄12 ⅙; 1⁄24 −1⁄12 ⅙; 0 0 1]
    @inline(__always)
    static func kernel(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let g0 = grid[start], g1 = grid[start + stride], g2 = grid[start + 2 * stride]
        let outer = -(g0 + g2) / 6, middle = g1 / 6
        let scaledOuter = g0 / 24 + g2 / 6, scaledMiddle = g1 / 12
        grid[start] = g0 / 4
        grid[start + stride] = outer - middle
        grid[start + 2 * stride] = outer + middle
        grid[start + 3 * stride] = scaledOuter + scaledMiddle
        grid[start + 4 * stride] = scaledOuter - scaledMiddle
        grid[start + 5 * stride] = g2
    }

    @inline(__always)
    static func kernelGradient(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let u0 = grid[start], u1 = grid[start + stride], u2 = grid[start + 2 * stride]
        let u3 = grid[start + 3 * stride], u4 = grid[start + 4 * stride], u5 = grid[start + 5 * stride]
        let sum12 = (u1 + u2) / 6, difference12 = (u2 - u1) / 6, sum34 = u3 + u4, difference34 = u3 - u4
        grid[start] = u0 / 4 - sum12 + sum34 / 24
        grid[start + stride] = difference12 + difference34 / 12
        grid[start + 2 * stride] = -sum12 + sum34 / 6 + u5
    }

    /// Aᵀ = [1 1 1 1 1 0; 0 1 −1 2 −2 0; 0 1 1 4 4 0; 0 1 −1 8 −8 1]
    @inline(__always)
    static func output(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let m0 = grid[start], m1 = grid[start + stride], m2 = grid[start + 2 * stride]
        let m3 = grid[start + 3 * stride], m4 = grid[start + 4 * stride], m5 = grid[start + 5 * stride]
        let sum12 = m1 + m2, difference12 = m1 - m2, sum34 = m3 + m4, difference34 = m3 - m4
        grid[start] = m0 + sum12 + sum34
        grid[start + stride] = difference12 + 2 * difference34
        grid[start + 2 * stride] = sum12 + 4 * sum34
        grid[start + 3 * stride] = difference12 + 8 * difference34 + m5
    }

    @inline(__always)
    static func outputGradient(_ grid: WinogradGrid, _ start: Int, _ stride: Int) {
        let y0 = grid[start], y1 = grid[start + stride], y2 = grid[start + 2 * stride], y3 = grid[start + 3 * stride]
        let even = y0 + y2, odd = y1 + y3, evenHigh = y0 + 4 * y2, oddHigh = 2 * y1 + 8 * y3
        grid[start + stride] = even + odd
        grid[start + 2 * stride] = even - odd
        grid[start + 3 * stride] = evenHigh + oddHigh
        grid[start + 4 * stride] = evenHigh - oddHigh
        grid[start + 5 * stride] = y3
    }
}
