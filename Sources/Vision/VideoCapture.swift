import CVBridge
import Foundation

/// What a video source reports about itself.
public struct VideoInfo: Sendable, Equatable {
    /// Nominal frame rate; nil when the backend does not know it.
    public var framesPerSecond: Double?
    /// Number of frames in a file; nil for cameras and streams or when unknown.
    public var frameCount: Int?
    public var size: PixelSize
    /// OpenCV backend in use, e.g. "FFMPEG" or "V4L2".
    public var backend: String
}

/// Frames from a camera, a video file or a network stream, as BGR `ColorImage`s.
/// Thread-safe: calls are serialised, so it may be read on a background queue.
public final class VideoCapture: @unchecked Sendable {
    /// Where the frames come from.
    public enum Location: Sendable, Hashable, CustomStringConvertible {
        case camera(index: Int)
        case file(path: String)
        case stream(url: String)

        public var description: String {
            switch self {
            case .camera(let index): return "camera \(index)"
            case .file(let path): return "'\(path)'"
            case .stream(let url): return "'\(url)'"
            }
        }
    }

    public let location: Location
    public let info: VideoInfo
    private let lock = NSLock()
    private var handle: OpaquePointer?
    private var framesReadCount = 0
    private var reachedEnd = false

    /// Opens camera `index`; throws `noCamera` at once when the device does not exist.
    public convenience init(camera index: Int) throws {
        var handle: OpaquePointer?
        let status = cvb_capture_open_camera(Int32(clamping: index), &handle)
        if status == CVB_ERR_NOT_FOUND { throw VisionError.noCamera(index: index) }
        if status != CVB_OK { throw VisionError.cameraUnavailable(detail: BridgeStatus.lastMessage) }
        self.init(location: .camera(index: index), handle: handle)
    }

    /// Opens a video file (anything FFmpeg or GStreamer reads: mp4, avi, mkv, ...).
    public convenience init(file path: String) throws {
        var handle: OpaquePointer?
        let status = path.withCString { cvb_capture_open($0, 0, &handle) }
        switch status {
        case CVB_OK: break
        case CVB_ERR_NOT_FOUND: throw VisionError.videoNotFound(path: path)
        default: throw VisionError.unreadableVideo(detail: BridgeStatus.lastMessage)
        }
        self.init(location: .file(path: path), handle: handle)
    }

    /// Opens an rtsp:// or http(s):// stream; `timeout` bounds the connection and each read.
    public convenience init(url: String, timeout: Double = 10) throws {
        var handle: OpaquePointer?
        let milliseconds = Int32(clamping: Int((max(timeout, 0.001) * 1000).rounded()))
        let status = url.withCString { cvb_capture_open($0, milliseconds, &handle) }
        switch status {
        case CVB_OK: break
        case CVB_ERR_TIMEOUT: throw VisionError.streamTimedOut(url: url, seconds: timeout)
        default: throw VisionError.streamUnavailable(detail: BridgeStatus.lastMessage)
        }
        self.init(location: .stream(url: url), handle: handle)
    }

    private init(location: Location, handle: OpaquePointer?) {
        self.location = location
        self.handle = handle
        var raw = cvb_capture_info()
        cvb_capture_get_info(handle, &raw)
        let backend = withUnsafeBytes(of: raw.backend) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        info = VideoInfo(
            framesPerSecond: raw.framesPerSecond > 0 ? raw.framesPerSecond : nil,
            frameCount: raw.frameCount > 0 ? Int(raw.frameCount) : nil,
            size: PixelSize(width: Int(raw.width), height: Int(raw.height)),
            backend: backend)
    }

    deinit {
        cvb_capture_release(handle)
    }

    /// Frames delivered so far.
    public var framesRead: Int { lock.withLock { framesReadCount } }

    /// True once a file ended clearly before the frame count its header promised — a
    /// truncated or damaged file. Only meaningful after `read` returned false.
    public var endedEarly: Bool {
        lock.withLock {
            guard reachedEnd, case .file = location, let expected = info.frameCount else { return false }
            return framesReadCount < expected - max(2, expected / 20)
        }
    }

    /// Reads the next frame into `frame`, reusing its storage when the size is unchanged.
    /// Returns false at the end of the video (or when a stream stops).
    public func read(into frame: inout ColorImage) throws -> Bool {
        try lock.withLock {
            guard let handle, !reachedEnd else { return false }
            var width: Int32 = 0, height: Int32 = 0
            var status = frame.pixels.withUnsafeMutableBufferPointer { buffer in
                cvb_capture_read(handle, buffer.baseAddress, buffer.count, &width, &height)
            }
            if status == CVB_ERR_BUFFER_TOO_SMALL || (status == CVB_OK && Int(width) != frame.width)
                || (status == CVB_OK && Int(height) != frame.height)
            {
                let count = Int(width) * Int(height) * ColorImage.channels
                var pixels = [UInt8](repeating: 0, count: count)
                if status == CVB_ERR_BUFFER_TOO_SMALL {
                    status = pixels.withUnsafeMutableBufferPointer {
                        cvb_capture_copy_frame(handle, $0.baseAddress, $0.count)
                    }
                } else {
                    pixels = Array(frame.pixels.prefix(count))
                }
                frame = ColorImage(validWidth: Int(width), height: Int(height), pixels: pixels)
            }
            if status == CVB_ERR_END {
                reachedEnd = true
                return false
            }
            try BridgeStatus.check(status)
            framesReadCount += 1
            return true
        }
    }

    /// The next frame in a new image, or nil at the end.
    public func read() throws -> ColorImage? {
        var frame = ColorImage(width: 0, height: 0)
        return try read(into: &frame) ? frame : nil
    }

    /// Releases the device or file now rather than at deinit.
    public func close() {
        lock.withLock {
            cvb_capture_release(handle)
            handle = nil
        }
    }
}
