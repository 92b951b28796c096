import Foundation
import Testing
@testable import Dataset

@Suite struct CacheTests {
    /// A small split-folder dataset with one non-image file (so the skipped list is cached too).
    static func makeDataset() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a", "b", "c"], perClass: 3, prefix: "train", in: folder)
        try TestImages.writeClasses(["a", "b", "c"], perClass: 1, prefix: "test", in: folder, variantBase: 7)
        try folder.write("notes", to: "train/a/readme.txt")
        return folder
    }

    static func cacheFile(in folder: TemporaryFolder) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.cacheFolder)
        #expect(names.count == 1)
        return "\(folder.cacheFolder)/\(try #require(names.first))"
    }

    static func expectSameData(_ first: LoadResult, _ second: LoadResult) {
        #expect(first.dataset.pixels == second.dataset.pixels)
        #expect(first.dataset.labels == second.dataset.labels)
        #expect(first.dataset.splits == second.dataset.splits)
        #expect(first.dataset.sources == second.dataset.sources)
        #expect(first.dataset.classNames == second.dataset.classNames)
        #expect(first.dataset.root == second.dataset.root)
        #expect(first.dataset.layout == second.dataset.layout)
        #expect(first.report.skipped == second.report.skipped)
        #expect(first.report.notes == second.report.notes)
    }

    @Test func secondLoadComesFromCacheWithIdenticalData() throws {
        let folder = try Self.makeDataset()

        let first = try DatasetLoader.load(folder.path, options: folder.cache)
        let second = try DatasetLoader.load(folder.path, options: folder.cache)

        let file = try Self.cacheFile(in: folder)
        #expect(first.report.cache == .created(path: file))
        #expect(second.report.cache == .hit(path: file))
        #expect(second.report.skipped.count == 1)
        Self.expectSameData(first, second)
    }

    @Test func changedFileInvalidatesTheCache() throws {
        let folder = try Self.makeDataset()
        _ = try DatasetLoader.load(folder.path, options: folder.cache)
        let replacement = TestImages.shape(2, variant: 99)
        try folder.writeImage(replacement, to: "train/a/img1.png")
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)],
            ofItemAtPath: "\(folder.path)/train/a/img1.png"
        )

        let reloaded = try DatasetLoader.load(folder.path, options: folder.cache)

        let file = try Self.cacheFile(in: folder)
        #expect(reloaded.report.cache == .rebuilt(path: file, reason: "dataset files changed"))
        let index = try #require(reloaded.dataset.sources.firstIndex { $0.path == "train/a/img1.png" })
        #expect(Array(reloaded.dataset.image(at: index)) == replacement)
        #expect(try DatasetLoader.load(folder.path, options: folder.cache).report.cache.isHit)
    }

    @Test func addedAndRemovedFilesInvalidateTheCache() throws {
        let folder = try Self.makeDataset()
        _ = try DatasetLoader.load(folder.path, options: folder.cache)
        try folder.writeImage(TestImages.shape(1, variant: 50), to: "train/b/new.png")

        let added = try DatasetLoader.load(folder.path, options: folder.cache)
        #expect(!added.report.cache.isHit)
        #expect(added.dataset.count == 13)

        try FileManager.default.removeItem(atPath: "\(folder.path)/train/a/readme.txt")
        let removed = try DatasetLoader.load(folder.path, options: folder.cache)
        #expect(!removed.report.cache.isHit)
        #expect(removed.report.skipped.isEmpty)
    }

    @Test(arguments: ["flip a pixel byte", "truncate", "garbage", "empty"])
    func damagedCacheIsIgnoredAndRebuilt(damage: String) throws {
        let folder = try Self.makeDataset()
        let original = try DatasetLoader.load(folder.path, options: folder.cache)
        let file = try Self.cacheFile(in: folder)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        switch damage {
        case "flip a pixel byte": bytes[bytes.count - 100] ^= 0xFF
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "garbage": bytes = Array("this is not a cache file at all, just text".utf8)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        let reloaded = try DatasetLoader.load(folder.path, options: folder.cache)

        guard case let .rebuilt(path, reason) = reloaded.report.cache else {
            Issue.record("expected a rebuild, got \(reloaded.report.cache)")
            return
        }
        #expect(path == file)
        #expect(reason != "dataset files changed")
        Self.expectSameData(original, reloaded)
        #expect(try DatasetLoader.load(folder.path, options: folder.cache).report.cache.isHit)
    }

    @Test func unwritableCacheFolderStillLoads() throws {
        let folder = try Self.makeDataset()
        try folder.write("a file where the cache folder should be", to: "blocker")

        let result = try DatasetLoader.load(
            folder.path, options: LoadOptions(cache: .directory("\(folder.path)/blocker/cache"))
        )

        #expect(result.dataset.count == 12)
        guard case .unavailable = result.report.cache else {
            Issue.record("expected the cache to be unavailable, got \(result.report.cache)")
            return
        }
    }

    @Test func disabledCacheWritesNothing() throws {
        let folder = try Self.makeDataset()

        let result = try DatasetLoader.load(folder.path, options: LoadOptions(cache: .disabled))

        #expect(result.report.cache == .disabled)
        #expect(!FileManager.default.fileExists(atPath: folder.cacheFolder))
    }

    @Test func csvCacheDependsOnTheMalformedRowPolicy() throws {
        let folder = try TemporaryFolder()
        let good = TestImages.shape(1, variant: 2).map(String.init).joined(separator: " ")
        try folder.write("emotion,pixels,Usage\n0,\(good),Training\n9,\(good),Training\n", to: "data.csv")
        let path = "\(folder.path)/data.csv"
        var lenient = folder.cache
        lenient.skipMalformedRows = true

        let first = try DatasetLoader.load(path, options: lenient)
        let second = try DatasetLoader.load(path, options: lenient)
        #expect(second.report.cache.isHit)
        #expect(second.report.skipped == first.report.skipped)
        #expect(second.dataset.sources == [SampleSource(path: "data.csv", line: 2)])

        // The strict policy must not be served the lenient result.
        let strict = caughtError { try DatasetLoader.load(path, options: folder.cache) }
        #expect(strict?.description.contains("data.csv:3:") == true)
    }

    @Test func cacheFileNameShowsTheDatasetAndIsKeyedByPath() {
        let first = DatasetCache.filePath(directory: "/c", datasetPath: "/data/fer2013")
        let second = DatasetCache.filePath(directory: "/c", datasetPath: "/other/fer2013")
        #expect(first.hasPrefix("/c/fer2013-") && first.hasSuffix(".fercache"))
        #expect(first != second)
    }
}

extension CacheOutcome {
    var isHit: Bool {
        if case .hit = self { return true }
        return false
    }
}
