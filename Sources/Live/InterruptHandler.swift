import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a call of `action` — so `fer live --plain`
/// on a camera can stop cleanly, closing the recording and printing the summary. Another
/// signal more than `graceSeconds` later ends the process at once (exit status 130). Signals
/// within the grace period are absorbed: `timeout` and process managers often send the same
/// signal to the process and to its group, which must not turn a clean stop into a kill.
public final class InterruptHandler: @unchecked Sendable {
    public static let interruptedExitStatus: Int32 = 130
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "fer.live.signals")
    /// Touched only on `queue`.
    private var firstSignalTime: UInt64?

    public init(graceSeconds: Double = 1, action: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                guard let first = firstSignalTime else {
                    firstSignalTime = Stopwatch.now()
                    action()
                    return
                }
                if Stopwatch.seconds(since: first) > graceSeconds { _exit(Self.interruptedExitStatus) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default handling.
    public func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    deinit {
        cancel()
    }
}
