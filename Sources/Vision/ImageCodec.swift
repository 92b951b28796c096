import CVBridge

/// Pixels as the bridge hands them back: size plus packed row-major bytes.
struct DecodedPixels {
    var width: Int
    var height: Int
    var pixels: [UInt8]
}

/// The Swift side of the bridge's image functions, shared by `GrayImage` and `ColorImage`
/// (which differ only in their channel count).
enum ImageCodec {
    /// Largest side accepted for sizes callers ask for (keeps byte counts far from overflow).
    static let maximumSide = 1 << 16

    /// Throws unless both sides are positive and at most `maximumSide`.
    static func validate(_ size: PixelSize, purpose: String) throws {
        guard size.width > 0, size.height > 0, size.width <= maximumSide, size.height <= maximumSide else {
            throw VisionError.invalidArgument(
                detail: "\(purpose) size \(size) must be between 1 and \(maximumSide) pixels per side")
        }
    }

    /// Reads and decodes a file of any size.
    static func read(path: String, channels: Int) throws -> DecodedPixels {
        var handle: OpaquePointer?
        let status = path.withCString { cvb_image_read($0, Int32(channels), &handle) }
        try BridgeStatus.check(status, path: path, source: BridgeStatus.label(path: path))
        return copyAndFree(handle)
    }

    /// Decodes in-memory encoded bytes of any size.
    static func decode(bytes: UnsafeRawBufferPointer, channels: Int) throws -> DecodedPixels {
        var handle: OpaquePointer?
        let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let status = cvb_image_decode(start, bytes.count, Int32(channels), &handle)
        try BridgeStatus.check(status, source: BridgeStatus.label(byteCount: bytes.count))
        return copyAndFree(handle)
    }

    /// Reads a file that must be `size`, decoding straight into `destination`, which holds
    /// at least width * height * channels bytes.
    static func read(
        path: String, channels: Int, size: PixelSize,
        into destination: UnsafeMutableBufferPointer<UInt8>
    ) throws {
        try checkCapacity(destination, channels: channels, size: size)
        let status = path.withCString {
            cvb_read_into($0, Int32(channels), Int32(size.width), Int32(size.height), destination.baseAddress)
        }
        try BridgeStatus.check(status, path: path, source: BridgeStatus.label(path: path))
    }

    /// Decodes bytes that must be an image of `size` straight into `destination`.
    static func decode(
        bytes: UnsafeRawBufferPointer, channels: Int, size: PixelSize,
        into destination: UnsafeMutableBufferPointer<UInt8>
    ) throws {
        try checkCapacity(destination, channels: channels, size: size)
        let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let status = cvb_decode_into(
            start, bytes.count, Int32(channels), Int32(size.width),
            Int32(size.height), destination.baseAddress)
        try BridgeStatus.check(status, source: BridgeStatus.label(byteCount: bytes.count))
    }

    /// A new pixel array of `count` bytes filled by `body` (no zero-filling first).
    static func makePixels(
        count: Int,
        _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> Void
    ) rethrows -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            try body(buffer)
            initialized = count
        }
    }

    /// Resizes packed pixels to `target`.
    static func resize(
        _ pixels: [UInt8], from source: PixelSize, channels: Int,
        to target: PixelSize
    ) throws -> [UInt8] {
        try validate(target, purpose: "resize")
        if source == target { return pixels }
        return try makePixels(count: target.width * target.height * channels) { output in
            let status = pixels.withUnsafeBufferPointer { input in
                cvb_resize(
                    input.baseAddress, Int32(source.width), Int32(source.height), Int32(channels),
                    output.baseAddress, Int32(target.width), Int32(target.height))
            }
            try BridgeStatus.check(status)
        }
    }

    /// Converts packed pixels between 1 and 3 channels.
    static func convert(
        _ pixels: [UInt8], size: PixelSize, from sourceChannels: Int,
        to targetChannels: Int
    ) throws -> [UInt8] {
        try makePixels(count: size.width * size.height * targetChannels) { output in
            let status = pixels.withUnsafeBufferPointer { input in
                cvb_convert_channels(
                    input.baseAddress, Int32(size.width), Int32(size.height),
                    Int32(sourceChannels), output.baseAddress, Int32(targetChannels))
            }
            try BridgeStatus.check(status)
        }
    }

    /// Copies the part of `rect` inside the image (possibly empty) row by row.
    static func crop(
        _ pixels: [UInt8], size: PixelSize, channels: Int,
        to rect: PixelRect
    ) -> (rect: PixelRect, pixels: [UInt8]) {
        let area = rect.clamped(to: size)
        guard !area.isEmpty else { return (area, []) }
        let rowBytes = area.width * channels
        var output = [UInt8]()
        output.reserveCapacity(rowBytes * area.height)
        for row in area.y..<(area.y + area.height) {
            let start = (row * size.width + area.x) * channels
            output.append(contentsOf: pixels[start..<(start + rowBytes)])
        }
        return (area, output)
    }

    /// Encodes packed pixels as PNG or JPEG bytes.
    static func encode(
        _ pixels: [UInt8], size: PixelSize, channels: Int,
        format: ImageFormat
    ) throws -> [UInt8] {
        var handle: OpaquePointer?
        let status = pixels.withUnsafeBufferPointer { input in
            cvb_encode(
                input.baseAddress, Int32(size.width), Int32(size.height), Int32(channels),
                format.fileExtension, format.quality, &handle)
        }
        try BridgeStatus.check(status)
        defer { cvb_bytes_free(handle) }
        let count = cvb_bytes_count(handle)
        guard let data = cvb_bytes_data(handle) else { return [] }
        return [UInt8](UnsafeBufferPointer(start: data, count: count))
    }

    /// Encodes by the path's extension (.png, .jpg, .jpeg, .bmp) and writes the file.
    static func write(
        _ pixels: [UInt8], size: PixelSize, channels: Int, to path: String,
        quality: Int
    ) throws {
        let status = pixels.withUnsafeBufferPointer { input in
            path.withCString {
                cvb_write(
                    $0, input.baseAddress, Int32(size.width), Int32(size.height), Int32(channels),
                    Int32(min(max(quality, 0), 100)))
            }
        }
        try BridgeStatus.check(status, path: path, source: BridgeStatus.label(path: path))
    }

    private static func checkCapacity(
        _ destination: UnsafeMutableBufferPointer<UInt8>, channels: Int,
        size: PixelSize
    ) throws {
        try validate(size, purpose: "expected image")
        guard destination.count >= size.width * size.height * channels else {
            let needed = size.width * size.height * channels
            throw VisionError.invalidArgument(
                detail: "buffer of \(destination.count) bytes cannot hold a \(size) image (\(needed) bytes)")
        }
    }

    private static func copyAndFree(_ handle: OpaquePointer?) -> DecodedPixels {
        defer { cvb_image_free(handle) }
        var width: Int32 = 0, height: Int32 = 0, channels: Int32 = 0
        cvb_image_size(handle, &width, &height, &channels)
        let count = Int(width) * Int(height) * Int(channels)
        let pixels: [UInt8]
        if let data = cvb_image_pixels(handle) {
            pixels = [UInt8](UnsafeBufferPointer(start: data, count: count))
        } else {
            pixels = []
        }
        return DecodedPixels(width: Int(width), height: Int(height), pixels: pixels)
    }
}

extension ImageCodec {
    /// Histogram equalisation of gray pixels.
    static func equalize(_ pixels: [UInt8], size: PixelSize) throws -> [UInt8] {
        try makePixels(count: size.width * size.height) { output in
            let status = pixels.withUnsafeBufferPointer { input in
                cvb_equalize_histogram(
                    input.baseAddress, Int32(size.width), Int32(size.height),
                    output.baseAddress)
            }
            try BridgeStatus.check(status)
        }
    }
}
