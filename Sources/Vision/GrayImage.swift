/// An 8-bit grayscale image: `width * height` bytes, row-major. What the model eats.
public struct GrayImage: PixelImage {
    public static let channels = 1
    public let width: Int
    public let height: Int
    public internal(set) var pixels: [UInt8]

    /// Wraps existing pixels; throws when their count is not `width * height`.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        try validatePixelCount(width: width, height: height, channels: Self.channels, count: pixels.count)
        self.init(validWidth: width, height: height, pixels: pixels)
    }

    /// A uniform image (negative sizes count as zero).
    public init(width: Int, height: Int, filledWith value: UInt8 = 0) {
        let width = max(0, width), height = max(0, height)
        self.init(validWidth: width, height: height, pixels: [UInt8](repeating: value, count: width * height))
    }

    init(validWidth width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(_ decoded: DecodedPixels) {
        self.init(validWidth: decoded.width, height: decoded.height, pixels: decoded.pixels)
    }

    /// Reads and decodes an image file (JPEG, PNG, BMP, ...), converting color to gray.
    public init(contentsOf path: String) throws {
        self.init(try ImageCodec.read(path: path, channels: Self.channels))
    }

    /// Reads an image file that must be `width` x `height` (e.g. 48x48 dataset faces),
    /// decoding straight into the new pixel array; throws `unexpectedSize` otherwise.
    public init(contentsOf path: String, width: Int, height: Int) throws {
        let size = PixelSize(width: width, height: height)
        try ImageCodec.validate(size, purpose: "expected image")
        let pixels = try ImageCodec.makePixels(count: width * height) { buffer in
            try ImageCodec.read(path: path, channels: Self.channels, size: size, into: buffer)
        }
        self.init(validWidth: width, height: height, pixels: pixels)
    }

    /// Decodes an image file of known size into `buffer` (at least `width * height` bytes),
    /// so loaders can fill one large array without per-image allocations.
    public static func read(
        contentsOf path: String, width: Int, height: Int,
        into buffer: UnsafeMutableBufferPointer<UInt8>
    ) throws {
        try ImageCodec.read(
            path: path, channels: channels, size: PixelSize(width: width, height: height),
            into: buffer)
    }

    /// Decodes encoded bytes (a JPEG or PNG in memory) to gray.
    public static func decode(bytes: [UInt8]) throws -> GrayImage {
        try bytes.withUnsafeBytes { try decode(bytes: $0) }
    }

    /// Decodes encoded bytes to gray without copying them first.
    public static func decode(bytes: UnsafeRawBufferPointer) throws -> GrayImage {
        GrayImage(try ImageCodec.decode(bytes: bytes, channels: channels))
    }

    /// Decodes encoded bytes that must be an image of `width` x `height` into `buffer`.
    public static func decode(
        bytes: UnsafeRawBufferPointer, width: Int, height: Int,
        into buffer: UnsafeMutableBufferPointer<UInt8>
    ) throws {
        try ImageCodec.decode(
            bytes: bytes, channels: channels, size: PixelSize(width: width, height: height),
            into: buffer)
    }

    /// The pixel at column `x`, row `y`; nil outside the image.
    public subscript(x x: Int, y y: Int) -> UInt8? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return pixels[y * width + x]
    }

    /// Scaled to `width` x `height` (area averaging when shrinking, bilinear when growing).
    public func resized(width: Int, height: Int) throws -> GrayImage {
        let target = PixelSize(width: width, height: height)
        let output = try ImageCodec.resize(pixels, from: size, channels: Self.channels, to: target)
        return GrayImage(validWidth: width, height: height, pixels: output)
    }

    /// The part of `rect` that lies inside the image (empty when they do not overlap).
    public func cropped(to rect: PixelRect) -> GrayImage {
        let (area, output) = ImageCodec.crop(pixels, size: size, channels: Self.channels, to: rect)
        return GrayImage(validWidth: area.width, height: area.height, pixels: output)
    }

    /// Histogram-equalised copy: spreads the gray levels to full contrast.
    public func equalized() throws -> GrayImage {
        let output = try ImageCodec.equalize(pixels, size: size)
        return GrayImage(validWidth: width, height: height, pixels: output)
    }

    /// The same image as BGR (three equal channels), e.g. to draw colored boxes on.
    public func color() throws -> ColorImage {
        let output = try ImageCodec.convert(pixels, size: size, from: Self.channels, to: ColorImage.channels)
        return ColorImage(validWidth: width, height: height, pixels: output)
    }
}
