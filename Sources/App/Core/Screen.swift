/// The screens of the app, one case (and one file) each.
public enum Screen: Sendable {
    case home(HomeScreen)
    case browser(BrowserScreen)
    case checkpoints(CheckpointScreen)
    case live(LiveScreen)
    case dashboard(DashboardScreen)

    /// The screen's state, whatever its kind.
    public var model: any ScreenModel {
        switch self {
        case .home(let screen): return screen
        case .browser(let screen): return screen
        case .checkpoints(let screen): return screen
        case .live(let screen): return screen
        case .dashboard(let screen): return screen
        }
    }

    /// Runs `body` on the screen's state and stores the changed state back.
    mutating func update<Result>(_ body: (inout any ScreenModel) -> Result) -> Result {
        var model = self.model
        let result = body(&model)
        self = model.screen
        return result
    }
}
