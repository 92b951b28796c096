import Terminal

/// Everything the UI shows, as one value: the stack of open screens (the last is on top), an
/// overlay, the status notice and the terminal's size. Changed only by `AppUpdate.update`, on
/// the UI thread; workers never touch it (they post `Message`s).
public struct AppState: Sendable {
    /// Open screens, bottom first; the last one is shown. Empty once the app has quit.
    public var screens: [Screen]
    public var overlay: Overlay?
    public var notice: Notice?
    public var size: Size
    public var capabilities: Capabilities
    /// The failure of the first screen (the one the command opened) when it closed.
    public var exitFailure: String?

    public init(screen: Screen, size: Size = Size(width: 80, height: 24),
                capabilities: Capabilities = .standard) {
        screens = [screen]
        self.size = size
        self.capabilities = capabilities
    }

    /// The screen on top, nil after quitting.
    public var current: Screen? { screens.last }

    /// True once the last screen was closed: the loop ends and the terminal is restored.
    public var isFinished: Bool { screens.isEmpty }

    public var context: ScreenContext { ScreenContext(size: size, capabilities: capabilities) }
}
