import Foundation

/// Which trained model(s) a command means: one checkpoint file, or an ensemble of checkpoints
/// (a run folder's per-fold best models, or a folder of model files such as the shipped model).
public enum ModelReference: Sendable, Equatable, CustomStringConvertible {
    case checkpoint(path: String)
    /// `checkpoints` in fold order; predictions are the mean of their probabilities.
    case ensemble(folder: String, checkpoints: [String])

    /// Resolves a user-given path, or `defaultModelPath` (the shipped model) when `path` is nil:
    /// - a file is a checkpoint;
    /// - a run folder (`fold-*/best.safetensors`) is the ensemble of its folds' best models;
    /// - a fold folder (`best.safetensors`) is that best model;
    /// - any other folder is the ensemble of the `.safetensors` files directly inside it.
    public static func resolve(
        _ path: String?, defaultModelPath: String
    ) throws(TrainingError) -> ModelReference {
        let target = path ?? defaultModelPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            let reason = path == nil
                ? "no model was given and the default model is missing; train one with `fer train` "
                    + "or pass --model"
                : "nothing exists there"
            throw .modelNotFound(path: target, reason: reason)
        }
        guard isDirectory.boolValue else { return .checkpoint(path: target) }
        let folder = URL(fileURLWithPath: target)
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).sorted()
        let foldBests = entries.compactMap { name -> (Int, String)? in
            guard let number = RunFolder.foldNumber(directoryName: name) else { return nil }
            let best = folder.appendingPathComponent(name)
                .appendingPathComponent(RunFolder.bestCheckpointName).path
            return FileManager.default.fileExists(atPath: best) ? (number, best) : nil
        }
        if !foldBests.isEmpty {
            return .ensemble(folder: target, checkpoints: foldBests.sorted { $0.0 < $1.0 }.map(\.1))
        }
        if entries.contains(RunFolder.bestCheckpointName) {
            return .checkpoint(path: folder.appendingPathComponent(RunFolder.bestCheckpointName).path)
        }
        let files = entries.filter { $0.hasSuffix(".safetensors") && !$0.hasPrefix(".") }
            .map { folder.appendingPathComponent($0).path }
        switch files.count {
        case 0:
            throw .modelNotFound(
                path: target, reason: "the folder holds no fold-*/best.safetensors and no .safetensors file"
            )
        case 1:
            return .checkpoint(path: files[0])
        default:
            return .ensemble(folder: target, checkpoints: files)
        }
    }

    /// The checkpoint files, in order.
    public var checkpointPaths: [String] {
        switch self {
        case let .checkpoint(path): [path]
        case let .ensemble(_, checkpoints): checkpoints
        }
    }

    public var description: String {
        switch self {
        case let .checkpoint(path): path
        case let .ensemble(folder, checkpoints): "\(folder) (ensemble of \(checkpoints.count) models)"
        }
    }
}
