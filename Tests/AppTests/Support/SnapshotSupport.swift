import Foundation
import Terminal
import Testing
@testable import App

/// Folder of the stored screen snapshots (Tests/AppTests/Snapshots).
let snapshotDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Records a failure when `buffer` differs from the stored snapshot `name` (re-recorded only with
/// FER_RECORD_SNAPSHOTS=1).
func expectSnapshot(_ buffer: Buffer, _ name: String, styles: Capabilities? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    if let failure = Snapshot.verify(buffer, named: name, in: snapshotDirectory, styles: styles) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

/// The two color modes every screen is snapshotted in.
enum RenderMode: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case color
    case noColor

    var capabilities: Capabilities {
        var environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        if self == .noColor { environment["NO_COLOR"] = "1" }
        return Capabilities.detect(environment: environment)
    }

    var theme: Theme { Theme(capabilities: capabilities) }
    var testDescription: String { rawValue }
}

/// The sizes every screen is snapshotted at: the two common ones and one too small for any screen.
let screenSizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 10)]

/// Every (size, mode) pair.
let snapshotCases: [(Size, RenderMode)] = screenSizes.flatMap { size in
    RenderMode.allCases.map { (size, $0) }
}

/// The whole app drawn for `state` at `size` in `mode`.
func frame(_ state: AppState, size: Size, mode: RenderMode) -> Buffer {
    var sized = state
    sized.size = size
    sized.capabilities = mode.capabilities
    return AppView.frame(sized, theme: mode.theme)
}

/// Checks a screen's snapshot; styles are stored for the small sizes, where they stay readable.
func expectScreen(_ name: String, _ state: AppState, size: Size, mode: RenderMode,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let buffer = frame(state, size: size, mode: mode)
    let styles = size.width <= 80 ? mode.capabilities : nil
    expectSnapshot(buffer, "\(name)-\(size.width)x\(size.height)-\(mode.rawValue)", styles: styles,
                   sourceLocation: sourceLocation)
}

/// The frame's text, for `contains` checks.
func text(_ buffer: Buffer) -> String {
    buffer.lines.joined(separator: "\n")
}

/// Applies messages in order and returns all effects asked for.
@discardableResult
func send(_ messages: [Message], to state: inout AppState) -> [Effect] {
    messages.flatMap { AppUpdate.update(&state, $0) }
}

/// Applies keys in order and returns all effects asked for.
@discardableResult
func press(_ keys: Key..., on state: inout AppState) -> [Effect] {
    send(keys.map(Message.key), to: &state)
}
