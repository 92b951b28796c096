/// A loaded model that predicts faces, as the browser uses it: class names and a batch function
/// from 48×48 gray faces (2,304 bytes each) to probabilities. Built by the command from the
/// training module's predictor; called from one worker thread at a time.
public struct FaceClassifier: Sendable {
    public var classNames: [String]
    public var classify: @Sendable (_ faces: [[UInt8]]) throws -> [[Float]]

    public init(classNames: [String],
                classify: @escaping @Sendable (_ faces: [[UInt8]]) throws -> [[Float]]) {
        self.classNames = classNames
        self.classify = classify
    }
}
