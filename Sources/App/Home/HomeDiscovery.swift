import Foundation

extension HomeContext {
    /// Finds what the home screen shows: the dataset given (else the demo faces in `Assets/demo/`),
    /// the model given (else the user's default, else the shipped one) and the runs folder.
    public static func discover(
        dataPath: String?, modelPath: String?, runsDirectory: String, liveAvailable: Bool,
        assets: AssetLocator = AssetLocator(),
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> HomeContext {
        let assetsDirectory = assets.assetsDirectory()
        var datasetPath = dataPath
        var origin = DatasetOrigin.argument
        if datasetPath == nil, let assetsDirectory {
            let demo = (assetsDirectory as NSString).appendingPathComponent("demo")
            if fileExists(demo) {
                datasetPath = demo
                origin = .demo
            }
        }
        let model: ModelChoice?
        if let modelPath {
            model = ModelChoice(path: modelPath, origin: .argument)
        } else {
            model = ModelLocations.defaultModel(environment: assets.environment,
                                                assetsDirectory: assetsDirectory,
                                                fileExists: fileExists)
        }
        return HomeContext(datasetPath: datasetPath, datasetOrigin: origin,
                           datasetExists: datasetPath.map(fileExists) ?? false, model: model,
                           runsDirectory: runsDirectory, liveAvailable: liveAvailable)
    }
}
