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
        shipped Assets/model/fer.safetensors.

        Examples:
          fer
          fer home --data ~/data/fer2013 --runs runs
        """
    )

    @Option(help: "Dataset folder or fer2013.csv.")
    var data: String?

    @Option(help: "Model for predictions: a checkpoint, a run folder or a folder of checkpoints.")
    var model: String?

    @Option(help: "Folder of training runs.")
    var runs = "runs"

    @Option(help: "Live mode's source: camera index, video file, URL or image folder (default: camera 0, or the demo clip when there is no camera).")
    var source: String?

    func run() throws {
        let context = HomeContext.discover(dataPath: data, modelPath: model, runsDirectory: runs,
                                           liveAvailable: true)
        var liveOptions = LiveOptions()
        liveOptions.source = source ?? "0"
        liveOptions.modelPath = context.model?.path
        var environment = WorkerEnvironment(
            live: LiveScreenHooks.make(options: liveOptions, fallbackSource: source == nil ? "demo" : nil)
        )
        if let path = context.model?.path {
            environment.makeClassifier = { try FaceClassifier.load(modelPath: path) }
        }
        try FerApp.home(context: context, environment: environment)
    }
}
