import Terminal

/// A yes/no question drawn over the screen before something that cannot be undone.
/// `y` confirms; `n`, Esc and `q` decline; Enter picks the default, which is "no".
public struct Confirmation: Hashable, Sendable {
    /// What happens on "yes".
    public enum Action: Hashable, Sendable {
        case deleteCheckpoint(path: String)
        case deleteRun(path: String)
        case makeDefaultModel(source: String)
        case export(FileAction)
        case stopTraining(thenQuit: Bool)
    }

    public var title: String
    public var question: String
    public var action: Action

    public init(title: String, question: String, action: Action) {
        self.title = title
        self.question = question
        self.action = action
    }

    /// True for "yes", false for "no", nil for keys that do not answer.
    public static func answer(to key: Key) -> Bool? {
        switch key {
        case .character("y"), .character("Y"): return true
        case .character("n"), .character("N"), .character("q"), .escape, .enter, .interrupt: return false
        default: return nil
        }
    }
}
