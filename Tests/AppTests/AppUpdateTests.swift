import Terminal
import Testing
@testable import App

/// The global rules of `AppUpdate`: quitting, help, prompts, confirmations, notices, resizes.
@Suite struct AppUpdateTests {
    @Test func qOnTheFirstScreenQuits() {
        var state = ScreenStates.home()
        let effects = press(.character("q"), on: &state)
        #expect(state.isFinished)
        #expect(effects.isEmpty)
    }

    @Test func helpOpensAndSwallowsKeysUntilClosed() {
        var state = ScreenStates.home()
        press(.character("?"), on: &state)
        #expect(state.overlay == .help)
        press(.down, .character("c"), on: &state)
        #expect(state.overlay == .help)
        guard case .home(let home)? = state.current else { Issue.record("home expected"); return }
        #expect(home.selection == .browse, "keys under the help overlay must not reach the screen")
        press(.escape, on: &state)
        #expect(state.overlay == nil)
        #expect(!state.isFinished)
    }

    @Test func backFromAPushedScreenReturnsToTheOneBelow() {
        var state = ScreenStates.home()
        press(.character("c"), on: &state)
        #expect(state.screens.count == 2)
        press(.escape, on: &state)
        #expect(state.screens.count == 1)
        if case .home? = state.current {} else { Issue.record("expected to be back home") }
    }

    @Test func controlCQuitsEverythingAndStopsWorkers() throws {
        var state = AppState(screen: .home(HomeScreen(context: ScreenStates.homeContext)))
        state.screens.append(.browser(try TestFaces.browser(predicted: true)))
        let effects = press(.interrupt, on: &state)
        #expect(state.isFinished)
        #expect(effects.contains { if case .cancelClassification = $0 { true } else { false } })
    }

    @Test func promptEditsThenSubmitsToTheScreen() throws {
        var state = try ScreenStates.browser()
        press(.character("/"), .character("i"), .character("m"), .character("x"), .backspace, .character("3"),
              on: &state)
        guard case .prompt(let prompt)? = state.overlay else { Issue.record("prompt expected"); return }
        #expect(prompt.text == "im3")
        press(.enter, on: &state)
        #expect(state.overlay == nil)
        guard case .browser(let browser)? = state.current else { Issue.record("browser expected"); return }
        #expect(browser.filter.search == "im3")
        #expect(browser.visible.count == 7, "one im3 per class")
    }

    @Test func escapeCancelsAPromptWithoutEffect() throws {
        var state = try ScreenStates.browser()
        press(.character("/"), .character("z"), .escape, on: &state)
        #expect(state.overlay == nil)
        guard case .browser(let browser)? = state.current else { Issue.record("browser expected"); return }
        #expect(browser.filter.search.isEmpty)
    }

    @Test func confirmationNeedsAnExplicitYes() {
        var state = ScreenStates.checkpointsConfirm()
        guard case .confirm? = state.overlay else { Issue.record("confirmation expected"); return }
        #expect(press(.character("z"), on: &state).isEmpty)
        if case .confirm? = state.overlay {} else { Issue.record("unrelated keys keep the question open") }
        #expect(press(.enter, on: &state).isEmpty, "Enter takes the default answer, no")
        #expect(state.overlay == nil)

        state = ScreenStates.checkpointsConfirm()
        let effects = press(.character("y"), on: &state)
        guard case .fileAction(.deleteFile(let path))? = effects.first else {
            Issue.record("delete expected, got \(effects)")
            return
        }
        #expect(path == "/runs/20260315-142501-seed/fold-2/epoch-4.safetensors")
    }

    @Test func noticesLastUntilTheNextKey() {
        var state = ScreenStates.homeMissing()
        press(.character("l"), on: &state)
        #expect(state.notice?.kind == .error)
        press(.down, on: &state)
        #expect(state.notice == nil)
    }

    @Test func resizeMessagesChangeTheSize() {
        var state = ScreenStates.home()
        send([.resized(Size(width: 132, height: 43))], to: &state)
        #expect(state.size == Size(width: 132, height: 43))
        #expect(state.context.body == Rect(x: 0, y: 1, width: 132, height: 41))
    }

    @Test func workerResultsReachOnlyTheTopScreen() throws {
        var state = ScreenStates.home()
        press(.character("c"), on: &state)
        press(.escape, on: &state)
        send([.runsScanned(TestRuns.records())], to: &state)
        if case .home? = state.current {} else {
            Issue.record("a late result must not reopen a closed screen")
        }
    }
}
