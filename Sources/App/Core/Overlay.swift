/// What is drawn over the current screen and takes the keys until it closes.
public enum Overlay: Hashable, Sendable {
    /// The key bindings of the current screen.
    case help
    case prompt(TextPrompt)
    case confirm(Confirmation)
}
