import Foundation

/// Anything `fer live` can take frames from: a camera, a video file, a stream, or a folder
/// or glob of images. Frames are BGR.
public protocol FrameSource: AnyObject, Sendable {
    /// Human-readable name for messages and summaries ("camera 0", "'clip.mp4'").
    var sourceDescription: String { get }
    /// Nominal frame rate, when the source has one.
    var framesPerSecond: Double? { get }
    /// Total frames, when known in advance (files, image folders).
    var expectedFrameCount: Int? { get }
    /// Reads the next frame into `frame`, reusing its storage; false at the end.
    func read(into frame: inout ColorImage) throws -> Bool
}

extension VideoCapture: FrameSource {
    public var sourceDescription: String { location.description }
    public var framesPerSecond: Double? { info.framesPerSecond }
    public var expectedFrameCount: Int? { info.frameCount }
}

/// Where frames come from, parsed from a `--source` argument.
public enum SourceLocation: Sendable, Hashable, CustomStringConvertible {
    case camera(index: Int)
    case videoFile(path: String)
    case stream(url: String)
    case imageFolder(path: String)
    /// A shell-style pattern such as `frames/*.png`.
    case imageGlob(pattern: String)

    /// Interprets `argument`: digits are a camera index, `scheme://` a stream, a directory a
    /// folder of images, a path with `*`, `?` or `[` a glob, anything else a video file.
    public init(parsing argument: String) {
        if !argument.isEmpty, argument.allSatisfy(\.isWholeNumber), let index = Int(argument) {
            self = .camera(index: index)
        } else if argument.contains("://") {
            self = .stream(url: argument)
        } else if ImageSequence.isDirectory(argument) {
            self = .imageFolder(path: argument)
        } else if argument.contains(where: { "*?[".contains($0) }) {
            self = .imageGlob(pattern: argument)
        } else {
            self = .videoFile(path: argument)
        }
    }

    public var description: String {
        switch self {
        case .camera(let index): return "camera \(index)"
        case .videoFile(let path), .imageFolder(let path): return "'\(path)'"
        case .stream(let url): return "'\(url)'"
        case .imageGlob(let pattern): return "'\(pattern)'"
        }
    }

    /// Opens the source. `timeout` (seconds) applies to streams.
    public func open(timeout: Double = 10) throws -> any FrameSource {
        switch self {
        case .camera(let index): return try VideoCapture(camera: index)
        case .videoFile(let path): return try VideoCapture(file: path)
        case .stream(let url): return try VideoCapture(url: url, timeout: timeout)
        case .imageFolder(let path): return try ImageSequence(folder: path)
        case .imageGlob(let pattern): return try ImageSequence(glob: pattern)
        }
    }
}
