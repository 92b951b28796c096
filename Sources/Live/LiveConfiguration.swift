import Vision

/// How the live pipeline finds, recognises and paces faces.
public struct LiveConfiguration: Sendable {
    /// Faces classified per frame, largest first (1: the largest face only).
    public var maximumFaces = 1
    /// Fraction of the face box added on each side before cropping (by default the geometry
    /// of the training faces).
    public var margin = FaceCropper.trainingFaceMargin
    /// Weight of the past in the moving average of probabilities, in [0, 1); 0 turns it off.
    public var smoothing = 0.6
    /// At most this many frames per second are read; nil for as fast as possible.
    public var frameRateLimit: Double?
    /// The gray frame handed to the screen is at most this wide (nil: full size); boxes stay
    /// in source pixels.
    public var displayWidth: Int? = 640
    /// Skip frames when the analysis falls behind, keeping latency low. nil decides by the
    /// source: live sources (cameras, streams) drop, files and image folders never do.
    public var dropsFramesWhenBehind: Bool?
    /// Start a file over at its end until stopped (needs a way to reopen the source).
    public var loops = false
    /// Frames between searches of the whole frame while faces are being followed in a video
    /// (in between, only around each face's last box — several times cheaper). A new face can
    /// take this many frames to be noticed; 1 searches the whole frame every time. Image
    /// folders are always searched whole.
    public var fullScanInterval = 10
    /// Haar cascade search settings. By default faces down to a tenth of the frame's shorter
    /// side (48 pixels of a 640×480 camera): a whole-frame search then costs about what a
    /// 400×300 frame does, which keeps live mode well above 30 frames/s.
    public var detection = FaceDetectionParameters(minimumFaceFraction: 1.0 / 10)

    public init() {}

    /// Throws for pacing and display values that cannot work. (`FaceRecognizer` checks the
    /// faces and margin, `ExpressionSmoother` the smoothing.)
    public func validate() throws {
        if let frameRateLimit, !(frameRateLimit > 0 && frameRateLimit.isFinite) {
            throw LiveError.invalidOption(detail: "--fps must be a positive number, got \(frameRateLimit)")
        }
        guard fullScanInterval >= 1 else {
            throw LiveError.invalidOption(
                detail: "the full-scan interval must be at least 1, got \(fullScanInterval)")
        }
        if let displayWidth, displayWidth < 1 {
            throw LiveError.invalidOption(detail: "the display width must be positive, got \(displayWidth)")
        }
    }
}
