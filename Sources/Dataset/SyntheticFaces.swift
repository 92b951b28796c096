import Engine

/// Drawn shapes standing in for faces: one shape per class, jittered in place, size and
/// brightness on a noisy background. A small CNN learns them in seconds, so tests, demos and
/// benchmarks get a realistic labelled set without FER2013 on disk.
public enum SyntheticFaces {
    /// The class names, one per shape; `dataset(classCount:)` uses the first `classCount`.
    public static let shapeNames = ["square", "disc", "cross", "ring", "stripes", "columns", "triangle"]

    /// One 48×48 image of shape `shape` (0..<7), a pure function of `shape` and `seed`.
    public static func image(shape: Int, seed: UInt64) -> [UInt8] {
        var random = RandomGenerator(seed: seed, stream: UInt64(truncatingIfNeeded: shape))
        let side = FaceDataset.imageSide
        let centreX = 24 + random.uniform(in: -6 ... 6)
        let centreY = 24 + random.uniform(in: -6 ... 6)
        let radius = random.uniform(in: 8 ... 13)
        let background = random.uniform(in: 20 ... 70)
        let foreground = random.uniform(in: 170 ... 240)
        var pixels = [UInt8](repeating: 0, count: FaceDataset.imageByteCount)
        for y in 0 ..< side {
            for x in 0 ..< side {
                let dx = Float(x) - centreX
                let dy = Float(y) - centreY
                let inside = contains(shape: shape, dx: dx, dy: dy, radius: radius)
                let noise = random.uniform(in: -12 ... 12)
                pixels[y * side + x] = UInt8(min(max((inside ? foreground : background) + noise, 0), 255))
            }
        }
        return pixels
    }

    /// A dataset of `classCount` shapes (1...7) with `trainPerClass` `.train` and
    /// `testPerClass` `.test` samples per class, in class order.
    public static func dataset(
        classCount: Int = 7, trainPerClass: Int, testPerClass: Int = 0, seed: UInt64 = 1
    ) throws(DatasetError) -> FaceDataset {
        guard (1 ... shapeNames.count).contains(classCount), trainPerClass >= 0, testPerClass >= 0 else {
            throw .inconsistentDataset(
                reason: "synthetic sets have 1...\(shapeNames.count) classes and non-negative counts"
            )
        }
        var pixels: [UInt8] = []
        var labels: [UInt8] = []
        var splits: [Split] = []
        var sample: UInt64 = 0
        for (split, perClass) in [(Split.train, trainPerClass), (.test, testPerClass)] {
            for shape in 0 ..< classCount {
                for _ in 0 ..< perClass {
                    pixels += image(shape: shape, seed: seed &+ sample)
                    labels.append(UInt8(shape))
                    splits.append(split)
                    sample += 1
                }
            }
        }
        return try FaceDataset(
            pixels: pixels, labels: labels, classNames: Array(shapeNames.prefix(classCount)), splits: splits
        )
    }

    /// Whether the point (dx, dy) from the centre lies on the shape.
    private static func contains(shape: Int, dx: Float, dy: Float, radius: Float) -> Bool {
        let distance = (dx * dx + dy * dy).squareRoot()
        switch shape {
        case 0: return abs(dx) <= radius && abs(dy) <= radius
        case 1: return distance <= radius
        case 2: return (abs(dx) <= radius && abs(dy) <= 2.5) || (abs(dy) <= radius && abs(dx) <= 2.5)
        case 3: return abs(distance - radius) <= 2.5
        case 4: return abs(dx) <= radius && abs(dy) <= radius && Int((dy + 64).rounded(.down)) / 3 % 2 == 0
        case 5: return abs(dx) <= radius && abs(dy) <= radius && Int((dx + 64).rounded(.down)) / 3 % 2 == 0
        default: return dy <= radius && dy >= -radius && abs(dx) <= (dy + radius) / 2
        }
    }
}
