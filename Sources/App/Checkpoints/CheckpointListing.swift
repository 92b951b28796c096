import Training

/// `fer checkpoints --plain`: the runs and each fold's best checkpoint as text lines.
public enum CheckpointListing {
    public static func lines(runs: [RunRecord], runsDirectory: String) -> [String] {
        guard !runs.isEmpty else { return ["No training runs in '\(runsDirectory)'."] }
        let runTable = [CheckpointTables.runColumns.map(\.title)] + CheckpointTables.runRows(runs)
        var foldTable = [["Run", "Fold", "Best epoch", "Val acc", "Checkpoint"]]
        for run in runs {
            for (fold, row) in zip(run.folds, CheckpointTables.foldRows(run.folds)) {
                let best = fold.checkpoints.first { $0.kind == .best }?.path ?? "-"
                foldTable.append([run.name] + row + [best])
            }
        }
        return TextColumns.aligned(runTable) + [""] + TextColumns.aligned(foldTable)
    }
}
