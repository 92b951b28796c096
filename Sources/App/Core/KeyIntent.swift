import Terminal

/// What a key means by terminal convention, so every screen answers the same keys the same way:
/// arrows and `hjkl` move, PgUp/PgDn (and Ctrl-B/Ctrl-F) page, Home/`g` and End/`G` jump to the
/// ends, Enter chooses, `q`/Esc go back, Tab cycles panes, `/` searches, `?` opens help; the mouse
/// wheel moves as the arrows do.
public enum KeyIntent: Hashable, Sendable {
    case up, down, left, right
    case pageUp, pageDown
    case first, last
    case choose
    case back
    case nextPane, previousPane
    case search
    case help
    /// Any other key; screens look at the key itself.
    case other

    public init(_ key: Key) {
        switch key {
        case .mouse(let event) where event.kind == .wheelUp: self = .up
        case .mouse(let event) where event.kind == .wheelDown: self = .down
        case .up, .character("k"): self = .up
        case .down, .character("j"): self = .down
        case .left, .character("h"): self = .left
        case .right, .character("l"): self = .right
        case .pageUp, .control("b"): self = .pageUp
        case .pageDown, .control("f"): self = .pageDown
        case .home, .character("g"): self = .first
        case .end, .character("G"): self = .last
        case .enter: self = .choose
        case .escape, .character("q"): self = .back
        case .tab: self = .nextPane
        case .backTab: self = .previousPane
        case .character("/"): self = .search
        case .character("?"), .function(1): self = .help
        default: self = .other
        }
    }
}
