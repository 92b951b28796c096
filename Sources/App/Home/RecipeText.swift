import Engine
import Training

/// The recipe the home screen's Train asks for, as one editable line:
/// `preset=vgg folds=5 epochs=40` (any order; `train=1,3` trains only those folds).
enum RecipeText {
    /// What the prompt starts with: the vgg recipe as it is.
    static var suggestion: String {
        let recipe = TrainingConfig.vggRecipe
        return "preset=\(recipe.preset) folds=\(recipe.foldCount) epochs=\(recipe.epochs)"
    }

    /// The recipe `text` asks for, or a sentence saying what is wrong.
    static func parse(_ text: String) -> Result<TrainingConfig, RecipeError> {
        var values: [String: String] = [:]
        for word in text.split(whereSeparator: \.isWhitespace) {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["preset", "folds", "epochs", "train"].contains(parts[0]) else {
                return .failure(RecipeError("'\(word)' is not preset=…, folds=…, epochs=… or train=…"))
            }
            values[parts[0]] = parts[1]
        }
        let preset = values["preset"] ?? TrainingConfig.vggRecipe.preset
        guard var config = try? TrainingConfig.recipe(for: preset) else {
            return .failure(RecipeError("no preset '\(preset)' (available: \(ModelSpec.presetNames.joined(separator: ", ")))"))
        }
        if let text = values["epochs"] {
            guard let epochs = Int(text), epochs >= 1 else { return .failure(RecipeError("epochs must be at least 1")) }
            config = config.withEpochs(epochs)
        }
        if let text = values["folds"] {
            guard let folds = Int(text), folds >= 2 else { return .failure(RecipeError("folds must be at least 2")) }
            config.foldCount = folds
        }
        if let text = values["train"] {
            let numbers = text.split(separator: ",").compactMap { Int($0) }
            guard !numbers.isEmpty, numbers.allSatisfy({ (1 ... config.foldCount).contains($0) }) else {
                return .failure(RecipeError("train= takes fold numbers 1…\(config.foldCount), e.g. train=1,3"))
            }
            config.folds = numbers
        }
        return .success(config)
    }
}

/// Why a recipe line cannot be used.
struct RecipeError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
