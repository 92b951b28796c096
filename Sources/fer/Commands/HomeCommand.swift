import App
import ArgumentParser
import Live

struct HomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "Open the home screen: Train, Browse, Live, Checkpoints (what `fer` alone does).",
        discussion: """
        Shows the dataset and model in use. Without --data, the demo faces in Assets/demo are \
        used when present; without --model, your default model (see `fer checkpoints`), else the \
        shipped model in Assets/model/.

        Examples:
          fer
          fer home --data ~/data/fer2013 --runs runs
        """
    )

    @Option(help: "Dataset folder or fer2013.csv.")
    var data: String?

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Folder of training runs.")
    var runs = "runs"

    @OptionGroup var loading: DatasetLoadingOptions

    func run() throws {
        let context = HomeContext.discover(dataPath: data, modelPath: modelOptions.model, runsDirectory: runs,
                                           liveAvailable: true)
        var environment = WorkerEnvironment(loadOptions: loading.loadOptions)
        let modelPath = context.model?.path
        if let modelPath {
            environment.makeClassifier = { try ClassifierLoader.load(modelPath: modelPath) }
        }
        environment.makeLive = { source in
            var options = LiveOptions()
            options.source = source
            options.modelPath = modelPath
            return .session(options: options)
        }
        try FerApp.home(context: context, environment: environment)
    }
}
