import Live
import Terminal
@testable import App
@testable import Training

/// The app states every screen snapshot is taken of, reached through `AppUpdate` where a user
/// would get there with keys.
enum ScreenStates {
    static let homeContext = HomeContext(
        datasetPath: "/data/fer2013",
        model: ModelChoice(path: "Assets/model/fer.safetensors", origin: .shipped),
        runsDirectory: "runs", liveAvailable: true)

    static func home() -> AppState {
        AppState(screen: .home(HomeScreen(context: homeContext)))
    }

    static func homeMissing() -> AppState {
        let context = HomeContext(datasetPath: nil, model: nil, runsDirectory: "runs", liveAvailable: false)
        return AppState(screen: .home(HomeScreen(context: context, selection: .train)))
    }

    static func homeHelp() -> AppState {
        var state = home()
        press(.character("?"), on: &state)
        return state
    }

    static func browser() throws -> AppState {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: true)))
        press(.right, .right, .down, on: &state)
        return state
    }

    static func browserZoom() throws -> AppState {
        var state = try browser()
        press(.enter, on: &state)
        return state
    }

    static func browserFiltered() throws -> AppState {
        var state = try browser()
        press(.character("4"), .character("x"), on: &state)
        return state
    }

    static func browserLoading() -> AppState {
        var state = AppState(screen: .browser(BrowserScreen(datasetPath: "/data/fer2013", modelName: nil)))
        send([.datasetProgress(done: 12_000, total: 35_887)], to: &state)
        return state
    }

    static func browserSearch() throws -> AppState {
        var state = try browser()
        press(.character("/"), .character("i"), .character("m"), .character("3"), on: &state)
        return state
    }

    static func checkpoints() -> AppState {
        var state = AppState(screen: .checkpoints(TestRuns.picker()))
        press(.enter, .down, .enter, .down, .down, .down, .down, on: &state)
        return state
    }

    static func checkpointsConfirm() -> AppState {
        var state = checkpoints()
        press(.character("x"), on: &state)
        return state
    }

    static func checkpointsEmpty() -> AppState {
        let picker = CheckpointScreen(runsDirectory: "runs", defaultModelPath: "/tmp/model.safetensors")
        var state = AppState(screen: .checkpoints(picker))
        send([.runsScanned([])], to: &state)
        return state
    }

    static func live(withFace: Bool = true) -> AppState {
        var state = AppState(screen: .live(LiveScreen(source: "clip.mp4")))
        let frames = (0..<20).map { index in
            LiveUpdate.frame(TestLive.frame(index: index, withFace: withFace, fps: 28 + Double(index % 5)))
        }
        send(frames.map(Message.live), to: &state)
        return state
    }

    static func liveEnded() -> AppState {
        var state = live()
        let summary = LiveScreenSummary(frames: 300, framesWithFaces: 288, expressionCounts: [
            ExpressionCount(label: "happy", frames: 201), ExpressionCount(label: "neutral", frames: 70),
            ExpressionCount(label: "surprise", frames: 17),
        ], meanFramesPerSecond: 29.7)
        send([.live(.finished(summary))], to: &state)
        return state
    }

    static func dashboard(_ events: [TrainingEvent] = TestTraining.midRun(), view: Int = 0) -> AppState {
        var state = AppState(screen: .dashboard(DashboardScreen(request: "/data/fer2013")))
        send(events.map(Message.training), to: &state)
        for _ in 0..<view { press(.character("v"), on: &state) }
        return state
    }
}
