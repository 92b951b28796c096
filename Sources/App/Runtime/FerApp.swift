#if canImport(Glibc)
import Glibc
#endif
import Terminal

/// Entry points for the `fer` commands: each opens one screen on the process's terminal, runs
/// the UI loop until it closes, and always restores the terminal (also on errors; Ctrl-C and
/// crashes are covered by the curses backend's handlers).
public enum FerApp {
    /// Runs the app with `screen` first and returns the performer, whose workers have stopped.
    /// Throws `TerminalError` when there is no usable terminal, and `ScreenFailure` (after the
    /// terminal is restored) when `screen` closed showing a fatal error.
    @discardableResult
    public static func run(screen: Screen, initialEffects: [Effect] = [],
                           environment: WorkerEnvironment) throws -> WorkerEffects {
        let effects = WorkerEffects(environment: environment)
        unblockTerminalSignals()
        var failure: String?
        try CursesBackend.run { backend in
            let runner = AppRunner(backend: backend, state: AppState(screen: screen), effects: effects)
            runner.run(initialEffects: initialEffects)
            failure = runner.state.exitFailure
        }
        if let failure { throw ScreenFailure(reason: failure) }
        return effects
    }

    /// The training dashboard (`fer train` on a terminal). Returns how the run ended, nil when the
    /// user left before it started.
    public static func train(_ request: TrainingRequest) throws -> TrainingEnd? {
        let screen = DashboardScreen(request: request.description)
        let effects = try run(screen: .dashboard(screen), initialEffects: [.startTraining(request)],
                              environment: WorkerEnvironment(loadOptions: request.loadOptions))
        return effects.trainingEnd
    }

    /// A process started with signals blocked (some launchers and test runners do this) would
    /// never hear of resizes or Ctrl-C; unblock those on the UI thread, which runs curses.
    private static func unblockTerminalSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGWINCH)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// The home screen (`fer` with no arguments).
    public static func home(context: HomeContext, environment: WorkerEnvironment) throws {
        try run(screen: .home(HomeScreen(context: context)), environment: environment)
    }

    /// The dataset browser (`fer browse`); `modelName` names the model `environment` loads.
    public static func browse(datasetPath: String, modelName: String?,
                              environment: WorkerEnvironment) throws {
        let screen = BrowserScreen(datasetPath: datasetPath, modelName: modelName)
        try run(screen: .browser(screen), initialEffects: [.loadDataset(path: datasetPath)],
                environment: environment)
    }

    /// The checkpoint picker (`fer checkpoints`).
    public static func checkpoints(runsDirectory: String) throws {
        try run(screen: .checkpoints(CheckpointScreen(runsDirectory: runsDirectory)),
                initialEffects: [.scanRuns(directory: runsDirectory)], environment: WorkerEnvironment())
    }

    /// The live screen (`fer live`): starts the pipeline through `hooks`, shows its frames, and
    /// stops it when the user leaves. `source` names the source in the title bar.
    public static func live(source: String, hooks: LivePipelineHooks) throws {
        try run(screen: .live(LiveScreen(source: source)), initialEffects: [.startLive(source: nil)],
                environment: WorkerEnvironment(live: hooks))
    }
}

/// The fatal error the first screen showed when it closed; the command exits non-zero with it.
public struct ScreenFailure: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
