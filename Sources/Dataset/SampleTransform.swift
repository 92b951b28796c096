import Foundation

/// The drawn augmentation of one sample: a mirror, then rotation and zoom about the centre,
/// then a shift, applied as a single affine warp; then an optional erased rectangle.
public struct SampleTransform: Sendable, Hashable {
    public var flip: Bool
    /// Counter-clockwise rotation (as seen on screen, y pointing down).
    public var rotationRadians: Float
    /// Zoom factor: > 1 enlarges the face.
    public var scale: Float
    /// Shift in pixels (right, down).
    public var shiftX: Float
    public var shiftY: Float
    public var erasing: ErasingRectangle?

    public init(
        flip: Bool = false, rotationRadians: Float = 0, scale: Float = 1, shiftX: Float = 0,
        shiftY: Float = 0,
        erasing: ErasingRectangle? = nil
    ) {
        self.flip = flip
        self.rotationRadians = rotationRadians
        self.scale = scale
        self.shiftX = shiftX
        self.shiftY = shiftY
        self.erasing = erasing
    }

    /// Leaves images unchanged.
    public static let identity = SampleTransform()

    /// True when the warp moves pixels other than by an exact mirror (needs interpolation).
    var needsResampling: Bool {
        rotationRadians != 0 || scale != 1 || shiftX != 0 || shiftY != 0
    }

    /// The inverse map: for an output pixel (x, y), the source position is
    /// `(m00·u + m01·v + centre, m10·u + m11·v + centre)` with `u = x − centre − shiftX`,
    /// `v = y − centre − shiftY`.
    var inverseMatrix: (m00: Float, m01: Float, m10: Float, m11: Float) {
        // Forward: output − c − shift = R·S·F·(source − c), where with y pointing down a
        // counter-clockwise turn is R = [[cos, sin], [−sin, cos]]. Inverse: F·S⁻¹·R⁻¹ with
        // R⁻¹ = [[cos, −sin], [sin, cos]].
        let cosine = cos(rotationRadians) / scale
        let sine = sin(rotationRadians) / scale
        let mirror: Float = flip ? -1 : 1
        return (m00: mirror * cosine, m01: mirror * -sine, m10: sine, m11: cosine)
    }
}
