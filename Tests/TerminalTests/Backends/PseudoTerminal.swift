#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A pseudo-terminal pair for driving the curses backend in tests: the backend gets the
/// terminal side as its input and output, the test reads what it wrote and types keys on the
/// controller side.
final class PseudoTerminal {
    let controller: Int32
    let terminal: Int32
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>

    /// `TIOCSPTLCK` and `TIOCGPTN` (function-like macros in C, so not imported); the values of the
    /// generic ioctl layout used by x86-64 and ARM64 Linux.
    static let setLock: UInt = 0x4004_5431
    static let getNumber: UInt = 0x8004_5430

    /// Pseudo-terminals are opened this way only where the constants above are right.
    static var isSupported: Bool {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        return access("/dev/ptmx", R_OK | W_OK) == 0
        #else
        return false
        #endif
    }

    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    init(width: Int, height: Int) throws {
        // posix_openpt/grantpt/unlockpt are hidden from Swift's Glibc module (they need
        // _XOPEN_SOURCE), so do what they do on Linux: open /dev/ptmx, unlock, ask the number.
        controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard controller >= 0, ioctl(controller, PseudoTerminal.setLock, &unlock) == 0,
              ioctl(controller, PseudoTerminal.getNumber, &number) == 0 else {
            throw SetupError(description: "cannot open a pseudo-terminal: errno \(errno)")
        }
        terminal = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw SetupError(description: "cannot open /dev/pts/\(number)") }
        PseudoTerminal.setWindowSize(of: terminal, width: width, height: height)
        guard let input = fdopen(terminal, "r"), let output = fdopen(dup(terminal), "w") else {
            throw SetupError(description: "cannot open streams on the pseudo-terminal")
        }
        self.input = input
        self.output = output
    }

    /// Sets the window size the terminal reports (a real terminal also sends SIGWINCH).
    func resize(width: Int, height: Int) {
        PseudoTerminal.setWindowSize(of: terminal, width: width, height: height)
    }

    private static func setWindowSize(of descriptor: Int32, width: Int, height: Int) {
        var windowSize = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(descriptor, UInt(TIOCSWINSZ), &windowSize)
    }

    /// Raises `signalNumber` on the calling thread with it briefly unblocked (test threads block
    /// asynchronous signals), so its handler runs before this returns.
    static func raiseUnblocked(_ signalNumber: Int32) {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, signalNumber)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &signals, &previousMask)
        raise(signalNumber)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    }

    /// Everything written to the terminal side so far, waiting until it has been quiet for
    /// `quietMilliseconds`.
    func readAvailable(quietMilliseconds: Int32 = 100) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, quietMilliseconds) > 0 {
            let count = read(controller, &chunk, chunk.count)
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }

    /// Types bytes as if from the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(controller, $0.baseAddress, $0.count) }
    }

    deinit {
        fclose(input)
        fclose(output)
        close(controller)
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs as a contiguous byte sequence.
    func containsBytes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= count else { return pattern.isEmpty }
        return (0...(count - pattern.count)).contains { start in
            self[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }
}
