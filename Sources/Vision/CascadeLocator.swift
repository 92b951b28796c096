import Foundation

/// Finds OpenCV's frontal-face Haar cascade: an explicit path (`--cascade`), then the
/// `FER_CASCADE` environment variable, then where opencv-data and source builds install it.
public enum CascadeLocator {
    public static let fileName = "haarcascade_frontalface_default.xml"
    public static let environmentVariable = "FER_CASCADE"

    /// Folders searched, in order, when no path is given.
    public static let searchDirectories = [
        "/usr/share/opencv4/haarcascades",
        "/usr/share/opencv/haarcascades",
        "/usr/local/share/opencv4/haarcascades",
        "/usr/local/share/opencv/haarcascades",
        "/usr/share/OpenCV/haarcascades",
        "/opt/homebrew/share/opencv4/haarcascades",
    ]

    /// The cascade to use. An explicit path (or the environment variable) is used as given,
    /// even if missing, so that a typo is reported rather than silently replaced.
    public static func locate(
        explicitPath: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    )
        throws -> String
    {
        if let explicitPath, !explicitPath.isEmpty { return explicitPath }
        if let configured = environment[environmentVariable], !configured.isEmpty { return configured }
        let candidates = searchDirectories.map { $0 + "/" + fileName }
        guard let found = candidates.first(where: fileExists) else {
            throw VisionError.cascadeNotFound(searched: searchDirectories)
        }
        return found
    }
}
