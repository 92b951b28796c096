#if canImport(Glibc)
import Glibc
#endif
import App
import ArgumentParser
import Dataset
import Engine
import Foundation
import Training

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train with K-fold cross-validation; a live dashboard on a terminal.",
        discussion: """
        Starts from a recipe (--preset vgg: AdamW, cosine schedule, augmentation; --preset seed \
        or --seed-recipe: the seed tutorial's network and settings) and applies the options given. \
        Each run gets a folder runs/<name>/ with checkpoints per fold and epoch, the best model \
        per fold, metrics.csv and summary.json. Dashboard keys: p pause, s stop (resumable), \
        v views, q quit. When stdout is not a terminal, or with --plain, progress is printed as \
        lines instead.

        Examples:
          fer train --data ~/data/fer2013
          fer train --data ~/data/fer2013 --seed-recipe --epochs 5 --folds 1,2
          fer train --data ~/data/fer2013 --epochs 30 --lr 2e-3 --weight-decay 0.05
          fer train --data ~/data/fer2013 --teacher runs/20260315-142501-vgg --folds 1
          fer train --resume runs/20260315-142501-vgg
          fer train --data faces/ --plain > train.log
        """
    )

    @Option(help: "Dataset folder or fer2013.csv (when resuming: defaults to the run's dataset).")
    var data: String?

    @Option(help: "Model preset and its recipe: \(ModelSpec.presetNames.joined(separator: ", ")).")
    var preset = "vgg"

    @Flag(help: "The seed tutorial's recipe (seed network, Adam 1e-3, batch 64, 10 epochs, plain KFold).")
    var seedRecipe = false

    // Numbers are parsed unconditionally, so `--epochs -1` gets "must be at least 1" rather
    // than being read as an unknown option.
    @Option(parsing: .unconditional, help: "Epochs per fold.")
    var epochs: Int?

    @Option(parsing: .unconditional, help: "Images per training batch.")
    var batchSize: Int?

    @Option(name: [.customShort("k"), .customLong("fold-count")], parsing: .unconditional,
            help: "K: the number of folds.")
    var foldCount: Int?

    @Option(name: .customLong("lr"), parsing: .unconditional,
            help: "Peak learning rate (default: the recipe's; vgg 1e-3).")
    var learningRate: Float?

    @Option(parsing: .unconditional,
            help: "Decoupled weight decay (AdamW; an Adam recipe becomes AdamW). Default: the recipe's; vgg 0.01.")
    var weightDecay: Float?

    @Option(help: "Folds to train, e.g. 1,3 (default: all K).")
    var folds: String?

    @Flag(help: "Plain shuffled K-fold instead of keeping class proportions in every fold.")
    var noStratify = false

    @Flag(help: "Pool the held-out test split into the folds (the seed tutorial's protocol).")
    var poolTest = false

    @Flag(inversion: .prefixedNo, help: "Augment training images (default: as the recipe says).")
    var augment: Bool?

    @Option(help: ArgumentHelp(
        "Blur faces the models did not train on (test split, eval, predict, live) with a Gaussian "
            + "of this σ (pixels).",
        discussion: "Off by default. Only for a dataset whose training faces are blurrier than the faces "
            + "the model will meet (an earlier copy of FER2013 was); recorded in every checkpoint."
    ))
    var inputBlur: Float?

    @Option(help: ArgumentHelp(
        "Distil from a trained model: a checkpoint, a run folder or a folder of checkpoints "
            + "(e.g. a finished run: the ensemble of its folds' best models).",
        discussion: "Each training target mixes the label with the teacher's probabilities for the face, "
            + "predicted once when each session of the run starts (3–5 minutes for a 5-model vgg ensemble on "
            + "FER2013 with 2 cores); a single network learns from an ensemble this way.",
        valueName: "model"
    ))
    var teacher: String?

    @Option(parsing: .unconditional, help: "Share of the teacher's probabilities in each target, in (0, 1].")
    var teacherWeight: Float = 0.5

    @Option(help: "Seed for folds, initialisation, data order, augmentation and dropout.")
    var seed: UInt64?

    @Option(help: "Name of the run folder (default: date, time and preset).")
    var runName: String?

    @Option(help: "Folder the run folders go in.")
    var runs = "runs"

    @Option(help: "Continue a stopped run from its resume.safetensors.")
    var resume: String?

    @Flag(help: "Print progress lines instead of the dashboard.")
    var plain = false

    @OptionGroup var loading: DatasetLoadingOptions

    func validate() throws {
        if seedRecipe, preset != "vgg", preset != "seed" {
            throw ValidationError("--seed-recipe uses the seed preset; drop --preset \(preset)")
        }
        if data == nil, resume == nil { throw ValidationError("pass --data DIR (or --resume RUN_DIR)") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if let foldCount, foldCount < 2 { throw ValidationError("--fold-count must be at least 2") }
        if let learningRate, !(learningRate.isFinite && learningRate > 0 && learningRate < 10) {
            throw ValidationError("--lr must be a positive number below 10, e.g. 1e-3")
        }
        if let weightDecay, !(weightDecay.isFinite && weightDecay >= 0 && weightDecay < 1) {
            throw ValidationError("--weight-decay must be in 0..<1, e.g. 0.01")
        }
        if let inputBlur, !(0 ... 10).contains(inputBlur) {
            throw ValidationError("--input-blur must be in 0…10 (pixels; 0: none)")
        }
        if !(teacherWeight.isFinite && teacherWeight > 0 && teacherWeight <= 1) {
            throw ValidationError("--teacher-weight must be in (0, 1], e.g. 0.5")
        }
        if let teacher, !FileManager.default.fileExists(atPath: teacher) {
            throw ValidationError("--teacher \(teacher): no such checkpoint or folder")
        }
        _ = try foldList()
    }

    /// `--folds 1,3` as numbers.
    private func foldList() throws -> [Int]? {
        guard let folds else { return nil }
        let parts = folds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { Int($0) }
        guard !parts.isEmpty, numbers.count == parts.count else {
            throw ValidationError("--folds takes fold numbers separated by commas, e.g. 1,3; got '\(folds)'")
        }
        return numbers
    }

    /// The recipe with the options applied.
    private func config() throws -> TrainingConfig {
        var config = try TrainingConfig.recipe(for: seedRecipe ? "seed" : preset)
        if let epochs { config = config.withEpochs(epochs) }
        if let batchSize { config.batchSize = batchSize }
        if let foldCount { config.foldCount = foldCount }
        if let learningRate { config.optimizer.learningRate = learningRate }
        if let weightDecay {
            config.optimizer.weightDecay = weightDecay
            if config.optimizer.kind == .adam { config.optimizer.kind = .adamw }
        }
        config.folds = try foldList()
        if noStratify { config.stratified = false }
        if poolTest { config.poolTest = true }
        if let augment { config.augmentation = augment ? .standard : .none }
        if let seed { config.seed = seed }
        if let inputBlur { config.inputBlurSigma = inputBlur > 0 ? inputBlur : nil }
        if let teacher {
            let path = URL(fileURLWithPath: teacher).standardizedFileURL.path
            config.distillation = Distillation(teacher: path, weight: teacherWeight)
        }
        try config.validate()
        return config
    }

    func run() throws {
        let request = TrainingRequest(dataPath: data, config: try config(), runsDirectory: runs,
                                      runName: runName, resumeDirectory: resume,
                                      loadOptions: loading.loadOptions)
        let interactive = !plain && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1
        let end: TrainingEnd?
        if interactive {
            end = try FerApp.train(request)
        } else {
            end = .outcome(try PlainTraining.run(request) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            })
        }
        try report(end, printLines: interactive)
    }

    /// After the dashboard closes, says how the run ended; failures exit non-zero.
    private func report(_ end: TrainingEnd?, printLines: Bool) throws {
        var printer = PlainProgressPrinter()
        switch end {
        case nil:
            print("Training was not started.")
        case .failedToStart(let reason)?:
            throw StartFailure(reason: reason)
        case .outcome(.finished(let summary))?:
            if printLines { printer.lines(for: .runFinished(summary)).forEach { print($0) } }
        case .outcome(.cancelled(let cancelled))?:
            if printLines { printer.lines(for: .runCancelled(cancelled)).forEach { print($0) } }
            throw ExitCode(130)
        case .outcome(.failed(let error))?:
            throw error
        }
    }
}

/// Training could not start (the reason was also shown on the dashboard).
private struct StartFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
