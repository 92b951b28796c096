import Dataset
import Engine

/// Why a run could not start, stopped, or a model could not be used; `description` is a
/// sentence for the user.
public enum TrainingError: Error, Sendable, CustomStringConvertible {
    /// A setting that cannot work (bad epochs, folds, learning rate, unknown preset...).
    case invalidConfig(String)
    /// The dataset could not be split or is unusable for training.
    case dataset(DatasetError)
    /// The model could not be built.
    case model(ModelError)
    /// A checkpoint could not be read or does not fit.
    case checkpoint(CheckpointError)
    /// The loss stopped being a finite number, so the fold was stopped (1-based epoch and batch).
    case diverged(fold: Int, epoch: Int, batch: Int, loss: Double, learningRate: Double)
    /// A file or folder of the run could not be read or written.
    case io(path: String, reason: String)
    /// A run folder that cannot be resumed, and why.
    case cannotResume(path: String, reason: String)
    /// Another process is training in the run folder (its pid, when the lock file names it).
    case runInUse(path: String, processID: Int32?)
    /// No usable model at a path given as a model reference.
    case modelNotFound(path: String, reason: String)
    /// Input to a predictor that is not a 48×48 gray face, or models that do not fit together.
    case invalidInput(String)

    public var description: String {
        switch self {
        case let .invalidConfig(reason):
            "Invalid training configuration: \(reason)."
        case let .dataset(error):
            error.description
        case let .model(error):
            "Cannot build the model: \(error.description)."
        case let .checkpoint(error):
            "Checkpoint problem: \(error.description)."
        case let .diverged(fold, epoch, batch, loss, learningRate):
            "Fold \(fold) stopped: the loss became \(loss) at epoch \(epoch), batch \(batch) "
                + "(learning rate \(Formatting.learningRate(learningRate))). Training diverged; lower the "
                + "learning rate or check the data."
        case let .io(path, reason):
            "Cannot write or read '\(path)': \(reason)."
        case let .cannotResume(path, reason):
            "Cannot resume the run in '\(path)': \(reason)."
        case let .runInUse(path, processID):
            "The run in '\(path)' is training in another process\(processID.map { " (pid \($0))" } ?? ""); "
                + "wait for it to end, or stop it first."
        case let .modelNotFound(path, reason):
            "No model at '\(path)': \(reason)."
        case let .invalidInput(reason):
            "Invalid input: \(reason)."
        }
    }
}
