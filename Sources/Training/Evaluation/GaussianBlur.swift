import Foundation

/// A separable Gaussian blur of one square gray face (edges replicated), for models trained on
/// blurred faces: the FER2013 copy this project ships with has blurred training images (σ ≈ 3
/// pixels by their gradient and contrast) but sharp test images, so sharp faces are blurred
/// the same way before such a model sees them.
struct GaussianBlur {
    let sigma: Float
    private let weights: [Float]

    init(sigma: Float) {
        self.sigma = sigma
        let radius = max(1, Int((3 * sigma).rounded()))
        let raw = (-radius ... radius).map { exp(-Float($0 * $0) / (2 * sigma * sigma)) }
        let total = raw.reduce(0, +)
        weights = raw.map { $0 / total }
    }

    /// Blurs `side × side` floats in place (`scratch` holds `side × side` floats).
    func apply(_ image: UnsafeMutablePointer<Float>, side: Int, scratch: UnsafeMutablePointer<Float>) {
        let radius = weights.count / 2
        for y in 0 ..< side {
            for x in 0 ..< side {
                var sum: Float = 0
                for (index, weight) in weights.enumerated() {
                    sum += weight * image[y * side + min(max(x + index - radius, 0), side - 1)]
                }
                scratch[y * side + x] = sum
            }
        }
        for y in 0 ..< side {
            for x in 0 ..< side {
                var sum: Float = 0
                for (index, weight) in weights.enumerated() {
                    sum += weight * scratch[min(max(y + index - radius, 0), side - 1) * side + x]
                }
                image[y * side + x] = sum
            }
        }
    }
}
