import Training

extension FaceClassifier {
    /// Loads the model `path` names (a checkpoint, a run folder's fold ensemble, or a folder of
    /// checkpoints) with the training module's predictor.
    public static func load(modelPath path: String) throws -> FaceClassifier {
        let predictor = try Predictor.load(ModelReference.resolve(path, defaultModelPath: path))
        let owner = PredictorOwner(predictor: predictor)
        return FaceClassifier(classNames: predictor.classNames) { faces in
            try owner.predictor.probabilities(for: faces)
        }
    }
}

/// Carries a predictor to the one worker thread that uses it (a predictor reuses its buffers, so
/// it is never used from two threads at once).
private final class PredictorOwner: @unchecked Sendable {
    let predictor: Predictor

    init(predictor: Predictor) {
        self.predictor = predictor
    }
}
