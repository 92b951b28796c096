import CVBridge
import Foundation

/// A detected face, in pixels of the image it was found in.
public typealias FaceBox = PixelRect

/// How the Haar cascade searches; sizes are in pixels of the image passed to `detect`.
public struct FaceDetectionParameters: Sendable, Hashable {
    /// Step between search scales (> 1). Smaller finds more faces, slower.
    public var scaleFactor: Double
    /// Overlapping hits needed to accept a face; higher means fewer false faces.
    public var minimumNeighbors: Int
    /// Smallest face side searched; nil: `minimumFaceFraction` of each image's shorter side.
    public var minimumFaceSize: Int?
    /// The smallest face searched, as a fraction of the image's shorter side, when
    /// `minimumFaceSize` is nil (never below the cascade's 24-pixel window).
    public var minimumFaceFraction: Double
    /// Largest face side searched; nil for no limit.
    public var maximumFaceSize: Int?
    /// The image is shrunk (never enlarged) so that the smallest face searched becomes about
    /// this many pixels before the cascade (its window is 24) runs: the cost follows the faces
    /// wanted, not the image's size, and a small face in a large photo is searched at the
    /// resolution it needs.
    public var searchedFaceSize: Int
    /// Equalise the histogram first: can help under dim or flat lighting, but also raises
    /// false detections on textured backgrounds, so it is off by default.
    public var equalizeHistogram: Bool

    /// The cascade's window: no smaller face can be found.
    public static let cascadeWindow = 24

    public init(
        scaleFactor: Double = 1.1, minimumNeighbors: Int = 5, minimumFaceSize: Int? = nil,
        minimumFaceFraction: Double = 1.0 / 25, maximumFaceSize: Int? = nil, searchedFaceSize: Int = 30,
        equalizeHistogram: Bool = false
    ) {
        self.scaleFactor = scaleFactor
        self.minimumNeighbors = minimumNeighbors
        self.minimumFaceSize = minimumFaceSize
        self.minimumFaceFraction = minimumFaceFraction
        self.maximumFaceSize = maximumFaceSize
        self.searchedFaceSize = searchedFaceSize
        self.equalizeHistogram = equalizeHistogram
    }

    /// The smallest face side searched in an image of `size`.
    public func minimumFaceSize(for size: PixelSize) -> Int {
        if let minimumFaceSize { return max(1, minimumFaceSize) }
        let shorter = Double(min(size.width, size.height))
        return max(Self.cascadeWindow, Int((shorter * minimumFaceFraction).rounded()))
    }
}

/// Finds faces with OpenCV's Haar cascade. Thread-safe (calls are serialised); create one
/// per worker thread when detecting in parallel.
public final class FaceDetector: @unchecked Sendable {
    static let cascadeWindow = FaceDetectionParameters.cascadeWindow
    /// The cascade file in use, for `fer doctor`.
    public let cascadePath: String
    public let parameters: FaceDetectionParameters
    private let lock = NSLock()
    private let handle: OpaquePointer?

    /// Loads the cascade at `cascadePath`, or the one `CascadeLocator` finds when nil.
    public init(
        cascadePath: String? = nil, parameters: FaceDetectionParameters = FaceDetectionParameters()
    ) throws {
        guard parameters.scaleFactor > 1 else {
            throw VisionError.invalidArgument(detail: "face detection scale factor must be greater than 1")
        }
        let path = try CascadeLocator.locate(explicitPath: cascadePath)
        var handle: OpaquePointer?
        let status = path.withCString { cvb_cascade_load($0, &handle) }
        switch status {
        case CVB_OK: break
        case CVB_ERR_NOT_FOUND:
            throw VisionError.unreadableCascade(detail: "cascade file '\(path)' not found")
        default: throw VisionError.unreadableCascade(detail: BridgeStatus.lastMessage)
        }
        self.cascadePath = path
        self.parameters = parameters
        self.handle = handle
    }

    deinit {
        cvb_cascade_free(handle)
    }

    /// Faces in a gray image, largest first, at most `limit`.
    public func detect(in image: GrayImage, limit: Int = .max) throws -> [FaceBox] {
        try detect(
            pixels: image.pixels, size: image.size, channels: GrayImage.channels, limit: limit,
            search: nil)
    }

    /// Faces in a BGR image, largest first, at most `limit`.
    public func detect(in image: ColorImage, limit: Int = .max) throws -> [FaceBox] {
        try detect(
            pixels: image.pixels, size: image.size, channels: ColorImage.channels, limit: limit,
            search: nil)
    }

    /// Faces whose side lies in `faceSizes`, searched only inside `region`: the cheap check
    /// a tracker makes around the face it saw in the previous frame. The region is shrunk so
    /// that the smallest size becomes about `scaledMinimumSize` pixels (the cascade's window
    /// is 24), which keeps the cost small whatever the face's size.
    public func detect(
        in image: ColorImage, within region: PixelRect, faceSizes: ClosedRange<Int>,
        scaledMinimumSize: Int = 30, limit: Int = .max
    ) throws -> [FaceBox] {
        let search = RegionSearch(region: region, faceSizes: faceSizes, scaledMinimumSize: scaledMinimumSize)
        return try detect(
            pixels: image.pixels, size: image.size, channels: ColorImage.channels, limit: limit,
            search: search)
    }

    /// A restricted search: where, which sizes, and how far to shrink.
    private struct RegionSearch {
        var region: PixelRect
        var faceSizes: ClosedRange<Int>
        var scaledMinimumSize: Int
    }

    private func detect(
        pixels: [UInt8], size: PixelSize, channels: Int, limit: Int,
        search: RegionSearch?
    ) throws -> [FaceBox] {
        guard limit > 0, size.width > 0, size.height > 0 else { return [] }
        var bridgeParameters = cvb_detection_parameters(
            scaleFactor: parameters.scaleFactor, minNeighbors: Int32(clamping: parameters.minimumNeighbors),
            minimumSize: Int32(clamping: parameters.minimumFaceSize(for: size)),
            maximumSize: Int32(clamping: parameters.maximumFaceSize ?? 0),
            equalize: parameters.equalizeHistogram ? 1 : 0, region: cvb_rect(),
            scaledMinimumSize: Int32(clamping: max(Self.cascadeWindow, parameters.searchedFaceSize)))
        if let search {
            let area = search.region.clamped(to: size)
            guard !area.isEmpty else { return [] }
            bridgeParameters.region = cvb_rect(
                x: Int32(area.x), y: Int32(area.y), width: Int32(area.width),
                height: Int32(area.height))
            bridgeParameters.minimumSize = Int32(clamping: max(1, search.faceSizes.lowerBound))
            bridgeParameters.maximumSize = Int32(clamping: max(1, search.faceSizes.upperBound))
            bridgeParameters.scaledMinimumSize = Int32(clamping: max(Self.cascadeWindow, search.scaledMinimumSize))
        }
        // Every box comes back, so overlaps are merged before the largest `limit` are kept.
        let capacity = 256
        var boxes = [cvb_rect](repeating: cvb_rect(), count: capacity)
        var count: Int32 = 0
        let status = lock.withLock {
            pixels.withUnsafeBufferPointer { input in
                cvb_cascade_detect(
                    handle, input.baseAddress, Int32(size.width), Int32(size.height),
                    Int32(channels), &bridgeParameters, &boxes, Int32(capacity), &count)
            }
        }
        try BridgeStatus.check(status)
        let found = boxes.prefix(min(Int(count), capacity)).map {
            FaceBox(x: Int($0.x), y: Int($0.y), width: Int($0.width), height: Int($0.height))
        }
        return Array(FaceBox.suppressingOverlaps(found).prefix(limit))
    }
}
