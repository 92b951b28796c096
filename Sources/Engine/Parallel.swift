import Dispatch

/// Data-parallel helpers: the engine splits a batch into one shard per worker and runs
/// single-threaded BLAS on each, so both cores stay busy on small matrices and results are
/// reproducible for a given worker count.
public enum Parallel {
    /// Number of workers the engine uses (defaults to the active processor count).
    nonisolated(unsafe) public static var workerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

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

import Foundation
