import Foundation
import Vision

/// What a live run writes for scripts and records: JSON lines (one per frame), an annotated
/// video with exactly the frames processed, and an annotated snapshot of the last (or a
/// chosen) frame. Use `write` as (part of) the pipeline's sink and `finish` after the run.
public final class LiveOutputs: @unchecked Sendable {
    /// Where and how to write; nil paths are not written.
    public struct Settings: Sendable {
        /// `-` for standard output.
        public var jsonLinesPath: String?
        /// .mp4 (mp4v) or .avi (MJPG).
        public var recordingPath: String?
        /// Frame rate written into the recording (the source's own rate is the usual choice).
        public var recordingFramesPerSecond: Double
        /// .jpg, .png or .bmp.
        public var snapshotPath: String?
        /// Index of the frame to snapshot; nil for the last frame.
        public var snapshotFrame: Int?

        public init(
            jsonLinesPath: String? = nil, recordingPath: String? = nil, recordingFramesPerSecond: Double = 25,
            snapshotPath: String? = nil, snapshotFrame: Int? = nil
        ) {
            self.jsonLinesPath = jsonLinesPath
            self.recordingPath = recordingPath
            self.recordingFramesPerSecond = recordingFramesPerSecond
            self.snapshotPath = snapshotPath
            self.snapshotFrame = snapshotFrame
        }
    }

    public let settings: Settings
    public let annotator: FrameAnnotator
    private let jsonLines: JSONLinesWriter?
    private let lock = NSLock()
    private var recorder: VideoWriter?
    private var snapshotSource: LiveFrame?
    private var framesWritten = 0

    /// Opens the JSON lines file at once, so a bad path fails before any frame is read.
    public init(settings: Settings, annotator: FrameAnnotator = FrameAnnotator()) throws {
        if settings.recordingPath != nil, !(settings.recordingFramesPerSecond > 0) {
            throw LiveError.invalidOption(
                detail: "the recording frame rate must be positive, got \(settings.recordingFramesPerSecond)")
        }
        for path in [settings.recordingPath, settings.snapshotPath].compactMap({ $0 }) {
            try Self.checkFolderIsWritable(for: path)
        }
        self.settings = settings
        self.annotator = annotator
        jsonLines = try settings.jsonLinesPath.map { try JSONLinesWriter(path: $0) }
    }

    /// Fails before the run, rather than at its first or last frame, when `path`'s folder
    /// is missing or read-only.
    static func checkFolderIsWritable(for path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw LiveError.outputFailed(detail: "cannot write '\(path)': folder '\(folder)' does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw LiveError.outputFailed(detail: "cannot write '\(path)': folder '\(folder)' is not writable")
        }
    }

    /// Writes one frame's line and video frame; keeps it when it is the snapshot frame.
    public func write(_ frame: LiveFrame) throws {
        try jsonLines?.write(FrameRecord(frame))
        try lock.withLock {
            if let path = settings.recordingPath {
                var image = try annotator.annotated(frame)
                let writer =
                    try recorder
                    ?? VideoWriter(
                        path: path, size: image.size,
                        framesPerSecond: settings.recordingFramesPerSecond)
                recorder = writer
                // Images of a folder may differ in size; a video's frames may not.
                if image.size != writer.size {
                    image = try image.resized(width: writer.size.width, height: writer.size.height)
                }
                try writer.write(image)
            }
            if settings.snapshotPath != nil,
                settings.snapshotFrame == nil || settings.snapshotFrame == frame.index
            {
                snapshotSource = frame
            }
            framesWritten += 1
        }
    }

    /// Closes the files and writes the snapshot; returns one line per file written.
    public func finish() throws -> [String] {
        try lock.withLock {
            var messages: [String] = []
            if let writer = jsonLines {
                try writer.close()
                if settings.jsonLinesPath != "-" {
                    messages.append("wrote \(writer.destination) (\(framesWritten) lines)")
                }
            }
            if let recorder {
                try recorder.close()
                messages.append("wrote '\(recorder.path)' (\(recorder.framesWritten) frames)")
                self.recorder = nil
            }
            if let path = settings.snapshotPath {
                guard let frame = snapshotSource else {
                    let which =
                        settings.snapshotFrame.map { "frame \($0) was never reached" }
                        ?? "no frame was processed"
                    throw LiveError.outputFailed(detail: "no snapshot written to '\(path)': \(which)")
                }
                try annotator.annotated(frame).write(to: path)
                messages.append("wrote '\(path)' (frame \(frame.index))")
            }
            return messages
        }
    }
}
