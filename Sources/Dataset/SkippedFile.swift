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
