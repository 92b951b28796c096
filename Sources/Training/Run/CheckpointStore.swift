import Engine
import Foundation

/// Writes a run's checkpoints (all atomically, through the engine): every epoch's model,
/// each fold's best, and the resumable `resume.safetensors`; prunes old epoch files.
struct CheckpointStore {
    let folder: RunFolder
    let config: TrainingConfig
    private let trainingDescription: JSONValue?

    init(folder: RunFolder, config: TrainingConfig) {
        self.folder = folder
        self.config = config
        trainingDescription = try? JSONValue(encoding: config)
    }

    private func metadata(for model: Model, metrics: [String: Double]) -> CheckpointMetadata {
        var metadata = CheckpointMetadata(spec: model.spec)
        metadata.training = trainingDescription
        metadata.metrics = metrics
        metadata.inputBlurSigma = config.inputBlurSigma
        return metadata
    }

    /// Writes `epoch-<e>.safetensors` and, for a new best, `best.safetensors` (same bytes);
    /// then prunes the fold's epoch files to the newest `keepLastCheckpoints` plus the best.
    func saveEpoch(
        model: Model, metrics: EpochMetrics, bestEpoch: Int
    ) throws(TrainingError) -> [CheckpointSaved] {
        let (fold, epoch) = (metrics.fold, metrics.epoch)
        let epochFile = folder.epochCheckpoint(fold: fold, epoch: epoch)
        let metadata = metadata(for: model, metrics: metrics.checkpointMetrics)
        let checkpoint = Checkpoint(model: model, metadata: metadata)
        let data: Data
        do {
            data = try checkpoint.encoded()
        } catch {
            throw .io(path: epochFile.path, reason: "\(error)")
        }
        try folder.write(data, to: epochFile)
        var saved = [CheckpointSaved(fold: fold, epoch: epoch, path: epochFile.path, kind: .epoch)]
        if bestEpoch == epoch {
            let bestFile = folder.bestCheckpoint(fold: fold)
            try folder.write(data, to: bestFile)
            saved.append(CheckpointSaved(fold: fold, epoch: epoch, path: bestFile.path, kind: .best))
        }
        prune(fold: metrics.fold, latestEpoch: metrics.epoch, bestEpoch: bestEpoch)
        return saved
    }

    /// Removes epoch files older than the newest `keepLastCheckpoints`, except the best epoch's.
    func prune(fold: Int, latestEpoch: Int, bestEpoch: Int) {
        let oldestKept = latestEpoch - config.keepLastCheckpoints + 1
        let stale = folder.epochCheckpoints(fold: fold)
            .filter { $0.epoch < oldestKept && $0.epoch != bestEpoch }
        for file in stale { try? FileManager.default.removeItem(at: file.url) }
    }

    /// Writes `resume.safetensors`: model, optimizer state, dropout generators and `state`.
    func saveResume(model: Model, optimizer: Optimizer, state: ResumeState) throws(TrainingError) -> URL {
        var metadata = metadata(for: model, metrics: [
            "fold": Double(state.position.fold), "epoch": Double(state.position.epoch),
            "batch": Double(state.position.batch),
        ])
        do {
            metadata.resume = try JSONValue(encoding: state)
            try Checkpoint(model: model, metadata: metadata, optimizer: (optimizer, config.optimizer))
                .write(to: folder.resumeCheckpoint)
        } catch {
            throw .io(path: folder.resumeCheckpoint.path, reason: "\(error)")
        }
        return folder.resumeCheckpoint
    }

    /// Reads `resume.safetensors` and its trainer state.
    func readResume() throws(TrainingError) -> (checkpoint: Checkpoint, state: ResumeState) {
        let file = folder.resumeCheckpoint
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint.read(from: file)
        } catch {
            throw .checkpoint(error)
        }
        guard let stored = checkpoint.metadata.resume, checkpoint.metadata.optimizer != nil else {
            throw .cannotResume(
                path: folder.url.path, reason: "\(file.lastPathComponent) holds no training position"
            )
        }
        let state: ResumeState
        do {
            state = try stored.decode(as: ResumeState.self)
        } catch {
            throw .cannotResume(
                path: folder.url.path, reason: "its training position cannot be read (\(error))"
            )
        }
        guard state.version <= ResumeState.currentVersion else {
            throw .cannotResume(
                path: folder.url.path,
                reason: "it was saved by a newer fer (resume format \(state.version)); upgrade fer"
            )
        }
        return (checkpoint, state)
    }
}
