import Training
import Terminal

/// The columns and text rows of the picker's three tables. The screen sorts and selects with the
/// same rows the view draws, so a selected row always maps back to the right record.
enum CheckpointTables {
    static let runColumns = [
        TableColumn("Run", width: .min(24)),
        TableColumn("Model", width: .length(6)),
        TableColumn("Folds", width: .length(5), alignment: .right),
        TableColumn("Epochs", width: .length(6), alignment: .right),
        TableColumn("Val acc %", width: .length(11), alignment: .right),
        TableColumn("State", width: .length(9)),
    ]

    static let foldColumns = [
        TableColumn("Fold", width: .length(4), alignment: .right),
        TableColumn("Best", width: .length(4), alignment: .right),
        TableColumn("Val acc", width: .fill(1), alignment: .right),
    ]

    static let checkpointColumns = [
        TableColumn("Epoch", width: .length(6)),
        TableColumn("Loss", width: .length(6), alignment: .right),
        TableColumn("Acc", width: .length(6), alignment: .right),
        TableColumn("Val loss", width: .length(8), alignment: .right),
        TableColumn("Val acc", width: .length(7), alignment: .right),
        TableColumn("LR", width: .length(7), alignment: .right),
        TableColumn("File", width: .length(8), alignment: .right),
    ]

    static func runRows(_ runs: [RunRecord]) -> [[String]] {
        runs.map { run in
            // One fold has no spread to show.
            let accuracy = run.validationAccuracy.map {
                formatFixed($0.mean * 100, decimals: 1)
                    + (run.folds.count > 1 ? " ± " + formatFixed($0.standardDeviation * 100, decimals: 1) : "")
            } ?? "-"
            let folds = run.foldCount.map { "\(run.folds.count)/\($0)" } ?? "\(run.folds.count)"
            return [run.name, run.modelName ?? "?", folds, run.epochs.map(String.init) ?? "-", accuracy,
                    run.status.label]
        }
    }

    static func foldRows(_ folds: [FoldRecord]) -> [[String]] {
        folds.map { fold in
            [String(fold.fold), fold.bestEpoch.map(String.init) ?? "-",
             fold.bestValidationAccuracy.map { formatPercent($0) } ?? "-"]
        }
    }

    static func checkpointRows(_ checkpoints: [CheckpointRecord]) -> [[String]] {
        checkpoints.map { checkpoint in
            let name = checkpoint.kind == .best ? "best" : checkpoint.epoch.map(String.init) ?? "?"
            let scores = checkpoint.scores
            return [
                name,
                scores.map { formatFixed($0.loss, decimals: 3) } ?? "-",
                scores.map { formatPercent($0.accuracy) } ?? "-",
                scores.map { formatFixed($0.validationLoss, decimals: 3) } ?? "-",
                scores.map { formatPercent($0.validationAccuracy) } ?? "-",
                scores.map { formatLearningRate($0.learningRate) } ?? "-",
                checkpoint.path == nil ? "pruned" : checkpoint.fileSize.map(formatBytes) ?? "?",
            ]
        }
    }

    /// A file size in B, kB or MB (decimal units).
    static func formatBytes(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return formatFixed(Double(bytes) / 1000, decimals: 1) + " kB" }
        return formatFixed(Double(bytes) / 1_000_000, decimals: 1) + " MB"
    }
}
