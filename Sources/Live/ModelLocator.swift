import Foundation
import Training

/// Which model a command uses: `--model` resolved into a `ModelReference` (a checkpoint file, or
/// a run folder or folder of models used as an ensemble — see `ModelReference.resolve`), or
/// without it the default model, decided here and only here.
public enum ModelLocator {
    /// The model to use when none is given: the user's default (`fer checkpoints` → make
    /// default) when it exists, else the shipped model folder `Assets/model/` searched in
    /// `assetFolders`; nil when neither exists.
    public static func defaultModel(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        assetFolders: [String] = ShippedAssets.searchFolders()
    ) -> ModelChoice? {
        let user = ShippedAssets.userDefaultModelPath(environment: environment)
        if FileManager.default.fileExists(atPath: user) {
            return ModelChoice(path: user, origin: .userDefault)
        }
        return ShippedAssets.locateModel(folders: assetFolders).map { ModelChoice(path: $0, origin: .shipped) }
    }

    /// `--model PATH` resolved, or the default model; says where it looked when there is none.
    public static func reference(
        for path: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        assetFolders: [String] = ShippedAssets.searchFolders()
    ) throws -> ModelReference {
        if let path { return try ModelReference.resolve(path, defaultModelPath: path) }
        guard let model = defaultModel(environment: environment, assetFolders: assetFolders) else {
            throw LiveError.modelNotFound(
                searched: assetFolders.map { ($0 as NSString).appendingPathComponent(ShippedAssets.modelPath) })
        }
        return try ModelReference.resolve(nil, defaultModelPath: model.path)
    }
}
