import Dataset

/// Work `update` asks for but does not do itself: file and disk access, training, the live
/// pipeline. The runtime performs effects on worker threads; their results come back as
/// `Message`s through the inbox. Keeping them as values makes `update` pure and testable.
public enum Effect: Sendable {
    /// Loads a dataset (answers `datasetProgress`, then `datasetLoaded` or `datasetFailed`).
    case loadDataset(path: String)
    /// Predicts every face of the dataset with the loaded model (answers `predictionsComputed`
    /// chunks, or `predictionsFailed`).
    case classifyFaces(FaceDataset)
    /// Stops a running `classifyFaces` (the browser was closed).
    case cancelClassification
    /// Reads the runs folder (answers `runsScanned` or `runsScanFailed`).
    case scanRuns(directory: String)
    /// Exports, copies or deletes checkpoint files (answers `fileActionFinished`).
    case fileAction(FileAction)
    /// Loads the data and starts (or resumes) a training run; events arrive as `training` messages,
    /// a failure to start as `trainingFailed`.
    case startTraining(TrainingRequest)
    case pauseTraining
    case resumeTraining
    /// Stops the run after the current batch; it saves a resumable checkpoint (`runCancelled`).
    case stopTraining
    /// Starts the live pipeline (frames arrive as `live` messages): the command's own pipeline,
    /// or, with a source, one opened on it (from the home screen).
    case startLive(source: String?)
    /// Pauses or resumes the live source.
    case setLivePaused(Bool)
    /// Asks the live pipeline to write an annotated snapshot (answers `live(.snapshotSaved)`).
    case requestLiveSnapshot
    case stopLive
}
