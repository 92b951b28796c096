import Vision

/// A face found in one image with the model's probabilities for it (not smoothed).
public struct FaceObservation: Sendable, Equatable {
    /// Box in pixels of the image searched.
    public var box: FaceBox
    public var probabilities: [Float]

    public init(box: FaceBox, probabilities: [Float]) {
        self.box = box
        self.probabilities = probabilities
    }
}

/// Faces found in one image and cropped to the model's input, before classification.
public struct FoundFaces: Sendable {
    /// Largest first, in pixels of the image searched.
    public var boxes: [FaceBox]
    /// One `faceSide × faceSide` gray crop per box.
    public var crops: [[UInt8]]
    /// Time spent searching and cropping.
    public var milliseconds: Double
}

/// What `FaceRecognizer.recognize` found in one image, and how long each part took.
public struct Recognition: Sendable {
    public var faces: [FaceObservation]
    public var detectMilliseconds: Double
    public var classifyMilliseconds: Double
}

/// One image's faces and their expressions: Haar detection, crop with a margin to the model's
/// square gray input, then the classifier on all faces at once. Shared by the live pipeline
/// (which finds and classifies on separate threads, each part used by one thread only) and
/// `fer predict`.
public final class FaceRecognizer {
    public let detector: FaceDetector
    public let classifier: any ExpressionClassifier
    public let cropper: FaceCropper
    /// The largest `maximumFaces` faces are classified; smaller ones are ignored.
    public let maximumFaces: Int

    /// `margin` is the fraction of the box added on each side before cropping.
    public init(
        detector: FaceDetector, classifier: any ExpressionClassifier, maximumFaces: Int = 1,
        margin: Double = FaceCropper.trainingFaceMargin
    ) throws {
        guard maximumFaces >= 1 else {
            throw LiveError.invalidOption(
                detail: "faces per image (--faces) must be at least 1, got \(maximumFaces)")
        }
        guard margin >= 0, margin <= 1 else {
            throw LiveError.invalidOption(detail: "the face margin must be between 0 and 1, got \(margin)")
        }
        self.detector = detector
        self.classifier = classifier
        self.maximumFaces = maximumFaces
        cropper = FaceCropper(margin: margin, outputSize: classifier.faceSide)
    }

    public var classNames: [String] { classifier.classNames }

    /// Faces in `image`, largest first, cropped for the model. With a `tracker` (video), faces
    /// are followed from the previous frame by a search around their last boxes, with a full
    /// search now and then; without one the whole image is searched.
    public func findFaces(in image: ColorImage, tracker: FaceTracker? = nil) throws -> FoundFaces {
        let start = Stopwatch.now()
        if isFaceCrop(image.size) {
            let whole = PixelRect(x: 0, y: 0, width: image.width, height: image.height)
            return FoundFaces(
                boxes: [whole], crops: [try image.gray.pixels], milliseconds: Stopwatch.milliseconds(since: start))
        }
        let boxes = try tracker?.update(with: image) ?? detector.detect(in: image, limit: maximumFaces)
        let crops = try boxes.map { try cropper.crop(image, face: $0).pixels }
        return FoundFaces(boxes: boxes, crops: crops, milliseconds: Stopwatch.milliseconds(since: start))
    }

    /// True for an image of exactly the model's face size (48×48): a face crop such as a
    /// dataset's, taken whole without detection. The one rule of `fer predict` and `fer live`.
    public func isFaceCrop(_ size: PixelSize) -> Bool {
        size.width == classifier.faceSide && size.height == classifier.faceSide
    }

    /// Probabilities for crops made by `findFaces` (of one image or several at once).
    public func classify(crops: [[UInt8]]) throws -> [[Float]] {
        guard !crops.isEmpty else { return [] }
        let probabilities = try classifier.probabilities(for: crops)
        guard probabilities.count == crops.count else {
            throw LiveError.invalidFace(
                detail: "the model answered \(probabilities.count) times for \(crops.count) faces")
        }
        return probabilities
    }

    /// Faces in `image`, largest first, each with its probabilities.
    public func recognize(in image: ColorImage, tracker: FaceTracker? = nil) throws -> Recognition {
        let found = try findFaces(in: image, tracker: tracker)
        let classifyStart = Stopwatch.now()
        let probabilities = try classify(crops: found.crops)
        let faces = zip(found.boxes, probabilities).map { FaceObservation(box: $0, probabilities: $1) }
        return Recognition(
            faces: faces, detectMilliseconds: found.milliseconds,
            classifyMilliseconds: found.crops.isEmpty ? 0 : Stopwatch.milliseconds(since: classifyStart))
    }

    /// A tracker for one video stream with this recognizer's detector and face limit.
    /// `fullScanInterval` 1 searches the whole frame every time.
    public func makeTracker(fullScanInterval: Int) -> FaceTracker {
        FaceTracker(
            detector: detector,
            settings: FaceTracker.Settings(
                fullScanInterval: max(1, fullScanInterval),
                maximumFaces: maximumFaces))
    }

    /// Probabilities for an image that already is a face (a 48×48 crop, or `--cropped`):
    /// the whole image is converted to the model's input size without detection.
    public func classify(face image: GrayImage) throws -> [Float] {
        guard image.width > 0, image.height > 0 else {
            throw LiveError.invalidFace(detail: "the face image is empty")
        }
        let side = classifier.faceSide
        let input =
            image.width == side && image.height == side ? image : try image.resized(width: side, height: side)
        return try classifier.probabilities(for: [input.pixels]).first ?? []
    }
}
