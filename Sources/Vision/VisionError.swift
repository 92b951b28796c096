/// Everything that can go wrong in the Vision layer, worded for the person at the terminal.
public enum VisionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file at this path.
    case fileNotFound(path: String)
    /// The file exists but cannot be read or written (permissions, a directory, a full disk).
    case fileAccess(detail: String)
    /// The bytes are not in any image format OpenCV decodes. `source` is a display label such
    /// as `'notes.txt'` or `image data (12 bytes)`.
    case notAnImage(source: String)
    /// A JPEG that ends before its end-of-image marker (a partial download or copy).
    case truncatedImage(source: String)
    /// A recognised image format whose data is damaged.
    case corruptImage(detail: String)
    /// The image decoded fine but has another size than the caller required.
    case unexpectedSize(detail: String)
    /// The requested output format or file extension is not supported.
    case unsupportedFormat(detail: String)
    /// A caller passed values that cannot describe an image (sizes, pixel counts).
    case invalidArgument(detail: String)
    /// OpenCV itself reported an error.
    case openCVFailure(detail: String)
    /// No camera device with this index.
    case noCamera(index: Int)
    /// The camera exists but cannot be opened (busy, permissions).
    case cameraUnavailable(detail: String)
    /// No video file at this path.
    case videoNotFound(path: String)
    /// The video file cannot be decoded (corrupt, truncated, unsupported codec, empty).
    case unreadableVideo(detail: String)
    /// A network stream did not answer within the timeout.
    case streamTimedOut(url: String, seconds: Double)
    /// A network stream could not be opened (refused, not found, not a video).
    case streamUnavailable(detail: String)
    /// A video file cannot be created or written.
    case videoWriteFailed(detail: String)
    /// A folder or glob of images contains no image.
    case noImages(source: String)
    /// No Haar cascade file was found in any of the searched places.
    case cascadeNotFound(searched: [String])
    /// A cascade file exists but cannot be loaded.
    case unreadableCascade(detail: String)
    /// An ONNX model is missing or cannot be loaded by cv::dnn.
    case unreadableModel(detail: String)
    /// A forward pass failed (usually an input shape the model does not accept).
    case inferenceFailed(detail: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "cannot read image '\(path)': file not found"
        case .fileAccess(let detail), .corruptImage(let detail), .unexpectedSize(let detail),
            .unsupportedFormat(let detail), .openCVFailure(let detail):
            return detail
        case .notAnImage(let source):
            return "\(source) is not an image OpenCV can decode"
        case .truncatedImage(let source):
            return "\(source) is a truncated JPEG: the data ends before its end-of-image marker"
        case .invalidArgument(let detail):
            return "invalid argument: \(detail)"
        case .noCamera(let index):
            return "no camera at index \(index) — try --source FILE"
        case .cameraUnavailable(let detail), .unreadableVideo(let detail), .streamUnavailable(let detail),
            .videoWriteFailed(let detail):
            return detail
        case .videoNotFound(let path):
            return "cannot open video '\(path)': file not found"
        case .streamTimedOut(let url, let seconds):
            let duration = seconds.formatted(maximumFractionDigits: 1)
            return "cannot open stream '\(url)': timed out after \(duration) s"
        case .noImages(let source):
            return "\(source) contains no image files"
        case .cascadeNotFound(let searched):
            return "face detector not found: no \(CascadeLocator.fileName) in "
                + searched.map { "'\($0)'" }.joined(separator: ", ")
                + " — install the opencv-data package or pass --cascade PATH"
        case .unreadableCascade(let detail), .unreadableModel(let detail):
            return detail
        case .inferenceFailed(let detail):
            return "inference failed: \(detail)"
        }
    }
}

extension Double {
    /// "2" for 2.0, "0.5" for 0.5: short numbers for messages.
    func formatted(maximumFractionDigits: Int) -> String {
        var scale = 1.0
        for _ in 0..<maximumFractionDigits { scale *= 10 }
        let rounded = (self * scale).rounded() / scale
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
