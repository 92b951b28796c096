import Foundation
import TestScratch

/// A fresh folder under the system temporary folder, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = try ScratchFolder.make("app").path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `relative` inside this folder, with its parent folders created.
    func file(_ relative: String) throws -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        return full
    }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: try file(relative)))
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(relative))
    }
}
