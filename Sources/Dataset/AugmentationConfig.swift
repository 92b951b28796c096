import Engine
import Foundation

/// How strongly training images are randomly perturbed. Every random choice is drawn from
/// (seed, epoch, sample index), so an epoch replays exactly after a resume.
public struct AugmentationConfig: Sendable, Hashable, Codable {
    /// Chance of a left–right mirror (faces are nearly symmetric; labels do not change).
    public var flipProbability: Float
    /// Largest shift along each axis, as a fraction of the side (0.1 → up to ±4.8 pixels).
    public var maxShiftFraction: Float
    /// Largest rotation either way, in degrees.
    public var maxRotationDegrees: Float
    /// Largest zoom either way, as a fraction (0.1 → scale in 0.9...1.1).
    public var maxZoomFraction: Float
    /// Chance of random erasing (Zhong et al. 2017): one rectangle filled with a random gray.
    public var erasingProbability: Float
    /// Smallest and largest erased area, as fractions of the image.
    public var erasingMinArea: Float
    public var erasingMaxArea: Float

    public init(
        flipProbability: Float = 0, maxShiftFraction: Float = 0, maxRotationDegrees: Float = 0,
        maxZoomFraction: Float = 0, erasingProbability: Float = 0, erasingMinArea: Float = 0.02,
        erasingMaxArea: Float = 0.15
    ) {
        self.flipProbability = flipProbability
        self.maxShiftFraction = maxShiftFraction
        self.maxRotationDegrees = maxRotationDegrees
        self.maxZoomFraction = maxZoomFraction
        self.erasingProbability = erasingProbability
        self.erasingMinArea = erasingMinArea
        self.erasingMaxArea = erasingMaxArea
    }

    /// No augmentation: the `seed` recipe.
    public static let none = AugmentationConfig()

    /// A mild preset for 48×48 faces: mirror half the time, ±10% shift, ±10° rotation,
    /// ±10% zoom, random erasing a quarter of the time.
    public static let standard = AugmentationConfig(
        flipProbability: 0.5, maxShiftFraction: 0.1, maxRotationDegrees: 10, maxZoomFraction: 0.1,
        erasingProbability: 0.25
    )

    /// True when every draw is the identity, so images pass through unchanged.
    public var isIdentity: Bool {
        flipProbability <= 0 && maxShiftFraction == 0 && maxRotationDegrees == 0 && maxZoomFraction == 0
            && erasingProbability <= 0
    }

    /// The transform for one sample in one epoch: a pure function of its arguments.
    public func transform(seed: UInt64, epoch: Int, sampleIndex: Int) -> SampleTransform {
        guard !isIdentity else { return .identity }
        var random = RandomGenerator(seed: seed, stream: UInt64(truncatingIfNeeded: epoch),
                                  UInt64(truncatingIfNeeded: sampleIndex))
        let side = Float(FaceDataset.imageSide)
        // Draw every value in a fixed order whatever the config, so changing one setting
        // does not reshuffle the others.
        let flip = random.uniform() < flipProbability
        let shiftX = random.uniform(in: -1 ... 1) * maxShiftFraction * side
        let shiftY = random.uniform(in: -1 ... 1) * maxShiftFraction * side
        let degrees = random.uniform(in: -1 ... 1) * maxRotationDegrees
        let scale = 1 + random.uniform(in: -1 ... 1) * maxZoomFraction
        let erase = random.uniform() < erasingProbability
        let erasing = erasingRectangle(random: &random)
        return SampleTransform(
            flip: flip, rotationRadians: degrees * .pi / 180, scale: scale, shiftX: shiftX, shiftY: shiftY,
            erasing: erase ? erasing : nil
        )
    }

    /// A rectangle of random area (erasingMinArea...erasingMaxArea) and aspect ratio
    /// (0.3...3.3, log-uniform) at a random place, clipped to the image.
    private func erasingRectangle(random: inout RandomGenerator) -> ErasingRectangle {
        let side = FaceDataset.imageSide
        let low = max(0, min(erasingMinArea, erasingMaxArea))
        let high = min(1, max(erasingMinArea, erasingMaxArea))
        let area = random.uniform(in: low ... high) * Float(side * side)
        let aspect = exp(random.uniform(in: log(Float(0.3)) ... log(Float(3.3))))
        let height = min(side, max(1, Int((area * aspect).squareRoot().rounded())))
        let width = min(side, max(1, Int((area / aspect).squareRoot().rounded())))
        let x = random.nextInt(below: side - width + 1)
        let y = random.nextInt(below: side - height + 1)
        let value = random.uniform()
        return ErasingRectangle(x: x, y: y, width: width, height: height, value: value)
    }
}
