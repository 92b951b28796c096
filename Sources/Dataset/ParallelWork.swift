import Dispatch
import Foundation

/// Runs work over items in chunks on all cores (Dispatch's `concurrentPerform`), each worker
/// pulling the next chunk when done so slow chunks do not leave cores idle, and reports
/// progress after every chunk.
enum ParallelWork {
    /// Calls `body(items)` for consecutive ranges of `chunkSize` items covering `0..<itemCount`,
    /// on up to `workerCount` threads (nil: one per active core). `progress(done, total)` is
    /// called after each chunk, serialized, from the worker that finished it.
    static func run(
        itemCount: Int, chunkSize: Int = 1, workerCount: Int? = nil, progress: LoadProgress? = nil,
        body: @Sendable (Range<Int>) -> Void
    ) {
        guard itemCount > 0, chunkSize > 0 else { return }
        let chunkCount = (itemCount + chunkSize - 1) / chunkSize
        let workers = max(1, min(workerCount ?? ProcessInfo.processInfo.activeProcessorCount, chunkCount))
        let state = SharedCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let chunk = state.takeChunk(below: chunkCount) {
                let items = chunk * chunkSize ..< min(itemCount, (chunk + 1) * chunkSize)
                body(items)
                state.finish(items: items.count, total: itemCount, progress: progress)
            }
        }
    }
}

/// A buffer that parallel chunks write to, each chunk in its own disjoint range. The caller
/// keeps the memory alive for the whole `ParallelWork.run` and never lets ranges overlap,
/// which is what makes sharing it safe.
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}

/// A buffer that parallel chunks only read; the caller keeps it alive during the run.
struct SharedReadOnly<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}

/// Chunk dispenser and progress tally shared by the workers.
private final class SharedCounter: @unchecked Sendable {
    // Guarded by `lock`.
    private var nextChunk = 0
    private var doneItems = 0
    private let lock = NSLock()

    func takeChunk(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextChunk < count else { return nil }
        defer { nextChunk += 1 }
        return nextChunk
    }

    func finish(items: Int, total: Int, progress: LoadProgress?) {
        lock.lock()
        defer { lock.unlock() }
        doneItems += items
        progress?(doneItems, total)
    }
}

/// Items gathered from parallel chunks (rare ones, like errors), under a lock.
final class LockedCollector<Item: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var storage: [Item] = []
    private let lock = NSLock()

    func append(contentsOf items: [Item]) {
        guard !items.isEmpty else { return }
        lock.lock()
        storage.append(contentsOf: items)
        lock.unlock()
    }

    var items: [Item] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
