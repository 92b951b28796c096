/// What a screen wants after handling a key or a message: effects to run, a move between
/// screens, an overlay to open, a notice to show.
public struct Reply: Sendable {
    public enum Navigation: Sendable {
        /// Opens a screen on top of this one.
        case push(Screen)
        /// Goes back to the screen below (quits when there is none).
        case pop
        /// Leaves the app.
        case quit
    }

    public var effects: [Effect]
    public var navigation: Navigation?
    public var overlay: Overlay?
    public var notice: Notice?

    public init(effects: [Effect] = [], navigation: Navigation? = nil, overlay: Overlay? = nil,
                notice: Notice? = nil) {
        self.effects = effects
        self.navigation = navigation
        self.overlay = overlay
        self.notice = notice
    }

    /// Nothing to do (the screen's own state may still have changed).
    public static let none = Reply()
    public static let pop = Reply(navigation: .pop)

    public static func notice(_ notice: Notice) -> Reply { Reply(notice: notice) }
    public static func effect(_ effect: Effect) -> Reply { Reply(effects: [effect]) }
}
