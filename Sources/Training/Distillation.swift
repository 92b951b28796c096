/// Knowledge distillation: each training target mixes the (smoothed) label with a trained
/// teacher's probabilities for that face, so a single network learns from an ensemble's
/// softer, class-similarity-aware answers as well as from the labels.
public struct Distillation: Codable, Sendable, Equatable {
    /// The teacher, as `--model` takes it: a checkpoint, a run folder or a folder of checkpoints
    /// (their ensemble). An absolute path, so a resume finds it from any folder.
    public var teacher: String
    /// Share of the teacher's probabilities in each target, in (0, 1].
    public var weight: Float

    public init(teacher: String, weight: Float = 0.5) {
        self.teacher = teacher
        self.weight = weight
    }
}
