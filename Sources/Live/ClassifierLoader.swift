import Dataset
import Engine
import Training

/// Training's `Predictor` (one model or a fold ensemble) is the classifier of live mode and
/// `fer predict`.
extension Predictor: ExpressionClassifier {}

/// Loads the classifier `--model` names (see `ModelLocator`); the shipped model when no path
/// is given. `testTimeAugmentation` chooses the views of each face that are averaged.
public enum ClassifierLoader {
    public static func load(
        modelPath: String?, testTimeAugmentation: TestTimeAugmentation = .none,
        assetFolders: [String] = ShippedAssets.searchFolders()
    ) throws -> any ExpressionClassifier {
        let predictor = try Predictor.load(ModelLocator.reference(for: modelPath, assetFolders: assetFolders))
        predictor.testTimeAugmentation = testTimeAugmentation
        return predictor
    }
}
