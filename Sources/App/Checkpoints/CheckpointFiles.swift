import Engine
import Foundation
import Training

/// Carries out the picker's file actions on a worker thread: export (a weights-only copy or ONNX),
/// make default, delete. Every failure becomes a readable `FileActionResult.failed`.
enum CheckpointFiles {
    static func perform(_ action: FileAction) -> FileActionResult {
        do {
            switch action {
            case .export(let source, let destination, let format, let overwrite):
                if !overwrite, FileManager.default.fileExists(atPath: destination) {
                    return .destinationExists(action)
                }
                try export(source: source, to: destination, format: format)
                return .done("Exported \(shortName(source)) to \(destination)")
            case .makeDefault(let source, let destination):
                try export(source: source, to: destination, format: .native)
                return .done("Default model is now \(shortName(source)) (copied to \(destination))")
            case .deleteFile(let path):
                try FileManager.default.removeItem(atPath: path)
                return .done("Deleted \(path)")
            case .deleteRun(let path):
                guard looksLikeRun(path) else {
                    return .failed("Not deleting \(path): it does not look like a training run folder.")
                }
                if let processID = RunLock.holder(of: RunFolder(url: URL(fileURLWithPath: path))) {
                    return .failed("Not deleting \(path): it is training (pid \(processID)). Stop that run first.")
                }
                try FileManager.default.removeItem(atPath: path)
                return .done("Deleted the run \(path)")
            }
        } catch {
            return .failed("\(error)")
        }
    }

    /// Writes the model of `source` as a checkpoint or as ONNX (`ModelExport`).
    static func export(source: String, to destination: String, format: ExportFormat) throws {
        try ModelExport.write(from: source, to: URL(fileURLWithPath: destination), format: format)
    }

    /// "run/fold-2/best.safetensors" from a full path.
    static func shortName(_ path: String) -> String {
        let components = (path as NSString).pathComponents.suffix(3)
        return components.joined(separator: "/")
    }

    /// A folder with `config.json` or `fold-<k>` folders, and nothing that is not fer's.
    static func looksLikeRun(_ path: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return entries.contains("config.json")
            || entries.contains { RunFolder.foldNumber(directoryName: $0) != nil }
    }
}
