import Dataset
import Engine
import Foundation

/// A K-fold training run on a background Dispatch queue.
///
/// ```swift
/// let run = try TrainingRun(config: .seedRecipe, dataset: data, runsDirectory: runs) { event in
///     uiQueue.async { state = update(state, event) }   // never block here
/// }
/// run.start()
/// ...
/// run.cancel()          // stops after the current batch, writes resume.safetensors
/// let outcome = run.wait()
/// ```
///
/// Events go to `events` on the training queue, in order; the closure must return quickly
/// (post the event to another queue) because training waits for it. `pause()`, `resume()` and
/// `cancel()` may be called from any thread.
public final class TrainingRun: Sendable {
    /// The run's folder (`runs/<name>/`).
    public let folder: RunFolder
    public let config: TrainingConfig
    private let setup: SessionSetup
    /// Held from preparation to the run's end, so no other process trains in the folder.
    private let lock: RunLock
    private let control = RunControl()
    private let completion = Completion()
    private let events: @Sendable (TrainingEvent) -> Void
    private let queue = DispatchQueue(label: "fer.training", qos: .userInitiated)

    /// Prepares a new run: checks the config, splits the folds, creates the run folder in
    /// `runsDirectory` (named `name`, or the time and preset) and writes `config.json` and
    /// `load-report.txt`. Training begins with `start()`.
    /// - Parameter progressInterval: seconds between batch-progress events (0: every batch).
    public convenience init(
        config: TrainingConfig, dataset: FaceDataset, loadReport: LoadReport? = nil, runsDirectory: URL,
        name: String? = nil, progressInterval: Double = 0.2,
        events: @escaping @Sendable (TrainingEvent) -> Void
    ) throws(TrainingError) {
        let plan = try TrainingPlan(config: config, dataset: dataset)
        let folder = try RunFolder.create(in: runsDirectory, name: name, preset: plan.spec.name)
        let lock = try RunLock.acquire(folder)
        try folder.writeJSON(config, to: folder.configFile)
        let report = loadReport?.logLines ?? ["dataset built in memory: \(dataset.count) images, "
            + "\(dataset.classCount) classes, nothing skipped"]
        try folder.write(Data((report.joined(separator: "\n") + "\n").utf8), to: folder.loadReportFile)
        self.init(setup: SessionSetup(
            plan: plan, folder: folder, progressInterval: progressInterval,
            datasetPath: config.dataPath ?? loadReport?.path, skippedFiles: loadReport?.skipped.count ?? 0,
            resume: nil
        ), lock: lock, events: events)
    }

    /// Prepares to continue a cancelled (or killed) run from its `resume.safetensors`, at the
    /// same fold, epoch, batch, optimizer state and data order. `dataset` must be the data the
    /// run started with (its `config.json` records `dataPath`); a different one is refused.
    public static func resuming(
        runDirectory: URL, dataset: FaceDataset, loadReport: LoadReport? = nil,
        progressInterval: Double = 0.2, events: @escaping @Sendable (TrainingEvent) -> Void
    ) throws(TrainingError) -> TrainingRun {
        let folder = RunFolder(url: runDirectory)
        guard FileManager.default.fileExists(atPath: folder.configFile.path) else {
            throw .cannotResume(path: runDirectory.path, reason: "it is not a run folder (no config.json)")
        }
        let lock = try RunLock.acquire(folder)
        folder.removeTemporaryFiles()
        let config = try folder.readConfig()
        let plan = try TrainingPlan(config: config, dataset: dataset)
        guard FileManager.default.fileExists(atPath: folder.resumeCheckpoint.path) else {
            let finished = FileManager.default.fileExists(atPath: folder.summaryFile.path)
            throw .cannotResume(path: runDirectory.path, reason: finished
                ? "the run has already finished (see summary.json)"
                : "it has no resume.safetensors yet (the run stopped before its first epoch ended); "
                    + "start it again")
        }
        let (checkpoint, state) = try CheckpointStore(folder: folder, config: config).readResume()
        guard state.dataFingerprint == plan.dataFingerprint else {
            throw .cannotResume(path: runDirectory.path, reason: "the dataset differs from the one the run "
                + "was started with\(config.dataPath.map { " (\($0))" } ?? ""), so its folds would differ")
        }
        guard plan.fold(state.position.fold) != nil else {
            throw .cannotResume(path: runDirectory.path, reason: "its position names fold "
                + "\(state.position.fold), which the run's config does not train")
        }
        if let loadReport {
            folder.appendToLog(["Resumed with data: "] + loadReport.logLines)
        }
        return TrainingRun(setup: SessionSetup(
            plan: plan, folder: folder, progressInterval: progressInterval,
            datasetPath: config.dataPath ?? loadReport?.path, skippedFiles: loadReport?.skipped.count ?? 0,
            resume: ResumeSource(checkpoint: checkpoint, state: state)
        ), lock: lock, events: events)
    }

    private init(setup: SessionSetup, lock: RunLock, events: @escaping @Sendable (TrainingEvent) -> Void) {
        self.setup = setup
        self.lock = lock
        folder = setup.folder
        config = setup.plan.config
        self.events = events
    }

    /// Starts training on the background queue; later calls do nothing.
    public func start() {
        guard completion.markStarted() else { return }
        let setup = setup, control = control, events = events, completion = completion, lock = lock
        queue.async {
            let outcome = RunSession(setup: setup, control: control, sink: events).run()
            lock.release()
            completion.finish(outcome)
        }
    }

    /// Asks training to wait at the next batch boundary (a `paused` event follows).
    public func pause() { control.pause() }

    /// Lets a paused run continue.
    public func resume() { control.resume() }

    /// Stops after the current batch and writes a resumable checkpoint (also ends a pause).
    public func cancel() { control.cancel() }

    public var isPaused: Bool { control.isPaused }

    /// The outcome once the run has ended; nil while it runs or before `start()`.
    public var outcome: TrainingOutcome? { completion.outcome }

    /// Blocks until the run ends (call `start()` first) and returns how it ended.
    public func wait() -> TrainingOutcome { completion.wait() }
}

/// How a run ended.
public enum TrainingOutcome: Sendable {
    case finished(RunSummary)
    case cancelled(RunCancelled)
    case failed(TrainingError)
}

/// The run's outcome, set once by the training queue and awaited by any thread.
private final class Completion: @unchecked Sendable {
    private let condition = NSCondition()
    private var started = false
    private var result: TrainingOutcome?

    /// True the first time only.
    func markStarted() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if started { return false }
        started = true
        return true
    }

    func finish(_ outcome: TrainingOutcome) {
        condition.lock()
        result = outcome
        condition.broadcast()
        condition.unlock()
    }

    var outcome: TrainingOutcome? {
        condition.lock()
        defer { condition.unlock() }
        return result
    }

    func wait() -> TrainingOutcome {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
