import Engine
import Foundation
import Vision

/// A short video made from the astronaut photo: her face glides left to right across a plain
/// background, bobbing up and down and growing then shrinking. Tests use it (the expected
/// face box is known for every frame), and `fer live --source demo` plays it.
public struct DemoClip: Sendable {
    /// The photo shipped in `Assets`, relative to that folder.
    public static let photoPath = "astronaut.png"
    /// Square around the face in the photo, pasted into each frame.
    public static let facePatch = PixelRect(x: 135, y: 25, width: 180, height: 180)
    /// The face inside the photo, as the Haar cascade finds it.
    public static let faceInPhoto = FaceBox(x: 177, y: 66, width: 95, height: 95)
    public static let background = BGRColor(red: 90, green: 110, blue: 130)

    public var size: PixelSize
    public var frameCount: Int
    public var framesPerSecond: Double

    /// The benchmark's size by default: 596×336, like the Python `fer` package's demo video.
    public init(
        size: PixelSize = PixelSize(width: 596, height: 336), frameCount: Int = 75,
        framesPerSecond: Double = 25
    ) {
        self.size = size
        self.frameCount = frameCount
        self.framesPerSecond = framesPerSecond
    }

    /// Where the face patch goes in frame `index`.
    public func placement(_ index: Int) -> PixelRect {
        let progress = frameCount > 1 ? Double(index) / Double(frameCount - 1) : 0
        let side = Int((Double(size.height) * (0.42 + 0.18 * sin(Double.pi * progress))).rounded())
        let travel = Double(max(0, size.width - side - 2 * edge))
        let x = edge + Int((travel * progress).rounded())
        let bob = Double(size.height - side) * 0.25 * sin(2 * Double.pi * progress)
        let y = Int((Double(size.height - side) / 2 + bob).rounded())
        return PixelRect(x: x, y: y, width: side, height: side)
    }

    /// The face box in frame `index` where a perfect detector would put it.
    public func expectedFace(_ index: Int) -> FaceBox {
        let place = placement(index)
        let scale = Double(place.width) / Double(Self.facePatch.width)
        let face = Self.faceInPhoto
        return FaceBox(
            x: place.x + Int((Double(face.x - Self.facePatch.x) * scale).rounded()),
            y: place.y + Int((Double(face.y - Self.facePatch.y) * scale).rounded()),
            width: Int((Double(face.width) * scale).rounded()),
            height: Int((Double(face.height) * scale).rounded()))
    }

    private var edge: Int { max(0, size.width / 30) }

    /// Frame `index`, given the face patch cut from the photo.
    public func frame(_ index: Int, patch: ColorImage, backgroundPixels: [UInt8]? = nil) throws -> ColorImage
    {
        let place = placement(index).clamped(to: size)
        let scaled = try patch.resized(width: place.width, height: place.height)
        var pixels =
            backgroundPixels
            ?? ColorImage(width: size.width, height: size.height, filledWith: Self.background).pixels
        let rowBytes = place.width * ColorImage.channels
        for row in 0..<place.height {
            let target = ((place.y + row) * size.width + place.x) * ColorImage.channels
            let source = row * rowBytes
            pixels.replaceSubrange(
                target..<target + rowBytes, with: scaled.pixels[source..<source + rowBytes])
        }
        return try ColorImage(width: size.width, height: size.height, pixels: pixels)
    }

    /// Writes the clip (any format `VideoWriter` knows: .mp4, .avi), from the photo at `photoPath`.
    public func write(to path: String, photoPath: String) throws {
        guard frameCount >= 1, size.width >= 64, size.height >= 64 else {
            throw LiveError.invalidOption(
                detail: "a demo clip needs at least one frame of at least 64×64 pixels")
        }
        let patch = try ColorImage(contentsOf: photoPath).cropped(to: Self.facePatch)
        let background = ColorImage(width: size.width, height: size.height, filledWith: Self.background)
            .pixels
        let writer = try VideoWriter(path: path, size: size, framesPerSecond: framesPerSecond)
        for index in 0..<frameCount {
            try writer.write(frame(index, patch: patch, backgroundPixels: background))
        }
        try writer.close()
    }

    /// The clip in fer's cache folder (`$XDG_CACHE_HOME/fer` or `~/.cache/fer`), made on first
    /// use from the shipped photo.
    public func cachedFile(assetFolders: [String] = ShippedAssets.searchFolders()) throws -> String {
        let name = "demo-\(size.width)x\(size.height)-\(frameCount)f-\(Int(framesPerSecond))fps.mp4"
        let folder = Self.cacheFolder()
        let path = folder.appendingPathComponent(name).path
        if FileManager.default.fileExists(atPath: path) { return path }
        guard let photo = ShippedAssets.locate(Self.photoPath, folders: assetFolders) else {
            throw LiveError.assetNotFound(
                name: Self.photoPath, searched: assetFolders)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LiveError.outputFailed(
                detail: "cannot create cache folder '\(folder.path)': \(error.localizedDescription)")
        }
        // Written under a temporary name first, so an interrupted run leaves no half clip behind.
        let partial = folder.appendingPathComponent(".\(UUID().uuidString)-\(name)").path
        defer { try? FileManager.default.removeItem(atPath: partial) }
        try write(to: partial, photoPath: photo)
        do {
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch  where FileManager.default.fileExists(atPath: path) {
            // Another fer made the same clip meanwhile.
        } catch {
            throw LiveError.outputFailed(
                detail: "cannot store the demo clip at '\(path)': \(error.localizedDescription)")
        }
        return path
    }

    static func cacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        CacheFolder.path(environment: environment).map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("fer-cache")
    }
}
