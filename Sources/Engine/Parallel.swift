import Dispatch
import Foundation

/// Data-parallel helpers: the engine splits a batch into one shard per worker and runs
/// single-threaded BLAS on each, so every core stays busy on small matrices and results are
/// reproducible for a given worker count.
public enum Parallel {
    /// Number of workers the engine uses: the active processor count, or 1 on a thread inside
    /// `withOneWorker`.
    public static var workerCount: Int {
        Thread.current.threadDictionary[oneWorkerKey] == nil ? processorCount : 1
    }

    private static let processorCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
    private static let oneWorkerKey = "fer.parallel.oneWorker"

    /// Runs `body` with the engine on one worker on this thread only — for a thread that shares
    /// the cores with other busy threads (a live pipeline stage). Other threads keep theirs.
    public static func withOneWorker<Result>(_ body: () throws -> Result) rethrows -> Result {
        let dictionary = Thread.current.threadDictionary, wasSet = dictionary[oneWorkerKey] != nil
        dictionary[oneWorkerKey] = true
        defer { if !wasSet { dictionary.removeObject(forKey: oneWorkerKey) } }
        return try body()
    }

    /// Runs `body(index)` for `0..<count` concurrently and returns when all are done.
    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let box = UncheckedSendable(escapable)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }

    /// Splits `0..<total` into at most `workerCount` contiguous, near-equal ranges.
    public static func shards(_ total: Int, workers: Int = workerCount) -> [Range<Int>] {
        let parts = max(1, min(workers, total))
        return (0 ..< parts).map { part in
            (total * part / parts) ..< (total * (part + 1) / parts)
        }
    }

    /// Runs `body(worker, range)` for each shard of `0..<total` concurrently.
    public static func forEachShard(_ total: Int, _ body: (Int, Range<Int>) -> Void) {
        let ranges = shards(total)
        forEach(ranges.count) { body($0, ranges[$0]) }
    }
}

/// Wraps a value that is known to be used safely across threads.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
