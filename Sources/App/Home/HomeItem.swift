/// The entries of the home screen's menu.
public enum HomeItem: Int, CaseIterable, Hashable, Sendable {
    case train, browse, live, checkpoints

    var name: String {
        switch self {
        case .train: return "Train"
        case .browse: return "Browse"
        case .live: return "Live"
        case .checkpoints: return "Checkpoints"
        }
    }

    var summary: String {
        switch self {
        case .train: return "K-fold training (choose the recipe) with live charts"
        case .browse: return "the dataset's faces by class, with predictions"
        case .live: return "webcam or video as ASCII art with the expression"
        case .checkpoints: return "runs, folds and epochs: export or pick a model"
        }
    }

    /// The key that opens the entry directly.
    var shortcut: Character {
        switch self {
        case .train: return "t"
        case .browse: return "b"
        case .live: return "l"
        case .checkpoints: return "c"
        }
    }

    /// The command that opens the same screen.
    var command: String {
        switch self {
        case .train: return "fer train --data DIR"
        case .browse: return "fer browse --data DIR"
        case .live: return "fer live --source 0|FILE"
        case .checkpoints: return "fer checkpoints"
        }
    }
}
