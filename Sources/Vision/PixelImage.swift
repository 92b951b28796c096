/// What gray and color images share: a size and packed 8-bit pixels, row-major.
public protocol PixelImage: Sendable, Equatable {
    /// Bytes per pixel: 1 for gray, 3 for BGR.
    static var channels: Int { get }
    var width: Int { get }
    var height: Int { get }
    /// width * height * channels bytes, row by row.
    var pixels: [UInt8] { get }
}

extension PixelImage {
    public var size: PixelSize { PixelSize(width: width, height: height) }

    /// The image encoded as PNG or JPEG bytes.
    public func encoded(format: ImageFormat) throws -> [UInt8] {
        try ImageCodec.encode(pixels, size: size, channels: Self.channels, format: format)
    }

    /// Writes the image; the format follows the path's extension (.png, .jpg, .jpeg, .bmp).
    /// - Parameter quality: JPEG quality 0...100 (ignored by lossless formats).
    public func write(to path: String, quality: Int = 95) throws {
        try ImageCodec.write(pixels, size: size, channels: Self.channels, to: path, quality: quality)
    }
}

/// Checks that `pixels` fits `width` x `height` x `channels`, for the public initialisers.
func validatePixelCount(width: Int, height: Int, channels: Int, count: Int) throws {
    guard width >= 0, height >= 0 else {
        throw VisionError.invalidArgument(detail: "image size \(width)x\(height) is negative")
    }
    let (rowBytes, rowOverflow) = width.multipliedReportingOverflow(by: channels)
    let (expected, overflow) = rowBytes.multipliedReportingOverflow(by: height)
    guard !rowOverflow, !overflow, expected == count else {
        throw VisionError.invalidArgument(
            detail: "\(count) pixel bytes do not fill a \(width)x\(height) image with \(channels) channels")
    }
}
