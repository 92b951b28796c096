/// Progress callback of a load: `done` of `total` items (files or CSV rows) handled so far.
/// Called from worker threads, one call at a time, with `done` increasing; keep it cheap
/// (post a message, do not draw).
public typealias LoadProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// Where the decoded-dataset cache lives.
public enum CacheLocation: Sendable, Hashable {
    /// `$XDG_CACHE_HOME/fer/datasets/`, else `~/.cache/fer/datasets/`: outside the dataset, so
    /// read-only dataset folders work. One file per dataset path.
    case userCache
    /// A folder of the caller's choosing (tests, CI).
    case directory(String)
    /// No cache: always decode.
    case disabled
}

/// How `DatasetLoader.load` reads a dataset.
public struct LoadOptions: Sendable, Hashable {
    public var cache: CacheLocation
    /// CSV only. False (default): the first malformed row stops the load with an error naming
    /// its line. True: malformed rows are skipped and listed in `LoadReport.skipped`.
    public var skipMalformedRows: Bool
    /// Decoding threads; nil uses every active core.
    public var workerCount: Int?
    /// Class folders with no image are kept as classes without faces (evaluation: the data says
    /// which classes exist) instead of refusing the dataset (training needs faces of every class).
    public var allowsEmptyClasses: Bool

    public init(
        cache: CacheLocation = .userCache, skipMalformedRows: Bool = false, workerCount: Int? = nil,
        allowsEmptyClasses: Bool = false
    ) {
        self.cache = cache
        self.skipMalformedRows = skipMalformedRows
        self.workerCount = workerCount
        self.allowsEmptyClasses = allowsEmptyClasses
    }
}
