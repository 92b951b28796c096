import Dataset
import Engine
import Foundation

/// Class probabilities for 48×48 gray faces from one model, or the mean of several models'
/// probabilities (an ensemble, e.g. the best model of every fold).
///
/// Models reuse their buffers between calls, so a predictor is used from one thread at a time;
/// live mode, `fer predict` and the browser each make their own.
public final class Predictor {
    public let models: [Model]
    public let classNames: [String]
    /// Model input = pixel byte × `inputScale` (1/255: the [0, 1] inputs of training).
    public let inputScale: Float
    /// Faces per forward pass when many are predicted at once (each model keeps buffers for a
    /// batch of this size).
    public var batchSize = 64
    /// Test-time augmentation: the views of each face that are predicted and averaged (one
    /// forward pass per view).
    public var testTimeAugmentation = TestTimeAugmentation.none
    /// Gaussian blur (σ in pixels) applied to every face before the model sees it, or nil.
    public var inputBlurSigma: Float? {
        get { blur?.sigma }
        set { blur = newValue.flatMap { $0 > 0 ? GaussianBlur(sigma: $0) : nil } }
    }
    private var blur: GaussianBlur?
    private let blurScratch = Tensor(shape: [FaceDataset.imageByteCount])
    private let input = Tensor(shape: [0])

    /// A predictor over `models`, which must share class names and take 48×48×1 faces.
    public init(models: [Model], inputScale: Float = 1 / 255) throws(TrainingError) {
        guard let first = models.first else { throw .invalidInput("a predictor needs at least one model") }
        let faceShape = [FaceDataset.imageSide, FaceDataset.imageSide, 1]
        for model in models {
            guard model.spec.inputShape == faceShape else {
                throw .invalidInput(
                    "model '\(model.spec.name)' takes \(model.spec.inputShape), not 48×48 gray faces"
                )
            }
            guard model.spec.classNames == first.spec.classNames else {
                throw .invalidInput("the models of an ensemble must share classes; got "
                    + "\(first.spec.classNames) and \(model.spec.classNames)")
            }
        }
        self.models = models
        classNames = first.spec.classNames
        self.inputScale = inputScale
    }

    /// Loads the checkpoint(s) a reference names.
    public static func load(_ reference: ModelReference) throws(TrainingError) -> Predictor {
        var models: [Model] = []
        var scales: Set<Float> = [], blurs: Set<Float> = []
        for path in reference.checkpointPaths {
            do {
                let checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: path))
                models.append(try checkpoint.makeModel(source: path))
                scales.insert(checkpoint.metadata.inputScale)
                blurs.insert(checkpoint.metadata.inputBlurSigma ?? 0)
            } catch {
                throw .checkpoint(error)
            }
        }
        guard scales.count <= 1 else {
            throw .invalidInput(
                "the checkpoints of \(reference) expect different input scales \(scales.sorted())"
            )
        }
        guard blurs.count <= 1 else {
            throw .invalidInput("the checkpoints of \(reference) expect different input blurs \(blurs.sorted())")
        }
        let predictor = try Predictor(models: models, inputScale: scales.first ?? 1 / 255)
        predictor.inputBlurSigma = blurs.first
        return predictor
    }

    /// Probabilities (one per class, summing to 1) for one face of 48 × 48 = 2,304 gray bytes.
    public func probabilities(for face: [UInt8]) throws(TrainingError) -> [Float] {
        try probabilities(for: [face])[0]
    }

    /// Probabilities for several faces, predicted in batches.
    public func probabilities(for faces: [[UInt8]]) throws(TrainingError) -> [[Float]] {
        let size = FaceDataset.imageByteCount
        if let bad = faces.firstIndex(where: { $0.count != size }) {
            throw .invalidInput(
                "face \(bad + 1) has \(faces[bad].count) bytes; a 48×48 gray face has \(size)"
            )
        }
        let flat = ensembleProbabilities(count: faces.count) { index, destination in
            faces[index].withUnsafeBufferPointer { destination(UnsafeBufferPointer(rebasing: $0[...])) }
        }
        let classes = classNames.count
        return (0 ..< faces.count).map { Array(flat[$0 * classes ..< ($0 + 1) * classes]) }
    }

    /// The most likely class of one face with its probability, and all probabilities.
    public func prediction(for face: [UInt8]) throws(TrainingError) -> Prediction {
        let probabilities = try probabilities(for: face)
        let best = probabilities.withUnsafeBufferPointer { argmax($0.baseAddress!, count: $0.count) }
        return Prediction(
            classIndex: best, label: classNames[best], confidence: probabilities[best],
            probabilities: probabilities
        )
    }

    /// Mean of the members' probabilities, flat `[count × classes]`.
    func ensembleProbabilities(
        count: Int, face: (Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) -> [Float] {
        Self.mean(memberProbabilities(count: count, face: face))
    }

    /// Element-wise mean of equally long probability arrays (the ensemble's prediction).
    static func mean(_ members: [[Float]]) -> [Float] {
        guard var mean = members.first else { return [] }
        guard members.count > 1 else { return mean }
        for member in members.dropFirst() {
            for index in mean.indices { mean[index] += member[index] }
        }
        let scale = 1 / Float(members.count)
        for index in mean.indices { mean[index] *= scale }
        return mean
    }

    /// Each member's probabilities, flat `[count × classes]`, averaged over the test-time
    /// views. `face(i, body)` calls `body` with the 2,304 bytes of face `i`, so datasets and
    /// arrays are read without copies; `progress` gets the faces done after each batch.
    func memberProbabilities(
        count: Int, progress: ((Int) -> Void)? = nil, face: (Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) -> [[Float]] {
        let classes = classNames.count
        let views = testTimeAugmentation.views
        var results = Array(repeating: [Float](), count: models.count)
        for index in results.indices { results[index].reserveCapacity(count * classes) }
        var start = 0
        while start < count {
            let batch = min(batchSize, count - start)
            for (viewIndex, view) in views.enumerated() {
                fillInput(view: view, faces: start ..< start + batch, face: face)
                for (member, model) in models.enumerated() {
                    let rows = UnsafeBufferPointer(start: model.predict(input).pointer, count: batch * classes)
                    if viewIndex == 0 {
                        results[member].append(contentsOf: rows)
                    } else {
                        let offset = results[member].count - batch * classes
                        results[member].withUnsafeMutableBufferPointer { all in
                            for index in rows.indices { all[offset + index] += rows[index] }
                        }
                    }
                }
            }
            if views.count > 1 {
                let scale = 1 / Float(views.count)
                for member in results.indices {
                    let offset = results[member].count - batch * classes
                    for index in offset ..< results[member].count { results[member][index] *= scale }
                }
            }
            start += batch
            progress?(start)
        }
        return results
    }

    /// Writes `view` of the faces `faces` into the input batch, scaled and blurred as the
    /// model expects.
    private func fillInput(
        view: SampleTransform, faces: Range<Int>, face: (Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) {
        let size = FaceDataset.imageByteCount
        input.resize(to: [faces.count, FaceDataset.imageSide, FaceDataset.imageSide, 1])
        // Views other than the face itself are rendered in [0, 1], the range of training.
        let rescale = inputScale * 255
        for (position, index) in faces.enumerated() {
            let destination = input.pointer + position * size
            face(index) { bytes in
                if view == .identity {
                    for pixel in 0 ..< size { destination[pixel] = Float(bytes[pixel]) * inputScale }
                } else {
                    view.render(bytes.baseAddress!, into: destination)
                    if rescale != 1 { for pixel in 0 ..< size { destination[pixel] *= rescale } }
                }
            }
            blur?.apply(destination, side: FaceDataset.imageSide, scratch: blurScratch.pointer)
        }
    }
}

/// One face's predicted class.
public struct Prediction: Sendable, Equatable {
    public let classIndex: Int
    public let label: String
    /// Probability of the predicted class.
    public let confidence: Float
    /// Probability of every class, in class order.
    public let probabilities: [Float]
}

/// Index of the largest of `count` values (the first one on ties).
func argmax(_ values: UnsafePointer<Float>, count: Int) -> Int {
    var best = 0
    for index in 1 ..< max(count, 1) where values[index] > values[best] { best = index }
    return best
}
