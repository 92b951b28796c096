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
        }
    }
}
