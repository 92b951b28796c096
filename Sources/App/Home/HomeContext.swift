import Live

/// What the home screen shows about this machine: the dataset, the model and the runs folder
/// in use, found by the command before the UI starts.
public struct HomeContext: Hashable, Sendable {
    public enum DatasetOrigin: Hashable, Sendable {
        /// Given with `--data` (or typed in).
        case argument
        /// The demo faces in `Assets/demo/`.
        case demo
    }

    /// The dataset to browse and train on; nil when none was given and there is no demo data.
    public var datasetPath: String?
    public var datasetOrigin: DatasetOrigin
    /// False when the path was given but does not exist.
    public var datasetExists: Bool
    /// The model used for predictions; nil when there is none.
    public var model: ModelChoice?
    public var runsDirectory: String
    /// Whether this build can start the live pipeline from the home screen.
    public var liveAvailable: Bool

    public init(datasetPath: String?, datasetOrigin: DatasetOrigin = .argument, datasetExists: Bool = true,
                model: ModelChoice?, runsDirectory: String, liveAvailable: Bool) {
        self.datasetPath = datasetPath
        self.datasetOrigin = datasetOrigin
        self.datasetExists = datasetExists
        self.model = model
        self.runsDirectory = runsDirectory
        self.liveAvailable = liveAvailable
    }

    /// The dataset path when it can be used.
    var usableDatasetPath: String? {
        guard let datasetPath, datasetExists, !datasetPath.isEmpty else { return nil }
        return datasetPath
    }
}
