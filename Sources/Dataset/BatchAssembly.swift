/// Turning samples into model input: floats in [0, 1], NHWC `[N, 48, 48, 1]`, written into a
/// buffer the caller owns and reuses, so assembling a batch allocates nothing.
extension FaceDataset {
    /// Writes the images of `indices`, one after another, into `batch` as floats in [0, 1].
    /// `batch` must hold at least `indices.count × 2304` floats (a programming error otherwise).
    public func fillBatch(indices: some Collection<Int>, into batch: UnsafeMutableBufferPointer<Float>) {
        fillBatch(indices: indices, into: batch) { _ in .identity }
    }

    /// Like `fillBatch(indices:into:)`, each image perturbed by `augmentation`'s draw for
    /// (`seed`, `epoch`, its dataset index): the same arguments always give the same batch.
    public func fillBatch(
        indices: some Collection<Int>, augmentation: AugmentationConfig, seed: UInt64, epoch: Int,
        into batch: UnsafeMutableBufferPointer<Float>
    ) {
        fillBatch(indices: indices, into: batch) { index in
            augmentation.transform(seed: seed, epoch: epoch, sampleIndex: index)
        }
    }

    /// Writes the labels of `indices` into `labels` (at least `indices.count` long).
    public func fillLabels<Label: BinaryInteger>(
        indices: some Collection<Int>, into labels: UnsafeMutableBufferPointer<Label>
    ) {
        precondition(
            labels.count >= indices.count, "label buffer holds \(labels.count), need \(indices.count)"
        )
        for (position, index) in indices.enumerated() {
            labels[position] = Label(self.labels[index])
        }
    }

    private func fillBatch(
        indices: some Collection<Int>, into batch: UnsafeMutableBufferPointer<Float>,
        transform: (Int) -> SampleTransform
    ) {
        let size = Self.imageByteCount
        precondition(batch.count >= indices.count * size, "batch buffer holds \(batch.count) floats, "
            + "need \(indices.count * size)")
        guard let output = batch.baseAddress else { return }
        pixels.withUnsafeBufferPointer { pixels in
            guard let input = pixels.baseAddress else { return }
            for (position, index) in indices.enumerated() {
                precondition((0 ..< count).contains(index), "sample index \(index) out of 0..<\(count)")
                ImageWarp.apply(
                    transform(index), source: input + index * size, destination: output + position * size
                )
            }
        }
    }
}

extension SampleTransform {
    /// This transform applied to one 48×48 byte image, as floats in [0, 1]
    /// (`image` must hold 2304 bytes; `output` at least 2304 floats).
    public func apply(to image: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<Float>) {
        let size = FaceDataset.imageByteCount
        precondition(image.count >= size && output.count >= size, "images are 48×48 = \(size) values")
        guard let source = image.baseAddress, let destination = output.baseAddress else { return }
        ImageWarp.apply(self, source: source, destination: destination)
    }

    /// This transform applied to one 48×48 byte image, returned as 2304 floats in [0, 1]
    /// (for previews and tests; training uses the buffer-filling forms).
    public func applied(to image: some Collection<UInt8>) -> [Float] {
        let bytes = Array(image)
        return [Float](unsafeUninitializedCapacity: FaceDataset.imageByteCount) { output, count in
            bytes.withUnsafeBufferPointer { apply(to: $0, into: output) }
            count = FaceDataset.imageByteCount
        }
    }
}
