import Dataset
import Terminal
import Training

/// Something that happened, for `AppUpdate.update` to apply: a key, a new terminal size, or a
/// worker's result. Messages are values, so workers on any thread can post them to the `Inbox`.
public enum Message: Sendable {
    case key(Key)
    /// The terminal now has this size (sent before the first frame and on every change).
    case resized(Size)
    case datasetProgress(done: Int, total: Int)
    /// `skipped` files could not be read and were left out.
    case datasetLoaded(FaceDataset, skipped: Int)
    case datasetFailed(String)
    case predictionsComputed(PredictionChunk)
    case predictionsFailed(String)
    case runsScanned([RunRecord])
    case runsScanFailed(String)
    case fileActionFinished(FileActionResult)
    case live(LiveUpdate)
    case training(TrainingEvent)
    /// The run could not start (unreadable data, bad configuration, nothing to resume).
    case trainingFailed(String)

    /// Messages that only matter in their newest form: when the inbox already ends with a
    /// message of the same kind, the new one replaces it, so a fast producer (the camera) cannot
    /// flood a slow screen.
    var coalescingKind: Int? {
        switch self {
        case .datasetProgress: return 1
        case .live(.frame): return 2
        default: return nil
        }
    }
}
