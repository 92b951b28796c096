#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Terminal

/// Runs ncurses for real on a pseudo-terminal. One test function, because curses has one global
/// screen per process.
@Suite(.serialized) struct CursesBackendTests {
    @Test(.enabled(if: PseudoTerminal.isSupported)) func drawsDiffsReadsKeysAndRestores() throws {
        let pty = try PseudoTerminal(width: 100, height: 30)
        let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        let backend = try CursesBackend(input: pty.input, output: pty.output, terminalType: "xterm-256color",
                                        environment: environment)
        #expect(backend.size == Size(width: 100, height: 30))
        #expect(backend.capabilities.colorMode == .indexed256)
        #expect(throws: TerminalError.self) {
            _ = try CursesBackend(input: pty.input, output: pty.output, terminalType: "xterm",
                                  environment: environment)
        }

        // First frame: everything is drawn, with a 256-color foreground for the red text.
        var frame = Buffer(size: backend.size)
        frame.set(x: 2, y: 1, string: "Hello fer")
        frame.set(x: 2, y: 3, string: "alert", style: Style(foreground: .rgb(255, 0, 0), bold: true))
        backend.draw(frame)
        let first = pty.readAvailable()
        #expect(first.containsBytes("Hello fer"))
        #expect(first.containsBytes("alert"))
        #expect(first.containsBytes("38;5;196"), "red should be drawn as palette entry 196")

        // Second frame: one changed cell, so only that character is sent.
        var next = frame
        next.set(x: 2, y: 1, string: "J")
        backend.draw(next)
        let second = pty.readAvailable()
        #expect(second.containsBytes("J"))
        #expect(!second.containsBytes("ello"))
        #expect(second.count < 40, "a one-cell change wrote \(second.count) bytes")

        // Keys typed on the keyboard side come back as keys.
        pty.type("q")
        #expect(backend.pollKey(timeout: .milliseconds(500)) == .character("q"))
        pty.type("\u{1B}OA")
        #expect(backend.pollKey(timeout: .milliseconds(500)) == .up)
        #expect(backend.pollKey(timeout: .milliseconds(30)) == nil)

        // A window size change arrives as a resize key, and the next frame is drawn in full.
        pty.resize(width: 90, height: 20)
        PseudoTerminal.raiseUnblocked(SIGWINCH)
        #expect(backend.pollKey(timeout: .milliseconds(200)) == .resize)
        #expect(backend.size == Size(width: 90, height: 20))
        var resized = Buffer(size: backend.size)
        resized.set(x: 0, y: 0, string: "Resized")
        resized.set(x: 2, y: 1, string: "Jello fer")
        backend.draw(resized)
        let afterResize = pty.readAvailable()
        #expect(afterResize.containsBytes("Resized"))
        #expect(afterResize.containsBytes("ello fer"), "a resized frame is redrawn completely")

        // Ctrl-C (SIGINT) becomes a key instead of killing the process.
        PseudoTerminal.raiseUnblocked(SIGINT)
        #expect(backend.pollKey(timeout: .milliseconds(500)) == .interrupt)

        backend.restore()
        let restored = pty.readAvailable()
        // Leaving the alternate screen brings back what the shell showed.
        #expect(restored.containsBytes("\u{1B}[?1049l"))
        #expect(backend.pollKey(timeout: .milliseconds(10)) == nil)
        #expect(backend.size == Size(width: 90, height: 20))
    }

    @Test(.enabled(if: PseudoTerminal.isSupported)) func refusesUnusableTerminalTypes() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        #expect(throws: TerminalError.cannotInitialize("terminal type \"dumb\" cannot position the cursor")) {
            _ = try CursesBackend(input: pty.input, output: pty.output, terminalType: nil,
                                  environment: ["TERM": "dumb"])
        }
        #expect(throws: TerminalError.self) {
            _ = try CursesBackend(input: pty.input, output: pty.output, terminalType: "no-such-terminal",
                                  environment: [:])
        }
    }
}
