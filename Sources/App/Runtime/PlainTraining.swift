#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import Training

/// `fer train` without the dashboard (stdout not a terminal, or `--plain`): the training
/// module's plain printer turns events into lines. Ctrl-C stops after the current batch and saves
/// a resumable checkpoint; a second Ctrl-C quits at once.
public enum PlainTraining {
    /// Runs `request` to its end, writing lines through `write` (from one thread at a time).
    /// `handlesInterrupts` takes over Ctrl-C (SIGINT) for the process while it runs; tests that
    /// share a process with other SIGINT users pass false.
    public static func run(
        _ request: TrainingRequest, handlesInterrupts: Bool = true, write: @escaping @Sendable (String) -> Void
    ) throws -> TrainingOutcome {
        let printing = DispatchQueue(label: "fer.plain-training.output")
        let printer = PrinterBox()
        let loading = "Loading \(request.dataPath ?? "the data")…"
        write(request.resumeDirectory.map { "Resuming \($0)…" } ?? loading)
        let run = try TrainingLauncher.prepare(request, progress: nil) { event in
            printing.async { for line in printer.lines(for: event) { write(line) } }
        }
        let interrupts = handlesInterrupts ? InterruptWatcher {
            write("Stopping after this batch; saving a resumable checkpoint (Ctrl-C again quits at once)…")
            run.cancel()
        } : nil
        run.start()
        let outcome = run.wait()
        interrupts?.stop()
        printing.sync {}
        return outcome
    }
}

/// The plain printer, used only on the output queue.
private final class PrinterBox: @unchecked Sendable {
    private var printer = PlainProgressPrinter()

    func lines(for event: TrainingEvent) -> [String] {
        printer.lines(for: event)
    }
}

/// Turns the first Ctrl-C into `onFirst`; the second ends the process with status 130.
private final class InterruptWatcher: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private var count = 0

    init(onFirst: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT,
                                                 queue: DispatchQueue(label: "fer.plain-training.signal"))
        source.setEventHandler { [unowned self] in
            count += 1
            if count == 1 { onFirst() } else { exit(130) }
        }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
