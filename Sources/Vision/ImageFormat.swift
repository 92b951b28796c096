/// Encoded image formats fer writes.
public enum ImageFormat: Sendable, Hashable {
    /// Lossless PNG.
    case png
    /// JPEG with a quality from 0 to 100.
    case jpeg(quality: Int)

    /// JPEG at OpenCV's default quality.
    public static let jpeg = ImageFormat.jpeg(quality: 95)

    /// File extension OpenCV picks its encoder by.
    var fileExtension: String {
        switch self {
        case .png: return ".png"
        case .jpeg: return ".jpg"
        }
    }

    /// Quality passed to the bridge (-1: the format has none).
    var quality: Int32 {
        switch self {
        case .png: return -1
        case .jpeg(let quality): return Int32(min(max(quality, 0), 100))
        }
    }
}
