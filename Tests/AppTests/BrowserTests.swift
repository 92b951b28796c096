import Dataset
import Terminal
import Testing
@testable import App

@Suite struct BrowserTests {
    let context = ScreenContext(size: Size(width: 80, height: 24), capabilities: .standard)

    private func browser(_ state: AppState) -> BrowserScreen? {
        if case .browser(let screen)? = state.current { return screen }
        Issue.record("browser expected")
        return nil
    }

    @Test func loadingThenReadyStartsPredictions() throws {
        var screen = BrowserScreen(datasetPath: "/data/faces", modelName: "m.safetensors")
        let faces = try TestFaces.dataset()
        _ = screen.receive(.datasetProgress(done: 10, total: 42), context: context)
        #expect(screen.phase == .loading(done: 10, total: 42))
        let reply = screen.receive(.datasetLoaded(faces, skipped: 2), context: context)
        #expect(screen.phase == .ready)
        #expect(screen.visible.count == 42)
        #expect(screen.skippedFiles == 2)
        guard case .classifyFaces(let sent)? = reply.effects.first else {
            Issue.record("classify expected")
            return
        }
        #expect(sent.count == 42)
    }

    @Test func noModelNoPredictions() throws {
        var screen = BrowserScreen(datasetPath: "/data/faces", modelName: nil)
        let reply = screen.receive(.datasetLoaded(try TestFaces.dataset(), skipped: 0), context: context)
        #expect(reply.effects.isEmpty)
    }

    @Test func failureIsShownAndQGoesBack() {
        var state = AppState(screen: .home(HomeScreen(context: ScreenStates.homeContext)))
        press(.character("b"), on: &state)
        send([.datasetFailed("Dataset path '/nope' does not exist.")], to: &state)
        #expect(browser(state)?.phase == .failed("Dataset path '/nope' does not exist."))
        #expect(text(frame(state, size: Size(width: 80, height: 24),
                           mode: .color)).contains("does not exist"))
        press(.character("q"), on: &state)
        if case .home? = state.current {} else { Issue.record("back home expected") }
        press(.character("q"), on: &state)
        #expect(state.isFinished && state.exitFailure == nil, "a failed screen opened from home fails nothing")
    }

    @Test func theScreenACommandOpenedReportsItsFailureWhenItCloses() {
        var state = AppState(screen: .browser(BrowserScreen(datasetPath: "/nope", modelName: nil)))
        send([.datasetFailed("Dataset path '/nope' does not exist.")], to: &state)
        #expect(state.exitFailure == nil, "nothing is reported while the screen is open")
        press(.character("q"), on: &state)
        #expect(state.isFinished)
        #expect(state.exitFailure == "Dataset path '/nope' does not exist.")
    }

    @Test func arrowsMoveByOneAndByRowsPagesByPage() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        let layout = BrowserLayout(body: state.context.body)
        press(.right, .right, .left, on: &state)
        #expect(browser(state)?.selection == 1)
        press(.down, on: &state)
        #expect(browser(state)?.selection == 1 + layout.columns)
        press(.character("g"), .pageDown, on: &state)
        #expect(browser(state)?.selection == layout.pageSize)
        press(.end, on: &state)
        #expect(browser(state)?.selection == 41)
        press(.pageDown, .right, on: &state)
        #expect(browser(state)?.selection == 41, "the selection stops at the last face")
        press(.pageUp, on: &state)
        #expect(browser(state)?.selection == 41 - layout.pageSize)
    }

    @Test func classFiltersKeepTheSelectedFaceWhenShown() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        press(.character("G"), on: &state)
        #expect(browser(state)?.selectedFace == 41)
        press(.character("7"), on: &state)
        let filtered = try #require(browser(state))
        #expect(filtered.filter.classIndex == 6)
        #expect(filtered.visible == Array(36..<42))
        #expect(filtered.selectedFace == 41)
        press(.character("f"), on: &state)
        #expect(browser(state)?.filter.classIndex == nil, "f after the last class shows all")
        press(.character("f"), on: &state)
        #expect(browser(state)?.filter.classIndex == 0)
        press(.character("0"), on: &state)
        #expect(browser(state)?.visible.count == 42)
        press(.character("9"), on: &state)
        #expect(state.notice?.kind == .error)
    }

    @Test func classPaneFiltersWithEnter() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        press(.tab, .down, .down, .enter, on: &state)
        let screen = try #require(browser(state))
        #expect(screen.focus == .faces)
        #expect(screen.filter.classIndex == 2)
        press(.tab, .enter, on: &state)
        #expect(browser(state)?.filter.classIndex == nil, "Enter on the filtered class clears it")
    }

    @Test func misclassifiedNeedsAModelAndShowsOnlyWrongFaces() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        press(.character("x"), on: &state)
        #expect(state.notice?.text.contains("--model") == true)
        #expect(browser(state)?.filter.misclassifiedOnly == false)

        state = AppState(screen: .browser(try TestFaces.browser(predicted: true)))
        press(.character("x"), on: &state)
        let screen = try #require(browser(state))
        // Odd faces are predicted "neutral"; the neutral ones (24–29) among them are right.
        let expected = (0..<42).filter { $0 % 2 == 1 && !(24..<30).contains($0) }
        #expect(screen.visible == expected)
    }

    @Test func orderCyclesThroughFileLeastSureAndHardestKeepingTheSelectedFace() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        press(.character("o"), on: &state)
        #expect(browser(state)?.order == .file)
        press(.character("o"), on: &state)
        #expect(browser(state)?.order == .dataset, "the orders by probability need a model")

        state = AppState(screen: .browser(try TestFaces.browser(predicted: true)))
        press(.right, on: &state)
        press(.right, on: &state)
        #expect(browser(state)?.selectedFace == 2)
        for _ in 0..<3 { press(.character("o"), on: &state) }
        let screen = try #require(browser(state))
        #expect(screen.order == .hardest)
        #expect(screen.headline.contains("hardest first"))
        // Odd faces are predicted "neutral" (true class 0.05) unless they are neutral: those first.
        let wrong = (0..<42).filter { $0 % 2 == 1 && !(24..<30).contains($0) }
        #expect(Array(screen.visible.prefix(wrong.count)) == wrong)
        #expect(screen.selectedFace == 2, "the selected face stays selected")
        press(.character("o"), on: &state)
        #expect(browser(state)?.visible == Array(0..<42), "back to dataset order")
    }

    @Test func fileOrderSortsByPath() throws {
        let faces = try TestFaces.dataset()
        let files = FaceOrder.file.sorted(Array(0..<faces.count), in: faces, predictions: nil)
        let paths = files.map { faces.sources[$0].description }
        #expect(paths == paths.sorted() && Set(files).count == faces.count)
    }

    @Test func countsWhilePredictingAreMarkedPartial() throws {
        let faces = try TestFaces.dataset()
        var screen = BrowserScreen(dataset: faces, datasetPath: "/data/faces", modelName: "m.safetensors")
        let all = TestFaces.predictions(for: faces)
        let classes = faces.classNames.count
        _ = screen.receive(.predictionsComputed(PredictionChunk(
            start: 0, classNames: faces.classNames, probabilities: Array(all.probabilities[..<(10 * classes)]))),
            context: context)
        var state = AppState(screen: .browser(screen))
        press(.character("x"), on: &state)
        #expect(browser(state)?.headline.contains("5 shown · partial: 10/42 predicted") == true,
                "\(browser(state)?.headline ?? "")")
        send([.predictionsComputed(all)], to: &state)
        #expect(browser(state)?.headline.contains("partial") == false)
        #expect(browser(state)?.headline.contains("18 shown") == true)
    }

    @Test func aTestFolderIsLabelledTest() throws {
        let faces = try TestFaces.dataset()
        let test = try FaceDataset(pixels: faces.pixels, labels: faces.labels, classNames: faces.classNames,
                                   splits: Array(repeating: .test, count: faces.count), root: "/data/test",
                                   layout: .classFolders)
        #expect(BrowserScreen.splitSummary(test) == "42 test faces")
        #expect(BrowserScreen.splitSummary(faces) == "42 faces")
        let mixed = try FaceDataset(pixels: faces.pixels, labels: faces.labels, classNames: faces.classNames,
                                    splits: (0..<faces.count).map { $0 < 30 ? .train : .test })
        #expect(BrowserScreen.splitSummary(mixed) == "42 faces: 30 train, 12 test")
    }

    @Test func jumpSelectsAFaceNumber() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        send([":", "1", "2", "\n"].map { $0 == "\n" ? Message.key(.enter) : .key(.character(Character($0))) },
             to: &state)
        #expect(browser(state)?.selection == 11)
        send([.key(.character(":")), .key(.character("9")), .key(.character("9")), .key(.enter)], to: &state)
        #expect(state.notice?.kind == .error)
        #expect(browser(state)?.selection == 11)
    }

    @Test func zoomTogglesAndBackLeavesZoomFirst() throws {
        var state = AppState(screen: .browser(try TestFaces.browser(predicted: false)))
        press(.enter, on: &state)
        #expect(browser(state)?.isZoomed == true)
        press(.right, .down, on: &state)
        #expect(browser(state)?.selection == 2, "while zoomed every arrow steps one face")
        press(.character("q"), on: &state)
        #expect(browser(state)?.isZoomed == false)
        press(.character("q"), on: &state)
        #expect(state.isFinished)
    }

    @Test func predictionsMergeChunkByChunk() throws {
        let faces = try TestFaces.dataset()
        let all = TestFaces.predictions(for: faces)
        var predictions = FacePredictions(classNames: faces.classNames, faceCount: faces.count)
        let classes = faces.classNames.count
        predictions.merge(PredictionChunk(start: 40, classNames: faces.classNames,
                                          probabilities: Array(all.probabilities[(40 * classes)...])))
        #expect(predictions.doneCount == 2)
        #expect(predictions.predictedClass(of: 0) == nil)
        #expect(predictions.predictedName(of: 40) == "surprise")
        #expect(predictions.predictedName(of: 41) == "neutral")
        predictions.merge(all)
        #expect(predictions.isComplete)
        #expect(predictions.doneCount == 42)
        #expect(predictions.probabilities(of: 3)?.count == classes)
        predictions.merge(PredictionChunk(start: 0, classNames: ["a", "b"], probabilities: [1, 0]))
        #expect(predictions.predictedName(of: 0) == "angry", "chunks for other classes are ignored")
        predictions.merge(PredictionChunk(start: 41, classNames: faces.classNames,
                                          probabilities: Array(all.probabilities[0..<(2 * classes)])))
        #expect(predictions.doneCount == 42, "faces past the end are ignored")
    }

    @Test func layoutPrefersLargeThumbnailsThatStillShowADozenFaces() {
        let small = BrowserLayout(body: Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(small.thumbnail == 12)
        #expect(small.pageSize >= 9)
        let large = BrowserLayout(body: Rect(x: 0, y: 1, width: 200, height: 58))
        #expect(large.thumbnail == 32)
        #expect(large.pageSize >= BrowserLayout.preferredFacesPerPage)
        for layout in [small, large] {
            for slot in 0..<layout.pageSize {
                let tile = layout.tile(slot)
                #expect(tile.intersection(layout.grid) == tile, "tile \(slot) must stay inside the grid")
                if slot > 0 { #expect(tile.intersection(layout.tile(slot - 1)).isEmpty) }
            }
            #expect(layout.grid.intersection(layout.side).isEmpty)
        }
    }
}
