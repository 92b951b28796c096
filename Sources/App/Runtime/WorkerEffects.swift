import Dataset
import Dispatch
import Foundation
import Live
import Training

/// What the real effect performer needs from the command that starts the app.
public struct WorkerEnvironment: Sendable {
    public var loadOptions: LoadOptions
    /// Loads the model for the browser's predictions, on the worker thread that then uses it;
    /// nil when no model is in use.
    public var makeClassifier: (@Sendable () throws -> any ExpressionClassifier)?
    /// The live pipeline of `fer live`; nil for other commands.
    public var live: LivePipelineHooks?
    /// Opens a live pipeline on a source chosen in the app (the home screen); nil when this
    /// build cannot.
    public var makeLive: (@Sendable (_ source: String) -> LivePipelineHooks)?

    public init(loadOptions: LoadOptions = LoadOptions(),
                makeClassifier: (@Sendable () throws -> any ExpressionClassifier)? = nil,
                live: LivePipelineHooks? = nil,
                makeLive: (@Sendable (_ source: String) -> LivePipelineHooks)? = nil) {
        self.loadOptions = loadOptions
        self.makeClassifier = makeClassifier
        self.live = live
        self.makeLive = makeLive
    }
}

/// Performs effects for real: disk and model work on background queues, live pipeline calls
/// through its hooks. Results go to the inbox; no state is shared with the UI thread.
public final class WorkerEffects: EffectPerformer {
    private let environment: WorkerEnvironment
    /// Loading and file work, in order.
    private let ioQueue = DispatchQueue(label: "fer.app.io", qos: .userInitiated)
    /// Model predictions for the browser, behind the user's keys in priority.
    private let classifyQueue = DispatchQueue(label: "fer.app.classify", qos: .utility)
    /// Data loading before a training run (long; kept off the I/O queue).
    private let trainingQueue = DispatchQueue(label: "fer.app.training-setup", qos: .userInitiated)
    private let classification = Generation()
    /// The live pipeline in use (started), if any.
    private var live: LivePipelineHooks?
    private var training: TrainingHandle?

    /// Faces per prediction message (one forward batch: a cancelled job stops within one).
    static let classificationChunk = 64

    public init(environment: WorkerEnvironment) {
        self.environment = environment
    }

    public func perform(_ effect: Effect, inbox: Inbox) {
        switch effect {
        case .loadDataset(let path):
            let options = environment.loadOptions
            ioQueue.async { Self.loadDataset(path, options: options, inbox: inbox) }
        case .classifyFaces(let dataset):
            guard let makeClassifier = environment.makeClassifier else { return }
            let generation = classification.next()
            let current = classification
            classifyQueue.async {
                Self.classify(dataset, makeClassifier: makeClassifier,
                              inbox: inbox) { current.value == generation }
            }
        case .cancelClassification:
            _ = classification.next()
        case .scanRuns(let directory):
            ioQueue.async {
                do {
                    inbox.post(.runsScanned(try RunCatalog.scan(directory: directory)))
                } catch {
                    inbox.post(.runsScanFailed("\(error)"))
                }
            }
        case .fileAction(let action):
            ioQueue.async { inbox.post(.fileActionFinished(CheckpointFiles.perform(action))) }
        case .startTraining(let request):
            training?.stop()
            let handle = TrainingHandle()
            training = handle
            trainingQueue.async { TrainingLauncher.start(request, handle: handle, inbox: inbox) }
        case .pauseTraining:
            training?.pause()
        case .resumeTraining:
            training?.resume()
        case .stopTraining:
            training?.stop()
        case .startLive(let source):
            startLive(source: source, inbox: inbox)
        case .setLivePaused(let paused):
            live?.setPaused(paused)
        case .requestLiveSnapshot:
            live?.requestSnapshot()
        case .stopLive:
            stopLive()
        }
    }

    /// How the last training run ended (after `shutdown`, it has ended); nil when none was started.
    public var trainingEnd: TrainingEnd? { training?.end }

    /// Cancels the workers and waits for them: the process must not exit while a worker is
    /// inside the engine or OpenBLAS (their buffers are freed at exit).
    public func shutdown() {
        _ = classification.next()
        stopLive()
        training?.stopAndWait()
        classifyQueue.sync {}
    }

    private func startLive(source: String?, inbox: Inbox) {
        stopLive()
        let hooks = source.flatMap { source in environment.makeLive.map { $0(source) } } ?? environment.live
        guard let hooks else {
            inbox.post(.live(.failed("live mode is not available from this command; run `fer live`")))
            return
        }
        do {
            try hooks.start { update in inbox.post(.live(update)) }
            live = hooks
        } catch {
            inbox.post(.live(.failed("\(error)")))
        }
    }

    private func stopLive() {
        guard let running = live else { return }
        live = nil
        running.stop()
    }

    // MARK: - Workers

    private static func loadDataset(_ path: String, options: LoadOptions, inbox: Inbox) {
        let progress: LoadProgress = { done, total in
            let step = max(1, total / 100)
            if done == total || done % step == 0 { inbox.post(.datasetProgress(done: done, total: total)) }
        }
        do {
            let result = try DatasetLoader.load(path, options: options, progress: progress)
            inbox.post(.datasetLoaded(result.dataset, skipped: result.report.skipped.count))
        } catch {
            inbox.post(.datasetFailed(error.description))
        }
    }

    private static func classify(_ dataset: FaceDataset, makeClassifier: () throws -> any ExpressionClassifier,
                                 inbox: Inbox,
                                 isCurrent: () -> Bool) {
        guard isCurrent() else { return }
        let classifier: any ExpressionClassifier
        do {
            classifier = try makeClassifier()
        } catch {
            inbox.post(.predictionsFailed("Cannot load the model: \(error)"))
            return
        }
        var start = 0
        while start < dataset.count, isCurrent() {
            let end = min(dataset.count, start + classificationChunk)
            let faces = (start..<end).map { Array(dataset.image(at: $0)) }
            do {
                let probabilities = try classifier.probabilities(for: faces)
                guard probabilities.count == faces.count,
                      probabilities.allSatisfy({ $0.count == classifier.classNames.count }) else {
                    inbox.post(.predictionsFailed("The model returned predictions of the wrong shape."))
                    return
                }
                let chunk = PredictionChunk(start: start, classNames: classifier.classNames,
                                            probabilities: probabilities.flatMap { $0 })
                inbox.post(.predictionsComputed(chunk))
            } catch {
                inbox.post(.predictionsFailed("Prediction failed: \(error)"))
                return
            }
            start = end
        }
    }
}

/// A counter the UI thread bumps to tell a worker its job is obsolete.
final class Generation: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Starts a new generation and returns it.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        current += 1
        return current
    }
}
