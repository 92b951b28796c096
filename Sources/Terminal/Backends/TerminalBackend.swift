/// Where frames are drawn and keys come from: the real terminal (`CursesBackend`) or memory
/// (`TestBackend`).
///
/// Backends are not thread-safe: create and use one on the UI thread only; other threads send
/// messages to the UI thread instead of drawing.
public protocol TerminalBackend: AnyObject {
    /// Current size in cells; check it every frame, it changes on resize.
    var size: Size { get }
    /// What the terminal can display; widgets take it through a `Theme`.
    var capabilities: Capabilities { get }
    /// Shows `buffer`, redrawing only cells that changed since the last frame.
    func draw(_ buffer: Buffer)
    /// The next key, waiting at most `timeout`; nil when none arrived in time.
    func pollKey(timeout: Duration) -> Key?
    /// Gives the terminal back to the shell (idempotent).
    func restore()
}

extension TerminalBackend {
    /// Builds one frame at the current size with `render`, draws it and returns it.
    @discardableResult
    public func drawFrame(_ render: (Rect, inout Buffer) -> Void) -> Buffer {
        var buffer = Buffer(size: size)
        render(buffer.area, &buffer)
        draw(buffer)
        return buffer
    }
}
