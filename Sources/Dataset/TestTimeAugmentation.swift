/// Views of a face that are each predicted, their probabilities averaged (test-time
/// augmentation): a little less noise than one view, for one forward pass per view.
public enum TestTimeAugmentation: String, CaseIterable, Sendable, Codable {
    /// The face as it is (1 view).
    case none
    /// The face and its mirror image (2 views).
    case flip
    /// The face and four crops moved 3 pixels towards its corners (edges repeated), each also
    /// mirrored (10 views): within the shifts the training augmentation draws.
    case crops

    /// Pixels a corner crop is moved along each axis.
    static let cropShift: Float = 3

    /// The transforms of the views, the unchanged face first.
    public var views: [SampleTransform] {
        switch self {
        case .none:
            return [.identity]
        case .flip:
            return [.identity, SampleTransform(flip: true)]
        case .crops:
            let shift = Self.cropShift
            let offsets: [(Float, Float)] = [(0, 0), (-shift, -shift), (shift, -shift), (-shift, shift), (shift, shift)]
            return [false, true].flatMap { flip in
                offsets.map { SampleTransform(flip: flip, shiftX: $0.0, shiftY: $0.1) }
            }
        }
    }

    /// A few words for reports, e.g. "each face averaged over 2 views (itself and its mirror image)".
    public var summary: String {
        switch self {
        case .none: "one view per face"
        case .flip: "each face averaged with its mirror image"
        case .crops: "each face averaged over 10 views (5 crops, each also mirrored)"
        }
    }
}

extension SampleTransform {
    /// This transform of one 48×48 byte face, as floats in [0, 1] (what training sees).
    public func render(_ source: UnsafePointer<UInt8>, into destination: UnsafeMutablePointer<Float>) {
        ImageWarp.apply(self, source: source, destination: destination)
    }
}
