import App
import ArgumentParser
import Engine
import Foundation
import Live

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse a dataset's faces in the terminal, by class, with predictions.",
        discussion: """
        Faces are drawn with Unicode half blocks (two gray pixels per cell). With a model, each \
        face shows the predicted class, and `x` shows only misclassified faces. Press ? for keys.

        Examples:
          fer browse --data ~/data/fer2013
          fer browse --data fer2013.csv --model runs/r1
          fer browse --data faces/ --no-model
        """
    )

    @Option(help: "Dataset folder (train/ and test/, or one folder per class) or fer2013.csv.")
    var data: String?

    @OptionGroup var modelOptions: ModelOptions

    @Flag(help: "Browse without predictions.")
    var noModel = false

    @OptionGroup var loading: DatasetLoadingOptions

    func validate() throws {
        if noModel, modelOptions.model != nil { throw ValidationError("--model and --no-model contradict each other") }
    }

    func run() throws {
        guard let dataPath = data ?? ShippedAssets.locate("demo") else {
            throw ValidationError("no dataset: pass --data DIR (there are no demo faces in Assets/demo)")
        }
        let modelPath = noModel ? nil : modelOptions.model ?? ModelLocator.defaultModel()?.path
        var environment = WorkerEnvironment(loadOptions: loading.loadOptions)
        if let modelPath {
            environment.makeClassifier = { try ClassifierLoader.load(modelPath: modelPath) }
        }
        try FerApp.browse(datasetPath: dataPath,
                          modelName: modelPath.map { ($0 as NSString).lastPathComponent },
                          environment: environment)
    }
}
