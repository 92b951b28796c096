import Terminal
import Testing
@testable import App

/// Every screen in its main states, drawn at 80×24, 120×40 and a too-small 40×10, in color and
/// NO_COLOR, compared with the stored snapshots (re-record with FER_RECORD_SNAPSHOTS=1).
@Suite struct ScreenSnapshotTests {
    @Test(arguments: snapshotCases) func home(size: Size, mode: RenderMode) {
        expectScreen("home", ScreenStates.home(), size: size, mode: mode)
        expectScreen("home-missing", ScreenStates.homeMissing(), size: size, mode: mode)
        expectScreen("home-help", ScreenStates.homeHelp(), size: size, mode: mode)
    }

    @Test(arguments: snapshotCases) func browser(size: Size, mode: RenderMode) throws {
        expectScreen("browser", try ScreenStates.browser(), size: size, mode: mode)
        expectScreen("browser-zoom", try ScreenStates.browserZoom(), size: size, mode: mode)
        expectScreen("browser-filtered", try ScreenStates.browserFiltered(), size: size, mode: mode)
        expectScreen("browser-loading", ScreenStates.browserLoading(), size: size, mode: mode)
        expectScreen("browser-search", try ScreenStates.browserSearch(), size: size, mode: mode)
    }

    @Test(arguments: snapshotCases) func checkpoints(size: Size, mode: RenderMode) {
        expectScreen("checkpoints", ScreenStates.checkpoints(), size: size, mode: mode)
        expectScreen("checkpoints-confirm", ScreenStates.checkpointsConfirm(), size: size, mode: mode)
        expectScreen("checkpoints-empty", ScreenStates.checkpointsEmpty(), size: size, mode: mode)
    }

    @Test(arguments: snapshotCases) func live(size: Size, mode: RenderMode) {
        expectScreen("live", ScreenStates.live(), size: size, mode: mode)
        expectScreen("live-no-face", ScreenStates.live(withFace: false), size: size, mode: mode)
        expectScreen("live-ended", ScreenStates.liveEnded(), size: size, mode: mode)
    }

    @Test(arguments: snapshotCases) func dashboard(size: Size, mode: RenderMode) {
        expectScreen("dashboard", ScreenStates.dashboard(), size: size, mode: mode)
        expectScreen("dashboard-folds", ScreenStates.dashboard(view: 1), size: size, mode: mode)
        expectScreen("dashboard-details", ScreenStates.dashboard(view: 2), size: size, mode: mode)
        expectScreen("dashboard-finished", ScreenStates.dashboard(TestTraining.finished()), size: size,
                     mode: mode)
    }

    @Test(arguments: RenderMode.allCases) func tooSmallScreensAskToEnlarge(mode: RenderMode) throws {
        let states = [ScreenStates.home(), try ScreenStates.browser(), ScreenStates.checkpoints(),
                      ScreenStates.live(), ScreenStates.dashboard()]
        for state in states {
            let shown = text(frame(state, size: Size(width: 40, height: 10), mode: mode))
            #expect(shown.contains("Terminal too small"))
            #expect(shown.contains("(now 40×10)"))
        }
    }
}
