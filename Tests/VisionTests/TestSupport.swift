import Foundation
import TestScratch

@testable import Vision

/// Paths and scratch space shared by the Vision tests.
enum TestSupport {
    /// The package root, found from this file's location (Tests/VisionTests/...).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var astronautPath: String { packageRoot.appendingPathComponent("Assets/astronaut.png").path }

    static var fixturesDirectory: URL {
        packageRoot.appendingPathComponent("Tests/VisionTests/Fixtures")
    }

    /// A fresh empty directory under the system temporary directory.
    static func makeTemporaryDirectory() throws -> URL {
        try ScratchFolder.make("vision")
    }

    /// A deterministic gray gradient with a checker overlay, so every pixel is distinct-ish.
    static func patternGray(width: Int, height: Int) -> GrayImage {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let checker = ((x / 4 + y / 4) % 2) * 60
                pixels[y * width + x] = UInt8((x * 3 + y * 2 + checker) % 256)
            }
        }
        return GrayImage(validWidth: width, height: height, pixels: pixels)
    }

    /// A deterministic BGR pattern: blue follows x, green follows y, red a checker.
    static func patternColor(width: Int, height: Int) -> ColorImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let start = (y * width + x) * 3
                pixels[start] = UInt8(x * 255 / max(1, width - 1))
                pixels[start + 1] = UInt8(y * 255 / max(1, height - 1))
                pixels[start + 2] = ((x / 8 + y / 8) % 2) == 0 ? 40 : 220
            }
        }
        return ColorImage(validWidth: width, height: height, pixels: pixels)
    }

    /// Mean absolute difference of two equally sized pixel arrays.
    static func meanAbsoluteDifference(_ first: [UInt8], _ second: [UInt8]) -> Double {
        guard first.count == second.count, !first.isEmpty else { return .infinity }
        var total = 0
        for index in first.indices { total += abs(Int(first[index]) - Int(second[index])) }
        return Double(total) / Double(first.count)
    }
}
