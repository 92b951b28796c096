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

    @Test func trainStartsTheSeedRecipeOnTheDataset() {
        var state = ScreenStates.home()
        let effects = press(.character("t"), on: &state)
        guard case .startTraining(let request)? = effects.first else {
            Issue.record("training expected")
            return
        }
        #expect(request.dataPath == "/data/fer2013")
        #expect(request.config == TrainingConfig.seedRecipe)
        #expect(request.runsDirectory == "runs")
        if case .dashboard? = state.current {} else { Issue.record("dashboard expected") }
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

    @Test func liveNeedsAPipeline() {
        var state = ScreenStates.homeMissing()
        #expect(press(.character("l"), on: &state).isEmpty)
        #expect(state.notice?.text.contains("fer live") == true)
        state = ScreenStates.home()
        let effects = press(.character("l"), on: &state)
        guard case .startLive? = effects.first else { Issue.record("live start expected"); return }
        if case .live? = state.current {} else { Issue.record("live screen expected") }
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

    @Test func discoveryPrefersArgumentsThenUserDefaultThenShippedAssets() {
        let assets = AssetLocator(environment: ["HOME": "/home/u"], workingDirectory: "/work/fer",
                                  executablePath: nil, isDirectory: { $0 == "/work/fer/Assets" })
        var files: Set<String> = ["/work/fer/Assets/demo", "/work/fer/Assets/model/fer.safetensors"]
        var context = HomeContext.discover(dataPath: nil, modelPath: nil, runsDirectory: "runs",
                                           liveAvailable: false,
                                           assets: assets, fileExists: { files.contains($0) })
        #expect(context.datasetPath == "/work/fer/Assets/demo")
        #expect(context.datasetOrigin == .demo)
        #expect(context.model == ModelChoice(path: "/work/fer/Assets/model/fer.safetensors",
                                             origin: .shipped))

        files.insert("/home/u/.config/fer/model.safetensors")
        context = HomeContext.discover(dataPath: "/data/x", modelPath: nil, runsDirectory: "runs",
                                       liveAvailable: false,
                                       assets: assets, fileExists: { files.contains($0) })
        #expect(context.datasetPath == "/data/x")
        #expect(context.datasetExists == false)
        #expect(context.model?.origin == .userDefault)

        context = HomeContext.discover(dataPath: nil, modelPath: "m.safetensors", runsDirectory: "runs",
                                       liveAvailable: false, assets: assets, fileExists: { _ in false })
        #expect(context.model == ModelChoice(path: "m.safetensors", origin: .argument))
        #expect(context.datasetPath == nil)
    }

    @Test func assetsAreFoundByVariableWorkingDirectoryOrNextToTheExecutable() {
        let existing: Set<String> = ["/opt/fer/Assets", "/src/fer/Assets"]
        let fromVariable = AssetLocator(environment: ["FER_ASSETS": "/opt/fer/Assets"], workingDirectory: "/",
                                        executablePath: nil, isDirectory: { existing.contains($0) })
        #expect(fromVariable.assetsDirectory() == "/opt/fer/Assets")
        let fromBuild = AssetLocator(environment: [:], workingDirectory: "/home/u",
                                     executablePath: "/src/fer/.build/release/fer",
                                     isDirectory: { existing.contains($0) })
        #expect(fromBuild.assetsDirectory() == "/src/fer/Assets")
        let nowhere = AssetLocator(environment: [:], workingDirectory: "/home/u", executablePath: nil,
                                   isDirectory: { _ in false })
        #expect(nowhere.assetsDirectory() == nil)
    }

    @Test func userDefaultModelFollowsXDG() {
        #expect(ModelLocations.userDefaultModelPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/h"])
            == "/cfg/fer/model.safetensors")
        #expect(ModelLocations.userDefaultModelPath(environment: ["HOME": "/h"])
            == "/h/.config/fer/model.safetensors")
    }
}
