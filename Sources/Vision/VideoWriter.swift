import CVBridge
import Foundation

/// Writes frames to a video file: .mp4 (MPEG-4 Part 2, "mp4v") or .avi (Motion JPEG).
/// Thread-safe: calls are serialised.
public final class VideoWriter: @unchecked Sendable {
    public let path: String
    public let size: PixelSize
    public let framesPerSecond: Double
    private let lock = NSLock()
    private var handle: OpaquePointer?
    private var framesWrittenCount = 0

    /// Creates (or replaces) the file. `codec` is a four-letter code to override the choice
    /// made from the extension.
    public init(path: String, size: PixelSize, framesPerSecond: Double, codec: String? = nil) throws {
        self.path = path
        self.size = size
        self.framesPerSecond = framesPerSecond
        var handle: OpaquePointer?
        let status = path.withCString { cPath in
            if let codec {
                return codec.withCString {
                    cvb_writer_open(
                        cPath, $0, framesPerSecond, Int32(clamping: size.width),
                        Int32(clamping: size.height), &handle)
                }
            }
            return cvb_writer_open(
                cPath, nil, framesPerSecond, Int32(clamping: size.width),
                Int32(clamping: size.height), &handle)
        }
        guard status == CVB_OK else { throw VisionError.videoWriteFailed(detail: BridgeStatus.lastMessage) }
        self.handle = handle
    }

    deinit {
        _ = cvb_writer_close(handle)
    }

    public var framesWritten: Int { lock.withLock { framesWrittenCount } }

    /// Appends a color frame; it must have the writer's size.
    public func write(_ frame: ColorImage) throws {
        try write(pixels: frame.pixels, size: frame.size, channels: ColorImage.channels)
    }

    /// Appends a gray frame (stored as color); it must have the writer's size.
    public func write(_ frame: GrayImage) throws {
        try write(pixels: frame.pixels, size: frame.size, channels: GrayImage.channels)
    }

    private func write(pixels: [UInt8], size: PixelSize, channels: Int) throws {
        try lock.withLock {
            guard let handle else {
                throw VisionError.videoWriteFailed(detail: "cannot write to '\(path)': the video is closed")
            }
            let status = pixels.withUnsafeBufferPointer {
                cvb_writer_write(
                    handle, $0.baseAddress, Int32(size.width), Int32(size.height), Int32(channels))
            }
            guard status == CVB_OK else {
                throw VisionError.videoWriteFailed(
                    detail: "cannot write to '\(path)': \(BridgeStatus.lastMessage)")
            }
            framesWrittenCount += 1
        }
    }

    /// Finishes the file; further writes fail. Called by deinit when forgotten.
    public func close() throws {
        try lock.withLock {
            guard let handle else { return }
            self.handle = nil
            let status = cvb_writer_close(handle)
            guard status == CVB_OK else {
                throw VisionError.videoWriteFailed(detail: BridgeStatus.lastMessage)
            }
        }
    }
}
