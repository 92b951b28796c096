import ArgumentParser
import Dataset
import Engine
import Foundation
import Live
import Training

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Accuracy, per-class precision/recall/F1 and confusion matrix of a model.",
        discussion: """
        Scores the held-out split of the dataset (FER2013's test folder, or \
        PublicTest and PrivateTest of fer2013.csv); a dataset without one is scored \
        whole. --model takes a checkpoint, a run folder (the ensemble of its folds' \
        best models), or defaults to the model shipped with fer. The dataset may hold \
        fewer classes than the model (CK+ has no neutral; a class folder may be empty): \
        its faces are scored over all of the model's classes, and the report says \
        which classes were absent.

        Examples:
          fer eval --data ~/data/fer2013
          fer eval --data ~/data/fer2013 --model runs/r1 --json
          fer eval --data ~/data/fer2013 --tta crops
          fer eval --data ~/data/fer2013 --confusion-png confusion.png
        """
    )

    @Option(help: "Dataset folder or fer2013.csv.")
    var data: String

    @Flag(help: "Score every image, not only the held-out split.")
    var all = false

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var augmentation: TestTimeAugmentationOptions

    @Option(help: "Blur every face with a Gaussian of this σ (pixels) first, instead of the blur the model's checkpoint asks for (0: none).")
    var blur: Float?

    @Flag(help: "Print one JSON object.")
    var json = false

    @Option(help: "Also write the confusion matrix as a PNG heat map to this file.")
    var confusionPng: String?

    @OptionGroup var loading: DatasetLoadingOptions

    func validate() throws {
        if let blur, !(0 ... 10).contains(blur) { throw ValidationError("--blur must be in 0…10 (pixels)") }
    }

    func run() throws {
        let reference = try ModelLocator.reference(for: modelOptions.model)
        var options = loading.loadOptions
        options.allowsEmptyClasses = true
        let reading = ProgressLine(label: "loading", unit: "files")
        let loaded = try DatasetLoader.load(data, options: options, progress: reading.update)
        reading.finish()
        for skipped in loaded.report.skipped { FileHandle.standardError.write(Data("skipped \(skipped)\n".utf8)) }
        let dataset = loaded.dataset
        let (indices, name) = all ? (Array(0 ..< dataset.count), "all images") : Evaluator.defaultIndices(for: dataset)
        guard !indices.isEmpty else {
            throw NothingToScore(path: data, skipped: loaded.report.skipped.count)
        }
        let progress = ProgressLine(label: "scoring", unit: "faces")
        let started = Date()
        let report = try Evaluator.evaluate(
            reference, dataset: dataset, indices: indices, testTimeAugmentation: augmentation.tta,
            inputBlurSigma: blur, progress: progress.update
        )
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        if let confusionPng {
            let models = reference.checkpointPaths.count
            let title = (models == 1 ? "ONE MODEL" : "ENSEMBLE OF \(models) MODELS") + ", " + name.uppercased()
            try report.writeConfusionPlot(title: title, to: URL(fileURLWithPath: confusionPng))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print("Model: \(reference)")
            print("Data:  \(data), \(name), \(augmentation.tta.summary)")
            for line in report.lines { print(line) }
            let rate = Double(report.sampleCount) / max(seconds, 1e-9)
            print("")
            print("scored in \(Formatting.fixed(seconds, 1)) s: \(Formatting.grouped(Int(rate.rounded()))) faces/s")
        }
    }
}

/// The dataset holds no face `fer eval` could score.
private struct NothingToScore: Error, CustomStringConvertible {
    let path: String
    let skipped: Int
    var description: String {
        "'\(path)' has no readable faces to score" + (skipped > 0 ? " (\(skipped) files skipped)" : "")
    }
}
