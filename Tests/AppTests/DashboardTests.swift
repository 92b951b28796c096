import Terminal
import Testing
@testable import App
@testable import Training

@Suite struct DashboardTests {
    private func dashboard(_ state: AppState) -> DashboardScreen? {
        if case .dashboard(let screen)? = state.current { return screen }
        return nil
    }

    @Test func eventsBuildFoldsProgressAndLog() throws {
        let screen = try #require(dashboard(ScreenStates.dashboard()))
        #expect(screen.folds.map(\.fold) == [1, 2, 3])
        #expect(screen.folds.map(\.status) == [.finished, .training, .waiting])
        #expect(screen.folds[0].history.count == 6)
        #expect(screen.folds[1].bestEpoch == TestTraining.bestEpoch(fold: 2, through: 3))
        #expect(screen.currentFold == 2)
        #expect(screen.confusion?.fold == 2)
        #expect(screen.log.contains { $0.text.hasPrefix("Fold 1 best") })
        #expect(!screen.log.contains { $0.text.contains("120/300") }, "batch progress stays out of the log")
    }

    @Test func aResumedRunShowsTheEpochsBeforeTheResumePoint() throws {
        guard case .runStarted(var started) = TestTraining.started() else {
            Issue.record("a run-started event expected")
            return
        }
        started.history = (1...6).map { TestTraining.metrics(fold: 1, epoch: $0) }
            + (1...3).map { TestTraining.metrics(fold: 2, epoch: $0) }
        var screen = DashboardScreen(request: "resume")
        _ = screen.apply(.runStarted(started))
        #expect(screen.folds.map(\.history.count) == [6, 3, 0])
        #expect(screen.folds[1].bestEpoch == TestTraining.bestEpoch(fold: 2, through: 3))
        #expect(screen.folds[1].status == .training)
        #expect(screen.folds[2].status == .waiting)
    }

    @Test func progressFiguresFollowTheCurrentFold() throws {
        let screen = try #require(dashboard(ScreenStates.dashboard()))
        let figures = ProgressFigures(screen)
        #expect(figures.epoch == 4)
        #expect(figures.epochFraction == 0.4)
        #expect(abs(figures.foldFraction - 3.4 / 6) < 1e-9)
        #expect(abs(figures.runFraction - (1 + 3.4 / 6) / 3) < 1e-9)
        #expect(figures.foldETA == 83)
        #expect(figures.runETA == 760)

        var state = ScreenStates.dashboard()
        send([.training(TestTraining.epochFinished(fold: 2, epoch: 4))], to: &state)
        let afterEpoch = ProgressFigures(try #require(dashboard(state)))
        #expect(afterEpoch.epoch == 5, "the next epoch, not the stale batch progress")
        #expect(afterEpoch.epochFraction == 0)

        let finishedScreen = try #require(dashboard(ScreenStates.dashboard(TestTraining.finished())))
        let finished = ProgressFigures(finishedScreen)
        #expect(finished.runFraction == 1)
        #expect(finished.runETA == nil)
    }

    @Test func pauseAndResumeGoThroughTheTrainer() throws {
        var state = ScreenStates.dashboard()
        var effects = press(.character("p"), on: &state)
        guard case .pauseTraining? = effects.first else { Issue.record("pause expected"); return }
        #expect(dashboard(state)?.pauseRequested == true)
        send([.training(.paused)], to: &state)
        #expect(dashboard(state)?.isPaused == true)
        #expect(state.notice == Notice("Paused; p resumes."))
        #expect(dashboard(state)?.headline.contains("PAUSED") == true)
        effects = press(.character("p"), on: &state)
        guard case .resumeTraining? = effects.first else { Issue.record("resume expected"); return }
        send([.training(.resumed)], to: &state)
        #expect(dashboard(state)?.isPaused == false)
    }

    @Test func stopSavesAndStays() throws {
        var state = ScreenStates.dashboard()
        let effects = press(.character("s"), on: &state)
        guard case .stopTraining? = effects.first else { Issue.record("stop expected"); return }
        guard case .stopping? = dashboard(state)?.phase else { Issue.record("stopping expected"); return }
        send([.training(cancelled())], to: &state)
        guard case .stopped? = dashboard(state)?.phase else { Issue.record("stopped expected"); return }
        #expect(state.notice?.text.contains("--resume") == true)
        press(.character("q"), on: &state)
        #expect(state.isFinished, "a stopped run leaves without asking")
    }

    @Test func quitAsksWhileTrainingThenLeavesOnceSaved() {
        var state = ScreenStates.dashboard()
        #expect(press(.character("q"), on: &state).isEmpty)
        guard case .confirm? = state.overlay else { Issue.record("question expected"); return }
        let effects = press(.character("y"), on: &state)
        guard case .stopTraining? = effects.first else { Issue.record("stop expected"); return }
        #expect(!state.isFinished, "waits for the resume checkpoint")
        send([.training(cancelled())], to: &state)
        #expect(state.isFinished)
    }

    @Test func aStopDuringTheFinalEvaluationSaysTheRunFinished() throws {
        var state = ScreenStates.dashboard()
        press(.character("s"), on: &state)
        let summary = try #require(TestTraining.finished().last)
        send([.training(summary)], to: &state)
        guard case .finished? = dashboard(state)?.phase else { Issue.record("finished expected"); return }
        #expect(state.notice?.text.contains("finished before the stop took effect") == true)
    }

    @Test func controlCStopsWithoutAsking() {
        var state = ScreenStates.dashboard()
        let effects = press(.interrupt, on: &state)
        guard case .stopTraining? = effects.first else { Issue.record("stop expected"); return }
        #expect(state.overlay == nil)
        send([.training(cancelled())], to: &state)
        #expect(state.isFinished)
    }

    @Test func failureBeforeTheRunIsShown() {
        var state = AppState(screen: .dashboard(DashboardScreen(request: "/nope")))
        send([.trainingFailed("Dataset path '/nope' does not exist.")], to: &state)
        let shown = text(frame(state, size: Size(width: 80, height: 24), mode: .color))
        #expect(shown.contains("Training could not start"))
        #expect(shown.contains("does not exist"))
        press(.character("q"), on: &state)
        #expect(state.isFinished)
    }

    @Test func viewsCycleAndTheLogScrolls() throws {
        var state = ScreenStates.dashboard()
        press(.tab, on: &state)
        #expect(dashboard(state)?.view == .folds)
        press(.character("v"), on: &state)
        #expect(dashboard(state)?.view == .details)
        press(.backTab, on: &state)
        #expect(dashboard(state)?.view == .folds)
        press(.pageUp, on: &state)
        let scrolled = try #require(dashboard(state))
        #expect(scrolled.logScroll == min(10, scrolled.log.count - 1))
        press(.character("G"), on: &state)
        #expect(dashboard(state)?.logScroll == 0)
    }

    @Test func foldTableShowsMeanAndDeviation() {
        let state = ScreenStates.dashboard(TestTraining.finished())
        let shown = text(frame(state, size: Size(width: 120, height: 40), mode: .noColor))
        let accuracies = (1...3).map { fold in
            TestTraining.metrics(fold: fold, epoch: TestTraining.bestEpoch(fold: fold, through: 6))
                .validationAccuracy
        }
        let spread = MeanDeviation(accuracies)
        #expect(shown.contains("val acc \(formatFixed(spread.mean * 100, decimals: 2)) ± "
                               + formatFixed(spread.standardDeviation * 100, decimals: 2) + "%"))
        #expect(shown.contains("test 53.00 ± 0.82%"))
    }

    private func cancelled() -> TrainingEvent {
        .runCancelled(RunCancelled(runDirectory: TestTraining.runDirectory,
                                   resumeCheckpoint: TestTraining.runDirectory + "/resume.safetensors",
                                   position: TrainingPosition(fold: 2, epoch: 4, batch: 121),
                                   elapsedSeconds: 80))
    }
}
