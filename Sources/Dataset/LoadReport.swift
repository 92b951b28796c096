/// The account of one load, for the run log: what was read, what was skipped, how long it took.
public struct LoadReport: Sendable {
    /// Absolute dataset path as given (folder or CSV file).
    public let path: String
    public let layout: DatasetLayout
    public let sampleCount: Int
    public let classNames: [String]
    /// Samples per class, for each split present.
    public let classCountsBySplit: [Split: [Int]]
    /// Files that were not images or could not be decoded, and skipped CSV rows.
    public let skipped: [SkippedFile]
    /// Other remarks (folders ignored, columns missing but defaulted).
    public let notes: [String]
    public let cache: CacheOutcome
    /// Wall-clock duration of the load.
    public let seconds: Double

    public init(
        path: String, layout: DatasetLayout, sampleCount: Int, classNames: [String],
        classCountsBySplit: [Split: [Int]], skipped: [SkippedFile], notes: [String], cache: CacheOutcome,
        seconds: Double
    ) {
        self.path = path
        self.layout = layout
        self.sampleCount = sampleCount
        self.classNames = classNames
        self.classCountsBySplit = classCountsBySplit
        self.skipped = skipped
        self.notes = notes
        self.cache = cache
        self.seconds = seconds
    }

    /// Human-readable lines for a log: summary, per-split counts, every skipped file.
    public var logLines: [String] {
        var lines = [
            "dataset \(path) (\(layout)): \(sampleCount) images, \(classNames.count) classes, "
                + "\(skipped.count) skipped, \(String(format3: seconds)) s, \(cache)",
        ]
        for split in Split.allCases {
            guard let counts = classCountsBySplit[split] else { continue }
            let perClass = zip(classNames, counts).map { "\($0) \($1)" }.joined(separator: ", ")
            lines.append("  \(split): \(counts.reduce(0, +)) (\(perClass))")
        }
        lines += notes.map { "  note: \($0)" }
        lines += skipped.map { "  skipped \($0)" }
        return lines
    }
}

extension String {
    /// `value` with three decimals, without Foundation's locale-dependent formatting.
    init(format3 value: Double) {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(abs(thousandths) % 1000)
        self = "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
