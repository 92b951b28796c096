import Engine

/// What can go wrong in live mode and `fer predict`, worded for the person at the terminal.
/// Vision's own errors (no camera, unreadable video, stream timeout, ...) pass through as
/// `VisionError`s; these cover the layer's own checks.
public enum LiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No model was given and none was found where the shipped model lives.
    case modelNotFound(searched: [String])
    /// A face handed to the classifier has the wrong number of pixels.
    case invalidFace(detail: String)
    /// An option value that cannot work (negative smoothing, zero faces, ...).
    case invalidOption(detail: String)
    /// A video file ended well before the frame count its header promised.
    case truncatedVideo(source: String, framesRead: Int, framesExpected: Int)
    /// An asset the demo needs (the astronaut photo) is not installed.
    case assetNotFound(name: String, searched: [String])
    /// Writing an output (JSON lines, snapshot) failed.
    case outputFailed(detail: String)

    public var description: String {
        switch self {
        case .modelNotFound(let searched):
            return
                "no model found: the default model is not at '\(searched.first ?? ShippedAssets.modelPath)'"
                + Self.otherPlaces(searched)
                + " — train one with `fer train` or pass --model PATH"
        case .invalidFace(let detail), .outputFailed(let detail):
            return detail
        case .invalidOption(let detail):
            return "invalid option: \(detail)"
        case .truncatedVideo(let source, let framesRead, let framesExpected):
            return "\(source) ended after \(framesRead) of \(framesExpected) frames: "
                + "the file looks truncated or damaged"
        case .assetNotFound(let name, let searched):
            return "cannot find '\(name)' in '\(searched.first ?? "Assets")'" + Self.otherPlaces(searched)
                + " — run fer from its package folder, set \(ShippedAssets.environmentVariable) "
                + "or pass --source FILE"
        }
    }

    /// " nor in 5 other places fer looks (...)" for a list of searched paths.
    private static func otherPlaces(_ searched: [String]) -> String {
        guard searched.count > 1 else { return "" }
        return " nor in \(LiveSummary.count(searched.count - 1, "other place")) fer looks "
            + "(\(ShippedAssets.environmentVariable), above its executable, its install prefix)"
    }
}
