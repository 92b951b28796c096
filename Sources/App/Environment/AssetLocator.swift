import Foundation

/// Finds fer's `Assets/` folder (shipped model, demo faces): `$FER_ASSETS` when set, else an
/// `Assets` folder in the working directory, else one next to the executable or up to five
/// folders above it (so `.build/release/fer` run from anywhere finds the checkout's assets).
public struct AssetLocator: Sendable {
    public var environment: [String: String]
    public var workingDirectory: String
    public var executablePath: String?
    /// Whether a folder exists; replaced in tests.
    public var isDirectory: @Sendable (String) -> Bool

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = Bundle.main.executablePath,
        isDirectory: @escaping @Sendable (String) -> Bool = AssetLocator.directoryExists
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.executablePath = executablePath
        self.isDirectory = isDirectory
    }

    /// The assets folder, or nil when none was found.
    public func assetsDirectory() -> String? {
        if let explicit = environment["FER_ASSETS"], !explicit.isEmpty {
            return isDirectory(explicit) ? explicit : nil
        }
        for candidate in candidates() where isDirectory(candidate) { return candidate }
        return nil
    }

    /// Folders tried in order.
    func candidates() -> [String] {
        var result = [(workingDirectory as NSString).appendingPathComponent("Assets")]
        if let executablePath {
            let resolved = (executablePath as NSString).resolvingSymlinksInPath
            var folder = (resolved as NSString).deletingLastPathComponent
            for _ in 0..<6 {
                result.append((folder as NSString).appendingPathComponent("Assets"))
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder { break }
                folder = parent
            }
        }
        return result
    }

    public static let directoryExists: @Sendable (String) -> Bool = { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path,
                                              isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
