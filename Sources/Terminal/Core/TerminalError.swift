/// Errors of the terminal layer, with readable descriptions for the user.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Pixel data does not match the stated image size.
    case invalidImage(width: Int, height: Int, pixelCount: Int)
    /// Standard input or output is not a terminal, so the full-screen UI cannot run.
    case notATerminal
    /// ncurses could not set up the terminal (unknown `TERM`, missing terminfo entry, …).
    case cannotInitialize(String)

    public var description: String {
        switch self {
        case .invalidImage(let width, let height, let pixelCount):
            return "invalid image: \(width)×\(height) needs \(max(0, width) * max(0, height)) pixels, "
                + "got \(pixelCount)"
        case .notATerminal:
            return "not a terminal: the interactive screen needs a terminal on stdin and stdout "
                + "(over ssh, use ssh -t)"
        case .cannotInitialize(let reason):
            return "cannot start the terminal UI: \(reason)"
        }
    }
}
