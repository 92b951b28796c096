import Foundation
import Testing
@testable import Terminal

/// Folder of the stored snapshot files (Tests/TerminalTests/Snapshots).
let snapshotDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Records a test failure when `buffer` differs from the stored snapshot `name`.
func expectSnapshot(
    _ buffer: Buffer, _ name: String, styles: Capabilities? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if let failure = Snapshot.verify(buffer, named: name, in: snapshotDirectory, styles: styles) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

/// The two rendering modes every widget snapshot is taken in.
enum RenderMode: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case color
    case noColor

    var capabilities: Capabilities {
        switch self {
        case .color: return Capabilities.detect(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        case .noColor:
            return Capabilities.detect(environment: [
                "TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "1",
            ])
        }
    }

    var theme: Theme { Theme(capabilities: capabilities) }
    var testDescription: String { rawValue }
}

/// Sizes every widget snapshot is taken at: the two common ones and a too-small one.
let snapshotSizes: [Size] = [
    Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 24, height: 6),
]

/// Renders `widget` into a fresh buffer of `size`.
func rendered(_ widget: some Widget, size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    buffer.render(widget, in: buffer.area)
    return buffer
}

/// Snapshot name like `lineChart-80x24-color`.
func snapshotName(_ widget: String, _ size: Size, _ mode: RenderMode) -> String {
    "\(widget)-\(size.width)x\(size.height)-\(mode.rawValue)"
}

/// The text of the buffer, for quick `contains` checks.
func screenText(_ buffer: Buffer) -> String {
    buffer.lines.joined(separator: "\n")
}
