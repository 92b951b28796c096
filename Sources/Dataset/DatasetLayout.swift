/// The on-disk shape a dataset was loaded from.
public enum DatasetLayout: UInt8, Sendable, Hashable, Codable, CustomStringConvertible {
    /// `ROOT/train/<class>/*` and optionally `ROOT/test/<class>/*` (the Kaggle FER2013 download).
    case splitFolders = 0
    /// `ROOT/<class>/*`: any folder of class subfolders; every sample is in `.train`.
    case classFolders = 1
    /// The original `fer2013.csv` (`emotion,pixels,Usage`).
    case fer2013CSV = 2
    /// Built in memory (tests, synthetic data).
    case memory = 3

    public var description: String {
        switch self {
        case .splitFolders: "train/test class folders"
        case .classFolders: "class folders"
        case .fer2013CSV: "fer2013.csv"
        case .memory: "in memory"
        }
    }
}
