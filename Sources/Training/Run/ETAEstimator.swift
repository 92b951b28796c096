/// Estimates the time left from the measured seconds per training and validation image.
struct ETAEstimator {
    private var trainingImages = 0
    private var trainingSeconds: Double = 0
    private var validationImages = 0
    private var validationSeconds: Double = 0

    mutating func recordTraining(images: Int, seconds: Double) {
        trainingImages += images
        trainingSeconds += seconds
    }

    mutating func recordValidation(images: Int, seconds: Double) {
        validationImages += images
        validationSeconds += seconds
    }

    /// Seconds to train `trainingImages` and validate `validationImages`; nil before any
    /// measurement. Until a validation pass was timed, inference is taken to cost a third of
    /// a training step (forward only, no backward or update).
    func seconds(
        trainingImages remainingTraining: Int, validationImages remainingValidation: Int
    ) -> Double? {
        guard trainingImages > 0 else { return nil }
        let perTrainingImage = trainingSeconds / Double(trainingImages)
        let perValidationImage = validationImages > 0
            ? validationSeconds / Double(validationImages) : perTrainingImage / 3
        return Double(remainingTraining) * perTrainingImage + Double(remainingValidation) * perValidationImage
    }
}
