import Engine
import Terminal

/// A one-line text field shown in the status row (search, jump, export path, dataset path).
///
/// Editing: printable characters insert at the end, Backspace deletes, Ctrl-U clears, Enter
/// submits, Esc cancels. The text is never longer than `maximumLength` characters.
public struct TextPrompt: Hashable, Sendable {
    /// What the answer is for; the screen that asked acts on it.
    public enum Purpose: Hashable, Sendable {
        case searchFaces
        case jumpToFace
        case exportCheckpoint(source: String, format: ExportFormat)
        /// The dataset to use; then `HomeItem` opens, when the prompt was asked for one.
        case datasetPath(then: HomeItem?)
        case liveSource
        /// The recipe to train on the dataset at `dataPath` (`RecipeText`).
        case trainingRecipe(dataPath: String)
    }

    /// The outcome of one key.
    public enum Outcome: Hashable, Sendable {
        case editing
        case submitted(String)
        case cancelled
    }

    public var label: String
    public var text: String
    public var purpose: Purpose
    public var maximumLength = 1024

    public init(label: String, text: String = "", purpose: Purpose) {
        self.label = label
        self.text = text
        self.purpose = purpose
    }

    /// Applies one key to the field.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .submitted(text)
        case .escape, .interrupt: return .cancelled
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        case .character(let character):
            if text.count < maximumLength { text.append(character) }
        default:
            break
        }
        return .editing
    }
}
