import Vision

/// One processed frame of live mode: what the screen draws, the JSONL line records and the
/// recorder annotates. Produced by the live pipeline on a background queue; a value, so it
/// can be handed to the UI thread safely.
public struct LiveFrame: Sendable {
    /// 0-based index of the frame in its source.
    public var index: Int
    /// Seconds since the source started (media time for files, wall time for cameras).
    public var timestamp: Double
    /// The frame in grayscale (possibly downscaled), for ASCII/half-block rendering.
    public var image: GrayImage
    /// Scale from `image` pixels to the source frame's pixels (boxes are in source pixels).
    public var sourceScale: Double
    /// Faces found, largest first, each with its (smoothed) expression probabilities.
    public var faces: [RecognizedFace]
    /// How long each stage took for this frame.
    public var timings: StageTimings
    /// Frames per second over the last second or so.
    public var framesPerSecond: Double
    /// The source frame in color at full size (for snapshots and the recorder); nil when the
    /// producer did not keep it.
    public var colorImage: ColorImage?
    /// Frames the source holds in all (files and image folders); nil for cameras and streams.
    public var expectedFrameCount: Int?

    public init(
        index: Int, timestamp: Double, image: GrayImage, sourceScale: Double, faces: [RecognizedFace],
        timings: StageTimings, framesPerSecond: Double, colorImage: ColorImage? = nil,
        expectedFrameCount: Int? = nil
    ) {
        self.index = index
        self.timestamp = timestamp
        self.image = image
        self.sourceScale = sourceScale
        self.faces = faces
        self.timings = timings
        self.framesPerSecond = framesPerSecond
        self.colorImage = colorImage
        self.expectedFrameCount = expectedFrameCount
    }

    /// True when no face was found in this frame (the screen's "no face" state).
    public var hasNoFace: Bool { faces.isEmpty }
}

/// A face box in source-frame pixels with the model's verdict.
public struct RecognizedFace: Sendable, Equatable {
    public var box: FaceBox
    /// Probabilities in the model's class order (sums to 1).
    public var probabilities: [Float]
    public var classNames: [String]
    /// Number that stays the same for the same person across frames (1, 2, ...).
    public var track: Int

    public init(box: FaceBox, probabilities: [Float], classNames: [String], track: Int = 1) {
        self.box = box
        self.probabilities = probabilities
        self.classNames = classNames
        self.track = track
    }

    /// The most likely class and its probability.
    public var top: (label: String, probability: Float) {
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        return (
            best < classNames.count ? classNames[best] : "?", probabilities.isEmpty ? 0 : probabilities[best]
        )
    }
}

/// Milliseconds spent per pipeline stage on one frame.
public struct StageTimings: Sendable, Equatable {
    public var decode: Double
    public var detect: Double
    public var classify: Double

    public init(decode: Double = 0, detect: Double = 0, classify: Double = 0) {
        self.decode = decode
        self.detect = detect
        self.classify = classify
    }

    public var total: Double { decode + detect + classify }
}
