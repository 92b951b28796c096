import Foundation

/// Finds files fer ships in its `Assets` folder (the default model, the demo photo) whether
/// fer runs from its package (`swift run`, `.build/release/fer`) or from an install prefix
/// (`<prefix>/bin/fer` with `<prefix>/share/fer/...`).
public struct AssetLocator: Sendable {
    public var currentDirectory: String
    /// Absolute path of the running executable.
    public var executablePath: String
    public var fileExists: @Sendable (String) -> Bool

    public init(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String = AssetLocator.runningExecutablePath,
        fileExists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) {
        self.currentDirectory = currentDirectory
        self.executablePath = executablePath
        self.fileExists = fileExists
    }

    /// The executable's real path (symlinks resolved), falling back to argv[0].
    public static var runningExecutablePath: String {
        let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        if !link.isEmpty { return link }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "fer").standardizedFileURL.path
    }

    /// Places searched for `relativePath` (e.g. `Assets/model/fer.safetensors`), in order: the
    /// current directory, every folder above the executable (a package checkout), then the
    /// install prefix's `share/fer`.
    public func candidates(for relativePath: String) -> [String] {
        var folders = [currentDirectory]
        var folder = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
        for _ in 0..<6 {
            folders.append(folder.path)
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        var paths: [String] = []
        for folder in folders {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(relativePath).standardizedFileURL
                .path
            if !paths.contains(path) { paths.append(path) }
        }
        let withoutAssets =
            relativePath.hasPrefix("Assets/") ? String(relativePath.dropFirst(7)) : relativePath
        let prefix = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
            .deletingLastPathComponent()
        paths.append(prefix.appendingPathComponent("share/fer").appendingPathComponent(withoutAssets).path)
        return paths
    }

    /// The first existing candidate for `relativePath`, or nil.
    public func locate(_ relativePath: String) -> String? {
        candidates(for: relativePath).first(where: fileExists)
    }
}
