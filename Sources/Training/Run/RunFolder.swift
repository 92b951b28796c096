import Engine
import Foundation

/// The layout of a run's folder, `runs/<name>/`:
///
/// ```
/// config.json  metrics.csv  metrics.jsonl  summary.json  load-report.txt  log.txt
/// resume.safetensors  confusion-matrix.png
/// fold-1/epoch-1.safetensors … best.safetensors  curves.png  confusion-matrix.png
/// ```
public struct RunFolder: Sendable, Equatable {
    public let url: URL

    public init(url: URL) { self.url = url }

    static let bestCheckpointName = "best.safetensors"

    public var configFile: URL { url.appendingPathComponent("config.json") }
    public var metricsCSVFile: URL { url.appendingPathComponent("metrics.csv") }
    public var metricsJSONLinesFile: URL { url.appendingPathComponent("metrics.jsonl") }
    public var summaryFile: URL { url.appendingPathComponent("summary.json") }
    public var loadReportFile: URL { url.appendingPathComponent("load-report.txt") }
    /// The plain-text log: the printer's lines for every event but batch progress.
    public var logFile: URL { url.appendingPathComponent("log.txt") }
    /// Model, optimizer and position to continue the run; removed when the run finishes.
    public var resumeCheckpoint: URL { url.appendingPathComponent("resume.safetensors") }
    /// Heat map of the ensemble on the test split (or of the pooled validation parts).
    public var confusionPlot: URL { url.appendingPathComponent("confusion-matrix.png") }

    public func foldDirectory(_ fold: Int) -> URL { url.appendingPathComponent("fold-\(fold)") }
    public func epochCheckpoint(fold: Int, epoch: Int) -> URL {
        foldDirectory(fold).appendingPathComponent("epoch-\(epoch).safetensors")
    }
    public func bestCheckpoint(fold: Int) -> URL {
        foldDirectory(fold).appendingPathComponent(Self.bestCheckpointName)
    }
    /// Loss and accuracy curves of a fold (training and validation).
    public func curvesPlot(fold: Int) -> URL { foldDirectory(fold).appendingPathComponent("curves.png") }
    /// Heat map of a fold's best model on its validation part.
    public func confusionPlot(fold: Int) -> URL {
        foldDirectory(fold).appendingPathComponent("confusion-matrix.png")
    }

    /// `path` relative to the run folder (`fold-1/best.safetensors`).
    func relativePath(_ file: URL) -> String {
        let base = url.standardizedFileURL.path + "/"
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The fold number of a `fold-<k>` folder name.
    public static func foldNumber(directoryName name: String) -> Int? {
        guard name.hasPrefix("fold-"), let number = Int(name.dropFirst(5)), number >= 1 else { return nil }
        return number
    }

    /// The epoch number of an `epoch-<e>.safetensors` file name.
    public static func epochNumber(fileName name: String) -> Int? {
        guard name.hasPrefix("epoch-"), name.hasSuffix(".safetensors") else { return nil }
        return Int(name.dropFirst(6).dropLast(12))
    }

    /// The epoch checkpoints present for `fold`, by epoch.
    public func epochCheckpoints(fold: Int) -> [(epoch: Int, url: URL)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: foldDirectory(fold).path)) ?? []
        let directory = foldDirectory(fold)
        let files = names.compactMap { name in
            Self.epochNumber(fileName: name).map { (epoch: $0, url: directory.appendingPathComponent(name)) }
        }
        return files.sorted { $0.epoch < $1.epoch }
    }

    /// The fold numbers that have a `fold-<k>` folder, ascending.
    public var foldNumbers: [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.compactMap(Self.foldNumber(directoryName:)).sorted()
    }

    /// The run folders (those with a `config.json`) inside `runsDirectory`, by name.
    public static func runs(in runsDirectory: URL) -> [RunFolder] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runsDirectory.path)) ?? []
        return names.sorted().map { RunFolder(url: runsDirectory.appendingPathComponent($0)) }
            .filter { FileManager.default.fileExists(atPath: $0.configFile.path) }
    }

    /// The default run name: local time and preset, e.g. `20260315-142501-seed`.
    public static func defaultName(preset: String, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "\(formatter.string(from: date))-\(preset)"
    }

    /// Creates a new run folder in `runsDirectory`. A given `name` must not exist yet; the
    /// default name gets a `-2`, `-3`… suffix when two runs start in the same second.
    static func create(
        in runsDirectory: URL, name: String?, preset: String
    ) throws(TrainingError) -> RunFolder {
        let manager = FileManager.default
        if let name {
            guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
                throw .invalidConfig("run name '\(name)' must be a plain folder name")
            }
        }
        let base = name ?? defaultName(preset: preset)
        var candidate = runsDirectory.appendingPathComponent(base)
        var suffix = 2
        while manager.fileExists(atPath: candidate.path) {
            guard name == nil else {
                throw .invalidConfig("run folder '\(candidate.path)' already exists; choose another name, "
                    + "or resume that run")
            }
            candidate = runsDirectory.appendingPathComponent("\(base)-\(suffix)")
            suffix += 1
        }
        do {
            try manager.createDirectory(at: candidate, withIntermediateDirectories: true)
        } catch {
            throw .io(
                path: candidate.path, reason: "cannot create the run folder (\(error.localizedDescription))"
            )
        }
        return RunFolder(url: candidate)
    }

    /// Writes `data` atomically (temporary file, fsync, rename).
    func write(_ data: Data, to file: URL) throws(TrainingError) {
        do {
            try AtomicFile.write(data, to: file)
        } catch {
            throw .io(path: file.path, reason: "\(error)")
        }
    }

    /// Writes `value` as pretty, key-sorted JSON, atomically.
    func writeJSON(_ value: some Encodable, to file: URL) throws(TrainingError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw .io(path: file.path, reason: "cannot encode JSON (\(error))")
        }
        try write(data + Data("\n".utf8), to: file)
    }

    /// Reads a JSON file of this run.
    func readJSON<Value: Decodable>(_ type: Value.Type, from file: URL) throws(TrainingError) -> Value {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .io(path: file.path, reason: "the file is missing or unreadable")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .io(path: file.path, reason: "it is not valid \(type) JSON (\(error))")
        }
    }

    /// The run's `config.json`.
    public func readConfig() throws(TrainingError) -> TrainingConfig {
        try readJSON(TrainingConfig.self, from: configFile)
    }

    /// The rows of `metrics.jsonl`: every finished epoch of every fold so far.
    public func readMetrics() throws(TrainingError) -> [EpochMetrics] {
        guard let data = FileManager.default.contents(atPath: metricsJSONLinesFile.path) else {
            throw .io(path: metricsJSONLinesFile.path, reason: "the file is missing or unreadable")
        }
        var rows: [EpochMetrics] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            do {
                rows.append(try JSONDecoder().decode(EpochMetrics.self, from: Data(line)))
            } catch {
                throw .io(path: metricsJSONLinesFile.path, reason: "line \(number + 1) is not a metrics row")
            }
        }
        return rows
    }

    /// The run's `summary.json` (present once the run has finished).
    public func readSummary() throws(TrainingError) -> RunSummary {
        try readJSON(RunSummary.self, from: summaryFile)
    }

    /// Appends lines to `log.txt` (a log, so not atomic; a crash can cut its last line).
    func appendToLog(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        let path = logFile.path
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Removes the temporary files an interrupted atomic write left (`.<name>.tmp-<pid>-<n>`)
    /// in the run folder and its fold folders. Call only while holding the run's lock.
    func removeTemporaryFiles() {
        let manager = FileManager.default
        let folders = [url] + foldNumbers.map(foldDirectory)
        for folder in folders {
            let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
                try? manager.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }
}
