import Foundation

/// Finds files that ship with fer in its `Assets/` folder (the default model, demo faces,
/// the demo clip), whether fer runs from the package (`.build/release/fer`) or is installed
/// next to a copy of `Assets/`.
public enum ShippedAssets {
    /// Overrides the Assets folder location.
    public static let environmentVariable = "FER_ASSETS"
    /// The default model, relative to the Assets folder: a folder of checkpoints — one model, or
    /// several whose probabilities are averaged (an ensemble; see `ModelReference.resolve`).
    public static let modelPath = "model"

    /// Candidate Assets folders, most specific first.
    public static func searchFolders(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = CommandLine.arguments.first ?? "",
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> [String] {
        var folders: [String] = []
        if let custom = environment[environmentVariable] { folders.append(custom) }
        folders.append((currentDirectory as NSString).appendingPathComponent("Assets"))
        let resolvedExecutable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? executable
        var directory = (resolvedExecutable as NSString).deletingLastPathComponent
        for _ in 0 ..< 5 where !directory.isEmpty && directory != "/" {
            folders.append((directory as NSString).appendingPathComponent("Assets"))
            folders.append((directory as NSString).appendingPathComponent("share/fer/Assets"))
            directory = (directory as NSString).deletingLastPathComponent
        }
        return folders
    }

    /// The path of a shipped file or folder (e.g. `demo/astronaut.png`), or nil when none is found.
    public static func locate(_ relativePath: String, folders: [String] = searchFolders()) -> String? {
        folders.lazy.map { ($0 as NSString).appendingPathComponent(relativePath) }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The user's own default model (made with "make default" in `fer checkpoints`):
    /// `$XDG_CONFIG_HOME/fer/model.safetensors`, else `~/.config/fer/model.safetensors`. It may not
    /// exist; it never replaces the shipped model, which stays the fallback.
    public static func userDefaultModelPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        let base: String
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            base = config
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".config")
        }
        return ((base as NSString).appendingPathComponent("fer") as NSString).appendingPathComponent("model.safetensors")
    }

    /// The shipped model folder: the first `model/` among `folders` that holds a checkpoint.
    public static func locateModel(folders: [String] = searchFolders()) -> String? {
        folders.lazy.map { ($0 as NSString).appendingPathComponent(modelPath) }.first { folder in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return files.contains { $0.hasSuffix(".safetensors") }
        }
    }
}
