/// Delivers events to the caller's sink on the training queue and mirrors them, as plain
/// lines, into the run's `log.txt` (batch progress excepted).
final class EventEmitter {
    private let sink: @Sendable (TrainingEvent) -> Void
    private let folder: RunFolder
    private var logPrinter = PlainProgressPrinter()

    init(folder: RunFolder, sink: @escaping @Sendable (TrainingEvent) -> Void) {
        self.folder = folder
        self.sink = sink
    }

    func emit(_ event: TrainingEvent) {
        if case .batchProgress = event {} else {
            folder.appendToLog(logPrinter.lines(for: event))
        }
        sink(event)
    }
}
