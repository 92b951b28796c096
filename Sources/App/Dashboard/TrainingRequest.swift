import Dataset
import Training

/// A training run to start from the UI (or `fer train`): the data, the configuration and where
/// the run folder goes, or a stopped run to continue.
public struct TrainingRequest: Sendable {
    /// The dataset; nil when resuming, which reads it from the run's `config.json`.
    public var dataPath: String?
    public var config: TrainingConfig
    public var runsDirectory: String
    /// Name of the new run folder; nil uses the date and preset.
    public var runName: String?
    /// A run folder to continue from its `resume.safetensors` instead of starting a new run.
    public var resumeDirectory: String?
    public var loadOptions: LoadOptions

    public init(dataPath: String?, config: TrainingConfig, runsDirectory: String, runName: String? = nil,
                resumeDirectory: String? = nil, loadOptions: LoadOptions = LoadOptions()) {
        self.dataPath = dataPath
        self.config = config
        self.runsDirectory = runsDirectory
        self.runName = runName
        self.resumeDirectory = resumeDirectory
        self.loadOptions = loadOptions
    }

    /// What the dashboard says while the data loads.
    var description: String {
        if let resumeDirectory { return "resuming \(resumeDirectory)" }
        return dataPath ?? "training"
    }
}
