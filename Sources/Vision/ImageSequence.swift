import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The images of a folder or glob as frames, in natural name order ("2.png" before
/// "10.png"). Files without an image extension are skipped and counted; image files that
/// fail to decode are skipped too, counted, and the last such error kept.
public final class ImageSequence: FrameSource, @unchecked Sendable {
    /// Extensions taken as images (lowercased, without the dot).
    public static let imageExtensions: Set<String> = [
        "jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp",
        "pgm", "ppm", "pnm",
    ]

    public let sourceDescription: String
    /// The image files, in the order they are read.
    public let paths: [String]
    /// Files passed over because their extension is not an image's.
    public let skippedNonImages: Int
    public let framesPerSecond: Double? = nil
    private let lock = NSLock()
    private var nextIndex = 0
    private var unreadable = 0
    private var lastError: VisionError?

    /// All image files directly inside `folder` (not recursive, hidden files ignored).
    public convenience init(folder: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw VisionError.fileAccess(
                detail: "cannot list folder '\(folder)': \(error.localizedDescription)")
        }
        let base = URL(fileURLWithPath: folder)
        let files = names.filter { !$0.hasPrefix(".") }
            .map { base.appendingPathComponent($0).path }
            .filter { !Self.isDirectory($0) }
        try self.init(files: files, description: "'\(folder)'")
    }

    /// All files matching a shell pattern such as `frames/*.jpg`.
    public convenience init(glob pattern: String) throws {
        try self.init(
            files: Self.expand(glob: pattern).filter { !Self.isDirectory($0) },
            description: "'\(pattern)'")
    }

    private init(files: [String], description: String) throws {
        let images = files.filter { Self.imageExtensions.contains(Self.lowercasedExtension(of: $0)) }
        guard !images.isEmpty else { throw VisionError.noImages(source: description) }
        paths = images.sorted { $0.compare($1, options: [.numeric]) == .orderedAscending }
        skippedNonImages = files.count - images.count
        sourceDescription = description
    }

    public var expectedFrameCount: Int? { paths.count }

    /// Image files that could not be decoded so far.
    public var unreadableImages: Int { lock.withLock { unreadable } }

    /// Why the last unreadable image failed.
    public var lastUnreadableError: VisionError? { lock.withLock { lastError } }

    public func read(into frame: inout ColorImage) throws -> Bool {
        lock.withLock {
            while nextIndex < paths.count {
                let path = paths[nextIndex]
                nextIndex += 1
                do {
                    frame = try ColorImage(contentsOf: path)
                    return true
                } catch let error as VisionError {
                    unreadable += 1
                    lastError = error
                } catch {
                    unreadable += 1
                }
            }
            return false
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    private static func lowercasedExtension(of path: String) -> String {
        URL(fileURLWithPath: path).pathExtension.lowercased()
    }

    /// Paths matching `pattern` by POSIX glob(3); empty when nothing matches.
    private static func expand(glob pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        return paths
    }
}
