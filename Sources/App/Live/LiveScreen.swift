import Live
import Terminal

/// The live screen (`fer live`): the newest frame as ASCII art (or half blocks) with the face
/// boxed, the expression in large letters, bars for every class, FPS and per-stage latency, and a
/// clear "no face" state. Space pauses, `m` changes the render mode, `s` asks for a snapshot.
public struct LiveScreen: ScreenModel {
    /// What the source is, for the title bar ("camera 0", "clip.mp4").
    public var source: String
    public private(set) var latest: LiveFrame?
    public private(set) var isPaused = false
    public var mode = LiveRenderMode.ascii
    /// Frames per second of the last frames, oldest first (for the sparkline).
    public private(set) var speedHistory: [Double] = []
    public private(set) var summary: LiveScreenSummary?
    public private(set) var failure: String?

    /// Samples kept for the FPS sparkline.
    static let historyLength = 120

    public init(source: String) {
        self.source = source
    }

    public var title: String { "Live" }
    public var minimumSize: Size { Size(width: 50, height: 14) }
    public var screen: Screen { .live(self) }

    public var headline: String {
        var parts = [source]
        if isPaused { parts.append("PAUSED") }
        if summary != nil { parts.append("ended") }
        parts.append(mode.name)
        return parts.joined(separator: " · ")
    }

    public var hints: [KeyBinding] {
        [KeyBinding("Space", isPaused ? "resume" : "pause"), KeyBinding("m", "mode"),
         KeyBinding("s", "snapshot"), KeyBinding("q", "quit")]
    }

    public var help: [HelpSection] {
        [HelpSection("Live", [
            KeyBinding("Space", "pause / resume the source"),
            KeyBinding("m", "render mode: ascii, dithered, half blocks, tinted"),
            KeyBinding("s", "save an annotated snapshot (box, label, bars)"),
            KeyBinding("q / Esc", "stop and leave"),
        ])]
    }

    public mutating func handle(key: Key, context: ScreenContext) -> Reply {
        switch key {
        case .character(" "):
            guard summary == nil, failure == nil else { return .none }
            isPaused.toggle()
            return .effect(.setLivePaused(isPaused))
        case .character("m"):
            mode = mode.next(for: context.capabilities)
            return .none
        case .character("s"):
            guard latest != nil else { return .notice(.error("No frame yet to snapshot.")) }
            return Reply(effects: [.requestLiveSnapshot], notice: Notice("Saving a snapshot…"))
        default:
            return KeyIntent(key) == .back ? .pop : .none
        }
    }

    public mutating func receive(_ message: Message, context: ScreenContext) -> Reply {
        guard case .live(let update) = message else { return .none }
        switch update {
        case .frame(let frame):
            guard !isPaused else { return .none }
            latest = frame
            speedHistory.append(frame.framesPerSecond)
            if speedHistory.count > Self.historyLength {
                speedHistory.removeFirst(speedHistory.count - Self.historyLength)
            }
        case .snapshotSaved(let path):
            return .notice(.success("Snapshot saved to \(path)"))
        case .snapshotFailed(let reason):
            return .notice(.error("Snapshot failed: \(reason)"))
        case .finished(let finished):
            summary = finished
            isPaused = false
        case .failed(let reason):
            failure = reason
        }
        return .none
    }

    public func leave() -> [Effect] { [.stopLive] }

    public func render(area: Rect, into buffer: inout Buffer, theme: Theme) {
        LiveView(screen: self, theme: theme).render(area: area, into: &buffer)
    }
}
