import Foundation

/// Snapshot testing of rendered buffers against plain-text files kept next to the tests.
///
/// A snapshot file holds `buffer.lines`, and, when capabilities are given, a second section with
/// `styledLines(adaptedTo:)` so colors are checked too. Files are (re)written only when the
/// environment variable `FER_RECORD_SNAPSHOTS` is `1`; otherwise a missing or different file is
/// a failure.
public enum Snapshot {
    /// Name of the environment variable that switches on recording.
    public static let recordVariable = "FER_RECORD_SNAPSHOTS"

    /// The text stored for a buffer.
    public static func text(of buffer: Buffer, styles capabilities: Capabilities? = nil) -> String {
        var text = buffer.lines.joined(separator: "\n") + "\n"
        if let capabilities {
            text += "--- styles (\(capabilities.colorMode), unicode: \(capabilities.unicode)) ---\n"
            text += buffer.styledLines(adaptedTo: capabilities).joined(separator: "\n") + "\n"
        }
        return text
    }

    /// Compares `buffer` with the file `<name>.txt` in `directory`; returns nil when they match
    /// (or the file was recorded) and a readable failure message otherwise.
    public static func verify(
        _ buffer: Buffer, named name: String, in directory: URL, styles capabilities: Capabilities? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        let actual = text(of: buffer, styles: capabilities)
        let file = directory.appendingPathComponent(name + ".txt")
        if environment[recordVariable] == "1" {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
                return nil
            } catch {
                return "could not record snapshot \(file.path): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "missing snapshot \(file.path); run with \(recordVariable)=1 to record it.\n\(actual)"
        }
        guard expected != actual else { return nil }
        return mismatchMessage(expected: expected, actual: actual, file: file)
    }

    private static func mismatchMessage(expected: String, actual: String, file: URL) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expectedLines, actualLines).enumerated()
            .first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
        func line(_ lines: [Substring]) -> String {
            firstDifference < lines.count ? String(lines[firstDifference]) : "∅"
        }
        let expectedLine = line(expectedLines)
        let actualLine = line(actualLines)
        return """
            snapshot \(file.lastPathComponent) differs at line \(firstDifference + 1) \
            (set \(recordVariable)=1 to re-record):
            expected: \(expectedLine)
            actual:   \(actualLine)
            full actual output:
            \(actual)
            """
    }
}
