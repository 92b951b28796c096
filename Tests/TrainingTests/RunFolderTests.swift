import Engine
import Foundation
import Testing
import Vision
@testable import Training

@Suite struct RunFolderTests {
    @Test func runFolderHoldsConfigMetricsSummaryAndPlots() throws {
        let run = try Fixtures.endToEnd.get()
        let folder = run.folder
        #expect(try folder.readConfig() == run.config)
        #expect(folder.foldNumbers == [1, 2, 3])
        let runs = RunFolder.runs(in: folder.url.deletingLastPathComponent())
        #expect(runs.map(\.url.lastPathComponent) == ["run"])
        #expect(try folder.readSummary() == run.summary)

        let csv = try String(contentsOf: folder.metricsCSVFile, encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "fold,epoch,loss,accuracy,val_loss,val_accuracy,lr,images_per_second,seconds")
        #expect(csv.count == 1 + 3 * run.config.epochs)
        #expect(csv[1].hasPrefix("1,1,"))
        #expect(csv.last?.hasPrefix("3,\(run.config.epochs),") == true)
        let rows = try folder.readMetrics()
        let epochEvents = run.events.compactMap { event -> EpochMetrics? in
            if case let .epochFinished(finished) = event { finished.metrics } else { nil }
        }
        #expect(rows == epochEvents)

        let summaryText = try String(contentsOf: folder.summaryFile, encoding: .utf8)
        for key in ["val_accuracy", "mean", "std", "ensemble_test", "pooled_validation", "f1"] {
            #expect(summaryText.contains("\"\(key)\""), "summary.json lacks \(key)")
        }
        #expect(run.summary.pooledValidation.sampleCount == 150)

        let foldPlots = (1 ... 3).flatMap { [folder.curvesPlot(fold: $0), folder.confusionPlot(fold: $0)] }
        for plot in [folder.confusionPlot] + foldPlots {
            let image = try ColorImage(contentsOf: plot.path)
            #expect(image.width > 300 && image.height > 300, "\(plot.path): \(image.width)×\(image.height)")
        }
        let curves = try ColorImage(contentsOf: folder.curvesPlot(fold: 1).path)
        #expect(curves.width == 2 * RunPlots.chartSize.width && curves.height == RunPlots.chartSize.height)

        #expect(try String(contentsOf: folder.loadReportFile, encoding: .utf8).contains("180 images"))
        let log = try String(contentsOf: folder.logFile, encoding: .utf8)
        #expect(log.contains("Epoch \(run.config.epochs)/\(run.config.epochs) - "))
        #expect(log.contains("Finished in"))
        // A finished run keeps no resume file.
        #expect(!FileManager.default.fileExists(atPath: folder.resumeCheckpoint.path))
    }

    @Test func foldsKeepTheLastCheckpointsAndTheBest() throws {
        let run = try Fixtures.endToEnd.get()
        let epochs = run.config.epochs, keep = run.config.keepLastCheckpoints
        for result in run.summary.folds {
            let kept = run.folder.epochCheckpoints(fold: result.fold).map(\.epoch)
            let expected = Set((epochs - keep + 1) ... epochs).union([result.best.epoch])
            #expect(Set(kept) == expected, "fold \(result.fold) keeps \(kept)")
            let best = try Checkpoint.read(from: run.folder.bestCheckpoint(fold: result.fold))
            #expect(best.metadata.metrics["epoch"] == Double(result.best.epoch))
            #expect(best.metadata.metrics["val_accuracy"] == result.best.validationAccuracy)
            #expect(best.metadata.optimizer == nil, "epoch checkpoints hold only the model")
            let bestEpochFile = try Checkpoint.read(
                from: run.folder.epochCheckpoint(fold: result.fold, epoch: result.best.epoch)
            )
            #expect(bestEpochFile.tensors == best.tensors)
            #expect(result.bestCheckpoint == "fold-\(result.fold)/best.safetensors")
        }
    }

    @Test func checkpointsRecordTheRunsInputBlur() throws {
        let folder = try Fixtures.runFolder("input-blur", fold: 1)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        var config = Fixtures.config()
        config.inputBlurSigma = 2.5
        let metrics = EpochMetrics(
            fold: 1, epoch: 1, loss: 1, accuracy: 0.5, validationLoss: 1, validationAccuracy: 0.5,
            learningRate: 1e-3, imagesPerSecond: 100, seconds: 1
        )
        let model = try Model(spec: config.modelSpec(classNames: Fixtures.classNames))
        let store = CheckpointStore(folder: folder, config: config)
        _ = try store.saveEpoch(model: model, metrics: metrics, bestEpoch: 1)
        let best = try Checkpoint.read(from: folder.bestCheckpoint(fold: 1))
        #expect(best.metadata.inputBlurSigma == 2.5, "eval, predict and live apply it")

        config.inputBlurSigma = 0
        #expect(throws: TrainingError.self) { try config.validate() }
    }

    @Test func pruningKeepsNewestAndBest() throws {
        let folder = try Fixtures.runFolder("prune", fold: 2)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        for epoch in 1 ... 7 {
            try Data([1]).write(to: folder.epochCheckpoint(fold: 2, epoch: epoch))
        }
        let store = CheckpointStore(folder: folder, config: Fixtures.config(keepLast: 3))
        store.prune(fold: 2, latestEpoch: 7, bestEpoch: 2)
        #expect(folder.epochCheckpoints(fold: 2).map(\.epoch) == [2, 5, 6, 7])
        store.prune(fold: 2, latestEpoch: 7, bestEpoch: 6)
        #expect(folder.epochCheckpoints(fold: 2).map(\.epoch) == [5, 6, 7])
    }

    @Test func defaultRunNamesAreTimestampAndPresetAndNeverCollide() throws {
        var components = DateComponents()
        (components.year, components.month, components.day) = (2026, 3, 15)
        (components.hour, components.minute, components.second) = (14, 25, 1)
        let date = try #require(Calendar.current.date(from: components))
        #expect(RunFolder.defaultName(preset: "seed", date: date) == "20260315-142501-seed")

        let directory = Fixtures.temporaryDirectory("names")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try RunFolder.create(in: directory, name: nil, preset: "vgg")
        let second = try RunFolder.create(in: directory, name: nil, preset: "vgg")
        #expect(first.url != second.url)
        _ = try RunFolder.create(in: directory, name: "mine", preset: "vgg")
        for taken in ["mine", "../escape"] {
            #expect(throws: TrainingError.self) {
                try RunFolder.create(in: directory, name: taken, preset: "vgg")
            }
        }
    }
}
