import Engine
import Testing
@testable import Dataset

/// The small building blocks: hash, dataset value, synthetic shapes.
@Suite struct FoundationPiecesTests {
    /// Reference values from the `xxhash` Python package 4.1.0 (`xxhash.xxh64(data, seed)`),
    /// data = bytes((i * 7 + 3) % 256 for i in range(n)).
    @Test func xxHash64MatchesTheReference() {
        let data = { (count: Int) in (0 ..< count).map { UInt8(($0 * 7 + 3) % 256) } }
        #expect(XXHash64.hash([]) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(XXHash64.hash(data(37)) == 0xE32E_F638_02F5_A3FD)
        #expect(XXHash64.hash(data(100)) == 0xA61F_8D4C_170F_E531)
        #expect(XXHash64.hash(data(100), seed: 12345) == 0xACB8_A028_91FE_A7D2)
    }

    @Test func datasetInitRejectsInconsistentArrays() {
        let pixels = [UInt8](repeating: 0, count: 2 * FaceDataset.imageByteCount)
        let short = caughtError { try FaceDataset(pixels: [1, 2, 3], labels: [0], classNames: ["a"]) }
        #expect(short?.description.contains("3 pixel bytes for 1 labels") == true)
        let badLabel = caughtError { try FaceDataset(pixels: pixels, labels: [0, 2], classNames: ["a", "b"]) }
        #expect(badLabel == .inconsistentDataset(reason: "label 2 but only 2 classes"))
        let splits = caughtError {
            try FaceDataset(pixels: pixels, labels: [0, 1], classNames: ["a", "b"], splits: [.train])
        }
        #expect(splits == .inconsistentDataset(reason: "1 split tags for 2 samples"))
    }

    @Test func subsetsShareTheParentsPixels() throws {
        let dataset = try SyntheticFaces.dataset(classCount: 3, trainPerClass: 2, testPerClass: 1)
        let subset = dataset.subset([4, 1, 7])

        #expect(subset.count == 3)
        #expect(subset.label(at: 0) == 2 && subset.label(at: 2) == 1)
        #expect(subset.image(at: 1) == dataset.image(at: 1))
        #expect(subset.classCounts() == [1, 1, 1])
        // Same storage: copying a dataset into a subset copies no pixels.
        let shared = dataset.pixels.withUnsafeBufferPointer { parent in
            subset.dataset.pixels.withUnsafeBufferPointer { $0.baseAddress == parent.baseAddress }
        }
        #expect(shared)
    }

    @Test func syntheticFacesAreDeterministicAndDistinctPerClass() throws {
        let first = try SyntheticFaces.dataset(classCount: 7, trainPerClass: 3, testPerClass: 2, seed: 4)
        let again = try SyntheticFaces.dataset(classCount: 7, trainPerClass: 3, testPerClass: 2, seed: 4)

        #expect(first.pixels == again.pixels)
        #expect(first.count == 35)
        #expect(first.classCounts() == Array(repeating: 5, count: 7))
        #expect(first.heldOutIndices.count == 14)
        #expect(first.classNames == SyntheticFaces.shapeNames)
        // Each shape's mean image differs clearly from every other's.
        let means = (0 ..< 7).map { shape in
            (0 ..< 20).map { SyntheticFaces.image(shape: shape, seed: UInt64($0)) }
                .reduce(into: [Double](repeating: 0, count: FaceDataset.imageByteCount)) { sum, image in
                    for index in image.indices { sum[index] += Double(image[index]) / 20 }
                }
        }
        for first in 0 ..< 7 {
            for second in first + 1 ..< 7 {
                let difference = zip(means[first], means[second]).map { abs($0 - $1) }.reduce(0, +) / 2304
                #expect(difference > 5, "shapes \(first) and \(second) look alike")
            }
        }
        #expect(caughtError { try SyntheticFaces.dataset(classCount: 8, trainPerClass: 1) } != nil)
    }

    @Test func byteReaderThrowsInsteadOfReadingPastTheEnd() throws {
        var writer = ByteWriter()
        writer.append("hello")
        writer.append(UInt16(7))
        var reader = ByteReader(writer.bytes)
        #expect(try reader.readString() == "hello")
        #expect(try reader.read(UInt16.self) == 7)
        #expect(reader.isAtEnd)
        #expect(throws: ByteReader.OutOfData.self) { try reader.read(UInt8.self) }
        var liar = ByteReader([255, 255, 255, 255, 65])
        #expect(throws: ByteReader.OutOfData.self) { try liar.readString() }
    }

    @Test func reportLogLinesSummariseTheLoad() {
        let report = LoadReport(
            path: "/data/fer", layout: .splitFolders, sampleCount: 5, classNames: ["a", "b"],
            classCountsBySplit: [.train: [2, 1], .test: [1, 1]],
            skipped: [SkippedFile(source: SampleSource(path: "train/a/x.txt"), reason: "not an image file")],
            notes: ["folder val/ ignored"], cache: .disabled, seconds: 1.23456
        )
        #expect(report.logLines == [
            "dataset /data/fer (train/test class folders): 5 images, 2 classes, 1 skipped, 1.235 s, "
                + "cache off",
            "  train: 3 (a 2, b 1)",
            "  test: 2 (a 1, b 1)",
            "  note: folder val/ ignored",
            "  skipped train/a/x.txt: not an image file",
        ])
    }
}
