/// Which part of the source a sample came from.
///
/// The Kaggle folders have `train/` and `test/` (test = the original PublicTest + PrivateTest);
/// `fer2013.csv` tags each row `Training`, `PublicTest` or `PrivateTest`. Every split except
/// `.train` is held out: it never enters the K-fold pool unless the pool-test protocol is asked.
public enum Split: UInt8, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// `train/` folder, a class-folder dataset, or CSV `Training`.
    case train = 0
    /// `test/` folder.
    case test = 1
    /// CSV `PublicTest`.
    case publicTest = 2
    /// CSV `PrivateTest`.
    case privateTest = 3

    /// True for the splits kept out of training and model selection.
    public var isHeldOut: Bool { self != .train }

    public var description: String {
        switch self {
        case .train: "train"
        case .test: "test"
        case .publicTest: "PublicTest"
        case .privateTest: "PrivateTest"
        }
    }
}
