/// An in-memory terminal for tests: records every drawn frame, plays back scripted keys and lets
/// tests change its size.
public final class TestBackend: TerminalBackend {
    public private(set) var size: Size
    public var capabilities: Capabilities
    /// Every frame drawn, oldest first.
    public private(set) var frames: [Buffer] = []
    /// Keys `pollKey` will return, front first.
    public var pendingKeys: [Key]
    /// True once `restore()` was called.
    public private(set) var isRestored = false
    /// How many times `pollKey` was called (including when it returned nil).
    public private(set) var pollCount = 0

    public init(size: Size = Size(width: 80, height: 24), capabilities: Capabilities = .standard,
                keys: [Key] = []) {
        self.size = size
        self.capabilities = capabilities
        pendingKeys = keys
    }

    /// The most recent frame.
    public var lastFrame: Buffer? { frames.last }

    /// Changes the size and queues `.resize`, as a real terminal would.
    public func resize(to newSize: Size) {
        size = newSize
        pendingKeys.append(.resize)
    }

    public func draw(_ buffer: Buffer) {
        frames.append(buffer)
    }

    /// Returns the next scripted key at once (no waiting), or nil when the script is exhausted.
    public func pollKey(timeout: Duration) -> Key? {
        pollCount += 1
        return pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    public func restore() {
        isRestored = true
    }
}
