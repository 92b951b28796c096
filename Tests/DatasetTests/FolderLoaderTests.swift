import Foundation
import Testing
import Vision
@testable import Dataset

@Suite struct FolderLoaderTests {
    @Test func loadsKaggleTrainTestLayout() throws {
        let folder = try TemporaryFolder()
        // Written out of order: the loader must sort classes alphabetically.
        let classes = ["happy", "angry", "sad"]
        let train = try TestImages.writeClasses(classes, perClass: 3, prefix: "train", in: folder)
        let test = try TestImages.writeClasses(
            classes, perClass: 2, prefix: "test", in: folder, variantBase: 10
        )

        let result = try DatasetLoader.load(folder.path, options: folder.cache)
        let dataset = result.dataset

        #expect(dataset.layout == .splitFolders)
        #expect(dataset.classNames == ["angry", "happy", "sad"])
        #expect(dataset.count == 15)
        #expect(dataset.trainIndices.count == 9)
        #expect(dataset.heldOutIndices.count == 6)
        #expect(result.report.classCountsBySplit[.train] == [3, 3, 3])
        #expect(result.report.classCountsBySplit[.test] == [2, 2, 2])
        #expect(result.report.skipped.isEmpty)
        let written = train.merging(test) { first, _ in first }
        for index in 0 ..< dataset.count {
            let path = dataset.sources[index].path
            // PNG is lossless: every pixel must come back exactly, under the right label.
            #expect(Array(dataset.image(at: index)) == written[path])
            let className = path.split(separator: "/")[1]
            #expect(dataset.classNames[Int(dataset.labels[index])] == className)
            #expect(dataset.splits[index] == (path.hasPrefix("train/") ? .train : .test))
        }
    }

    @Test func theTestFolderGivenAloneIsTheTestSplit() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["angry", "happy"], perClass: 3, prefix: "test", in: folder)
        let dataset = try DatasetLoader.load(folder.path + "/test", options: folder.cache).dataset
        #expect(dataset.layout == .classFolders)
        #expect(dataset.splits.allSatisfy { $0 == .test })
        #expect(throws: DatasetError.self, "nothing to train on without --pool-test") {
            try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 2))
        }
        let pooled = try KFoldPlan(dataset: dataset, options: KFoldOptions(foldCount: 2, poolTest: true))
        #expect(pooled.folds.count == 2)
    }

    @Test func infersClassesOfAnyClassFolderSet() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["zebra", "Apple", "mango"], perClass: 2, prefix: "", in: folder)
        // A nested folder belongs to its class; a JPEG decodes too.
        try folder.writeImage(TestImages.shape(2, variant: 9), to: "zebra/more/extra.jpg")

        let result = try DatasetLoader.load(folder.path, options: folder.cache)

        #expect(result.dataset.layout == .classFolders)
        #expect(result.dataset.classNames == ["Apple", "mango", "zebra"])
        #expect(result.dataset.classCounts() == [2, 2, 3])
        #expect(result.dataset.splits.allSatisfy { $0 == .train })
        let extra = try #require(result.dataset.sources.firstIndex { $0.path == "zebra/more/extra.jpg" })
        #expect(result.dataset.labels[extra] == 2)
    }

    @Test func convertsColorAndOtherSizesToGray48() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a", "b"], perClass: 1, prefix: "", in: folder)
        // 96×96 color image: left half gray 200, right half gray 50 (equal B, G, R).
        var color = [UInt8](repeating: 0, count: 96 * 96 * 3)
        for y in 0 ..< 96 {
            for x in 0 ..< 96 {
                for channel in 0 ..< 3 { color[(y * 96 + x) * 3 + channel] = x < 48 ? 200 : 50 }
            }
        }
        try ColorImage(width: 96, height: 96, pixels: color).write(to: try folder.file("a/big-color.png"))
        // 48×48 pure red JPEG: decoded straight to gray, 0.299 × 255 ≈ 76.
        var red = [UInt8](repeating: 0, count: 48 * 48 * 3)
        for pixel in 0 ..< 48 * 48 { red[pixel * 3 + 2] = 255 }
        try ColorImage(width: 48, height: 48, pixels: red).write(to: try folder.file("b/red.jpg"))
        // 30×20 gray image, upscaled and stretched.
        try GrayImage(width: 30, height: 20, filledWith: 77).write(to: try folder.file("b/small.png"))

        let dataset = try DatasetLoader.load(folder.path, options: folder.cache).dataset

        let big = try #require(dataset.sources.firstIndex { $0.path == "a/big-color.png" })
        let image = Array(dataset.image(at: big))
        #expect(image.count == 48 * 48)
        for y in [0, 20, 47] {
            #expect(image[y * 48 + 0] == 200 && image[y * 48 + 23] == 200)
            #expect(image[y * 48 + 24] == 50 && image[y * 48 + 47] == 50)
        }
        let redIndex = try #require(dataset.sources.firstIndex { $0.path == "b/red.jpg" })
        #expect(dataset.image(at: redIndex).allSatisfy { (73 ... 79).contains($0) })
        let small = try #require(dataset.sources.firstIndex { $0.path == "b/small.png" })
        #expect(dataset.image(at: small).allSatisfy { $0 == 77 })
    }

    @Test func skipsAndCountsCorruptAndNonImageFiles() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a", "b"], perClass: 2, prefix: "", in: folder)
        try folder.write("just text", to: "a/notes.txt")
        try folder.write(bytes: [0x12, 0x34, 0x56, 0x78, 0x9A], to: "a/garbage.jpg")
        let jpeg = try GrayImage(width: 48, height: 48, pixels: TestImages.shape(1, variant: 5))
            .encoded(format: .jpeg)
        try folder.write(bytes: Array(jpeg.prefix(jpeg.count / 2)), to: "b/truncated.jpg")

        let result = try DatasetLoader.load(folder.path, options: folder.cache)

        #expect(result.dataset.count == 4)
        let skippedPaths = result.report.skipped.map(\.source.path)
        #expect(skippedPaths == ["a/garbage.jpg", "a/notes.txt", "b/truncated.jpg"])
        #expect(result.report.skipped[1].reason == "not an image file")
        #expect(result.report.skipped[2].reason.contains("truncated"))
        #expect(result.report.logLines.contains { $0.contains("skipped a/garbage.jpg") })
        #expect(!result.dataset.sources.contains { $0.path.contains("garbage") })
    }

    @Test func emptyClassFolderIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a", "b"], perClass: 2, prefix: "", in: folder)
        try folder.folder("c")

        let error = caughtError { try DatasetLoader.load(folder.path, options: folder.cache) }

        #expect(error == .emptyClass(path: "\(folder.path)/c", skippedCount: 0))
        #expect(error?.description.contains("/c' contains no images") == true)
    }

    @Test func emptyClassFolderIsKeptAsAClassWhenAllowed() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a", "b"], perClass: 2, prefix: "", in: folder)
        try folder.folder("c")
        var options = folder.cache
        options.allowsEmptyClasses = true

        let dataset = try DatasetLoader.load(folder.path, options: options).dataset

        #expect(dataset.classNames == ["a", "b", "c"])
        #expect(dataset.count == 4 && !dataset.labels.contains(2))
        // The cache keeps the two readings apart: training still refuses the empty class.
        #expect(caughtError { try DatasetLoader.load(folder.path, options: folder.cache) }
            == .emptyClass(path: "\(folder.path)/c", skippedCount: 0))
    }

    @Test func linksAreFollowedOnceNeverInCyclesAndNoFileIsCountedTwice() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a", "b"], perClass: 3, prefix: "", in: folder)
        let outside = try TemporaryFolder()
        try TestImages.writeClasses(["extra"], perClass: 2, prefix: "", in: outside, variantBase: 10)
        let manager = FileManager.default
        // Loops back into the dataset, a link to another class's face, and a folder outside.
        try manager.createSymbolicLink(atPath: "\(folder.path)/a/loop", withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: "\(folder.path)/b/self", withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: "\(folder.path)/b/copy.png", withDestinationPath: "../a/img0.png")
        try manager.createSymbolicLink(atPath: "\(folder.path)/b/outside", withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: "\(outside.path)/extra/back", withDestinationPath: folder.path)

        let result = try DatasetLoader.load(folder.path, options: folder.cache)

        let counts = result.dataset.classNames.indices.map { label in
            result.dataset.labels.filter { Int($0) == label }.count
        }
        #expect(counts == [3, 5], "a: its 3 faces; b: its 3 and the 2 of the linked folder")
        #expect(result.report.skipped.contains { $0.source.path == "b/copy.png" && $0.reason.contains("a/img0.png") })
        let notes = result.report.notes.joined(separator: "\n")
        #expect(notes.contains("a/loop/ not followed"))
        #expect(notes.contains("b/self/ not followed"))
        #expect(notes.contains("b/outside/extra/back/ not followed"))
    }

    @Test func classWithOnlyUnreadableFilesIsAnError() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a"], perClass: 2, prefix: "", in: folder)
        try folder.write(bytes: [1, 2, 3], to: "b/broken.png")
        try folder.write("x", to: "b/readme.md")

        let error = caughtError { try DatasetLoader.load(folder.path, options: folder.cache) }

        #expect(error == .emptyClass(path: "\(folder.path)/b", skippedCount: 2))
    }

    @Test func unusablePathsGiveClearErrors() throws {
        let folder = try TemporaryFolder()
        try folder.folder("empty")
        try folder.writeImage(TestImages.shape(0, variant: 0), to: "loose/face.png")
        try folder.write("hello", to: "notes/readme.txt")
        try folder.write("hello", to: "file.txt")

        let missing = caughtError { try DatasetLoader.load("\(folder.path)/nowhere", options: folder.cache) }
        #expect(missing == .pathNotFound(path: "\(folder.path)/nowhere"))
        let empty = caughtError { try DatasetLoader.load("\(folder.path)/empty", options: folder.cache) }
        #expect(empty == .emptyFolder(path: "\(folder.path)/empty"))
        let loose = caughtError { try DatasetLoader.load("\(folder.path)/loose", options: folder.cache) }
        #expect(loose?.description.contains("not in class subfolders") == true)
        let notes = caughtError { try DatasetLoader.load("\(folder.path)/notes", options: folder.cache) }
        #expect(notes?.description.contains("no class subfolders") == true)
        let file = caughtError { try DatasetLoader.load("\(folder.path)/file.txt", options: folder.cache) }
        #expect(file?.description.contains("not a .csv file") == true)
    }

    @Test func reportsProgressUpToTheTotal() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a", "b", "c"], perClass: 4, prefix: "", in: folder)
        let calls = ProgressLog()

        _ = try DatasetLoader.load(folder.path, options: LoadOptions(cache: .disabled)) { done, total in
            calls.record(done, total)
        }

        let seen = calls.values
        #expect(seen.last?.done == 12 && seen.last?.total == 12)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.done <= $1.done })
    }

    @Test func ignoresFoldersBesideTrainAndTest() throws {
        let folder = try TemporaryFolder()
        try TestImages.writeClasses(["a", "b"], perClass: 1, prefix: "train", in: folder)
        try TestImages.writeClasses(["a", "b"], perClass: 1, prefix: "val", in: folder)

        let result = try DatasetLoader.load(folder.path, options: folder.cache)

        #expect(result.dataset.count == 2)
        #expect(result.report.notes == ["folder val/ ignored (only train/ and test/ are read)"])
    }
}

/// Collects progress calls from worker threads.
final class ProgressLog: @unchecked Sendable {
    private var calls: [(done: Int, total: Int)] = []
    private let lock = NSLock()

    func record(_ done: Int, _ total: Int) {
        lock.lock()
        calls.append((done, total))
        lock.unlock()
    }

    var values: [(done: Int, total: Int)] {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }
}
