import CVBridge

/// Turns the bridge's `int` status codes into `VisionError`s.
enum BridgeStatus {
    /// The calling thread's last bridge error message.
    static var lastMessage: String { String(cString: cvb_last_error()) }

    /// Throws the error matching `status` unless it is `CVB_OK`.
    /// - Parameters:
    ///   - path: the file involved, when there is one (used for "file not found").
    ///   - source: display label of the data (`'photo.jpg'` or `image data (12 bytes)`).
    static func check(_ status: Int32, path: String? = nil, source: String = "image data") throws {
        guard status != CVB_OK else { return }
        throw error(for: status, path: path, source: source)
    }

    static func error(for status: Int32, path: String?, source: String) -> VisionError {
        let message = lastMessage
        switch status {
        case CVB_ERR_NOT_FOUND:
            return .fileNotFound(path: path ?? source)
        case CVB_ERR_IO:
            return .fileAccess(detail: message)
        case CVB_ERR_DECODE:
            return .notAnImage(source: source)
        case CVB_ERR_TRUNCATED:
            return .truncatedImage(source: source)
        case CVB_ERR_CORRUPT:
            return .corruptImage(detail: message)
        case CVB_ERR_SIZE_MISMATCH:
            return .unexpectedSize(detail: message)
        case CVB_ERR_UNSUPPORTED:
            return .unsupportedFormat(detail: message)
        case CVB_ERR_ARGUMENT:
            return .invalidArgument(detail: message)
        default:
            return .openCVFailure(detail: message)
        }
    }

    /// Display label for a file path in messages.
    static func label(path: String) -> String { "'\(path)'" }

    /// Display label for in-memory encoded data.
    static func label(byteCount: Int) -> String { "image data (\(byteCount) bytes)" }
}
