import Dataset
import Engine
import Foundation
import Testing
@testable import Training

@Suite struct TrainingConfigTests {
    @Test func seedRecipeIsTheTutorials() {
        let recipe = TrainingConfig.seedRecipe
        #expect(recipe.preset == "seed")
        #expect(recipe.epochs == 10 && recipe.batchSize == 64)
        #expect(recipe.optimizer == .kerasAdam)
        #expect(recipe.schedule == .constant)
        #expect(recipe.foldCount == 5 && !recipe.stratified && !recipe.poolTest)
        #expect(recipe.augmentation.isIdentity)
        #expect(recipe.labelSmoothing == 0 && recipe.classWeighting == .none)
    }

    @Test func vggRecipeTrainsHarder() throws {
        let recipe = try TrainingConfig.recipe(for: "vgg")
        #expect(recipe.preset == "vgg" && recipe.stratified)
        #expect(!recipe.augmentation.isIdentity)
        #expect(recipe.labelSmoothing == 0.1)
        #expect(recipe.optimizer.kind == .adamw)
        #expect(recipe.schedule == .cosine(totalEpochs: recipe.epochs, warmupEpochs: 2, minimum: 1e-5))
        #expect(try recipe.modelSpec(classNames: FER2013.classNames).name == "vgg")
        #expect(throws: TrainingError.self) { try TrainingConfig.recipe(for: "resnet") }
        #expect(throws: TrainingError.self, "retired with the blurred copy of FER2013") {
            try TrainingConfig.recipe(for: "lowres")
        }
    }

    @Test func withEpochsStretchesACosineSchedule() {
        let shorter = TrainingConfig.vggRecipe.withEpochs(12)
        #expect(shorter.epochs == 12)
        #expect(shorter.schedule == .cosine(totalEpochs: 12, warmupEpochs: 2, minimum: 1e-5))
        #expect(TrainingConfig.seedRecipe.withEpochs(3).schedule == .constant)
    }

    @Test func roundTripsThroughJSON() throws {
        var config = TrainingConfig.vggRecipe
        config.folds = [1, 3]
        config.seed = .max
        config.earlyStoppingPatience = 5
        config.classWeighting = .balanced
        config.dataPath = "/data/fer2013"
        let decoded = try JSONDecoder().decode(TrainingConfig.self, from: JSONEncoder().encode(config))
        #expect(decoded == config)
    }

    /// Each invalid setting, and the words its error must contain.
    static let invalidSettings: [(String, @Sendable (inout TrainingConfig) -> Void)] = [
        ("epochs", { @Sendable in $0.epochs = 0 }),
        ("batch size", { @Sendable in $0.batchSize = -1 }),
        ("K (the number of folds)", { @Sendable in $0.foldCount = 1 }),
        ("fold 6 does not exist", { @Sendable in $0.folds = [1, 6] }),
        ("more than once", { @Sendable in $0.folds = [2, 2] }),
        ("learning rate", { @Sendable in $0.optimizer.learningRate = .nan }),
        ("keep-last", { @Sendable in $0.keepLastCheckpoints = 0 }),
        ("patience", { @Sendable in $0.earlyStoppingPatience = 0 }),
        ("label smoothing", { @Sendable in $0.labelSmoothing = 1 }),
        ("evaluation batch size", { @Sendable in $0.evaluationBatchSize = 0 }),
        ("teacher's weight", { @Sendable in $0.distillation = Distillation(teacher: "/models", weight: 0) }),
        ("teacher model path", { @Sendable in $0.distillation = Distillation(teacher: "") }),
    ]

    @Test func invalidSettingsAreNamed() {
        for (expected, change) in Self.invalidSettings {
            var config = TrainingConfig.seedRecipe
            change(&config)
            #expect {
                try config.validate()
            } throws: { error in
                "\(error)".contains(expected) && "\(error)".hasPrefix("Invalid training configuration")
            }
        }
        #expect(throws: Never.self) { try TrainingConfig.seedRecipe.validate() }
    }

    @Test func unknownPresetAndWrongInputShapeAreRejected() throws {
        var config = TrainingConfig.seedRecipe
        config.preset = "resnet"
        #expect(throws: TrainingError.self) { try config.modelSpec(classNames: ["a", "b"]) }
        config.model = ModelSpec(
            name: "small", inputShape: [12, 12, 1], layers: [.flatten, .dense(units: 2, activation: .linear)],
            classNames: []
        )
        #expect {
            try config.modelSpec(classNames: ["a", "b"])
        } throws: { error in
            "\(error)".contains("faces are [48, 48, 1]")
        }
    }

    @Test func balancedClassWeightsFavourRareClasses() throws {
        let weights = try #require(ClassWeighting.balanced.weights(classCounts: [10, 30, 20]))
        #expect(weights == [2, Float(60) / 90, 1])
        #expect(ClassWeighting.none.weights(classCounts: [1, 2]) == nil)
    }
}
