import Foundation

/// Resolves `--model`: a checkpoint file, a folder of models (a run folder's per-fold best
/// models or any folder of `.safetensors` files, used as an ensemble), or — when nothing is
/// given — the shipped model `Assets/model/fer.safetensors`.
public enum ModelLocator {
    public static let shippedModelPath = "Assets/model/fer.safetensors"

    /// The checkpoint files `path` names, or the shipped model's when `path` is nil.
    public static func checkpointPaths(for path: String?, assets: AssetLocator = AssetLocator()) throws -> [String] {
        guard let path else {
            guard let shipped = assets.locate(shippedModelPath) else {
                throw LiveError.modelNotFound(searched: assets.candidates(for: shippedModelPath))
            }
            return [shipped]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LiveError.modelMissing(path: path, detail: "nothing exists there")
        }
        guard isDirectory.boolValue else { return [path] }
        return try folderCheckpoints(path)
    }

    /// `fold-*/best.safetensors` in fold order, else a fold folder's `best.safetensors`, else
    /// the `.safetensors` files directly inside.
    static func folderCheckpoints(_ folder: String) throws -> [String] {
        let base = URL(fileURLWithPath: folder)
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        let foldBests = entries.filter { $0.hasPrefix("fold-") }
            .map { base.appendingPathComponent($0).appendingPathComponent("best.safetensors").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        if !foldBests.isEmpty { return foldBests }
        if entries.contains("best.safetensors") { return [base.appendingPathComponent("best.safetensors").path] }
        let files = entries.filter { $0.hasSuffix(".safetensors") }.map { base.appendingPathComponent($0).path }
        guard !files.isEmpty else {
            throw LiveError.modelMissing(path: folder, detail: "the folder holds no fold-*/best.safetensors and no .safetensors file")
        }
        return files
    }
}
