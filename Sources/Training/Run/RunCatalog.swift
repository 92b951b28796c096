import Foundation

/// Reads the runs folder into `RunRecord`s for the checkpoint picker, with the run folder's own
/// typed readers (`readConfig`, `readMetrics`, `readSummary`).
///
/// Scores come from `metrics.jsonl`, so listing never opens the (large) checkpoints; missing or
/// damaged side files only leave gaps in the listing.
public enum RunCatalog {
    /// Why the runs folder could not be listed.
    public struct ScanError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "Cannot read the runs folder '\(path)': \(reason)." }
    }

    /// Every run in `directory`, newest name first (default names start with the date). A missing
    /// folder means no runs yet.
    public static func scan(directory: String) throws -> [RunRecord] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            throw ScanError(path: directory, reason: "it is a file, not a folder")
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw ScanError(path: directory, reason: error.localizedDescription)
        }
        let base = URL(fileURLWithPath: directory)
        return names.filter { !$0.hasPrefix(".") }.sorted(by: >).compactMap { name in
            record(of: RunFolder(url: base.appendingPathComponent(name)), name: name)
        }
    }

    /// One run, or nil when the folder is not a run (no config and no fold folders).
    static func record(of folder: RunFolder, name: String) -> RunRecord? {
        let hasConfig = FileManager.default.fileExists(atPath: folder.configFile.path)
        let foldNumbers = folder.foldNumbers
        guard hasConfig || !foldNumbers.isEmpty else { return nil }
        let config = try? folder.readConfig()
        let summary = try? folder.readSummary()
        let metrics = scoresByFold((try? folder.readMetrics()) ?? [])
        var status: RunRecord.Status = summary != nil ? .finished
            : (FileManager.default.fileExists(atPath: folder.resumeCheckpoint.path) ? .resumable : .partial)
        if let processID = RunLock.holder(of: folder) {
            status = .training(processID: processID)
        }
        let recordedBest = Dictionary((summary?.folds ?? []).map { ($0.fold, $0.best.epoch) },
                                      uniquingKeysWith: { $1 })
        let folds = foldNumbers.map { fold in
            foldRecord(fold, of: folder, scores: metrics[fold] ?? [:], bestEpoch: recordedBest[fold])
        }
        return RunRecord(name: name, path: folder.url.path, modelName: config?.preset,
                         foldCount: config?.foldCount, epochs: config?.epochs,
                         validationAccuracy: summary?.validationAccuracy, status: status, folds: folds)
    }

    /// Metrics rows as fold → epoch → row; a later row for the same epoch replaces an earlier one.
    static func scoresByFold(_ rows: [EpochMetrics]) -> [Int: [Int: EpochMetrics]] {
        Dictionary(grouping: rows, by: \.fold).mapValues { rows in
            Dictionary(rows.map { ($0.epoch, $0) }, uniquingKeysWith: { $1 })
        }
    }

    private static func foldRecord(_ fold: Int, of folder: RunFolder, scores: [Int: EpochMetrics],
                                   bestEpoch recordedBest: Int?) -> FoldRecord {
        let files = Dictionary(folder.epochCheckpoints(fold: fold).map { ($0.epoch, $0.url.path) },
                               uniquingKeysWith: { $1 })
        let bestEpoch = recordedBest
            ?? EpochMetrics.best(of: scores.values.sorted { $0.epoch < $1.epoch })?.epoch
        var checkpoints: [CheckpointRecord] = []
        let bestPath = folder.bestCheckpoint(fold: fold).path
        if FileManager.default.fileExists(atPath: bestPath) {
            checkpoints.append(CheckpointRecord(kind: .best, epoch: bestEpoch, path: bestPath,
                                                fileSize: fileSize(bestPath),
                                                scores: bestEpoch.flatMap { scores[$0] }))
        }
        for epoch in Set(files.keys).union(scores.keys).sorted() {
            let path = files[epoch]
            checkpoints.append(CheckpointRecord(kind: .epoch, epoch: epoch, path: path,
                                                fileSize: path.flatMap(fileSize), scores: scores[epoch]))
        }
        return FoldRecord(fold: fold, bestEpoch: bestEpoch,
                          bestValidationAccuracy: bestEpoch.flatMap { scores[$0]?.validationAccuracy },
                          checkpoints: checkpoints)
    }

    private static func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }
}
