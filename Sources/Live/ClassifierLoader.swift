/// Loads the classifier `--model` names (see `ModelLocator`): one checkpoint, or the mean of
/// several as an ensemble; the shipped model when no path is given.
public enum ClassifierLoader {
    public static func load(modelPath: String?, assets: AssetLocator = AssetLocator()) throws -> any ExpressionClassifier {
        let paths = try ModelLocator.checkpointPaths(for: modelPath, assets: assets)
        return try CheckpointClassifier.load(paths: paths)
    }
}
