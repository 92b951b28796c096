#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// Process-wide guard that gives the terminal back (endwin) however the process ends: normal
/// exit (atexit), termination signals (SIGTERM, SIGHUP, SIGQUIT), crashes (SIGSEGV, SIGBUS,
/// SIGILL, SIGTRAP, SIGFPE, SIGABRT — Swift runtime traps included) and Ctrl-C.
///
/// Ctrl-C (SIGINT) does not kill the app at once: it is turned into `Key.interrupt` so the app can
/// stop cleanly (e.g. save a checkpoint). A second Ctrl-C before the app polls again restores the
/// terminal and exits with status 130, so a stuck app can always be left.
///
/// Signal handlers can only reach global state; these globals are written on the UI thread before
/// the handlers are installed and are plain word-sized values afterwards.
enum TerminalRestoration {
    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    static var handledSignals: [Int32] { [SIGINT] + terminationSignals + crashSignals }

    /// Saves the current handlers of every handled signal (call before ncurses installs its own).
    static func saveOriginalHandlers() {
        if savedActions == nil {
            savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        }
        for signalNumber in handledSignals {
            sigaction(signalNumber, nil, savedActions! + Int(signalNumber))
        }
    }

    /// Marks curses as active and installs the handlers (and, once per process, the atexit hook).
    static func activate() {
        interruptPending = 0
        cursesActive = 1
        if !exitHookRegistered {
            exitHookRegistered = true
            atexit { TerminalRestoration.endCurses() }
        }
        install(SIGINT, handler: { _ in TerminalRestoration.handleInterrupt() })
        for signalNumber in terminationSignals + crashSignals {
            install(signalNumber, handler: { signalNumber in TerminalRestoration.handleFatal(signalNumber) })
        }
    }

    /// Puts the saved handlers back (after the terminal was restored normally).
    static func deactivate() {
        cursesActive = 0
        interruptPending = 0
        reinstallSavedHandlers()
    }

    /// Reads and clears a pending Ctrl-C.
    static func takeInterrupt() -> Bool {
        guard interruptPending != 0 else { return false }
        interruptPending = 0
        return true
    }

    /// Leaves curses mode if it is still on. Safe to call repeatedly.
    static func endCurses() {
        guard cursesActive != 0 else { return }
        cursesActive = 0
        endwin()
    }

    // MARK: - Handlers

    private static func handleInterrupt() {
        if interruptPending != 0 {
            endCurses()
            _exit(130)
        }
        interruptPending = 1
    }

    /// Restores the terminal, puts back the previous handler and lets it run: crashes re-fault on
    /// return (or `abort` raises again), termination signals are raised anew.
    private static func handleFatal(_ signalNumber: Int32) {
        endCurses()
        if let savedActions {
            sigaction(signalNumber, savedActions + Int(signalNumber), nil)
        } else {
            signal(signalNumber, SIG_DFL)
        }
        if terminationSignals.contains(signalNumber) { raise(signalNumber) }
    }

    private static func install(_ signalNumber: Int32, handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signalNumber, &action, nil)
    }

    private static func reinstallSavedHandlers() {
        guard let savedActions else { return }
        for signalNumber in handledSignals {
            sigaction(signalNumber, savedActions + Int(signalNumber), nil)
        }
    }

    private static let signalSlots = 65
    nonisolated(unsafe) private static var savedActions: UnsafeMutablePointer<sigaction>?
    nonisolated(unsafe) private static var cursesActive: sig_atomic_t = 0
    nonisolated(unsafe) private static var interruptPending: sig_atomic_t = 0
    nonisolated(unsafe) private static var exitHookRegistered = false
}
