import Foundation
import Training

/// Reads the runs folder into `RunRecord`s for the checkpoint picker.
///
/// A run folder (`runs/<name>/`) holds `config.json`, `metrics.csv` (one row per fold and epoch),
/// `summary.json` once finished, `resume.safetensors` when stopped, and `fold-<k>/` folders with
/// `epoch-<e>.safetensors` and `best.safetensors`. Scores come from `metrics.csv`, so listing never
/// opens the (large) checkpoints; missing or damaged side files only leave gaps in the listing.
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
        return names.filter { !$0.hasPrefix(".") }.sorted(by: >).compactMap { name in
            readRun(at: (directory as NSString).appendingPathComponent(name), name: name)
        }
    }

    /// One run, or nil when the folder is not a run (no config and no fold folders).
    static func readRun(at path: String, name: String) -> RunRecord? {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        let foldNumbers = entries.compactMap(RunFolder.foldNumber(directoryName:)).sorted()
        guard entries.contains("config.json") || !foldNumbers.isEmpty else { return nil }
        let file = { (name: String) in (path as NSString).appendingPathComponent(name) }
        let config = manager.contents(atPath: file("config.json")).map(parseConfig) ?? RunConfigFacts()
        let summary = manager.contents(atPath: file("summary.json")).map(parseSummary)
        let metricsText = try? String(contentsOfFile: file("metrics.csv"), encoding: .utf8)
        let metrics = metricsText.map(parseMetrics) ?? [:]
        var status: RunRecord.Status = summary != nil ? .finished
            : (entries.contains("resume.safetensors") ? .resumable : .partial)
        if let processID = RunLock.holder(of: RunFolder(url: URL(fileURLWithPath: path))) {
            status = .training(processID: processID)
        }
        let folds = foldNumbers.map { fold in
            readFold(fold, folder: file("fold-\(fold)"), scores: metrics[fold] ?? [:],
                     bestEpoch: summary?.bestEpochs[fold])
        }
        return RunRecord(name: name, path: path, modelName: config.preset, foldCount: config.foldCount,
                         epochs: config.epochs, validationAccuracy: summary?.validationAccuracy,
                         status: status,
                         folds: folds)
    }

    private static func readFold(_ fold: Int, folder: String, scores: [Int: EpochScores],
                                 bestEpoch recordedBest: Int?) -> FoldRecord {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        var files: [Int: String] = [:]
        for name in names {
            if let epoch = RunFolder.epochNumber(fileName: name) {
                files[epoch] = (folder as NSString).appendingPathComponent(name)
            }
        }
        let bestEpoch = recordedBest ?? bestScoringEpoch(scores)
        var checkpoints: [CheckpointRecord] = []
        if names.contains("best.safetensors") {
            let path = (folder as NSString).appendingPathComponent("best.safetensors")
            checkpoints.append(CheckpointRecord(kind: .best, epoch: bestEpoch, path: path,
                                                fileSize: fileSize(path),
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

    // MARK: - Parsing

    /// Facts from `config.json` the picker shows.
    struct RunConfigFacts: Hashable {
        var preset: String?
        var foldCount: Int?
        var epochs: Int?
    }

    static func parseConfig(_ data: Data) -> RunConfigFacts {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return RunConfigFacts()
        }
        return RunConfigFacts(preset: object["preset"] as? String, foldCount: object["foldCount"] as? Int,
                              epochs: object["epochs"] as? Int)
    }

    /// Facts from `summary.json`: the mean ± std of validation accuracy and each fold's best epoch.
    struct SummaryFacts: Hashable {
        var validationAccuracy: Spread?
        var bestEpochs: [Int: Int]
    }

    static func parseSummary(_ data: Data) -> SummaryFacts {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return SummaryFacts(validationAccuracy: nil, bestEpochs: [:])
        }
        var spread: Spread?
        if let accuracy = object["val_accuracy"] as? [String: Any], let mean = number(accuracy["mean"]) {
            spread = Spread(mean: mean, deviation: number(accuracy["std"]) ?? 0)
        }
        var bestEpochs: [Int: Int] = [:]
        for case let fold as [String: Any] in object["folds"] as? [Any] ?? [] {
            if let number = fold["fold"] as? Int, let best = fold["best"] as? [String: Any],
               let epoch = best["epoch"] as? Int {
                bestEpochs[number] = epoch
            }
        }
        return SummaryFacts(validationAccuracy: spread, bestEpochs: bestEpochs)
    }

    /// `metrics.csv` as fold → epoch → scores. Columns are found by name; rows that do not parse
    /// are skipped; a later row for the same epoch (a resumed run) replaces an earlier one.
    static func parseMetrics(_ text: String) -> [Int: [Int: EpochScores]] {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [:] }
        let header = lines.removeFirst().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let fold = column("fold"), let epoch = column("epoch"), let loss = column("loss"),
              let accuracy = column("accuracy"), let validationLoss = column("val_loss"),
              let validationAccuracy = column("val_accuracy") else { return [:] }
        let rate = column("lr")
        var result: [Int: [Int: EpochScores]] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            func value(_ index: Int?) -> Double? {
                guard let index, fields.indices.contains(index) else { return nil }
                return Double(fields[index])
            }
            guard let foldNumber = value(fold).map(Int.init), let epochNumber = value(epoch).map(Int.init),
                  let lossValue = value(loss), let accuracyValue = value(accuracy),
                  let validationLossValue = value(validationLoss),
                  let validationAccuracyValue = value(validationAccuracy) else { continue }
            result[foldNumber, default: [:]][epochNumber] = EpochScores(
                loss: lossValue, accuracy: accuracyValue, validationLoss: validationLossValue,
                validationAccuracy: validationAccuracyValue, learningRate: value(rate) ?? .nan)
        }
        return result
    }

    /// The epoch with the highest validation accuracy (the earliest on ties), as training picks it.
    static func bestScoringEpoch(_ scores: [Int: EpochScores]) -> Int? {
        var best: (epoch: Int, accuracy: Double)?
        for (epoch, score) in scores.sorted(by: { $0.key < $1.key })
        where best == nil || score.validationAccuracy > best?.accuracy ?? 0 {
            best = (epoch, score.validationAccuracy)
        }
        return best?.epoch
    }

    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}
