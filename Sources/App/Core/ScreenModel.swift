import Terminal

/// What every screen provides: its state changes (pure, returning a `Reply`) and its drawing.
///
/// Screens are values kept in `AppState`. Keys reach the top screen unless an overlay is open;
/// worker results reach the top screen too, so a screen that was left stops receiving them.
public protocol ScreenModel: Sendable {
    /// Name shown in the title bar, e.g. "Browse".
    var title: String { get }
    /// Below this size the screen shows "enlarge the terminal" instead.
    var minimumSize: Size { get }
    /// Short text at the right of the title bar (dataset, progress).
    var headline: String { get }
    /// Keys listed in the status bar.
    var hints: [KeyBinding] { get }
    /// Keys listed in the help overlay.
    var help: [HelpSection] { get }

    mutating func handle(key: Key, context: ScreenContext) -> Reply
    mutating func receive(_ message: Message, context: ScreenContext) -> Reply
    /// The answer to a prompt this screen opened.
    mutating func submit(_ purpose: TextPrompt.Purpose, text: String, context: ScreenContext) -> Reply
    /// The user said "yes" to a confirmation this screen asked for.
    mutating func confirmed(_ action: Confirmation.Action) -> Reply
    /// Ctrl-C: stop what is running and leave.
    mutating func interrupt() -> Reply
    /// Effects to run when the screen is closed (stop its workers).
    func leave() -> [Effect]
    /// The fatal error the screen shows instead of its content (a dataset that cannot load, a
    /// camera that cannot open). When the screen a command opened closes with one, the command
    /// prints it and exits non-zero, as in plain mode.
    var failure: String? { get }

    func render(area: Rect, into buffer: inout Buffer, theme: Theme)

    /// This value wrapped in the `Screen` enum.
    var screen: Screen { get }
}

extension ScreenModel {
    public var headline: String { "" }
    public mutating func receive(_ message: Message, context: ScreenContext) -> Reply { .none }
    public mutating func submit(_ purpose: TextPrompt.Purpose, text: String,
                                context: ScreenContext) -> Reply {
        .none
    }
    public mutating func confirmed(_ action: Confirmation.Action) -> Reply { .none }
    public mutating func interrupt() -> Reply { Reply(navigation: .quit) }
    public func leave() -> [Effect] { [] }
    public var failure: String? { nil }
}

/// What screens may know about the terminal while updating (layout-dependent keys such as
/// PgDn need the size; render modes depend on the colors available).
public struct ScreenContext: Hashable, Sendable {
    /// The whole terminal.
    public var size: Size
    public var capabilities: Capabilities

    public init(size: Size, capabilities: Capabilities) {
        self.size = size
        self.capabilities = capabilities
    }

    /// The area between the title bar and the status bar, where screens draw.
    public var body: Rect {
        Rect(size: size).inset(top: AppView.titleRows, bottom: AppView.statusRows)
    }
}
