import Vision

/// A frame between the reading and the analysis threads: the decoded picture, its gray copy
/// for display, and when it was read.
struct DecodedFrame: Sendable {
    var index: Int
    var timestamp: Double
    var color: ColorImage
    var display: GrayImage
    /// Source pixels per display pixel.
    var displayScale: Double
    var decodeMilliseconds: Double
}

/// A frame between the detection and the classification threads: its faces, cropped.
struct DetectedFrame: Sendable {
    var decoded: DecodedFrame
    var faces: FoundFaces
}
