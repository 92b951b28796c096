/// Where one sample came from: a path relative to the dataset root and, for CSV rows, the
/// 1-based line number. Printed as `train/happy/im1.jpg` or `fer2013.csv:1234`.
public struct SampleSource: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    public var description: String {
        line.map { "\(path):\($0)" } ?? path
    }
}
