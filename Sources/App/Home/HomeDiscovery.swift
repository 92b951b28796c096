import Engine
import Foundation
import Live

extension HomeContext {
    /// Finds what the home screen shows: the dataset given (else the demo faces in
    /// `Assets/demo/`), the model given (else the user's default, else the shipped one) and the
    /// runs folder. `assetFolders` are where shipped files are looked for.
    public static func discover(
        dataPath: String?, modelPath: String?, runsDirectory: String, liveAvailable: Bool,
        assetFolders: [String] = ShippedAssets.searchFolders(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> HomeContext {
        var datasetPath = dataPath
        var origin = DatasetOrigin.argument
        if datasetPath == nil, let demo = ShippedAssets.locate("demo", folders: assetFolders) {
            datasetPath = demo
            origin = .demo
        }
        let model = modelPath.map { ModelChoice(path: $0, origin: .argument) }
            ?? ModelLocator.defaultModel(environment: environment, assetFolders: assetFolders)
        let exists = datasetPath.map { FileManager.default.fileExists(atPath: $0) } ?? false
        return HomeContext(datasetPath: datasetPath, datasetOrigin: origin, datasetExists: exists,
                           model: model, runsDirectory: runsDirectory, liveAvailable: liveAvailable)
    }
}
