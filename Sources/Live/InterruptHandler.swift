import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a call of `action` — so `fer live --plain`
/// on a camera can stop cleanly, closing the recording and printing the summary — and lets
/// a second one end the process at once as usual.
public final class InterruptHandler: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "fer.live.signals")

    public init(action: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                signal(signalNumber, SIG_DFL)
                action()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default handling.
    public func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    deinit {
        cancel()
    }
}
