import Dataset
import Engine
import Foundation
import Vision

/// Everything `fer live` asks for, as plain values (the command line maps onto this).
public struct LiveOptions: Sendable {
    /// Camera index, video file, rtsp/http URL, folder or glob of images, or `demo`.
    public var source = "0"
    /// Checkpoint file or folder; nil for the shipped model.
    public var modelPath: String?
    /// Views of each face averaged per prediction (more views: steadier, slower).
    public var testTimeAugmentation = TestTimeAugmentation.none
    /// Haar cascade file; nil to find OpenCV's automatically.
    public var cascadePath: String?
    public var configuration = LiveConfiguration()
    /// Seconds to wait for a stream to connect and for each of its frames.
    public var streamTimeout = 10.0
    public var jsonLinesPath: String?
    public var recordingPath: String?
    public var snapshotPath: String?
    /// Frame to snapshot; nil for the last one.
    public var snapshotFrame: Int?
    /// Play files at their own frame rate when no `frameRateLimit` is set (for watching on
    /// the screen); otherwise frames are processed as fast as possible.
    public var playsAtSourceRate = false

    public init() {}
}

/// A ready live run: the source opened, the model and face detector loaded, the outputs
/// created — so every bad input is reported before the first frame — and the pipeline
/// wired to them. The screen (or the plain runner) adds its own sink on top.
public final class LiveSession: Sendable {
    public let pipeline: LivePipeline
    public let outputs: LiveOutputs
    /// Where the frames come from, as resolved (`demo` becomes the cached clip's path).
    public let sourceLocation: SourceLocation
    /// The source's nominal frame rate, when it has one.
    public let sourceFramesPerSecond: Double?

    /// The argument `fer live --source` takes for the built-in demo clip.
    public static let demoSourceName = "demo"

    /// Opens the source, loads the model and cascade, and creates the outputs.
    /// - Parameter classifier: a classifier to use instead of loading `options.modelPath`.
    public init(
        options: LiveOptions, classifier: (any ExpressionClassifier)? = nil,
        assetFolders: [String] = ShippedAssets.searchFolders()
    ) throws {
        try options.configuration.validate()
        // Model and detector first: a missing model should not wait for a stream to time out.
        let model =
            try classifier
            ?? ClassifierLoader.load(
                modelPath: options.modelPath, testTimeAugmentation: options.testTimeAugmentation,
                assetFolders: assetFolders)
        let detector = try FaceDetector(
            cascadePath: options.cascadePath, parameters: options.configuration.detection)
        let recognizer = try FaceRecognizer(
            detector: detector, classifier: model,
            maximumFaces: options.configuration.maximumFaces,
            margin: options.configuration.margin)
        let location = try Self.resolveSource(options.source, assetFolders: assetFolders)
        let timeout = options.streamTimeout
        let source = try location.open(timeout: timeout)
        var configuration = options.configuration
        if options.playsAtSourceRate, configuration.frameRateLimit == nil, source.expectedFrameCount != nil {
            configuration.frameRateLimit = source.framesPerSecond
        }
        var reopen: LivePipeline.SourceOpener?
        if options.configuration.loops {
            reopen = { @Sendable in try location.open(timeout: timeout) }
        }
        pipeline = try LivePipeline(
            source: source, recognizer: recognizer, configuration: configuration,
            reopen: reopen)
        outputs = try LiveOutputs(
            settings: LiveOutputs.Settings(
                jsonLinesPath: options.jsonLinesPath, recordingPath: options.recordingPath,
                recordingFramesPerSecond: source.framesPerSecond ?? configuration.frameRateLimit ?? 25,
                snapshotPath: options.snapshotPath, snapshotFrame: options.snapshotFrame))
        sourceLocation = location
        sourceFramesPerSecond = source.framesPerSecond
    }

    /// `demo` is the cached demo clip (unless a file of that name exists); anything else is
    /// parsed by `SourceLocation`.
    static func resolveSource(_ argument: String, assetFolders: [String]) throws -> SourceLocation {
        if argument == demoSourceName, !FileManager.default.fileExists(atPath: argument) {
            return .videoFile(path: try DemoClip().cachedFile(assetFolders: assetFolders))
        }
        return SourceLocation(parsing: argument)
    }

    /// Starts the pipeline: each frame goes to the outputs, then to `display` (the screen or
    /// progress lines); `onFinish` gets the outcome after the outputs are closed, with any
    /// output error and the files written.
    public func start(
        display: @escaping LivePipeline.Sink,
        onFinish: (@Sendable (LiveOutcome, _ messages: [String]) -> Void)? = nil
    ) {
        let outputs = self.outputs
        pipeline.start(
            sink: { frame in
                try outputs.write(frame)
                try display(frame)
            },
            onFinish: { outcome in
                let (finished, messages) = Self.finishOutputs(outputs, outcome: outcome)
                onFinish?(finished, messages)
            })
    }

    /// Runs to the end on the calling thread's behalf (blocking) and returns the outcome and
    /// the "wrote …" messages of the outputs.
    public func run(display: @escaping LivePipeline.Sink) -> (outcome: LiveOutcome, messages: [String]) {
        let result = ResultBox()
        let done = DispatchSemaphore(value: 0)
        start(display: display) { outcome, messages in
            result.set(outcome, messages)
            done.signal()
        }
        done.wait()
        return result.get()
    }

    /// Closes the outputs; an error there becomes the outcome's error unless it has one.
    static func finishOutputs(_ outputs: LiveOutputs, outcome: LiveOutcome) -> (LiveOutcome, [String]) {
        var outcome = outcome
        do {
            return (outcome, try outputs.finish())
        } catch {
            if outcome.error == nil { outcome.error = error }
            return (outcome, [])
        }
    }
}

/// Hands the outcome from the output thread to the waiting caller.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (LiveOutcome, [String])?

    func set(_ outcome: LiveOutcome, _ messages: [String]) {
        lock.withLock { value = (outcome, messages) }
    }

    func get() -> (outcome: LiveOutcome, messages: [String]) {
        lock.withLock {
            value.map { ($0.0, $0.1) } ?? (LiveOutcome(summary: LiveSummary(source: "", classNames: [])), [])
        }
    }
}
