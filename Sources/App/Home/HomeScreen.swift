import Engine
import Foundation
import Live
import Terminal
import Training

/// The screen `fer` opens with: Train, Browse, Live, Checkpoints, and the dataset and model in
/// use. Missing pieces are shown as such ("not found") and choosing an entry that needs a
/// missing dataset asks for its folder.
public struct HomeScreen: ScreenModel {
    public var context: HomeContext
    public var selection: HomeItem

    public init(context: HomeContext, selection: HomeItem = .browse) {
        self.context = context
        self.selection = selection
    }

    public var title: String { "Home" }
    public var minimumSize: Size { Size(width: 50, height: 16) }
    public var screen: Screen { .home(self) }

    public var hints: [KeyBinding] {
        [KeyBinding("↑↓", "move"), KeyBinding("Enter", "open"), KeyBinding("d", "dataset"),
         KeyBinding("q", "quit")]
    }

    public var help: [HelpSection] {
        [HelpSection("Home", [
            KeyBinding("↑/k ↓/j", "move"),
            KeyBinding("Enter", "open the selected screen"),
            KeyBinding("t b l c", "open Train, Browse, Live, Checkpoints"),
            KeyBinding("d", "choose the dataset folder"),
            KeyBinding("q / Esc", "quit"),
        ])]
    }

    public mutating func handle(key: Key, context screenContext: ScreenContext) -> Reply {
        if case .character(let character) = key,
           let item = HomeItem.allCases.first(where: { $0.shortcut == character }) {
            selection = item
            return open(item)
        }
        if key == .character("d") {
            return Reply(overlay: .prompt(datasetPrompt(then: nil)))
        }
        if case .mouse(let event) = key, event.kind == .press {
            // A click selects an item; a click on the selected item opens it.
            guard let item = HomeView.itemRows(in: screenContext.body)
                .first(where: { $0.row.contains(x: event.x, y: event.y) })?.item else { return .none }
            if item == selection { return open(item) }
            selection = item
            return .none
        }
        let items = HomeItem.allCases
        switch KeyIntent(key) {
        case .up, .previousPane:
            selection = items[max(0, selection.rawValue - 1)]
        case .down, .nextPane:
            selection = items[min(items.count - 1, selection.rawValue + 1)]
        case .first:
            selection = items[0]
        case .last:
            selection = items[items.count - 1]
        case .choose, .right:
            return open(selection)
        case .back:
            return Reply(navigation: .quit)
        default:
            break
        }
        return .none
    }

    public mutating func submit(_ purpose: TextPrompt.Purpose, text: String,
                                context: ScreenContext) -> Reply {
        if purpose == .liveSource {
            let source = text.trimmingCharacters(in: .whitespaces)
            guard !source.isEmpty else { return .notice(.error("No source given.")) }
            let name = Int(source).map { "camera \($0)" } ?? (source as NSString).lastPathComponent
            return Reply(effects: [.startLive(source: (source as NSString).expandingTildeInPath)],
                         navigation: .push(.live(LiveScreen(source: name))))
        }
        if case .trainingRecipe(let dataPath) = purpose {
            switch RecipeText.parse(text) {
            case .success(let config):
                let request = TrainingRequest(dataPath: dataPath, config: config, runsDirectory: self.context.runsDirectory)
                return Reply(effects: [.startTraining(request)],
                             navigation: .push(.dashboard(DashboardScreen(request: request.description))))
            case .failure(let error):
                return .notice(.error("Recipe: \(error.message)."))
            }
        }
        guard case .datasetPath(let item) = purpose else { return .none }
        let path = (text.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
        guard !path.isEmpty else { return .notice(.error("No dataset folder given.")) }
        self.context.datasetPath = path
        self.context.datasetOrigin = .argument
        self.context.datasetExists = true
        guard let item else { return .notice(.success("Dataset: \(path)")) }
        return open(item)
    }

    /// What choosing `item` does.
    func open(_ item: HomeItem) -> Reply {
        switch item {
        case .browse:
            guard let path = context.usableDatasetPath else {
                return Reply(overlay: .prompt(datasetPrompt(then: item)))
            }
            let browser = BrowserScreen(datasetPath: path, modelName: context.model.map(Self.modelName))
            return Reply(effects: [.loadDataset(path: path)], navigation: .push(.browser(browser)))
        case .checkpoints:
            let picker = CheckpointScreen(runsDirectory: context.runsDirectory)
            return Reply(effects: [.scanRuns(directory: context.runsDirectory)],
                         navigation: .push(.checkpoints(picker)))
        case .live:
            guard context.liveAvailable else {
                return .notice(.error("Live mode is not available here; run `fer live --source 0|FILE`."))
            }
            return Reply(overlay: .prompt(TextPrompt(
                label: "Source: camera index, video file, URL, image folder or demo", text: "0",
                purpose: .liveSource)))
        case .train:
            guard let path = context.usableDatasetPath else {
                return Reply(overlay: .prompt(datasetPrompt(then: item)))
            }
            return Reply(overlay: .prompt(TextPrompt(
                label: "Recipe (preset=\(ModelSpec.presetNames.joined(separator: "|")) folds= epochs= [train=1,3])",
                text: RecipeText.suggestion, purpose: .trainingRecipe(dataPath: path))))
        }
    }

    /// Asks for the dataset; `item` opens after it (nil: only the dataset is chosen).
    private func datasetPrompt(then item: HomeItem?) -> TextPrompt {
        TextPrompt(label: "Dataset folder or fer2013.csv", text: context.datasetPath ?? "",
                   purpose: .datasetPath(then: item))
    }

    static func modelName(_ choice: ModelChoice) -> String {
        (choice.path as NSString).lastPathComponent
    }

    public func render(area: Rect, into buffer: inout Buffer, theme: Theme) {
        HomeView(screen: self, theme: theme).render(area: area, into: &buffer)
    }
}
