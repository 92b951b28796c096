import Dataset
import Engine

/// Turns dataset samples into the model's input batch (NHWC floats in [0, 1]) and labels,
/// reusing one tensor. Runs on the training thread: assembling an epoch's batches costs about
/// 0.05 s for FER2013's 23,000 training images, 0.25 s with the standard augmentation
/// (release build), a few percent of an epoch at most, so it is not overlapped with compute.
final class BatchAssembler {
    let dataset: FaceDataset
    let augmentation: AugmentationConfig
    /// Seed of the augmentation draws (which also depend on epoch and sample).
    let seed: UInt64
    let input = Tensor(shape: [0])
    private(set) var labels: [Int] = []

    init(dataset: FaceDataset, augmentation: AugmentationConfig, seed: UInt64) {
        self.dataset = dataset
        self.augmentation = augmentation
        self.seed = seed
    }

    /// Fills the batch with the samples `indices`: augmented as drawn for `augmentationEpoch`,
    /// or unchanged when it is nil (validation).
    func fill(_ indices: ArraySlice<Int>, augmentationEpoch: Int?) {
        let side = FaceDataset.imageSide
        input.resize(to: [indices.count, side, side, 1])
        let buffer = UnsafeMutableBufferPointer(start: input.pointer, count: input.count)
        if let epoch = augmentationEpoch {
            dataset.fillBatch(
                indices: indices, augmentation: augmentation, seed: seed, epoch: epoch, into: buffer
            )
        } else {
            dataset.fillBatch(indices: indices, into: buffer)
        }
        labels = indices.map { Int(dataset.labels[$0]) }
    }

    /// The class with the largest score in each row of `logits` (one row per sample of the batch).
    func predictions(_ logits: Tensor) -> [Int] {
        let classes = dataset.classCount
        return labels.indices.map { argmax(logits.pointer + $0 * classes, count: classes) }
    }
}
