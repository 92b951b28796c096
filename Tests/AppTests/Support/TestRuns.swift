import Terminal
import Training
@testable import App

/// Two fixed runs as the catalog would read them: a finished 3-fold run with pruned epochs and a
/// stopped one.
enum TestRuns {
    static func scores(_ epoch: Int, fold: Int) -> EpochMetrics {
        let e = Double(epoch)
        return EpochMetrics(fold: fold, epoch: epoch, loss: 1.8 - 0.15 * e, accuracy: 0.3 + 0.05 * e,
                            validationLoss: 1.7 - 0.08 * e,
                            validationAccuracy: 0.32 + 0.04 * e - 0.002 * Double(fold), learningRate: 1e-3,
                            imagesPerSecond: 900, seconds: 4)
    }

    static func fold(_ fold: Int, run: String, epochs: Int, keep: Int) -> FoldRecord {
        let folder = "/runs/\(run)/fold-\(fold)"
        var checkpoints = [CheckpointRecord(kind: .best, epoch: epochs, path: "\(folder)/best.safetensors",
                                            fileSize: 1_423_876, scores: scores(epochs, fold: fold))]
        for epoch in 1...epochs {
            let kept = epoch > epochs - keep
            checkpoints.append(CheckpointRecord(kind: .epoch, epoch: epoch,
                                                path: kept ? "\(folder)/epoch-\(epoch).safetensors" : nil,
                                                fileSize: kept ? 4_271_628 : nil,
                                                scores: scores(epoch, fold: fold)))
        }
        return FoldRecord(fold: fold, bestEpoch: epochs, bestValidationAccuracy: scores(epochs, fold: fold)
            .validationAccuracy, checkpoints: checkpoints)
    }

    static func records() -> [RunRecord] {
        let finished = "20260315-142501-seed"
        let stopped = "20260314-091200-vgg"
        return [
            RunRecord(name: finished, path: "/runs/\(finished)", modelName: "seed", foldCount: 3, epochs: 5,
                      validationAccuracy: MeanDeviation([0.506, 0.516, 0.526]), status: .finished,
                      folds: (1...3).map { fold($0, run: finished, epochs: 5, keep: 3) }),
            RunRecord(name: stopped, path: "/runs/\(stopped)", modelName: "vgg", foldCount: 5, epochs: 40,
                      validationAccuracy: nil, status: .resumable,
                      folds: [fold(1, run: stopped, epochs: 2, keep: 3)]),
        ]
    }

    /// A picker showing `records()`.
    static func picker() -> CheckpointScreen {
        var screen = CheckpointScreen(runsDirectory: "/runs",
                                      defaultModelPath: "/home/user/.config/fer/model.safetensors")
        let context = ScreenContext(size: Size(width: 80, height: 24), capabilities: .standard)
        _ = screen.receive(.runsScanned(records()), context: context)
        return screen
    }
}
