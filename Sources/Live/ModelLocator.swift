import Engine
import Foundation
import Training

/// Resolves `--model` into a `ModelReference` (a checkpoint file, or a run folder or folder of
/// models used as an ensemble — see `ModelReference.resolve`). Without `--model` it takes the
/// user's default model (`fer checkpoints` → make default), else finds the shipped model folder
/// `Assets/model/` wherever fer is run from, or says how to get one.
public enum ModelLocator {
    /// `--model PATH` resolved, or the shipped model found in `assetFolders` (by default the
    /// places `ShippedAssets` searches: the current folder, above the executable, ...).
    public static func reference(
        for path: String?, assetFolders: [String] = ShippedAssets.searchFolders()
    ) throws -> ModelReference {
        if let path { return try ModelReference.resolve(path, defaultModelPath: path) }
        let user = ShippedAssets.userDefaultModelPath()
        if FileManager.default.fileExists(atPath: user) { return try ModelReference.resolve(nil, defaultModelPath: user) }
        guard let shipped = ShippedAssets.locateModel(folders: assetFolders) else {
            throw LiveError.modelNotFound(
                searched: assetFolders.map {
                    ($0 as NSString).appendingPathComponent(ShippedAssets.modelPath)
                })
        }
        return try ModelReference.resolve(nil, defaultModelPath: shipped)
    }
}
