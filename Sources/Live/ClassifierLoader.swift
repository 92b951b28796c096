import Engine
import Training

/// Training's `Predictor` (one model or a fold ensemble) is the classifier of live mode and
/// `fer predict`.
extension Predictor: ExpressionClassifier {}

/// Loads the classifier `--model` names (see `ModelLocator`); the shipped model when no path
/// is given.
public enum ClassifierLoader {
    public static func load(
        modelPath: String?, assetFolders: [String] = ShippedAssets.searchFolders()
    ) throws -> any ExpressionClassifier {
        try Predictor.load(ModelLocator.reference(for: modelPath, assetFolders: assetFolders))
    }
}
