/// An 8-bit color image in OpenCV's BGR order: `width * height * 3` bytes, row-major.
public struct ColorImage: PixelImage {
    public static let channels = 3
    public let width: Int
    public let height: Int
    public internal(set) var pixels: [UInt8]

    /// Wraps existing BGR pixels; throws when their count is not `width * height * 3`.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        try validatePixelCount(width: width, height: height, channels: Self.channels, count: pixels.count)
        self.init(validWidth: width, height: height, pixels: pixels)
    }

    /// A uniform image of one color (negative sizes count as zero).
    public init(width: Int, height: Int, filledWith color: BGRColor = .black) {
        let width = max(0, width), height = max(0, height)
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * Self.channels)
        for _ in 0..<(width * height) {
            pixels.append(color.blue)
            pixels.append(color.green)
            pixels.append(color.red)
        }
        self.init(validWidth: width, height: height, pixels: pixels)
    }

    init(validWidth width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(_ decoded: DecodedPixels) {
        self.init(validWidth: decoded.width, height: decoded.height, pixels: decoded.pixels)
    }

    /// Reads and decodes an image file (JPEG, PNG, BMP, ...) as BGR.
    public init(contentsOf path: String) throws {
        self.init(try ImageCodec.read(path: path, channels: Self.channels))
    }

    /// Decodes encoded bytes (a JPEG or PNG in memory) as BGR.
    public static func decode(bytes: [UInt8]) throws -> ColorImage {
        try bytes.withUnsafeBytes { try decode(bytes: $0) }
    }

    /// Decodes encoded bytes as BGR without copying them first.
    public static func decode(bytes: UnsafeRawBufferPointer) throws -> ColorImage {
        ColorImage(try ImageCodec.decode(bytes: bytes, channels: channels))
    }

    /// The color at column `x`, row `y`; nil outside the image.
    public subscript(x x: Int, y y: Int) -> BGRColor? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let start = (y * width + x) * Self.channels
        return BGRColor(blue: pixels[start], green: pixels[start + 1], red: pixels[start + 2])
    }

    /// Scaled to `width` x `height` (area averaging when shrinking, bilinear when growing).
    public func resized(width: Int, height: Int) throws -> ColorImage {
        let target = PixelSize(width: width, height: height)
        let output = try ImageCodec.resize(pixels, from: size, channels: Self.channels, to: target)
        return ColorImage(validWidth: width, height: height, pixels: output)
    }

    /// The part of `rect` that lies inside the image (empty when they do not overlap).
    public func cropped(to rect: PixelRect) -> ColorImage {
        let (area, output) = ImageCodec.crop(pixels, size: size, channels: Self.channels, to: rect)
        return ColorImage(validWidth: area.width, height: area.height, pixels: output)
    }

    /// Luminance (OpenCV's BGR→gray weights: 0.114 B + 0.587 G + 0.299 R).
    public var gray: GrayImage {
        get throws {
            let output = try ImageCodec.convert(
                pixels, size: size, from: Self.channels, to: GrayImage.channels)
            return GrayImage(validWidth: width, height: height, pixels: output)
        }
    }
}

/// A color in OpenCV's channel order.
public struct BGRColor: Sendable, Hashable {
    public var blue: UInt8
    public var green: UInt8
    public var red: UInt8

    public init(blue: UInt8, green: UInt8, red: UInt8) {
        self.blue = blue
        self.green = green
        self.red = red
    }

    /// From the usual red, green, blue order.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.init(blue: blue, green: green, red: red)
    }

    public static let black = BGRColor(blue: 0, green: 0, red: 0)
    public static let white = BGRColor(blue: 255, green: 255, red: 255)
    public static let red = BGRColor(blue: 0, green: 0, red: 255)
    public static let green = BGRColor(blue: 0, green: 255, red: 0)
    public static let blue = BGRColor(blue: 255, green: 0, red: 0)
    public static let yellow = BGRColor(blue: 0, green: 255, red: 255)
}
