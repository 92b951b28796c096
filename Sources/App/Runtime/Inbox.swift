import Foundation

/// The thread-safe mailbox between workers and the UI thread: workers `post` messages from any
/// thread; the UI loop `drain`s them once per turn and applies them in order. Nothing else is
/// shared between threads.
public final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []

    public init() {}

    /// Adds a message. A message of a coalescing kind (live frames, loading progress) replaces the
    /// newest queued message when that one is of the same kind, so the queue cannot grow while
    /// the UI is busy drawing.
    public func post(_ message: Message) {
        lock.lock()
        defer { lock.unlock() }
        if let kind = message.coalescingKind, let last = messages.last, last.coalescingKind == kind {
            messages[messages.count - 1] = message
        } else {
            messages.append(message)
        }
    }

    /// Takes every queued message, oldest first.
    public func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll(keepingCapacity: true)
        return taken
    }

    /// Messages waiting.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return messages.count
    }
}
