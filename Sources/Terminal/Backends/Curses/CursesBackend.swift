#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Foundation

/// The real terminal through ncursesw.
///
/// - Setup: `setlocale(LC_ALL, "")` (wide characters), `newterm` (never exits the process on
///   failure, unlike `initscr`), cbreak, noecho, keypad, nonl, hidden cursor, 25 ms Escape delay.
/// - Drawing: diffs each frame against the previous one and writes only changed cells, then one
///   `doupdate`. A frame of a new size (after `Key.resize`) is redrawn in full.
/// - Colors: pairs are allocated on demand and cached (`init_extended_pair`, so more than 256
///   pairs work); when they run out the cache is cleared and the frame redrawn.
/// - Truecolor: ncurses emits 24-bit color only through a direct-color terminfo entry (e.g.
///   `TERM=xterm-direct`); then RGB passes through exactly. Otherwise (`xterm-256color`, even with
///   `COLORTERM=truecolor`) RGB goes to the nearest 256-color entry and `capabilities` reports
///   `.indexed256`. The palette is never redefined (`init_color` would change the user's colors).
/// - Input: `pollKey(timeout:)` waits with `wtimeout`, so keep timeouts short (≤ 50 ms) for a
///   responsive UI; terminal resizes arrive as `Key.resize`; Ctrl-C arrives as `Key.interrupt`
///   (a second Ctrl-C before the next poll restores the terminal and exits with status 130).
/// - Restoration: `restore()` (also run by `deinit` and `run(_:)`), plus process-wide hooks that
///   restore the terminal on exit, SIGTERM/SIGHUP/SIGQUIT and crashes, then let the signal take
///   its usual course.
///
/// Not thread-safe and deliberately not `Sendable`: create, use and restore it on the UI thread.
/// Only one can be active at a time.
public final class CursesBackend: TerminalBackend {
    public private(set) var capabilities: Capabilities
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let colorMapping: CursesColorMapping
    private var pairs: ColorPairCache
    private var previous: Buffer?
    private var isActive = true
    private let inputDescriptor: Int32
    private var sizeWhenRestored = Size(width: 0, height: 0)
    private var attributeBits: [UInt8: attr_t] = [:]
    /// The thread that created the backend; curses must only be used from it.
    private let ownerThread = pthread_self()

    nonisolated(unsafe) private static var sessionActive = false

    /// Starts the full-screen UI on the process's terminal (standard input and output).
    ///
    /// Throws `TerminalError.notATerminal` when either is redirected, and
    /// `TerminalError.cannotInitialize` for a dumb or unknown terminal.
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        fflush(fer_standard_output())
        try self.init(input: fer_standard_input(), output: fer_standard_output(), terminalType: nil,
                      environment: environment)
    }

    /// Starts curses on the given streams, e.g. both ends of a pseudo-terminal in tests.
    /// `terminalType` defaults to `environment["TERM"]`.
    public init(
        input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, terminalType: String?,
        environment: [String: String]
    ) throws {
        let term = terminalType ?? environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalError.cannotInitialize("terminal type \"\(term)\" cannot position the cursor")
        }
        guard !CursesBackend.sessionActive else {
            throw TerminalError.cannotInitialize("another terminal session is already active")
        }
        setlocale(LC_ALL, "")
        TerminalRestoration.saveOriginalHandlers()
        guard let screen = newterm(term, output, input) else {
            throw TerminalError.cannotInitialize("unknown terminal type \"\(term)\" (no terminfo entry)")
        }
        set_term(screen)
        guard let window = fer_stdscr() else {
            endwin()
            delscreen(screen)
            throw TerminalError.cannotInitialize("ncurses did not create a screen")
        }
        self.screen = screen
        self.window = window
        inputDescriptor = fileno(input)
        CursesBackend.sessionActive = true
        TerminalRestoration.activate()

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        if ProcessInfo.processInfo.environment["FER_NO_MOUSE"] == nil {
            // Presses only (no click detection delay); the terminal's own selection needs Shift.
            mouseinterval(0)
            mousemask(CursesKeyMapping.mouseMask, nil)
        }
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)

        var terminalColors = 0
        var hasDefaultColors = false
        if has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == fer_ok()
            terminalColors = Int(fer_colors())
        }
        var detected = Capabilities.detect(environment: environment, terminalColors: terminalColors)
        let directColor = terminalColors >= 1 << 24
        if !has_colors() { detected.colorMode = .monochrome }
        if detected.colorMode == .truecolor && !directColor { detected.colorMode = .indexed256 }
        if detected.colorMode == .indexed256 && terminalColors < 256 { detected.colorMode = .ansi16 }
        capabilities = detected
        colorMapping = CursesColorMapping(
            mode: detected.colorMode, directColor: directColor, basicColors: terminalColors >= 16 ? 16 : 8,
            hasDefaultColors: hasDefaultColors
        )
        let pairCount = has_colors() ? Int(fer_color_pairs()) - 1 : 0
        pairs = ColorPairCache(capacity: min(pairCount, 65_535))
    }

    deinit {
        restore()
    }

    /// Runs `body` with a backend on the process's terminal and restores the terminal afterwards,
    /// also when `body` throws.
    /// The linked ncurses library, e.g. "ncurses 6.4.20230625" (for `fer doctor`); nil when
    /// none is linked.
    public static var libraryVersion: String? {
        curses_version().map { String(cString: $0) }
    }

    public static func run<Result>(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (CursesBackend) throws -> Result
    ) throws -> Result {
        let backend = try CursesBackend(environment: environment)
        defer { backend.restore() }
        return try body(backend)
    }

    /// The terminal size; after `restore()`, the last size seen.
    public var size: Size {
        guard isActive else { return sizeWhenRestored }
        return Size(width: Int(fer_getmaxx(window)), height: Int(fer_getmaxy(window)))
    }

    public func draw(_ buffer: Buffer) {
        assertOwnerThread()
        guard isActive else { return }
        let fullRedraw = previous.map { $0.size != buffer.size } ?? true
        if !drawCells(of: buffer, fullRedraw: fullRedraw) {
            // Out of color pairs: start over with an empty cache and redraw everything.
            pairs.removeAll()
            _ = drawCells(of: buffer, fullRedraw: true)
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    public func pollKey(timeout: Duration) -> Key? {
        assertOwnerThread()
        guard isActive else { return nil }
        if TerminalRestoration.takeInterrupt() { return .interrupt }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        wtimeout(window, Int32(milliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if TerminalRestoration.takeInterrupt() { return .interrupt }
        if status == fer_err(), inputHungUp() {
            // The terminal is gone (closed window, dropped SSH): without this the UI loop
            // would spin on instant errors. Exit as a hang-up signal would.
            restore()
            exit(129)
        }
        if status == fer_key_code_yes(), Int32(bitPattern: UInt32(code)) == fer_key_mouse() {
            var event = MEVENT()
            guard getmouse(&event) == fer_ok() else { return nil }
            return CursesKeyMapping.mouseKey(buttons: event.bstate, x: event.x, y: event.y)
        }
        return CursesKeyMapping.key(status: status, code: UInt32(code))
    }

    public func restore() {
        guard isActive else { return }
        sizeWhenRestored = size
        isActive = false
        curs_set(1)
        TerminalRestoration.endCurses()
        TerminalRestoration.deactivate()
        delscreen(screen)
        CursesBackend.sessionActive = false
    }

    /// True when the input side of the terminal has been closed.
    private func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Debug builds stop when curses is touched from another thread (a programming error).
    private func assertOwnerThread() {
        assert(pthread_equal(ownerThread, pthread_self()) != 0, "CursesBackend used off its UI thread")
    }

    // MARK: - Drawing

    /// Writes the changed cells (all of them for a full redraw); false when color pairs ran out.
    private func drawCells(of buffer: Buffer, fullRedraw: Bool) -> Bool {
        if fullRedraw { werase(window) }
        let changes = fullRedraw ? buffer.diff(from: Buffer(width: 0, height: 0))
            : buffer.diff(from: previous ?? Buffer(width: 0, height: 0))
        let limits = size
        var character = cchar_t()
        var text: [wchar_t] = [0, 0]
        var lastStyle: Style?
        var pair: Int32 = 0
        var attributes: attr_t = 0
        for change in changes where change.x < limits.width && change.y < limits.height {
            let style = change.cell.style
            if style != lastStyle {
                guard let number = colorPair(for: style) else { return false }
                pair = number
                attributes = self.attributes(for: style)
                lastStyle = style
            }
            text[0] = wchar_t(bitPattern: change.cell.scalar.value)
            setcchar(&character, text, attributes, Int16(truncatingIfNeeded: min(pair, 32_767)), &pair)
            wmove(window, Int32(change.y), Int32(change.x))
            wadd_wch(window, &character)
        }
        return true
    }

    /// The color pair for a style, defining it on first use; nil when none are left.
    private func colorPair(for style: Style) -> Int32? {
        guard capabilities.hasColor else { return 0 }
        let (foreground, background) = colorMapping.numbers(for: style)
        guard let (number, isNew) = pairs.pair(foreground: foreground, background: background) else {
            return nil
        }
        if isNew { init_extended_pair(number, foreground, background) }
        return number
    }

    private func attributes(for style: Style) -> attr_t {
        let key = style.attributes.rawValue
        if let cached = attributeBits[key] { return cached }
        var bits = fer_a_normal()
        if style.bold { bits |= fer_a_bold() }
        if style.dim { bits |= fer_a_dim() }
        if style.reverse { bits |= fer_a_reverse() }
        if style.underline { bits |= fer_a_underline() }
        attributeBits[key] = bits
        return bits
    }
}
