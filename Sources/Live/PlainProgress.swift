/// Line-based progress for `fer live --plain` and pipes: about one line per `interval`
/// seconds with the frame number, the largest face's label and the speed.
public struct PlainProgress: Sendable {
    public let interval: Double
    private var lastLineTime: Double?

    public init(interval: Double = 1) {
        self.interval = interval
    }

    /// The progress line for `frame` when one is due at `time` (seconds, monotonic).
    public mutating func line(for frame: LiveFrame, at time: Double) -> String? {
        if let lastLineTime, time - lastLineTime < interval { return nil }
        lastLineTime = time
        return Self.describe(frame)
    }

    /// "frame 120/300  t=4.80s  happy 81% (1 face)  152.3 frames/s"
    public static func describe(_ frame: LiveFrame) -> String {
        let position =
            frame.expectedFrameCount.map { "frame \(frame.index + 1)/\($0)" } ?? "frame \(frame.index + 1)"
        let faces: String
        if let first = frame.faces.first {
            let top = first.top
            faces =
                "\(top.label) \(Int((top.probability * 100).rounded()))% "
                + "(\(LiveSummary.count(frame.faces.count, "face")))"
        } else {
            faces = "no face"
        }
        let line = "\(position)  t=\(LiveSummary.fixed(frame.timestamp, 2))s  \(faces)"
        // The rate needs two frames; the first line goes without it.
        guard frame.framesPerSecond > 0 else { return line }
        return line + "  \(LiveSummary.fixed(frame.framesPerSecond, 1)) frames/s"
    }
}
