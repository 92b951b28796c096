/// A loaded dataset and the account of its load.
public struct LoadResult: Sendable {
    public let dataset: FaceDataset
    public let report: LoadReport

    public init(dataset: FaceDataset, report: LoadReport) {
        self.dataset = dataset
        self.report = report
    }
}

/// Loads a dataset from disk, whatever its layout, through the cache.
///
/// ```swift
/// let result = try DatasetLoader.load("data/fer2013") { done, total in print(done, total) }
/// let plan = try KFoldPlan(dataset: result.dataset)
/// ```
public enum DatasetLoader {
    /// Loads `path`: the Kaggle FER2013 folder (`train/`, `test/`), any folder of class folders,
    /// or a `fer2013.csv` (the file, or a folder holding it); see `DatasetLayout`.
    /// `progress` reports files decoded or rows parsed (once, complete, on a cache hit).
    public static func load(
        _ path: String, options: LoadOptions = LoadOptions(), progress: LoadProgress? = nil
    ) throws(DatasetError) -> LoadResult {
        let clock = ContinuousClock()
        let start = clock.now
        let detected = try LayoutDetection.detect(path)
        let source = try prepare(detected, options: options, progress: progress)
        var data: LoadedData
        var outcome: CacheOutcome
        if let directory = DatasetCache.directory(for: options.cache) {
            let file = DatasetCache.filePath(directory: directory, datasetPath: detected.path)
            switch DatasetCache.read(path: file, fingerprint: source.fingerprint) {
            case let .success(cached):
                data = cached
                outcome = .hit(path: file)
                progress?(data.dataset.count, data.dataset.count)
            case let .failure(miss):
                data = try source.load()
                outcome = store(data, fingerprint: source.fingerprint, file: file, miss: miss)
            }
        } else {
            data = try source.load()
            outcome = options.cache == .disabled
                ? .disabled
                : .unavailable(reason: "no home folder for the user cache")
        }
        let report = LoadReport(
            path: detected.path, layout: detected.layout, sampleCount: data.dataset.count,
            classNames: data.dataset.classNames, classCountsBySplit: countsBySplit(data.dataset),
            skipped: data.skipped, notes: data.notes, cache: outcome,
            seconds: seconds(clock.now - start)
        )
        return LoadResult(dataset: data.dataset, report: report)
    }

    /// The layout `path` would be loaded as, without loading it.
    public static func detectLayout(of path: String) throws(DatasetError) -> DatasetLayout {
        try LayoutDetection.detect(path).layout
    }

    /// How to load one detected dataset, and the fingerprint of its files for the cache.
    private struct Source {
        var fingerprint: UInt64
        var load: () throws(DatasetError) -> LoadedData
    }

    private static func prepare(
        _ detected: LayoutDetection.Detected, options: LoadOptions, progress: LoadProgress?
    ) throws(DatasetError) -> Source {
        var key = ByteWriter()
        key.append(detected.path)
        switch detected.layout {
        case .fer2013CSV:
            guard let status = FileSystem.status(of: detected.path) else {
                throw .pathNotFound(path: detected.path)
            }
            key.append(detected.layout.rawValue)
            key.append(UInt8(options.skipMalformedRows ? 1 : 0))
            key.append(status.size)
            key.append(status.modificationSeconds)
            key.append(status.modificationNanoseconds)
            return Source(fingerprint: XXHash64.hash(key.bytes)) { () throws(DatasetError) in
                try CSVLoader.load(path: detected.path, options: options, progress: progress)
            }
        case .memory:
            throw .unrecognisedLayout(
                path: detected.path, reason: "in-memory datasets are not loaded from disk"
            )
        case .splitFolders, .classFolders:
            let scan = try FolderScanner.scan(
                root: detected.path, layout: detected.layout, allowsEmptyClasses: options.allowsEmptyClasses
            )
            key.append(scan.fingerprint)
            key.append(UInt8(options.allowsEmptyClasses ? 1 : 0))
            return Source(fingerprint: XXHash64.hash(key.bytes)) { () throws(DatasetError) in
                try FolderLoader.load(scan, options: options, progress: progress)
            }
        }
    }

    /// Writes the cache after a decode; a failure to write only costs speed next time.
    private static func store(
        _ data: LoadedData, fingerprint: UInt64, file: String, miss: DatasetCache.Miss
    ) -> CacheOutcome {
        do throws(DatasetError) {
            try DatasetCache.write(data, fingerprint: fingerprint, path: file)
        } catch {
            return .unavailable(reason: error.description)
        }
        switch miss {
        case .absent: return .created(path: file)
        case .stale: return .rebuilt(path: file, reason: "dataset files changed")
        case let .unusable(reason): return .rebuilt(path: file, reason: reason)
        }
    }

    private static func countsBySplit(_ dataset: FaceDataset) -> [Split: [Int]] {
        var counts: [Split: [Int]] = [:]
        for index in 0 ..< dataset.count {
            counts[dataset.splits[index], default: Array(repeating: 0, count: dataset.classCount)][
                Int(dataset.labels[index])
            ] += 1
        }
        return counts
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
