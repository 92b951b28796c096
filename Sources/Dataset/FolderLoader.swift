/// Decodes the images of a scanned folder dataset on all cores into one pixel array.
/// Unreadable images are skipped and listed; a class folder left with no image is an error.
enum FolderLoader {
    /// Files handed to one worker at a time: big enough to amortise scheduling, small enough
    /// for smooth progress (140 steps on FER2013).
    private static let chunkSize = 256

    /// A file that failed to decode.
    private struct Failure: Sendable {
        var image: Int
        var reason: String
    }

    static func load(
        _ scan: FolderScan, options: LoadOptions, progress: LoadProgress?
    ) throws(DatasetError) -> LoadedData {
        let count = scan.images.count
        let size = FaceDataset.imageByteCount
        let failures = LockedCollector<Failure>()
        let images = scan.images
        let root = scan.root
        var pixels = [UInt8](unsafeUninitializedCapacity: count * size) { buffer, initialized in
            let output = DisjointWrites(buffer: buffer)
            ParallelWork.run(
                itemCount: count, chunkSize: chunkSize, workerCount: options.workerCount, progress: progress
            ) { chunk in
                var failed: [Failure] = []
                for image in chunk {
                    let range = image * size ..< (image + 1) * size
                    let slot = UnsafeMutableBufferPointer(rebasing: output.buffer[range])
                    do throws(FaceDecoder.DecodeFailure) {
                        try FaceDecoder.decode(path: "\(root)/\(images[image].relativePath)", into: slot)
                    } catch {
                        // Zero the slot so the array is fully initialised before compaction.
                        slot.update(repeating: 0)
                        failed.append(Failure(image: image, reason: error.reason))
                    }
                }
                failures.append(contentsOf: failed)
            }
            initialized = count * size
        }
        let failed = failures.items.sorted { $0.image < $1.image }
        let failedImages = Set(failed.map(\.image))
        for folder in scan.classFolders
        where !options.allowsEmptyClasses && folder.imageRange.allSatisfy(failedImages.contains) {
            throw .emptyClass(
                path: "\(scan.root)/\(folder.relativePath)",
                skippedCount: folder.imageRange.count + folder.skippedCount
            )
        }
        PixelCompaction.removeImages(at: failedImages, from: &pixels)
        let kept = images.indices.filter { !failedImages.contains($0) }
        let dataset = FaceDataset(
            unchecked: pixels, labels: kept.map { images[$0].label }, classNames: scan.classNames,
            splits: kept.map { images[$0].split },
            sources: kept.map { SampleSource(path: images[$0].relativePath) }, root: scan.root,
            layout: scan.layout
        )
        let decodeFailures = failed.map {
            SkippedFile(source: SampleSource(path: images[$0.image].relativePath), reason: $0.reason)
        }
        let skipped = (scan.skipped + decodeFailures).sorted {
            $0.source.path.utf8.lexicographicallyPrecedes($1.source.path.utf8)
        }
        return LoadedData(dataset: dataset, skipped: skipped, notes: scan.notes)
    }
}
