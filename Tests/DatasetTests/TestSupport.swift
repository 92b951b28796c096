import Foundation
import TestScratch
import Vision
@testable import Dataset

/// A fresh folder under the system temporary folder, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = try ScratchFolder.make("dataset").path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: cacheFolder)
    }

    /// `relative` inside this folder, with its parent folders created.
    func file(_ relative: String) throws -> String {
        let full = "\(path)/\(relative)"
        let parent = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        return full
    }

    func folder(_ relative: String) throws {
        try FileManager.default.createDirectory(
            atPath: "\(path)/\(relative)", withIntermediateDirectories: true
        )
    }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: try file(relative)))
    }

    func write(bytes: [UInt8], to relative: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: try file(relative)))
    }

    /// Writes a 48×48 gray image; the format follows the extension (.png is lossless).
    func writeImage(_ pixels: [UInt8], to relative: String) throws {
        try GrayImage(width: FaceDataset.imageSide, height: FaceDataset.imageSide, pixels: pixels)
            .write(to: try file(relative))
    }

    /// A cache folder private to this folder, beside it (inside, it would look like a class).
    var cacheFolder: String { "\(path)-cache" }

    /// Load options using `cacheFolder`.
    var cache: LoadOptions {
        LoadOptions(cache: .directory(cacheFolder))
    }
}

/// Small image sets the tests write to disk.
enum TestImages {
    /// The synthetic image of `shape` number `variant`.
    static func shape(_ shape: Int, variant: Int) -> [UInt8] {
        SyntheticFaces.image(shape: shape, seed: UInt64(variant))
    }

    /// Writes `perClass` PNGs of each of `classes` under `prefix/<class>/`, class k drawn as
    /// shape k, and returns what was written by relative path.
    @discardableResult
    static func writeClasses(
        _ classes: [String], perClass: Int, prefix: String, in folder: TemporaryFolder, variantBase: Int = 0
    ) throws -> [String: [UInt8]] {
        var written: [String: [UInt8]] = [:]
        for (shape, name) in classes.enumerated() {
            for variant in 0 ..< perClass {
                let pixels = Self.shape(shape, variant: variantBase + variant)
                let relative = (prefix.isEmpty ? "" : "\(prefix)/") + "\(name)/img\(variant).png"
                try folder.writeImage(pixels, to: relative)
                written[relative] = pixels
            }
        }
        return written
    }
}

/// A CSV row in `fer2013.csv` form.
func csvRow(emotion: String, pixels: [UInt8], usage: String) -> String {
    "\(emotion),\(pixels.map(String.init).joined(separator: " ")),\(usage)"
}

/// The `DatasetError` a throwing call produced (nil if it returned or threw another type).
func caughtError<Value>(_ body: () throws -> Value) -> DatasetError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? DatasetError
    }
}
