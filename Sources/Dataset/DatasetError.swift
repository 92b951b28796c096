/// Why a dataset could not be loaded or split. Every case names the file (and line) at fault;
/// `description` is a sentence meant for the user.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case pathNotFound(path: String)
    /// A file or folder exists but could not be read.
    case unreadable(path: String, reason: String)
    /// A file (the cache) could not be written.
    case unwritable(path: String, reason: String)
    /// The path is neither a FER2013 folder, a folder of class folders, nor a CSV.
    case unrecognisedLayout(path: String, reason: String)
    /// The folder has no entries at all.
    case emptyFolder(path: String)
    /// A class folder holds no readable image; `skippedCount` files in it were unusable.
    case emptyClass(path: String, skippedCount: Int)
    /// More classes than labels stored as bytes can hold (256).
    case tooManyClasses(path: String, count: Int)
    /// The CSV's header line is missing or lacks a required column.
    case csvHeader(path: String, reason: String)
    /// The CSV has a header but no data rows.
    case csvEmpty(path: String)
    /// A malformed CSV row; `otherBadRows` more rows were malformed too.
    case csvRow(path: String, line: Int, reason: String, otherBadRows: Int)
    /// Every data row of the CSV is malformed; the first is at `line`.
    case csvNoValidRow(path: String, rowCount: Int, line: Int, reason: String)
    /// A K-fold request that cannot be satisfied (bad K, unknown fold number, too few samples).
    case invalidFolds(reason: String)
    /// Arrays handed to `FaceDataset.init` that do not fit together.
    case inconsistentDataset(reason: String)

    public var description: String {
        switch self {
        case let .pathNotFound(path):
            "Dataset path '\(path)' does not exist."
        case let .unreadable(path, reason):
            "Cannot read '\(path)': \(reason)."
        case let .unwritable(path, reason):
            "Cannot write '\(path)': \(reason)."
        case let .unrecognisedLayout(path, reason):
            "'\(path)' is not a dataset fer understands: \(reason). Expected ROOT/train/<class>/*.jpg "
                + "(+ ROOT/test/<class>/), ROOT/<class>/*.jpg, or fer2013.csv (emotion,pixels,Usage)."
        case let .emptyFolder(path):
            "Dataset folder '\(path)' is empty."
        case let .emptyClass(path, skippedCount):
            skippedCount == 0
                ? "Class folder '\(path)' contains no images."
                : "Class folder '\(path)' contains no readable images (\(skippedCount) files skipped)."
        case let .tooManyClasses(path, count):
            "'\(path)' has \(count) class folders; at most 256 classes are supported."
        case let .csvHeader(path, reason):
            "\(path):1: \(reason)."
        case let .csvEmpty(path):
            "\(path): the CSV has a header but no data rows."
        case let .csvRow(path, line, reason, otherBadRows):
            "\(path):\(line): \(reason)."
                + (otherBadRows > 0
                    ? " (\(otherBadRows) more malformed rows follow; pass --skip-malformed-rows to skip them.)"
                    : " Pass --skip-malformed-rows to skip malformed rows.")
        case let .csvNoValidRow(path, rowCount, line, reason):
            "\(path): none of its \(rowCount) rows is valid (line \(line): \(reason))."
        case let .invalidFolds(reason):
            "Invalid K-fold request: \(reason)."
        case let .inconsistentDataset(reason):
            "Inconsistent dataset: \(reason)."
        }
    }
}
