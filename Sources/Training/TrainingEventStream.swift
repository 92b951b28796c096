/// Training events as an `AsyncStream`, for callers that prefer `for await` to a closure.
public enum TrainingEventStream {
    /// A stream and the sink to hand to `TrainingRun`. The stream buffers without limit, so the
    /// training queue never waits for its reader, and it ends after the run's terminal event.
    @available(macOS 14, *)
    public static func make() -> (
        events: AsyncStream<TrainingEvent>, sink: @Sendable (TrainingEvent) -> Void
    ) {
        let (events, continuation) = AsyncStream<TrainingEvent>.makeStream(bufferingPolicy: .unbounded)
        let sink: @Sendable (TrainingEvent) -> Void = { event in
            continuation.yield(event)
            if event.isTerminal { continuation.finish() }
        }
        return (events, sink)
    }
}
