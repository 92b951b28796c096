import Engine
import Foundation

/// Expression probabilities from fer checkpoints: one model, or the mean of several models'
/// probabilities (a fold ensemble). Loads through Engine's `Checkpoint`.
public final class CheckpointClassifier: ExpressionClassifier {
    public let models: [Model]
    public let classNames: [String]
    public let faceSide: Int
    /// Model input = pixel byte × `inputScale` (1/255 gives the [0, 1] inputs of training).
    public let inputScale: Float
    private let input = Tensor(shape: [0])

    /// Wraps models that share class names and take the same square one-channel input.
    public init(models: [Model], inputScale: Float = 1 / 255) throws {
        guard let first = models.first else {
            throw LiveError.unusableModel(detail: "a classifier needs at least one model")
        }
        let shape = first.spec.inputShape
        guard shape.count == 3, shape[0] == shape[1], shape[2] == 1 else {
            throw LiveError.unusableModel(detail: "model '\(first.spec.name)' takes \(shape), not square gray faces")
        }
        for model in models.dropFirst() where model.spec.inputShape != shape || model.spec.classNames != first.spec.classNames {
            throw LiveError.unusableModel(
                detail: "the models of an ensemble must share input and classes; '\(model.spec.name)' differs")
        }
        self.models = models
        classNames = first.spec.classNames
        faceSide = shape[0]
        self.inputScale = inputScale
    }

    /// Loads checkpoint files; several files form an ensemble.
    public static func load(paths: [String]) throws -> CheckpointClassifier {
        var models: [Model] = []
        var scales: Set<Float> = []
        for path in paths {
            let checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: path))
            models.append(try checkpoint.makeModel(source: path))
            scales.insert(checkpoint.metadata.inputScale)
        }
        guard scales.count <= 1 else {
            throw LiveError.unusableModel(detail: "the checkpoints expect different input scales \(scales.sorted())")
        }
        return try CheckpointClassifier(models: models, inputScale: scales.first ?? 1 / 255)
    }

    public func probabilities(for faces: [[UInt8]]) throws -> [[Float]] {
        guard !faces.isEmpty else { return [] }
        let pixelCount = faceSide * faceSide
        if let bad = faces.firstIndex(where: { $0.count != pixelCount }) {
            throw LiveError.invalidFace(
                detail: "face \(bad + 1) has \(faces[bad].count) bytes; a \(faceSide)×\(faceSide) face has \(pixelCount)")
        }
        input.resize(to: [faces.count, faceSide, faceSide, 1])
        for (position, face) in faces.enumerated() {
            let destination = input.pointer + position * pixelCount
            for pixel in 0 ..< pixelCount { destination[pixel] = Float(face[pixel]) * inputScale }
        }
        let classCount = classNames.count
        var sums = [Float](repeating: 0, count: faces.count * classCount)
        for model in models {
            let output = model.predict(input)
            for index in sums.indices { sums[index] += output.pointer[index] }
        }
        let scale = 1 / Float(models.count)
        return (0 ..< faces.count).map { face in
            (0 ..< classCount).map { sums[face * classCount + $0] * scale }
        }
    }
}
