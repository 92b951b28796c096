/// Anything that turns square gray faces into expression probabilities: one checkpoint, a
/// fold ensemble, or a test double. Live mode, `fer predict` and the browser's predictions
/// depend only on this (the one abstraction of faces → probabilities), so the
/// model behind it can change without touching the pipeline.
///
/// Classifiers may reuse buffers between calls: each is used from one thread at a time (the
/// live pipeline calls it only from its analysis thread).
public protocol ExpressionClassifier: AnyObject {
    /// Class names in the order of the probabilities.
    var classNames: [String] { get }
    /// Side of the square gray face the model takes (48 for FER2013 models).
    var faceSide: Int { get }
    /// One probability array (one value per class, summing to 1) per face; each face is
    /// `faceSide * faceSide` gray bytes, row-major.
    func probabilities(for faces: [[UInt8]]) throws -> [[Float]]
}

extension ExpressionClassifier {
    public var faceSide: Int { 48 }
}
