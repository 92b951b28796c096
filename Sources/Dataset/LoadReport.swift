/// A file or CSV row left out of the dataset, and why.
public struct SkippedFile: Sendable, Hashable, CustomStringConvertible {
    /// Path relative to the dataset root (and line, for CSV rows).
    public let source: SampleSource
    public let reason: String

    public init(source: SampleSource, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}

/// What happened with the decoded-dataset cache during a load.
public enum CacheOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Caching was switched off.
    case disabled
    /// Loaded from the cache file.
    case hit(path: String)
    /// Decoded, then written to a new cache file.
    case created(path: String)
    /// The cache file was stale or unreadable (`reason`); decoded again and rewritten.
    case rebuilt(path: String, reason: String)
    /// Decoded, but no cache could be written (`reason`); the next load decodes again.
    case unavailable(reason: String)

    public var description: String {
        switch self {
        case .disabled: "cache off"
        case let .hit(path): "loaded from cache \(path)"
        case let .created(path): "cache written to \(path)"
        case let .rebuilt(path, reason): "cache rebuilt (\(reason)) at \(path)"
        case let .unavailable(reason): "no cache: \(reason)"
        }
    }
}

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
