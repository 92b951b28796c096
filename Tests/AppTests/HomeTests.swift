import Live
import Terminal
import Testing
@testable import App
@testable import Training

@Suite struct HomeTests {
    @Test func browseLoadsTheDataset() {
        var state = ScreenStates.home()
        let effects = press(.enter, on: &state)
        guard case .loadDataset(let path)? = effects.first else { Issue.record("load expected"); return }
        #expect(path == "/data/fer2013")
        guard case .browser(let browser)? = state.current else { Issue.record("browser expected"); return }
        #expect(browser.modelName == "fer.safetensors")
    }

    @Test func shortcutsOpenScreens() {
        var state = ScreenStates.home()
        let effects = press(.character("c"), on: &state)
        guard case .scanRuns(let directory)? = effects.first else { Issue.record("scan expected"); return }
        #expect(directory == "runs")
        if case .checkpoints? = state.current {} else { Issue.record("checkpoints expected") }
    }

    @Test func trainAsksForTheRecipeThenStartsIt() {
        var state = ScreenStates.home()
        #expect(press(.character("t"), on: &state).isEmpty, "nothing starts before the recipe is chosen")
        guard case .prompt(let prompt)? = state.overlay else { Issue.record("recipe prompt expected"); return }
        #expect(prompt.text == "preset=vgg folds=5 epochs=40")
        let effects = send([Message.key(.enter)], to: &state)
        guard case .startTraining(let request)? = effects.first else {
            Issue.record("training expected")
            return
        }
        #expect(request.dataPath == "/data/fer2013")
        #expect(request.config == TrainingConfig.vggRecipe)
        #expect(request.runsDirectory == "runs")
        if case .dashboard? = state.current {} else { Issue.record("dashboard expected") }
    }

    @Test func recipeLinesAreReadOrExplained() throws {
        let config = try RecipeText.parse("epochs=3 preset=seed folds=4 train=2,4").get()
        var expected = TrainingConfig.seedRecipe.withEpochs(3)
        expected.foldCount = 4
        expected.folds = [2, 4]
        #expect(config == expected)
        #expect(try RecipeText.parse("").get() == TrainingConfig.vggRecipe)
        for (line, message) in [("epochs=0", "epochs must be at least 1"), ("preset=resnet", "no preset 'resnet'"),
                                ("folds=1", "folds must be at least 2"), ("train=6", "train= takes fold numbers 1…5"),
                                ("lr=1", "'lr=1' is not")] {
            guard case .failure(let error) = RecipeText.parse(line) else {
                Issue.record("\(line) should be refused")
                continue
            }
            #expect(error.message.contains(message), "\(line): \(error.message)")
        }
        var state = ScreenStates.home()
        press(.character("t"), on: &state)
        #expect(send(([Key.character("x")] + [.enter]).map(Message.key), to: &state).isEmpty)
        #expect(state.notice?.text.contains("Recipe:") == true)
    }

    @Test func aMissingDatasetIsAskedFor() {
        var state = ScreenStates.homeMissing()
        #expect(press(.character("b"), on: &state).isEmpty)
        guard case .prompt(let prompt)? = state.overlay else { Issue.record("prompt expected"); return }
        #expect(prompt.purpose == .datasetPath(then: .browse))
        let typed = "/tmp/faces".map { Key.character($0) }
        let effects = send((typed + [.enter]).map(Message.key), to: &state)
        guard case .loadDataset(let path)? = effects.first else { Issue.record("load expected"); return }
        #expect(path == "/tmp/faces")
        if case .browser? = state.current {} else { Issue.record("browser expected") }
    }

    @Test func choosingTheDatasetOpensNothing() {
        var state = ScreenStates.home()
        press(.down, .down, on: &state)
        #expect(press(.character("d"), on: &state).isEmpty)
        guard case .prompt(let prompt)? = state.overlay else { Issue.record("prompt expected"); return }
        #expect(prompt.purpose == .datasetPath(then: nil))
        let typed = [Key.character("2")] + [.enter]
        #expect(send(typed.map(Message.key), to: &state).isEmpty, "Enter submits the folder, nothing starts")
        guard case .home(let home)? = state.current else { Issue.record("still home expected"); return }
        #expect(home.context.datasetPath == "/data/fer20132")
        #expect(state.overlay == nil)
        #expect(state.notice?.text.contains("/data/fer20132") == true)
    }

    @Test func liveNeedsAPipeline() {
        var state = ScreenStates.homeMissing()
        #expect(press(.character("l"), on: &state).isEmpty)
        #expect(state.notice?.text.contains("fer live") == true)
        state = ScreenStates.home()
        #expect(press(.character("l"), on: &state).isEmpty)
        guard case .prompt(let prompt)? = state.overlay else {
            Issue.record("source prompt expected")
            return
        }
        #expect(prompt.purpose == .liveSource)
        #expect(prompt.text == "0", "the camera is the default source")
        let typed = [Key.backspace] + "clip.mp4".map { Key.character($0) } + [.enter]
        let effects = send(typed.map(Message.key), to: &state)
        guard case .startLive(let source)? = effects.first else {
            Issue.record("live start expected")
            return
        }
        #expect(source == "clip.mp4")
        guard case .live(let live)? = state.current else { Issue.record("live screen expected"); return }
        #expect(live.source == "clip.mp4")
    }

    @Test func arrowsMoveAndStopAtTheEnds() {
        var state = ScreenStates.home()
        press(.up, .up, .up, on: &state)
        guard case .home(let top)? = state.current else { return }
        #expect(top.selection == .train)
        press(.character("G"), .down, on: &state)
        guard case .home(let bottom)? = state.current else { return }
        #expect(bottom.selection == .checkpoints)
    }

    @Test func discoveryPrefersArgumentsThenUserDefaultThenShippedAssets() throws {
        let folder = try TemporaryFolder()
        let assets = folder.path + "/Assets"
        try folder.write("", to: "Assets/model/fer.safetensors")
        try folder.write("", to: "Assets/demo/happy/a.png")
        let environment = ["HOME": folder.path + "/home"]
        var context = HomeContext.discover(dataPath: nil, modelPath: nil, runsDirectory: "runs",
                                           liveAvailable: false,
                                           assetFolders: [folder.path + "/none", assets],
                                           environment: environment)
        #expect(context.datasetPath == assets + "/demo")
        #expect(context.datasetOrigin == .demo)
        #expect(context.datasetExists)
        #expect(context.model == ModelChoice(path: assets + "/model", origin: .shipped))

        try folder.write("", to: "home/.config/fer/model.safetensors")
        context = HomeContext.discover(dataPath: folder.path + "/missing", modelPath: nil,
                                       runsDirectory: "runs",
                                       liveAvailable: false, assetFolders: [assets], environment: environment)
        #expect(context.datasetPath == folder.path + "/missing")
        #expect(!context.datasetExists)
        #expect(context.model == ModelChoice(path: folder.path + "/home/.config/fer/model.safetensors",
                                             origin: .userDefault))

        context = HomeContext.discover(dataPath: nil, modelPath: "m.safetensors", runsDirectory: "runs",
                                       liveAvailable: false, assetFolders: [], environment: environment)
        #expect(context.model == ModelChoice(path: "m.safetensors", origin: .argument))
        #expect(context.datasetPath == nil)
    }

    @Test func userDefaultModelFollowsXDG() {
        #expect(ShippedAssets.userDefaultModelPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/h"])
            == "/cfg/fer/model.safetensors")
        #expect(ShippedAssets.userDefaultModelPath(environment: ["HOME": "/h"])
            == "/h/.config/fer/model.safetensors")
    }
}
