import Foundation
import Training

/// Resolves `--model` into a `ModelReference` (a checkpoint file, or a run folder or folder of
/// models used as an ensemble — see `ModelReference.resolve`). Without `--model` it finds the
/// shipped model `Assets/model/fer.safetensors` wherever fer is run from.
public enum ModelLocator {
    public static let shippedModelPath = "Assets/model/fer.safetensors"

    public static func reference(
        for path: String?, assets: AssetLocator = AssetLocator()
    ) throws -> ModelReference {
        if let path { return try ModelReference.resolve(path, defaultModelPath: path) }
        guard let shipped = assets.locate(shippedModelPath) else {
            throw LiveError.modelNotFound(searched: assets.candidates(for: shippedModelPath))
        }
        return try ModelReference.resolve(nil, defaultModelPath: shipped)
    }
}
