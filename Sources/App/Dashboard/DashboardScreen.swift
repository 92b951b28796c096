import Terminal
import Training

/// The training dashboard (`fer train` on a terminal), driven by the background trainer's events:
/// per-fold loss and accuracy charts, fold/run/epoch progress with speed and ETAs, a table of
/// folds with mean ± std, the latest validation confusion matrix, run facts and a log. `p` pauses,
/// `s` stops (the trainer saves a resumable checkpoint), `v`/Tab switch views, `q` asks first.
public struct DashboardScreen: ScreenModel {
    public enum Phase: Sendable {
        /// The data is loading; the run has not started.
        case loading(done: Int, total: Int)
        case running
        /// A stop was asked for; waiting for the trainer to save its resume checkpoint.
        case stopping
        case finished(RunSummary)
        case stopped(RunCancelled)
        case failed(String)
    }

    /// What the body shows; `v` and Tab cycle through them.
    public enum View: Int, CaseIterable, Hashable, Sendable {
        /// The current fold's charts, progress, the fold table and the log.
        case overview
        /// All folds' validation curves overlaid, and the fold table.
        case folds
        /// The confusion matrix, the run's facts and the whole log.
        case details

        var name: String {
            switch self {
            case .overview: return "overview"
            case .folds: return "all folds"
            case .details: return "details"
            }
        }
    }

    public var request: String
    public private(set) var phase: Phase
    public var view = View.overview
    public private(set) var started: RunStarted?
    public private(set) var folds: [FoldProgress] = []
    /// Fold now training (or last trained).
    public private(set) var currentFold: Int?
    public private(set) var foldPlace: (index: Int, count: Int)?
    public private(set) var progress: BatchProgress?
    public private(set) var lastEpoch: EpochFinished?
    public private(set) var confusion: (fold: Int, epoch: Int, matrix: ConfusionMatrix)?
    public private(set) var isPaused = false
    public private(set) var pauseRequested = false
    /// Leave the screen once the trainer has stopped.
    public private(set) var leaveWhenStopped = false
    public private(set) var log: [LogEntry] = []
    /// Rows the log is scrolled up from its newest line (0 follows new lines).
    public private(set) var logScroll = 0
    private var printer = PlainProgressPrinter(progressInterval: 0)

    /// Lines kept in the log.
    static let logCapacity = 400

    /// A screen waiting for the run described by `request` to start.
    public init(request: String) {
        self.request = request
        phase = .loading(done: 0, total: 0)
    }

    public var title: String { "Train" }
    public var minimumSize: Size { Size(width: 72, height: 20) }
    public var screen: Screen { .dashboard(self) }

    public var isRunning: Bool {
        switch phase {
        case .running, .stopping: return true
        default: return false
        }
    }

    public var headline: String {
        var parts: [String] = []
        parts.append(started.map { lastPathComponent($0.runDirectory) } ?? request)
        switch phase {
        case .loading: parts.append("loading data")
        case .running: parts.append(isPaused ? "PAUSED" : (pauseRequested ? "pausing" : "training"))
        case .stopping: parts.append("stopping")
        case .finished: parts.append("finished")
        case .stopped: parts.append("stopped")
        case .failed: parts.append("failed")
        }
        parts.append(view.name)
        return parts.joined(separator: " · ")
    }

    public var hints: [KeyBinding] {
        var hints = [KeyBinding("v/Tab", "view")]
        if case .running = phase {
            hints += [KeyBinding("p", isPaused ? "resume" : "pause"), KeyBinding("s", "stop")]
        }
        if view == .details { hints.append(KeyBinding("PgUp/PgDn", "log")) }
        hints.append(KeyBinding("q", isRunning ? "stop & quit" : "back"))
        return hints
    }

    public var help: [HelpSection] {
        [HelpSection("Training", [
            KeyBinding("p / Space", "pause or resume at the next batch"),
            KeyBinding("s", "stop; a resumable checkpoint is saved (fer train --resume RUN)"),
            KeyBinding("v / Tab", "views: overview, all folds, details"),
            KeyBinding("PgUp PgDn g G", "scroll the log (details view)"),
            KeyBinding("q / Esc", "stop and leave (asks first while training)"),
        ])]
    }

    // MARK: - Keys

    public mutating func handle(key: Key, context: ScreenContext) -> Reply {
        switch key {
        case .character("v"):
            cycleView(by: 1)
            return .none
        case .character("p"), .character(" "):
            return togglePause()
        case .character("s"):
            return stop(thenLeave: false)
        default:
            break
        }
        switch KeyIntent(key) {
        case .nextPane: cycleView(by: 1)
        case .previousPane: cycleView(by: -1)
        case .pageUp, .up: scrollLog(by: KeyIntent(key) == .up ? 1 : 10)
        case .pageDown, .down: scrollLog(by: KeyIntent(key) == .down ? -1 : -10)
        case .first: logScroll = max(0, log.count - 1)
        case .last: logScroll = 0
        case .back: return askToLeave()
        default: break
        }
        return .none
    }

    private mutating func cycleView(by step: Int) {
        let count = View.allCases.count
        view = View(rawValue: (view.rawValue + step + count) % count) ?? .overview
    }

    private mutating func scrollLog(by rows: Int) {
        logScroll = min(max(0, log.count - 1), max(0, logScroll + rows))
    }

    private mutating func togglePause() -> Reply {
        guard case .running = phase else { return .none }
        if isPaused || pauseRequested {
            pauseRequested = false
            return .effect(.resumeTraining)
        }
        pauseRequested = true
        return Reply(effects: [.pauseTraining], notice: Notice("Pausing after this batch…"))
    }

    private mutating func stop(thenLeave: Bool) -> Reply {
        switch phase {
        case .running:
            phase = .stopping
            leaveWhenStopped = thenLeave
            return Reply(effects: [.stopTraining], notice: Notice("Stopping: saving a resumable checkpoint…"))
        case .stopping:
            leaveWhenStopped = leaveWhenStopped || thenLeave
            return .none
        case .loading:
            return thenLeave ? Reply(effects: [.stopTraining], navigation: .pop) : .none
        case .finished, .stopped, .failed:
            return thenLeave ? .pop : .none
        }
    }

    private mutating func askToLeave() -> Reply {
        guard case .running = phase else { return stop(thenLeave: true) }
        return Reply(overlay: .confirm(Confirmation(
            title: "Stop training",
            question: "Stop training and leave? The run saves a checkpoint you can resume with "
                + "fer train --resume \(started?.runDirectory ?? "RUN_DIR").",
            action: .stopTraining(thenQuit: true))))
    }

    public mutating func confirmed(_ action: Confirmation.Action) -> Reply {
        guard case .stopTraining(let thenQuit) = action else { return .none }
        return stop(thenLeave: thenQuit)
    }

    public mutating func interrupt() -> Reply {
        stop(thenLeave: true)
    }

    public func leave() -> [Effect] {
        isRunning ? [.stopTraining] : []
    }

    // MARK: - Events

    public mutating func receive(_ message: Message, context: ScreenContext) -> Reply {
        switch message {
        case .datasetProgress(let done, let total):
            if case .loading = phase { phase = .loading(done: done, total: total) }
            return .none
        case .trainingFailed(let reason):
            phase = .failed(reason)
            appendLog([reason], kind: .error)
            return leaveWhenStopped ? .pop : .none
        case .training(let event):
            return apply(event)
        default:
            return .none
        }
    }

    /// Applies one trainer event.
    mutating func apply(_ event: TrainingEvent) -> Reply {
        if case .batchProgress = event {} else {
            appendLog(printer.lines(for: event), kind: logKind(of: event))
        }
        switch event {
        case .runStarted(let runStarted):
            started = runStarted
            if case .loading = phase { phase = .running }
            let numbers = runStarted.config.folds ?? Array(1...max(1, runStarted.config.foldCount))
            folds = numbers.map { FoldProgress(fold: $0, epochs: runStarted.config.epochs) }
            for index in folds.indices {
                folds[index].restore(runStarted.history.filter { $0.fold == folds[index].fold })
            }
            for result in runStarted.completedFolds { updateFold(result.fold) { $0.finish(result) } }
        case .foldStarted(let foldStarted):
            currentFold = foldStarted.fold
            foldPlace = (foldStarted.foldIndex, foldStarted.foldsInRun)
            progress = nil
            updateFold(foldStarted.fold) {
                $0.status = .training
                $0.epochs = foldStarted.epochs
            }
        case .batchProgress(let batch):
            progress = batch
        case .epochFinished(let finished):
            lastEpoch = finished
            updateFold(finished.metrics.fold) { $0.record(finished) }
        case .validationConfusion(let fold, let epoch, let matrix):
            confusion = (fold, epoch, matrix)
        case .foldFinished(let result):
            updateFold(result.fold) { $0.finish(result) }
        case .paused:
            isPaused = true
            pauseRequested = false
            return .notice(Notice("Paused; p resumes."))
        case .resumed:
            isPaused = false
            return .notice(Notice("Resumed."))
        case .notice(let message):
            return .notice(Notice(message))
        case .runFinished(let summary):
            // A stop asked for during the run's final evaluation comes too late: it finishes.
            var wasStopping = false
            if case .stopping = phase { wasStopping = true }
            phase = .finished(summary)
            isPaused = false
            for result in summary.folds { updateFold(result.fold) { $0.finish(result) } }
            if leaveWhenStopped { return .pop }
            return .notice(.success(wasStopping
                    ? "Training finished before the stop took effect; nothing to resume." : "Training finished."))
        case .runCancelled(let cancelled):
            phase = .stopped(cancelled)
            isPaused = false
            let resume = Notice("Stopped; resume with fer train --resume " + cancelled.runDirectory)
            return leaveWhenStopped ? .pop : .notice(resume)
        case .error(let error):
            phase = .failed(error.description)
            return leaveWhenStopped ? .pop : .none
        case .checkpointSaved, .newBest, .warning:
            break
        }
        return .none
    }

    private mutating func updateFold(_ fold: Int, _ change: (inout FoldProgress) -> Void) {
        if let index = folds.firstIndex(where: { $0.fold == fold }) {
            change(&folds[index])
        } else {
            var added = FoldProgress(fold: fold, epochs: started?.config.epochs ?? 0)
            change(&added)
            folds.append(added)
            folds.sort { $0.fold < $1.fold }
        }
    }

    private func logKind(of event: TrainingEvent) -> LogEntry.Kind {
        switch event {
        case .warning: return .warning
        case .error: return .error
        case .runFinished, .foldFinished: return .success
        default: return .info
        }
    }

    private mutating func appendLog(_ lines: [String], kind: LogEntry.Kind) {
        guard !lines.isEmpty else { return }
        log += lines.map { LogEntry(text: $0, kind: kind) }
        if log.count > Self.logCapacity { log.removeFirst(log.count - Self.logCapacity) }
        if logScroll > 0 { logScroll = min(log.count - 1, logScroll + lines.count) }
    }

    public func render(area: Rect, into buffer: inout Buffer, theme: Theme) {
        DashboardView(screen: self, theme: theme).render(area: area, into: &buffer)
    }
}

/// One line of the dashboard's log.
public struct LogEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, success, warning, error
    }

    public var text: String
    public var kind: Kind
}

/// The last component of a path, for titles.
func lastPathComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
