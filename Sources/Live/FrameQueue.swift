import Foundation

/// A small blocking hand-off between two pipeline threads. `push` waits while the queue is
/// full, or — in dropping mode — replaces the oldest waiting item, so a slow consumer sees
/// the newest frames. `pop` waits for an item and returns nil once the queue is closed and
/// empty.
final class FrameQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private let capacity: Int
    private let dropsOldest: Bool
    private var droppedCount = 0

    init(capacity: Int, dropsOldest: Bool) {
        self.capacity = max(1, capacity)
        self.dropsOldest = dropsOldest
    }

    private var count: Int { items.count - head }

    /// Adds `item`; false when the queue was closed (the item is discarded).
    @discardableResult
    func push(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !closed && count >= capacity {
            if dropsOldest {
                head += 1
                droppedCount += 1
            } else {
                condition.wait()
            }
        }
        guard !closed else { return false }
        if head > 0 && head >= items.count / 2 {
            items.removeFirst(head)
            head = 0
        }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The oldest item, waiting for one; nil when closed and drained.
    func pop() -> Element? {
        popBatch(maximum: 1)?.first
    }

    /// Up to `maximum` items at once, oldest first, waiting for at least one; nil when closed
    /// and drained. Lets a consumer batch whatever has piled up.
    func popBatch(maximum: Int) -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        guard count > 0 else { return nil }
        let taken = min(max(1, maximum), count)
        let batch = Array(items[head..<head + taken])
        head += taken
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return batch
    }

    /// No more items will come; waiting consumers drain what is left, producers stop.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Frames thrown away because the consumer fell behind.
    var dropped: Int {
        condition.lock()
        defer { condition.unlock() }
        return droppedCount
    }
}
