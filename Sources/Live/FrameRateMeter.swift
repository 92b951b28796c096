/// Frames per second over the last `window` seconds, from the times frames completed.
struct FrameRateMeter {
    let window: Double
    private var times: [Double] = []
    private var head = 0

    init(window: Double = 1) {
        self.window = window
    }

    /// Records a frame finished at `time` (seconds, monotonic) and returns the current rate.
    mutating func record(at time: Double) -> Double {
        times.append(time)
        while head < times.count - 1 && times[head] < time - window { head += 1 }
        if head > 256 {
            times.removeFirst(head)
            head = 0
        }
        let span = time - times[head]
        let intervals = times.count - 1 - head
        return intervals > 0 && span > 0 ? Double(intervals) / span : 0
    }
}
