import Dispatch

/// Monotonic time for stage timings and frame pacing.
enum Stopwatch {
    /// Nanoseconds on the monotonic clock.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Milliseconds elapsed since `start` (a value of `now()`).
    static func milliseconds(since start: UInt64) -> Double {
        Double(now() &- start) / 1_000_000
    }

    /// Seconds elapsed since `start`.
    static func seconds(since start: UInt64) -> Double {
        Double(now() &- start) / 1_000_000_000
    }
}
