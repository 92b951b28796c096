import Engine

/// The validation pass after each epoch.
enum Validation {
    /// Inference over `indices` in batches of `batchSize`: the mean `loss` (label smoothing as
    /// in training, no class weights, as Keras reports `val_loss`) and the confusion matrix.
    static func evaluate(
        _ model: Model, indices: [Int], batchSize: Int, batches: BatchAssembler, loss: SoftmaxCrossEntropy
    ) -> (report: EvaluationReport, loss: Double) {
        var matrix = ConfusionMatrix(classNames: batches.dataset.classNames)
        var lossSum: Double = 0
        for start in stride(from: 0, to: indices.count, by: batchSize) {
            let part = indices[start ..< min(start + batchSize, indices.count)]
            batches.fill(part, augmentationEpoch: nil)
            let logits = model.forward(batches.input, training: false)
            lossSum += Double(loss.forward(logits, labels: batches.labels)) * Double(part.count)
            for (label, predicted) in zip(batches.labels, batches.predictions(logits)) {
                matrix.record(actual: label, predicted: predicted)
            }
        }
        let mean = lossSum / Double(max(indices.count, 1))
        return (EvaluationReport(confusionMatrix: matrix, loss: mean), mean)
    }
}
