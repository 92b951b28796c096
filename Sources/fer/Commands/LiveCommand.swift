import App
import ArgumentParser
import Foundation
import Live
import Vision

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Recognise expressions live from a camera, a video, a stream or images.",
        discussion: """
            Faces are found with OpenCV's Haar cascade, cropped to 48×48 gray and classified; \
            probabilities are smoothed over time so the label does not flicker. A file ends \
            with a summary: frames, faces found, expression counts, speed and latency per stage.

            --source takes a camera index (0), a video file, an rtsp:// or http:// URL, a \
            folder or a glob of images ('frames/*.png'), or `demo` for a built-in clip made \
            from the astronaut photo. Ctrl-C stops cleanly: recordings are closed and the \
            summary shown.

            Examples:
              fer live --source demo --plain
              fer live --source clip.mp4 --jsonl - --plain | jq .faces
              fer live --source clip.mp4 --record annotated.mp4 --snapshot last.jpg --plain
              fer live --source 'frames/*.jpg' --faces 3 --smoothing 0
            """
    )

    @Option(help: "Camera index, video file, rtsp/http URL, image folder or glob, or `demo`.")
    var source = "0"

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var augmentation: TestTimeAugmentationOptions

    @Option(help: "Haar cascade XML (default: found in opencv-data's install folders).")
    var cascade: String?

    @Option(help: "Faces to recognise per frame, largest first.")
    var faces = 1

    @Option(help: "Smallest face side searched, in pixels (default: 1/10 of the frame's shorter side, at least 24).")
    var minFace: Int?

    @Option(help: "Weight of the past in the moving average of probabilities, 0 (off) to below 1.")
    var smoothing = 0.6

    @Option(help: "Read at most this many frames per second (default: as fast as possible).")
    var fps: Double?

    @Option(help: "Write one JSON line per frame to FILE, or to standard output with -.")
    var jsonl: String?

    @Option(help: "Write an annotated video (.mp4 or .avi) with every processed frame.")
    var record: String?

    @Option(help: "Write an annotated picture (.jpg or .png) of the last frame.")
    var snapshot: String?

    @Option(help: "Take the snapshot of this frame (0-based) instead of the last.")
    var snapshotFrame: Int?

    @Flag(help: "Print progress lines and the summary instead of the live screen.")
    var plain = false

    @Flag(help: "Start a video over when it ends, until Ctrl-C.")
    var loop = false

    @Option(help: "Seconds to wait for a stream to connect or send a frame.")
    var timeout = 10.0

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        try MinimumFaceOption.validate(minFace)
        if let snapshotFrame, snapshotFrame < 0 {
            throw ValidationError("--snapshot-frame must be 0 or more")
        }
    }

    func run() throws {
        var options = LiveOptions()
        options.source = source
        options.modelPath = modelOptions.model
        options.testTimeAugmentation = augmentation.tta
        options.cascadePath = cascade
        options.configuration.maximumFaces = faces
        options.configuration.detection.minimumFaceSize = minFace
        options.configuration.smoothing = smoothing
        options.configuration.frameRateLimit = fps
        options.configuration.loops = loop
        options.streamTimeout = timeout
        options.jsonLinesPath = jsonl
        options.recordingPath = record
        options.snapshotPath = snapshot
        options.snapshotFrame = snapshotFrame

        // JSON lines on standard output keep it clean: everything else goes to standard error.
        // Written unbuffered, so progress streams through pipes (`| tee log`) as it happens.
        let toStandardError = jsonl == "-"
        let report: @Sendable (String) -> Void = { line in
            let handle = toStandardError ? FileHandle.standardError : FileHandle.standardOutput
            handle.write(Data((line + "\n").utf8))
        }
        if !plain, !toStandardError, isatty(STDOUT_FILENO) != 0, isatty(STDIN_FILENO) != 0 {
            try runScreen(options: options)
            return
        }
        let session = try LiveSession(options: options)
        let (outcome, messages) = PlainLiveRunner.run(session, report: report)
        if outcome.summary.frames > 0 || outcome.error == nil {
            for line in outcome.summary.lines { report(line) }
        }
        for message in messages { report(message) }
        if let error = outcome.error { throw error }
    }

    /// The interactive live screen: the pipeline feeds the App's screen through its hooks.
    private func runScreen(options: LiveOptions) throws {
        try FerApp.live(source: source, hooks: .session(options: options))
    }
}
