import Terminal
import Testing
@testable import App

/// Clicks select what is under the pointer (a second click on a selection opens it); the wheel
/// moves as the arrows do; nothing reaches a screen under an overlay.
@Suite struct MouseTests {
    private func click(_ x: Int, _ y: Int, on state: inout AppState) {
        press(.mouse(MouseEvent(.press, x: x, y: y)), on: &state)
    }

    @Test func homeClickSelectsThenOpens() throws {
        var state = AppState(screen: .home(HomeScreen(context: ScreenStates.homeContext)))
        let row = try #require(HomeView.itemRows(in: state.context.body).first { $0.item == .checkpoints }?.row)
        click(row.x + 5, row.y, on: &state)
        guard case .home(let home)? = state.current else { Issue.record("home expected"); return }
        #expect(home.selection == .checkpoints)
        click(row.x + 5, row.y, on: &state)
        if case .checkpoints? = state.current {} else { Issue.record("a second click opens the item") }
    }

    @Test func wheelMovesLikeTheArrows() {
        var state = AppState(screen: .home(HomeScreen(context: ScreenStates.homeContext, selection: .browse)))
        press(.mouse(MouseEvent(.wheelDown, x: 0, y: 0)), on: &state)
        guard case .home(let home)? = state.current else { Issue.record("home expected"); return }
        #expect(home.selection == .live)
    }

    @Test func checkpointClicksFocusTheTableAndSelectTheRow() throws {
        var state = AppState(screen: .checkpoints(TestRuns.picker()))
        let layout = CheckpointLayout(area: state.context.body, runCount: 2)
        let folds = layout.table(of: .folds)
        click(folds.x + 1, folds.y + 3, on: &state)  // the header, then folds 1, 2, 3
        guard case .checkpoints(let picker)? = state.current else { Issue.record("picker expected"); return }
        #expect(picker.focus == .folds)
        #expect(picker.selectedFold?.fold == 3)
        let runs = layout.table(of: .runs)
        click(runs.x + 1, runs.y + 2, on: &state)
        guard case .checkpoints(let picker)? = state.current else { Issue.record("picker expected"); return }
        #expect(picker.focus == .runs)
        #expect(picker.selectedRun?.name == "20260314-091200-vgg")
        #expect(picker.selectedFold?.fold == 1, "the panes below start again at their first row")
    }

    @Test func browserClicksSelectZoomAndFilter() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        let layout = BrowserLayout(body: state.context.body)
        let tile = layout.tile(3)
        click(tile.x + 1, tile.y + 1, on: &state)
        guard case .browser(let browser)? = state.current else { Issue.record("browser expected"); return }
        #expect(browser.selectedFace == 3 && !browser.isZoomed)
        click(tile.x + 1, tile.y + 1, on: &state)
        guard case .browser(let zoomed)? = state.current else { Issue.record("browser expected"); return }
        #expect(zoomed.isZoomed, "a click on the selected face zooms it")
        click(layout.grid.x + 1, layout.grid.y + 1, on: &state)
        let classRow = layout.side.y + 1 + 2  // inside the border: angry, disgust, fear
        click(layout.side.x + 3, classRow, on: &state)
        guard case .browser(let filtered)? = state.current else { Issue.record("browser expected"); return }
        #expect(!filtered.isZoomed)
        #expect(filtered.filter.classIndex == 2)
    }

    @Test func anOverlayTakesNoClicks() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        press(.character("?"), on: &state)
        let tile = BrowserLayout(body: state.context.body).tile(3)
        click(tile.x + 1, tile.y + 1, on: &state)
        guard case .browser(let browser)? = state.current else { Issue.record("browser expected"); return }
        #expect(browser.selectedFace == 0)
        #expect(state.overlay == .help)
    }
}
