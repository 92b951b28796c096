/// A key press (or terminal event) as the app sees it, independent of the backend.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    /// Ctrl plus a letter (`.control("c")`); Ctrl-C itself arrives as `.interrupt`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    /// Function key F1…F12 (the number).
    case function(Int)
    /// A click or wheel step (terminals that report the mouse; `FER_NO_MOUSE=1` turns it off).
    case mouse(MouseEvent)
    /// The terminal changed size: redraw at the new size.
    case resize
    /// Ctrl-C (SIGINT). The app should stop what it is doing and quit or go back; a second Ctrl-C
    /// before the app polls again ends the process (see `CursesBackend`).
    case interrupt

    /// True for `q` and Escape, the usual "back / quit" keys.
    public var isBackOrQuit: Bool {
        self == .character("q") || self == .escape
    }
}
