/// Follows faces from frame to frame cheaply: a full Haar scan now and then (to find new
/// faces and correct drift) and, in between, a search only around each face's last box and
/// only at sizes near its last size. On video this cuts detection cost several times while
/// giving the same boxes, which is what lets live mode keep up with 150+ frames/s.
/// Not thread-safe by design: one tracker follows one stream on one thread.
public final class FaceTracker {
    public struct Settings: Sendable, Hashable {
        /// Frames between full scans while faces are being followed.
        public var fullScanInterval: Int
        /// How far around the last box to look, as a fraction of its side on each side.
        public var searchMargin: Double
        /// Accepted size change between two frames (1.33: up to a third larger or smaller).
        public var sizeChange: Double
        /// Faces followed at most (largest first).
        public var maximumFaces: Int
        /// Side, in pixels, the smallest accepted face is shrunk to for the search around a
        /// followed face (the cascade's window is 24); smaller is faster, larger steadier.
        public var trackingFaceSize: Int

        public init(
            fullScanInterval: Int = 15, searchMargin: Double = 0.3, sizeChange: Double = 1.33,
            maximumFaces: Int = 1, trackingFaceSize: Int = 30
        ) {
            self.fullScanInterval = fullScanInterval
            self.searchMargin = searchMargin
            self.sizeChange = sizeChange
            self.maximumFaces = maximumFaces
            self.trackingFaceSize = trackingFaceSize
        }
    }

    public let detector: FaceDetector
    public let settings: Settings
    /// Boxes found in the last frame.
    public private(set) var faces: [FaceBox] = []
    /// Full scans made so far (for statistics and tests).
    public private(set) var fullScans = 0
    private var framesSinceFullScan = 0

    public init(detector: FaceDetector, settings: Settings = Settings()) {
        self.detector = detector
        self.settings = settings
    }

    /// The faces in the next frame of the stream, largest first.
    public func update(with frame: ColorImage) throws -> [FaceBox] {
        let limit = max(1, settings.maximumFaces)
        if faces.isEmpty || framesSinceFullScan + 1 >= max(1, settings.fullScanInterval) {
            return try fullScan(frame, limit: limit)
        }
        var followed: [FaceBox] = []
        for previous in faces {
            let side = max(previous.width, previous.height)
            let growth = Int((Double(side) * settings.searchMargin).rounded())
            let region = PixelRect(
                x: previous.x - growth, y: previous.y - growth,
                width: previous.width + 2 * growth, height: previous.height + 2 * growth)
            let change = max(1.01, settings.sizeChange)
            let smallest = max(1, Int(Double(side) / change))
            let largest = max(smallest, Int((Double(side) * change).rounded(.up)))
            let candidates = try detector.detect(in: frame, within: region, faceSizes: smallest...largest,
                scaledMinimumSize: settings.trackingFaceSize)
            if let best = candidates.max(by: {
                $0.intersectionOverUnion(with: previous)
                    < $1.intersectionOverUnion(with: previous)
            }),
                !followed.contains(where: { $0.overlapOfSmaller(with: best) > 0.5 })
            {
                followed.append(best)
            }
        }
        guard followed.count == faces.count else {  // a face was lost: look everywhere now
            return try fullScan(frame, limit: limit)
        }
        framesSinceFullScan += 1
        faces = followed.sorted { $0.area > $1.area }
        return faces
    }

    /// Forgets the followed faces (e.g. after a seek or a new source).
    public func reset() {
        faces = []
        framesSinceFullScan = 0
    }

    private func fullScan(_ frame: ColorImage, limit: Int) throws -> [FaceBox] {
        fullScans += 1
        framesSinceFullScan = 0
        faces = try detector.detect(in: frame, limit: limit)
        return faces
    }
}
